package data

import (
	"fmt"
	"slices"
)

// Resumption is what becomes of an unfinished session offered back (its
// checkpoint), decided by the dose authority.
type Resumption struct {
	// InPlace is set when the session carries on where it stopped, as
	// the same session: it started on today's date, its plan is the one
	// that ran, and what it holds is within what DosesAt allows now.
	InPlace bool
	// Partial is the session as it stood when last saved, on the day it
	// started: what "save as partial" keeps, and what to keep before
	// running Today when the session does not carry on in place.
	Partial Record
	// Today, when not InPlace, is what remains of the session planned as
	// a new one started now (Doses.Plan, without the evening's additions).
	// Its Routine has no items when nothing is left; then offer to keep
	// Partial.
	Today TodayPlan
	// Why says in one line what became of it.
	Why string
}

// ResumeAt decides what becomes of the unfinished session of checkpoint
// ck, whose plan compiled again is p, for a session started at now, given
// the history (with or without the session's own record). What was done
// before the break stays on the day it started (Partial); what is done
// after it counts on now's day. A session from an earlier date is always
// planned again as today's; one from today carries on in place only if
// today's doses still allow it (another tab may have done bridges since,
// or a pain signal lowered the level).
func ResumeAt(ck Checkpoint, p Plan, c Catalogue, history []Record, now Stamp) Resumption {
	partial := ck.Record(p)
	hist := slices.DeleteFunc(slices.Clone(history), func(r Record) bool { return r.ID == partial.ID })
	doses := DosesAt(c, append(hist, partial), now)
	res := Resumption{Partial: partial}
	left := remaining(ck, p)
	r := Routine{ID: ck.Routine.ID, Name: ck.Routine.Name, Summary: ck.Routine.Summary, Items: left}
	today, okDay := DayNumber(now.LocalDate)
	started, okStart := DayNumber(ck.LocalDate)
	sameDay := okDay && okStart && today <= started
	if sameDay && ck.Fits(p) && fitsDoses(ck.Routine, left, c, doses) {
		res.InPlace, res.Why = true, "Carry on where you stopped."
		return res
	}
	res.Today = doses.plan(r, false)
	switch {
	case len(res.Today.Routine.Items) == 0:
		res.Why = "Nothing of this session is left for now: keep what you did as a partial session."
	case !sameDay:
		res.Why = fmt.Sprintf("This session started on %s: what you did then stays on that day, and what is left is planned as today's session.", ck.LocalDate)
	case !ck.Fits(p):
		res.Why = "This session cannot carry on where it stopped: what is left is planned as a new session."
	default:
		res.Why = "Today's doses have changed since this session started: what is left is planned again."
	}
	return res
}

// remaining is what is left of each item of the checkpoint's routine: its
// repetitions not done, at its hold, in order; items done are left out.
func remaining(ck Checkpoint, p Plan) []RoutineItem {
	results := RestoreSession(p, ck, ck.SavedAt).Results(ck.SavedAt)
	var out []RoutineItem
	for i, it := range ck.Routine.Items {
		if i >= len(results) {
			break
		}
		if n := results[i].Reps - results[i].RepsDone; n > 0 {
			out = append(out, RoutineItem{Exercise: it.Exercise, Reps: n, Hold: results[i].Hold})
		}
	}
	return out
}

// fitsDoses reports whether a session of routine r, of which left remains,
// is within doses: of a per-day exercise no more left than may be done
// now, of the others no more in all than today's level, and no hold
// longer than the level's where the hold is part of it.
func fitsDoses(r Routine, left []RoutineItem, c Catalogue, doses Doses) bool {
	total, rest := map[string]int{}, map[string]int{}
	for _, it := range r.Items {
		e, reps, hold, err := it.Resolve(c)
		if err != nil {
			return false
		}
		d := doses.For(e.ID)
		if progressionOf(e).holdRises && hold > d.Hold {
			return false
		}
		total[e.ID] += reps
	}
	for _, it := range left {
		rest[it.Exercise] += it.Reps
	}
	for id, n := range total {
		d := doses.For(id)
		if d.Exercise.PerDay() && rest[id] > d.Max || !d.Exercise.PerDay() && n > d.Reps {
			return false
		}
	}
	return true
}

// WithWaiting is history with the sessions of the waiting checkpoints
// added as they stood when last saved (Checkpoint.Record), those whose
// record is not in history yet: what a session offered back has done
// counts before it is saved, so a plan made while it waits cannot offer
// it again. Each is compiled at its own pacing, or t; one that no longer
// compiles cannot be saved either and is left out.
func WithWaiting(history []Record, waiting []Checkpoint, c Catalogue, t Timing) []Record {
	out := slices.Clone(history)
	for _, ck := range waiting {
		p, err := Compile(ck.Routine, c, ck.TimingOr(t))
		if err != nil {
			continue
		}
		rec := ck.Record(p)
		if !slices.ContainsFunc(history, func(r Record) bool { return r.ID == rec.ID }) {
			out = append(out, rec)
		}
	}
	return out
}
