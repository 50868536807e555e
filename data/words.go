package data

// words holds the phrases the plan compiler shows and speaks, in one place
// so they can be translated. Exercise texts live in the catalogue.
var words = struct {
	GetReady, FirstUp, SayGetReady  string
	Rest, UpNext, SayRest           string
	Done, DoneText, SayDone         string
	SayRep, SayHold, SwitchTo       string
	BreatheIn, BreatheOut, NextDone string
}{
	GetReady:    "Get ready",
	FirstUp:     "First: %s",
	SayGetReady: "Get ready. First, %s.",
	Rest:        "Rest",
	UpNext:      "Up next: %s",
	SayRest:     "Rest. Next, %s.",
	Done:        "Done",
	DoneText:    "Session complete. Well done.",
	SayDone:     "That's the end of the session. Well done.",
	SayRep:      "Round %d of %d.",
	SayHold:     "Hold for %d seconds.",
	SwitchTo:    "Switch to the %s side.",
	BreatheIn:   "Breathe in, %d of %d.",
	BreatheOut:  "And out.",
	NextDone:    "Finish",
}
