package data

import (
	"errors"
	"fmt"
	"time"
)

// RoutineItem is one exercise of a routine with the dose chosen for it.
type RoutineItem struct {
	Exercise string `json:"exercise"`
	// Reps is the number of repetitions; 0 means the exercise's default.
	Reps int `json:"reps,omitempty"`
	// Hold is the hold time; 0 means the exercise's default.
	Hold time.Duration `json:"hold,omitempty"`
}

// Routine is an ordered list of exercises done in one session.
type Routine struct {
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Summary string        `json:"summary"`
	Items   []RoutineItem `json:"items"`
}

// Routine ids of the built-in routines.
const (
	Morning = "morning"
	Evening = "evening"
	Short   = "short"
)

// BuiltinRoutines returns the routines that come with the app: the article's
// twice-daily rhythm as a morning and an evening session, and a short one.
// The exercises the article counts per day (flexibility and bridge) are in
// the morning one, and PlanToday puts them in the evening one on a day
// that has not had them yet, so whichever comes first carries them. The
// short routine is two of the evening's stretches at today's doses, for a
// day when little time or a sore back allows no more; it stands in for a
// session, it is not a third one.
func BuiltinRoutines() []Routine {
	return []Routine{
		{
			ID:      Morning,
			Name:    "Morning routine",
			Summary: "All five exercises. The flexibility exercise and bridge count per day: they come in whichever session you do first.",
			Items: []RoutineItem{
				{Exercise: KneeToChest}, {Exercise: Rotation}, {Exercise: Flexibility},
				{Exercise: Bridge}, {Exercise: CatStretch},
			},
		},
		{
			ID:      Evening,
			Name:    "Evening routine",
			Summary: "The three stretches the source article suggests twice a day, and the flexibility exercise and bridge if today's are not done yet.",
			Items: []RoutineItem{
				{Exercise: KneeToChest}, {Exercise: Rotation}, {Exercise: CatStretch},
			},
		},
		{
			ID:      Short,
			Name:    "Short routine",
			Summary: "Two stretches at today's doses, for when time is tight.",
			// No doses of its own: like the others it takes today's
			// suggested doses, so a short day never resets progress.
			Items: []RoutineItem{{Exercise: KneeToChest}, {Exercise: Rotation}},
		},
	}
}

// SingleRoutine returns a routine of one exercise at its default dose.
func SingleRoutine(e Exercise) Routine {
	return Routine{ID: e.ID, Name: e.Name, Summary: e.Summary, Items: []RoutineItem{{Exercise: e.ID}}}
}

// FindRoutine returns the routine with the given id among the built-in
// routines and the single-exercise routines of c.
func FindRoutine(c Catalogue, id string) (Routine, bool) {
	for _, r := range BuiltinRoutines() {
		if r.ID == id {
			return r, true
		}
	}
	if e, ok := c.Exercise(id); ok {
		return SingleRoutine(e), true
	}
	return Routine{}, false
}

// Resolve returns the exercise and the dose of the item, defaults filled in.
func (it RoutineItem) Resolve(c Catalogue) (e Exercise, reps int, hold time.Duration, err error) {
	e, ok := c.Exercise(it.Exercise)
	if !ok {
		return e, 0, 0, fmt.Errorf("unknown exercise %q", it.Exercise)
	}
	reps, hold = it.Reps, it.Hold
	if reps == 0 {
		reps = e.DefaultReps
	}
	if hold == 0 {
		hold = e.Hold.Default
	}
	if !e.AllowsReps(reps) {
		return e, 0, 0, fmt.Errorf("%s: %d rounds is outside the safe range of %d to %d", e.Name, reps, MinReps, e.Reps.Max)
	}
	if e.Hold.Min == e.Hold.Max && hold != e.Hold.Min {
		return e, 0, 0, fmt.Errorf("%s: the hold is always %s, not %s", e.Name, SecondsText(e.Hold.Min), SecondsText(hold))
	}
	if hold < e.Hold.Min || hold > e.Hold.Max {
		return e, 0, 0, fmt.Errorf("%s: a hold of %s is outside the range of %s to %s", e.Name, SecondsText(hold), SecondsText(e.Hold.Min), SecondsText(e.Hold.Max))
	}
	return e, reps, hold, nil
}

