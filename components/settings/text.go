package settings

// text holds this package's words, in one place so the app can be
// translated. Words two packages show are ui.Text.
var text = struct {
	BadgeOn         string
	BadgeHint       string
	SettingsLead    string
	Saved           string
	GuidanceTitle   string
	VoiceOn         string
	FullOn          string
	FullHint        string
	WhichVoice      string
	AutoVoice       string
	AutoVoiceHint   string
	ChosenVoice     string
	NoVoices        string
	VoiceSpeed      string
	TestVoice       string
	VoiceSample     string
	NoVoiceToTest   string
	BeepsOn         string
	BeepVolume      string
	TestBeep        string
	VibrationOn     string
	KeepAwakeOn     string
	PacingTitle     string
	GetReady        string
	RestBetween     string
	SecondsUnit     string
	NumberRange     string
	AppearanceTitle string
	Theme           string
	LargerText      string
	ReduceMotion    string
	RemindersTitle  string
	RemindersLead   string
	MorningAt       string
	EveningAt       string
	DownloadICS     string
	ICSName         string
	ImportHelp      string
	ICSReady        string
	ThemeLabel      map[string]string
}{
	BadgeOn:         "Show today's sessions left on the app icon",
	BadgeHint:       "Where the device allows it, once Unknot is installed.",
	SettingsLead:    "Every change is saved on this device as you make it.",
	Saved:           "Saved.",
	GuidanceTitle:   "Voice, sounds and screen",
	VoiceOn:         "Speak the instructions",
	FullOn:          "Say the whole instruction every round",
	FullHint:        "Off: from the second round of an exercise on, the voice says a short cue that keeps the side (\"Round 2 of 3. Your left knee to your chest.\"), and the hold comes sooner. The screen shows the whole instruction either way.",
	WhichVoice:      "Voice",
	AutoVoice:       "Automatic",
	AutoVoiceHint:   "Automatic: an English voice on this device speaks.",
	ChosenVoice:     "Speaking with %s.",
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
}
