package ui

import "unknot/data"

// Text holds the words of package ui and those that more than one feature
// shows, in one place so the app can be translated; each feature keeps its
// own words in its own table, named text. Exercise texts live in package
// data.
var Text = struct {
	RunningElsewhere                                               string
	ProfessionalTitle                                              string
	Professional                                                   []string
	Persisted                                                      string
	NotPersisted                                                   string
	DailyTitle                                                     string
	HurtTitle                                                      string
	HurtNow                                                        []string
	EaseOffHigh                                                    string
	Pause                                                          string
	Start                                                          string
	StartRoutine                                                   string
	Home                                                           string
	Minutes                                                        string
	ExerciseCount                                                  string
	NoVibration                                                    string
	UpdateReady                                                    string
	Reload                                                         string
	Install                                                        string
	InstallIOS                                                     string
	NotFound                                                       string
	NotFoundTitle, NotFoundLead, NotFoundExercise, NotFoundRoutine string
	NotFoundAddress, NotFoundHome, NotFoundOr                      string
	PainLabel                                                      string
	PainNone                                                       string
	PainWorst                                                      string
	EaseOff                                                        string
	Saved                                                          string
	SaveFailed                                                     string
	Unfinished                                                     string
	UnfinishedText                                                 string
	ResumeIt                                                       string
	SaveAsPartial                                                  string
	Discard                                                        string
	CannotResume                                                   string
	SeeSafety                                                      string
	DownloadFailed                                                 string
	Shared                                                         string
	ShareFailed                                                    string
	Title                                                          string
	Intro                                                          string
	Unreadable                                                     string
	KeptTitle                                                      string
	Export                                                         string
	ExportIntro                                                    string
	Exported                                                       string
	Many                                                           string
	AskOne                                                         string
	AskMany                                                        string
	Gone                                                           string
	Discarded                                                      string
	Undo                                                           string
	PutBack                                                        string
	UndoFailed                                                     string
	SettingsTitle                                                  string
	EmergencyTitle                                                 string
	EmergencyLead                                                  string
	Emergency                                                      []string
	UrgentTitle                                                    string
	UrgentLead                                                     string
	Urgent                                                         []string
	GateTitle                                                      string
	GateLead                                                       string
	GateMore                                                       string
	GateOK                                                         string
	GateSaveFailed                                                 string
}{
	RunningElsewhere:  "That session is running in another tab or window of Unknot, so it was not opened here too. Carry on there, or start this routine afresh here.",
	ProfessionalTitle: "When to see a healthcare professional",
	Professional: []string{
		"The pain has not started to ease after a few weeks of staying active.",
		"It stops you doing your daily activities or work.",
		"Spasms keep coming back.",
		"You are worried about it, or unsure whether these exercises suit you.",
	},
	// What the browser does with the app's data when space runs low
	// (webapi.Persisted): the player and History say it in the same words.
	Persisted:    "Your browser keeps Unknot's data on this device even when space runs low.",
	NotPersisted: "Your browser may clear Unknot's data if space runs low: back up from History now and then.",
	DailyTitle:   "Once a day, counted across all of today's sessions",
	HurtTitle:    "You stopped because it hurt",
	HurtNow: []string{
		"Stop the exercises for now. Get into whatever position eases the pain most, such as flat on your back with the knees bent, or curled on your side.",
		"Breathe slowly and let the muscles settle. Once you can, get up slowly and move gently.",
		"Next time, start with fewer rounds and move more gently.",
		"If the pain is severe, keeps getting worse or comes with any of the warning signs below, get help as they say.",
	},
	EaseOffHigh:      "Your pain is high after this session. Ease off: next time do fewer rounds, move more gently, and stop if it sharpens. If the pain is severe, keeps getting worse, or comes with any warning sign, see a healthcare professional.",
	Pause:            "Your pain has risen after 3 of your last 5 sessions. Pause these exercises and see a healthcare professional, such as your GP or a physiotherapist, before you carry on.",
	Start:            "Start",
	StartRoutine:     "Start %s",
	Home:             "Home",
	Minutes:          "About %s",
	ExerciseCount:    "%d exercises",
	NoVibration:      "This browser cannot vibrate: each change still shows on the screen, and sounds when beeps are on.",
	UpdateReady:      "A new version of Unknot is ready.",
	Reload:           "Update now",
	Install:          "Install Unknot",
	InstallIOS:       "To install on iPhone or iPad: tap the Share button, then “Add to Home Screen”.",
	NotFound:         "There is nothing here. It may have been renamed.",
	NotFoundTitle:    "There is no such page",
	NotFoundLead:     "This address is not a page of Unknot. It may be mistyped, or the page may have moved.",
	NotFoundExercise: "There is no exercise at this address. It may be mistyped: the five exercises are listed on Home.",
	NotFoundRoutine:  "There is no routine at this address. It may have been deleted or renamed, or the address may be mistyped.",
	NotFoundAddress:  "The address: ",
	NotFoundHome:     "Go to Home",
	NotFoundOr:       "Or go straight to:",
	PainLabel:        "Pain %d out of 10",
	PainNone:         "0 = no pain",
	PainWorst:        "10 = worst",
	EaseOff:          "Your pain is higher than before you started. Ease off: next time do fewer rounds, move more gently, and stop if it sharpens. If the pain is severe, keeps getting worse, or comes with any warning sign, see a healthcare professional.",
	Saved:            "Saved to your history on this device.",
	SaveFailed:       "This session is not saved yet: %v",
	Unfinished:       "An unfinished session",
	UnfinishedText:   "%s, started %s at %s: %s of %s done.",
	ResumeIt:         "Resume",
	SaveAsPartial:    "Save as partial",
	Discard:          "Discard",
	CannotResume:     "This session cannot carry on where it stopped: Unknot has changed since it started. You can save what you did.",
	SeeSafety:        "Warning signs and when to get help",
	DownloadFailed:   "The file could not be saved: %v",
	// Shared: the file's name.
	Shared: "Sent %s to the share sheet's choice.",
	// ShareFailed: why.
	ShareFailed:    "The file could not be shared: %s. Export it instead.",
	Title:          "Kept aside",
	Intro:          "Unknot never writes over what it cannot read. It keeps it, exactly as it was, so you can save it as a file and nothing is lost.",
	Unreadable:     "Not read, and left as it was: %s. Unknot copies it aside before it saves anything over it.",
	KeptTitle:      "Copies kept on this device",
	Export:         "Save everything kept aside as a file",
	ExportIntro:    "The file holds each copy's text exactly, even characters other apps would change.",
	Exported:       "Saved %s.",
	Many:           "Unfinished sessions",
	AskOne:         "Before this routine starts: a session you did not finish is waiting. Resume it, save what you did as a partial session, or discard it.",
	AskMany:        "Before this routine starts: sessions you did not finish are waiting. For each one, resume it, save what you did as a partial session, or discard it.",
	Gone:           "That session is no longer waiting: it was finished, saved or discarded in another tab. Nothing was changed.",
	Discarded:      "The unfinished %s session was discarded. You can undo this for %d seconds.",
	Undo:           "Undo",
	PutBack:        "The %s session is back, waiting to be resumed.",
	UndoFailed:     "The session could not be put back: %v",
	SettingsTitle:  "Settings",
	EmergencyTitle: "Get help now",
	EmergencyLead:  "Call 999 (UK), 112 (Europe) or 911 (US and Canada), or go to an emergency department, if back pain comes with any of these:",
	// The signs themselves, and what each calls for, are kept in data,
	// where a test holds the list.
	Emergency:      data.Signs(data.Emergency),
	UrgentTitle:    "See a doctor urgently",
	UrgentLead:     "Ask for an urgent appointment with a doctor, today or tomorrow (in the UK, your GP or NHS 111), if you have back pain and:",
	Urgent:         data.Signs(data.DoctorSoon),
	GateTitle:      "Before your first session",
	GateLead:       "General advice, not medical advice. Stop if the pain gets sharply worse.",
	GateMore:       "All the warning signs, and when to see a doctor",
	GateOK:         "I understand",
	GateSaveFailed: "Your answer could not be saved (%v); you will be asked again next time.",
}