// Validate checks that r has a name and only names known exercises at safe
// doses.
func (r Routine) Validate(c Catalogue) error {
	if r.ID == "" || r.Name == "" {
		return errors.New("a routine needs an id and a name")
	}
	if len(r.Items) == 0 {
		return fmt.Errorf("routine %q has no exercises", r.Name)
	}
	for _, it := range r.Items {
		if _, _, _, err := it.Resolve(c); err != nil {
			return fmt.Errorf("routine %q: %w", r.Name, err)
		}
	}
	return nil
}

// Timing holds the lengths of the segments that are not holds, and the
// speed of the voice that sets how long the spoken ones last. None of them
// comes from the article; they are Unknot's pacing.
type Timing struct {
	// GetReady is the lead-in before the first exercise.
	GetReady time.Duration `json:"getReady"`
	// Position is the time to move into an exercise's starting position.
	Position time.Duration `json:"position"`
	// Release is the time to come out of a hold before the next one.
	Release time.Duration `json:"release"`
	// Switch is the time to change sides.
	Switch time.Duration `json:"switch"`
	// Rest is the pause between two exercises.
	Rest time.Duration `json:"rest"`
	// BreathIn and BreathOut pace holds counted in breaths.
	BreathIn  time.Duration `json:"breathIn"`
	BreathOut time.Duration `json:"breathOut"`
	// Voice is the speed of the voice that says the plan (1 is normal),
	// or 0 when no voice speaks. Instructions, releases, rests and the
	// lead-in last as long as their words take at this speed (see
	// SpeakingTime); the times above are then the least they last.
	Voice float64 `json:"voice,omitempty"`
	// ShortCues says, once an exercise's move has been said in full (its
	// first side in its first round), a short cue that keeps the side
	// ("Round 2 of 3. Your left knee to your chest.") in the place of the
	// whole instruction, which the screen still shows: the person knows
	// the move by then, and the hold comes sooner. Without it every hold
	// is told in full.
	ShortCues bool `json:"shortCues,omitempty"`
}

// DefaultTiming returns Unknot's default pacing, for the voice at its
// default speed.
func DefaultTiming() Timing {
	return Timing{
		GetReady:  10 * time.Second,
		Position:  10 * time.Second,
		Release:   4 * time.Second,
		Switch:    4 * time.Second,
		Rest:      15 * time.Second,
		BreathIn:  3 * time.Second,
		BreathOut: 3 * time.Second,
		Voice:     defaultVoiceRate,
		ShortCues: true,
	}
}

// Validate reports a timing that cannot be followed safely.
func (t Timing) Validate() error {
	check := []struct {
		name      string
		d, lo, hi time.Duration
	}{
		{"get-ready time", t.GetReady, 3 * time.Second, 60 * time.Second},
		{"time to get into position", t.Position, 3 * time.Second, 60 * time.Second},
		{"release time", t.Release, 2 * time.Second, 30 * time.Second},
		{"time to switch sides", t.Switch, 2 * time.Second, 30 * time.Second},
		{"rest between exercises", t.Rest, 0, 5 * time.Minute},
		{"breath in", t.BreathIn, 2 * time.Second, 10 * time.Second},
		{"breath out", t.BreathOut, 2 * time.Second, 10 * time.Second},
	}
	if t.Voice != 0 && (t.Voice < MinVoiceRate || t.Voice > MaxVoiceRate) {
		return fmt.Errorf("the speaking speed must be between %g and %g, not %g", MinVoiceRate, MaxVoiceRate, t.Voice)
	}
	for _, c := range check {
		if c.d < c.lo || c.d > c.hi {
			return fmt.Errorf("the %s must be between %s and %s, not %s", c.name, SecondsText(c.lo), SecondsText(c.hi), SecondsText(c.d))
		}
	}
	return nil
}
