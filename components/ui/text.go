package ui

// Text holds the words of the interface in one place, so the app can be
// translated. Exercise texts live in package data.
var Text = struct {
	AppName, Tagline, Routines, Exercises, Start, StartRoutine, Home               string
	Minutes, ExerciseCount, OpenExercise, StartExercise, StartPosition, ChooseHold string
	Steps, Feel, Hold, Reps, HowOften, Progression, Caution, Positions             string
	Pause, Resume, Back, Skip, Stop, EndSession, KeepGoing, ConfirmEnd             string
	Voice, Beeps, Vibration, KeepAwake, CuesTitle, NoVoice                         string
	NoVibration                                                                    string
	Paused, RoundOf, ExerciseOf, Next, Remaining                                   string
	DoneOf, Again, Symptoms, Advice                                                string
	UpdateReady, Reload, Install, InstallIOS, NotFound, LoadError                  string
	PainBefore, PainAfter, PainLabel, PainNone, PainWorst, EaseOff                 string
	Note, NoteHint, Saved, Saving, SaveFailed, Retry, Persisted                    string
	FullKept, FullNotKept                                                          string
	NotPersisted, Unfinished, ResumeIt, SaveAsPartial, Discard                     string
	UnfinishedText, CannotResume, ResumeHint, SeeSafety, Fewer, More               string
	SideLabel, SideDone                                                            map[string]string
	KindLabel                                                                      map[string]string
}{
	AppName:        "Unknot",
	Tagline:        "Guided stretches for lower-back spasms. Put the phone down and follow the voice.",
	Routines:       "Routines",
	Exercises:      "The five exercises",
	Start:          "Start",
	StartRoutine:   "Start %s",
	Home:           "Home",
	Minutes:        "About %s",
	ExerciseCount:  "%d exercises",
	OpenExercise:   "How to do it",
	StartExercise:  "Do this exercise now",
	ChooseHold:     "Choose how long to hold: make a routine with %s in it",
	StartPosition:  "Starting position",
	Steps:          "Step by step",
	Feel:           "What you should feel",
	Hold:           "Hold",
	Reps:           "Rounds",
	HowOften:       "How often",
	Progression:    "Building up",
	Caution:        "Take care",
	Positions:      "The positions",
	Pause:          "Pause",
	Resume:         "Resume",
	Back:           "Back",
	Skip:           "Skip",
	Stop:           "End",
	EndSession:     "End the session now?",
	KeepGoing:      "Keep going",
	ConfirmEnd:     "End session",
	Voice:          "Voice",
	Beeps:          "Beeps",
	Vibration:      "Vibration",
	KeepAwake:      "Keep screen on",
	CuesTitle:      "Guidance",
	NoVoice:        "This device has no voice for speech, so Unknot will guide you with beeps.",
	NoVibration:    "This browser cannot vibrate: each change still shows on the screen, and sounds when beeps are on.",
	Paused:         "Paused",
	RoundOf:        "Round %d of %d",
	ExerciseOf:     "Exercise %d of %d",
	Next:           "Next: %s",
	Remaining:      "%s left",
	DoneOf:         "%d of %d rounds",
	Again:          "Do it again",
	Symptoms:       "Signs of a lower-back spasm",
	Advice:         "Good to know",
	UpdateReady:    "A new version of Unknot is ready.",
	Reload:         "Update now",
	Install:        "Install Unknot",
	InstallIOS:     "To install on iPhone or iPad: tap the Share button, then “Add to Home Screen”.",
	NotFound:       "There is nothing here. It may have been renamed.",
	LoadError:      "This routine cannot be started: %v",
	PainBefore:     "How is your back right now? (optional)",
	PainAfter:      "And now, after the session? (optional)",
	PainLabel:      "Pain %d out of 10",
	PainNone:       "0 = no pain",
	PainWorst:      "10 = worst",
	EaseOff:        "Your pain is higher than before you started. Ease off: next time do fewer rounds, move more gently, and stop if it sharpens. If the pain is severe, keeps getting worse, or comes with any warning sign, see a healthcare professional.",
	Note:           "A note for yourself (optional)",
	NoteHint:       "How did it feel? Anything to remember next time?",
	Saved:          "Saved to your history on this device.",
	Saving:         "Saving to your history on this device…",
	SaveFailed:     "This session is not saved yet: %v",
	FullKept:       "storage on this device is full. Unknot keeps the session and saves it by itself as soon as there is room: when you come back to this page, at each step of your next session and each time you open Unknot. Freeing space helps; exporting a backup still works.",
	FullNotKept:    "storage on this device is full, too full even to keep it for later. While this screen is open, Unknot saves it by itself as soon as there is room: when you come back to it, or leave it. If it cannot by then, the next launch offers the session from its last step. Freeing space helps; exporting a backup still works.",
	Retry:          "Try saving again",
	Persisted:      "Your browser will keep this data even when space runs low.",
	NotPersisted:   "Your browser may clear this data if space runs low: back up from the History page now and then.",
	Unfinished:     "An unfinished session",
	UnfinishedText: "%s, started %s at %s: %s of %s done.",
	ResumeIt:       "Resume",
	SaveAsPartial:  "Save as partial",
	Discard:        "Discard",
	CannotResume:   "This session cannot carry on where it stopped: Unknot has changed since it started. You can save what you did.",
	ResumeHint:     "Resumed where you stopped. Press Resume when you are ready.",
	SeeSafety:      "Warning signs and when to get help",
	Fewer:          "Fewer",
	More:           "More",
	SideLabel: map[string]string{
		"left": "Left side", "right": "Right side", "both": "Both knees",
	},
	SideDone: map[string]string{"left": "Left side done", "right": "Right side done"},
	KindLabel: map[string]string{
		"get-ready": "Get ready", "position": "Get into position", "instruct": "Get ready to hold", "hold": "Hold",
		"release": "Release", "switch": "Switch sides", "rest": "Rest", "done": "Done",
		"in": "Breathe in", "out": "Breathe out",
	},
}
