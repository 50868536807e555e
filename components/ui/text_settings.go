package ui

import "unknot/data"

// PageText holds the words of the settings, safety, symptoms and routines
// screens and of the home screen's additions, in one place so the app can be
// translated.
var PageText = struct {
	// Settings.
	SettingsTitle, SettingsLead, Saved, GuidanceTitle, VoiceOn, WhichVoice, AutoVoice   string
	NoVoices, VoiceSpeed, TestVoice, VoiceSample, NoVoiceToTest, BeepsOn, BeepVolume    string
	TestBeep, VibrationOn, KeepAwakeOn, PacingTitle, GetReady, RestBetween, SecondsUnit string
	NumberRange, AppearanceTitle, Theme, LargerText, ReduceMotion, RemindersTitle       string
	RemindersLead, MorningAt, EveningAt, DownloadICS, ICSName, ImportHelp, ICSReady     string
	ThemeLabel                                                                          map[string]string
	// Safety.
	SafetyTitle, SafetyLead, WhileTitle, EmergencyTitle, EmergencyLead, UrgentTitle   string
	UrgentLead, ProfessionalTitle, SeeSymptoms, GateTitle, GateLead, GateMore, GateOK string
	GateSaveFailed, SourceTitle, SourceText                                           string
	While, Emergency, Urgent, Professional                                            []string
	// Symptoms.
	SymptomsLead, SeeProfessional, SeeSafety string
	// Routines.
	RoutinesTitle, RoutinesLead, BuiltinTitle, YoursTitle, NoneYet, NewName, Create               string
	Edit, Duplicate, Delete, ConfirmDelete, KeepIt, Duplicated, Deleted, Created                  string
	EditTitle, NewTitle, Name, Exercises, NoItems, RepsOf, NameTooLong, HoldOf, HoldFixed, MoveUp string
	MoveDown, Remove, Moved, Removed, Added, AddWhich, AddExercise, RestNote, Save                string
	Cancel, SavedRoutine, SetAside, SetAsideDone, Position, RoutineActions                        string
	// Home.
	Today, TodayDone, TodayPartly, TodayToDo, ManageRoutines, SymptomsLink, SafetyLink string
	YourRoutines                                                                       string
	PartName                                                                           map[string]string
}{
	SettingsTitle:   "Settings",
	SettingsLead:    "Every change is saved on this device as you make it.",
	Saved:           "Saved.",
	GuidanceTitle:   "Voice, sounds and screen",
	VoiceOn:         "Speak the instructions",
	WhichVoice:      "Voice",
	AutoVoice:       "Automatic (an English voice on this device)",
	NoVoices:        "This device offers no voices for speech yet. Sessions will guide you with beeps.",
	VoiceSpeed:      "Speaking speed",
	TestVoice:       "Test voice",
	VoiceSample:     "Slowly bring one knee towards your chest, and breathe.",
	NoVoiceToTest:   "No voice could speak on this device.",
	BeepsOn:         "Beeps",
	BeepVolume:      "Beep volume",
	TestBeep:        "Test beep",
	VibrationOn:     "Vibrate at every change (phones)",
	KeepAwakeOn:     "Keep the screen on during a session",
	PacingTitle:     "Pacing",
	GetReady:        "Get-ready time before the first exercise",
	RestBetween:     "Rest between exercises",
	SecondsUnit:     "seconds",
	NumberRange:     "Enter a whole number of seconds from %d to %d.",
	AppearanceTitle: "Appearance",
	Theme:           "Theme",
	LargerText:      "Larger text",
	ReduceMotion:    "Reduce motion",
	RemindersTitle:  "Reminders",
	RemindersLead:   "A web app cannot wake your phone on its own, so Unknot makes a calendar file: your calendar then reminds you every day. Clear a time to leave that reminder out.",
	MorningAt:       "Morning reminder",
	EveningAt:       "Evening reminder",
	DownloadICS:     "Download calendar reminders",
	ICSName:         "unknot-reminders.ics",
	ImportHelp:      "To add them: on Android, open the file from your downloads with Google Calendar or your calendar app; on iPhone or iPad, tap the file and choose “Add All”; on a computer, import it in Google Calendar (Settings → Import), Outlook or Apple Calendar.",
	ICSReady:        "The calendar file is in your downloads.",
	ThemeLabel:      map[string]string{"system": "Same as the device", "light": "Light", "dark": "Dark"},

	SafetyTitle: "Safety",
	SafetyLead:  "Unknot offers general exercises. It is not medical advice and does not replace a healthcare professional who knows your back.",
	WhileTitle:  "While you exercise",
	While: []string{
		"Stop an exercise if the pain becomes sharply worse.",
		"Some discomfort is normal at first: a sore back is not a damaged back, and hurt does not always mean harm.",
		"Stay as active as you can. Long rest tends to make back pain last longer.",
		"Begin with an amount that does not add to your pain. If the pain is worse afterwards, go back to an amount you could manage every day, stay there for a week or more, then add a little.",
	},
	EmergencyTitle: "Get help now",
	EmergencyLead:  "Call 999 (UK), 112 (Europe) or 911 (US and Canada), or go to an emergency department, if you have back pain together with any of these:",
	// The signs themselves, and what each calls for, are kept in data,
	// where a test holds the list.
	Emergency:         data.Signs(data.Emergency),
	UrgentTitle:       "See a doctor urgently",
	UrgentLead:        "Ask for an urgent appointment with a doctor, today or tomorrow (in the UK, your GP or NHS 111), if you have back pain and:",
	Urgent:            data.Signs(data.DoctorSoon),
	ProfessionalTitle: "When to see a healthcare professional",
	Professional: []string{
		"The pain has not started to ease after a few weeks of staying active.",
		"It stops you doing your daily activities or work.",
		"Spasms keep coming back.",
		"You are worried about it, or unsure whether these exercises suit you.",
	},
	SourceTitle:    "Where the exercises come from",
	SourceText:     "The exercises, their holds, rounds and how often to do them come from one article, published in April 2025, on easing spasms of the lower back with stretches you can do at home or at your desk. Unknot calls it the source article. Where it gives no number, Unknot says so and what it uses instead.",
	SeeSymptoms:    "Signs of a lower-back spasm and what helps",
	GateTitle:      "Before your first session",
	GateLead:       "These exercises are general advice, not medical advice. Stop if the pain becomes sharply worse.",
	GateMore:       "All the warning signs, and when to see a doctor",
	GateOK:         "I understand",
	GateSaveFailed: "Your answer could not be saved (%v); you will be asked again next time.",

	SymptomsLead:    "A lower-back spasm is a muscle in the lower back tightening and not letting go. It can come on suddenly and can hurt a lot, yet in many cases it is not a sign of anything serious.",
	SeeProfessional: "If you are not sure what your pain is, or it does not settle, see a healthcare professional: a doctor or a physiotherapist can check your back and tell you what will help.",
	SeeSafety:       "Warning signs that need a doctor",

	RoutinesTitle:  "Routines",
	RoutinesLead:   "Start one that comes with Unknot, or make your own from the five exercises.",
	BuiltinTitle:   "Built-in routines",
	YoursTitle:     "Your routines",
	NoneYet:        "You have no routines of your own yet. Create one, or duplicate a built-in routine and change it.",
	NewName:        "Name of a new routine",
	Create:         "Create routine",
	Edit:           "Edit",
	Duplicate:      "Duplicate",
	Delete:         "Delete",
	ConfirmDelete:  "Delete %s? This cannot be undone.",
	KeepIt:         "Keep it",
	Duplicated:     "%s was added to your routines.",
	Deleted:        "%s was deleted.",
	Created:        "Add exercises to %s, then save it.",
	EditTitle:      "Edit %s",
	NewTitle:       "New routine",
	Name:           "Name",
	Exercises:      "Exercises",
	NoItems:        "No exercises yet: add one below.",
	NameTooLong:    "A name can have at most %d characters; this one has %d. Shorten it a little.",
	RepsOf:         "Rounds (%d to %d)",
	HoldOf:         "Hold, in seconds (%d to %d)",
	HoldFixed:      "Hold: %s",
	MoveUp:         "Move %s up",
	MoveDown:       "Move %s down",
	Remove:         "Remove %s",
	Moved:          "%s moved to position %d of %d.",
	Removed:        "%s removed.",
	Added:          "%s added as exercise %d.",
	AddWhich:       "Exercise to add",
	AddExercise:    "Add exercise",
	RestNote:       "The rest between exercises (now %d seconds) is set in ",
	Save:           "Save routine",
	Cancel:         "Cancel",
	SavedRoutine:   "%s was saved.",
	SetAside:       "Keep a copy and start afresh",
	SetAsideDone:   "A copy of your old routines is kept on this device under “%s”.",
	Position:       "%d.",
	RoutineActions: "Actions for %s",

	Today:          "Today",
	TodayDone:      "%s ✓",
	TodayPartly:    "%s partly done",
	TodayToDo:      "%s to do",
	ManageRoutines: "Make your own routine",
	SymptomsLink:   "Signs of a lower-back spasm",
	SafetyLink:     "Safety and warning signs",
	YourRoutines:   "Your routines",
	PartName:       map[string]string{"morning": "morning", "evening": "evening"},
}
