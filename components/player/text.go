package player

// text holds this package's words, in one place so the app can be
// translated. Words two packages show are ui.Text.
var text = struct {
	NothingLeft        string
	DosesChanged       string
	ResumeNothingLeft  string
	Hurt               string
	HurtKey            string
	Pause              string
	Resume             string
	Back               string
	Skip               string
	Stop               string
	EndSession         string
	KeepGoing          string
	ConfirmEnd         string
	Voice              string
	Beeps              string
	Vibration          string
	KeepAwake          string
	CuesTitle          string
	NoVoice            string
	NoVoiceShort       string
	Paused             string
	RoundOf            string
	ExerciseOf         string
	Next               string
	Remaining          string
	DoneOf             string
	Again              string
	LoadError          string
	PainBefore         string
	PainAfter          string
	Note               string
	NoteHint           string
	Saving             string
	FullKept           string
	FullNotKept        string
	Retry              string
	ResumeHint         string
	Fewer              string
	More               string
	SideLabel          map[string]string
	SideDone           map[string]string
	KindLabel          map[string]string
	NextAfter          string
	OpenHistory        string
	OpenScreen         string
	Complete           string
	CompleteLead       string
	Skipped            string
	SkippedLead        string
	Ended              string
	EndedLead          string
	Nothing            string
	NothingLead        string
	NothingDone        string
	NothingSkippedLead string
	HurtLead           string
	SkipExercise       string
	KeysHint           string
	DoseHint           string
}{
	ResumeNothingLeft: "What you did in that session is kept in your history, as a partial session on the day it started. Nothing of it is left for now: today's doses of its exercises are done.",
	DosesChanged:      "Today's doses changed since this screen was drawn (a session was saved, or the day moved on), so the routine was planned again: check it, then press Start.",
	NothingLeft:       "Nothing of this routine is left for now: the source article counts these exercises per day, and what is open of today's is done.",
	Hurt:              "This hurts: stop",
	HurtKey:           "H",
	Pause:             "Pause",
	Resume:            "Resume",
	Back:              "Back",
	Skip:              "Skip",
	Stop:              "End",
	EndSession:        "End the session now?",
	KeepGoing:         "Keep going",
	ConfirmEnd:        "End session",
	Voice:             "Voice",
	Beeps:             "Beeps",
	Vibration:         "Vibration",
	KeepAwake:         "Keep screen on",
	CuesTitle:         "Guidance",
	NoVoice:           "This device has no voice for speech, so Unknot will guide you with beeps, and each step lasts as long as its words take to read.",
	NoVoiceShort:      "No voice on this device: follow the beeps.",
	Paused:            "Paused",
	RoundOf:           "Round %d of %d",
	ExerciseOf:        "Exercise %d of %d",
	Next:              "Next: %s",
	Remaining:         "%s left",
	DoneOf:            "%d of %d rounds",
	Again:             "Do it again",
	LoadError:         "This routine cannot be started: %v",
	PainBefore:        "How is your back right now? (optional)",
	PainAfter:         "And now, after the session? (optional)",
	Note:              "A note for yourself (optional)",
	NoteHint:          "How did it feel? Anything to remember next time?",
	Saving:            "Saving to your history on this device…",
	FullKept:          "storage on this device is full. Unknot keeps the session and saves it by itself as soon as there is room: when you come back to this page, at each step of your next session and each time you open Unknot. Freeing space helps; exporting a backup still works.",
	FullNotKept:       "storage on this device is full, too full even to keep it for later. While this screen is open, Unknot saves it by itself as soon as there is room: when you come back to it, or leave it. If it cannot by then, the next launch offers the session from its last step. Freeing space helps; exporting a backup still works.",
	Retry:             "Try saving again",
	ResumeHint:        "Resumed where you stopped. Press Resume when you are ready.",
	Fewer:             "Fewer",
	More:              "More",
	SideLabel: map[string]string{
		"left": "Left side", "right": "Right side", "both": "Both knees",
	},
	SideDone: map[string]string{"left": "Left side done", "right": "Right side done"},
	KindLabel: map[string]string{
		"get-ready": "Get ready", "position": "Get into position", "instruct": "Get ready to hold", "hold": "Hold",
		"release": "Release", "switch": "Switch sides", "rest": "Rest", "done": "Done",
		"in": "Breathe in", "out": "Breathe out",
	},
	// NextAfter: what comes next, as the button will say it.
	NextAfter:          "This session keeps going. When it ends: %s.",
	OpenHistory:        "Open your history",
	OpenScreen:         "Open the screen you chose",
	Complete:           "Well done",
	CompleteLead:       "You finished %s in %s.",
	Skipped:            "Done, with some skipped",
	SkippedLead:        "You went through %s in %s and skipped part of %s.",
	Ended:              "Session ended early",
	EndedLead:          "You ended %s at exercise %d of %d, after %s.",
	Nothing:            "Session ended",
	NothingLead:        "You ended %s after %s, before any hold was done. It is not kept in your history.",
	NothingDone:        "Nothing done",
	NothingSkippedLead: "You went through %s in %s without doing a hold: every step was skipped. It is not kept in your history.",
	HurtLead:           "You stopped %s after %s because it hurt. It is kept in your history as stopped early, with that reason.",
	SkipExercise:       "Skip exercise",
	KeysHint:           "Keys: Space pauses, ← goes back, → skips a step, Shift+→ skips the exercise, H stops because it hurts.",
	DoseHint:           "These rounds are a suggestion. On a bad day do fewer, down to one: use −.",
}
