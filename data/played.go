package data

import "time"

// Played is a routine as the player will run it today.
type Played struct {
	// Routine has today's suggested dose filled in for every item without
	// a dose of its own (WithSuggestedDoses).
	Routine Routine
	// Why says per item why its dose was suggested ("" for an item that
	// keeps its own dose).
	Why []string
	// Length is how long it takes with the person's pacing.
	Length time.Duration
}

// AsPlayed is routine r as the player runs it today, given the history and
// the person's pacing. Every screen that shows a routine's doses or length
// (Home, Routines, the player's start page) takes them from here, so they
// agree with each other and with what is played: Home and Routines once
// showed the routine's own doses at the default pacing, the player the
// suggested ones at the person's.
func AsPlayed(r Routine, c Catalogue, history []Record, today string, t Timing) (Played, error) {
	r, why := WithSuggestedDoses(r, c, history, today)
	length, err := Length(r, c, t)
	return Played{Routine: r, Why: why, Length: length}, err
}
