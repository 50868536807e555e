package data

import "time"

// Played is a routine as the player will run it today.
type Played struct {
	// Routine is the routine as it runs today (PlanToday): the suggested
	// dose for every item without a dose of its own, no more than is left
	// of a per-day exercise's dose, and per-day exercises done today left
	// out.
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
//
// It knows only the local date, so the DayGap rule of the per-day
// exercises does not apply: callers that have the clock should call
// AsPlayedAt.
func AsPlayed(r Routine, c Catalogue, history []Record, today string, t Timing) (Played, error) {
	return AsPlayedAt(r, c, history, Stamp{LocalDate: today}, t)
}

// AsPlayedAt is routine r as the player runs it in a session started at
// now (see PlanAt), with its length at pacing t.
func AsPlayedAt(r Routine, c Catalogue, history []Record, now Stamp, t Timing) (Played, error) {
	return DosesAt(c, history, now).Played(r, c, t)
}

// Played is routine r as the player runs it with these doses, with its
// length at pacing t. A screen that shows several routines asks DosesAt
// once and each routine here.
func (d Doses) Played(r Routine, c Catalogue, t Timing) (Played, error) {
	plan := d.Plan(r)
	length, err := Length(plan.Routine, c, t)
	return Played{Routine: plan.Routine, Why: plan.Why, Length: length}, err
}
