package data

// words holds the phrases the plan compiler shows and speaks, in one place
// so they can be translated. Exercise texts live in the catalogue.
//
// The spoken ones are short: a go-cue (Hold, BreatheIn) has to be said
// within the first seconds of a hold, before its countdown ticks, and a
// breath within one breath at half speed.
var words = struct {
	GetReady, FirstUp, SayGetReady  string
	Rest, UpNext, SayRest           string
	Done, DoneText, SayDone         string
	SayRep, Hold, Relax, SwitchTo   string
	SaySide                         string
	BreatheIn, BreatheOut, NextDone string
	NextHold, NextBreaths           string
}{
	GetReady:    "Get ready",
	FirstUp:     "First: %s",
	SayGetReady: "Get ready. First, %s. If your pain gets sharply worse, stop.",
	Rest:        "Rest",
	UpNext:      "Up next: %s",
	SayRest:     "Rest. Next, %s.",
	Done:        "Done",
	DoneText:    "Session complete. Well done.",
	SayDone:     "That's the end of the session. Well done.",
	SayRep:      "Round %d of %d.",
	Hold:        "Hold.",
	Relax:       "Relax.",
	SwitchTo:    "Then switch to the %s side.",
	SaySide:     "Now the %s side.",
	BreatheIn:   "Breathe in.",
	BreatheOut:  "And out.",
	NextDone:    "Finish",
	NextHold:    "Hold for %s",
	NextBreaths: "Hold for %d deep breaths",
}
