package data

import (
	"fmt"
	"strconv"
	"time"
)

// HoldText says how long a hold lasts, as the app shows it. A hold Unknot
// chose says so: the article gives the cat stretch none, and "5 to 10
// seconds" on its page read as if it did.
func (e Exercise) HoldText() string {
	h := e.Hold
	switch {
	case h.Chosen:
		return seconds(h.Default) + " seconds (chosen by Unknot; the source article gives none)"
	case h.Breaths > 0:
		return fmt.Sprintf("%d deep breaths", h.Breaths)
	case h.Min == h.Max:
		return seconds(h.Default) + " seconds"
	default:
		return seconds(h.Min) + " to " + seconds(h.Max) + " seconds"
	}
}

// seconds is d in whole seconds. Home shows holds at launch: fmt would
// format a time.Duration through reflection, code the browser compiles
// first.
func seconds(d time.Duration) string { return strconv.Itoa(int(d / time.Second)) }

// RepsRangeText says how many repetitions the article allows.
func (e Exercise) RepsRangeText() string {
	return fmt.Sprintf("%d to %d %s", e.Reps.Min, e.Reps.Max, e.RepsText)
}

// RoundsLabel labels the repetitions of e in a routine of one's own, with
// the range the field takes: "Rounds a day (1 to 30)" for a per-day
// exercise, whose repetitions count across the day, "Rounds (1 to 3)" for
// the others.
func (e Exercise) RoundsLabel() string {
	unit := "Rounds"
	if e.PerDay() {
		unit = "Rounds a day"
	}
	return fmt.Sprintf("%s (%d to %d)", unit, MinReps, e.Reps.Max)
}

// Poses lists every position the exercise shows, in order: the start, then
// each held position of one repetition across its sides.
func (e Exercise) Poses() []string {
	poses := []string{e.StartPose}
	for _, side := range e.Sides.Sides() {
		for _, ph := range e.Phases {
			pose, _ := ph.For(side)
			poses = append(poses, pose)
		}
	}
	return poses
}

// DurationText formats a length of time for people: "8 min", "45 s".
func DurationText(d time.Duration) string {
	// strconv, not fmt: Home shows it for every routine at launch, and fmt
	// formats a time.Duration through reflection, code the browser then
	// compiles first.
	d = d.Round(time.Second)
	if d < time.Minute {
		return seconds(d) + " s"
	}
	m := (d + 30*time.Second) / time.Minute
	return strconv.Itoa(int(m)) + " min"
}

// SecondsText formats a length of time exactly, in seconds: "90 s", "2.5 s".
// Messages about limits use it, where rounding would hide the problem.
func SecondsText(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}
