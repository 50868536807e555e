package guide

// text holds this package's words, in one place so the app can be
// translated. Words two packages show are ui.Text.
var text = struct {
	AppName         string
	Tagline         string
	Routines        string
	Exercises       string
	StartExercise   string
	ChooseHold      string
	StartPosition   string
	Steps           string
	Feel            string
	Hold            string
	Reps            string
	HowOften        string
	Progression     string
	Caution         string
	Positions       string
	Symptoms        string
	Advice          string
	HomeNotice      string
	HomeLink        string
	SafetyTitle     string
	SafetyLead      string
	WhileTitle      string
	While           []string
	SourceTitle     string
	SourceText      string
	SeeSymptoms     string
	SymptomsLead    string
	SeeProfessional string
	SeeSafety       string
	Today           string
	TodayDone       string
	TodayPartly     string
	TodayToDo       string
	ManageRoutines  string
	SymptomsLink    string
	SafetyLink      string
	PartName        map[string]string
}{
	AppName:       "Unknot",
	Tagline:       "Guided stretches for lower-back spasms. Put the phone down and follow the voice.",
	Routines:      "Routines",
	Exercises:     "The five exercises",
	StartExercise: "Do this exercise now",
	ChooseHold:    "Choose how long to hold: make a routine with %s in it",
	StartPosition: "Starting position",
	Steps:         "Step by step",
	Feel:          "What you should feel",
	Hold:          "Hold",
	Reps:          "Rounds",
	HowOften:      "How often",
	Progression:   "Building up",
	Caution:       "Take care",
	Positions:     "The positions",
	Symptoms:      "Signs of a lower-back spasm",
	Advice:        "Good to know",
	HomeNotice:    "%s could not be read.",
	HomeLink:      "See what happened and save a copy",
	SafetyTitle:   "Safety",
	SafetyLead:    "Unknot offers general exercises. It is not medical advice and does not replace a healthcare professional who knows your back.",
	WhileTitle:    "While you exercise",
	While: []string{
		"Stop an exercise if the pain becomes sharply worse.",
		"Some discomfort is common at first: the source article says activity and exercise are unlikely to make back pain worse, even if they are uncomfortable at first.",
		"Stay as active as you can: the source article says staying active can help you recover, and NHS advice on back pain is to keep moving rather than rest for long.",
		"Begin with an amount that does not add to your pain. If the pain is worse afterwards, go back to an amount you could manage every day, stay there for a week or more, then add a little.",
	},
	SourceTitle:     "Where the exercises come from",
	SourceText:      "The exercises, their holds, rounds and how often to do them come from one article, “%s”, published on %s, on easing spasms of the lower back with stretches you can do at home or at your desk. Unknot calls it the source article. Where it gives no number, Unknot says so and what it uses instead.",
	SeeSymptoms:     "Signs of a lower-back spasm and what helps",
	SymptomsLead:    "A lower-back spasm is a muscle in the lower back tightening and not letting go. It can come on suddenly and can hurt a lot, yet in many cases it is not a sign of anything serious.",
	SeeProfessional: "If you are not sure what your pain is, or it does not settle, see a healthcare professional: a doctor or a physiotherapist can check your back and tell you what will help.",
	SeeSafety:       "Warning signs that need a doctor",
	Today:           "Today",
	TodayDone:       "%s ✓",
	TodayPartly:     "%s partly done",
	TodayToDo:       "%s to do",
	ManageRoutines:  "Make your own routine",
	SymptomsLink:    "Signs of a lower-back spasm",
	SafetyLink:      "Safety and warning signs",
	PartName:        map[string]string{"morning": "morning", "evening": "evening"},
}
