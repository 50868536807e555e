package data

import "slices"

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

// Worked reports whether the recorded session did at least one hold. The
// day's marks (which routine of the day is done) count only such sessions;
// for every other count, see Counts.
func (r Record) Worked() bool {
	for _, l := range r.Exercises {
		if l.HoldsDone > 0 {
			return true
		}
	}
	return false
}

// Counts reports whether r counts as a session wherever sessions are
// counted and listed: History's totals, weeks, calendar and list, the
// streaks and the report. It did at least one hold, or it was stopped
// because it hurt (kept even with no hold done: it is part of what the
// person tried). A record of neither kind (kept by an older version) stays
// in the history but counts for nothing. One rule, so no two screens give
// two numbers.
func (r Record) Counts() bool { return r.Worked() || r.Stopped == StoppedHurt }

// Sessions returns the records that count as sessions (Record.Counts), in
// their order: records itself when every one does.
func Sessions(records []Record) []Record {
	for i, r := range records {
		if !r.Counts() {
			out := slices.Clone(records[:i])
			for _, r := range records[i+1:] {
				if r.Counts() {
					out = append(out, r)
				}
			}
			return out
		}
	}
	return records
}

// DidRoutine reports whether r did a whole routine: every hold of a routine,
// built-in or one's own, not of one exercise on its own. Only such a
// session marks its part of the day done ("Today: morning ✓"): a round of
// the cat stretch is not the evening routine.
func (r Record) DidRoutine() bool {
	_, single := DefaultCatalogue().Exercise(r.Routine)
	return r.Complete && !single
}
