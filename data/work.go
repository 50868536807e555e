package data

// HoldsDone reports whether any hold of a session's results was done. A
// session without one (Start, then End a few seconds later) is no session:
// the player does not keep it.
func HoldsDone(results []Result) bool {
	for _, r := range results {
		if r.HoldsDone > 0 {
			return true
		}
	}
	return false
}

// Worked reports whether the recorded session did at least one hold. Only
// such sessions count towards streaks, calendar marks and the day's
// sessions; a record without one (kept by an older version) stays in the
// history but counts for nothing.
func (r Record) Worked() bool {
	for _, l := range r.Exercises {
		if l.HoldsDone > 0 {
			return true
		}
	}
	return false
}
