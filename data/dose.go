package data

import (
	"fmt"
	"time"
)

// PerDay reports whether the article doses e per day ("start with 5 a day,
// work up to 30"), not per session: the flexibility exercise and the
// bridge. Every repetition of the day counts towards that one dose,
// whichever session or routine it was done in.
func (e Exercise) PerDay() bool { return e.Progression != nil }

// DayGap is the least time between the last repetition of a per-day
// exercise and the first of the next day's dose. The next day's dose opens
// at the later of local midnight and DayGap after the last repetition
// (measured on the recorded UTC instants, so a change of time zone cannot
// open it early): without it, 30 bridges at 23:50 and 30 more at 00:10
// would be two days' doses in twenty minutes. Six hours is a night's
// sleep, or a morning and an evening session, apart.
const DayGap = 6 * time.Hour

// RepsDoneOn counts the repetitions of the exercise with the given id done
// on the local date day, in every session of the history. A repetition
// begun counts as done: a session stopped halfway through one has still
// asked that much of the back. The day is the date on the person's own
// calendar when each session started (Record.LocalDate), so a session from
// 23:50 to 00:10 belongs to the day it started, and a journey across time
// zones neither splits a day nor joins two.
func RepsDoneOn(history []Record, id, day string) int {
	n := 0
	for _, r := range history {
		if r.LocalDate == day {
			n += begun(r, id)
		}
	}
	return n
}

// Dose is what a session started now may hold of one exercise: the one
// answer every path to a session asks for (the plan, + and −, routines of
// one's own, a single exercise, resume, save as partial, import).
type Dose struct {
	Exercise Exercise
	// Reps and Hold are today's level: the repetitions of a session, or
	// of the day for a per-day exercise, and the length of one hold.
	Reps int
	Hold time.Duration
	// Why says in one line why this level: "5 a day to start; it rises as
	// your pain allows."
	Why string
	// Lowered is set when pain or a break holds the level down.
	Lowered bool
	// Done is the repetitions of a per-day exercise done today, in any
	// session; Left what a session may still hold of today's Reps.
	Done, Left int
	// Opens, when not zero, is the instant the next day's dose of a
	// per-day exercise opens: DayGap after its last repetition.
	Opens time.Time
	// Min and Max are the fewest and the most repetitions a session
	// started now may hold in all, its items together: Min is MinReps
	// (lowering to 1 is always allowed), Max today's level, and for a
	// per-day exercise no more than Left. Both are 0 when the exercise is
	// left out.
	Min, Max int
	// MaxWhy says in one line why Max; LeftOut, when Max is 0, why the
	// exercise is left out of the session.
	MaxWhy, LeftOut string
}

// Doses is what a session started at one moment may hold of each exercise
// of a catalogue. DosesAt makes it; nothing else decides a dose.
type Doses struct {
	// Now is the moment asked about.
	Now   Stamp
	doses []Dose
}

// For returns the dose of the exercise with the given id, or a zero Dose
// (Max 0) for one the catalogue does not have.
func (d Doses) For(id string) Dose {
	for _, x := range d.doses {
		if x.Exercise.ID == id {
			return x
		}
	}
	return Dose{}
}

// All returns the dose of every exercise, in catalogue order.
func (d Doses) All() []Dose { return append([]Dose(nil), d.doses...) }

// DosesAt is the dose authority: what a session started at now may hold of
// each exercise of c, given the history. now.LocalDate is the person's
// local date and now.At the instant; with a zero At (a caller that knows
// only the date) the DayGap rule cannot apply.
//
// The level of each exercise (level.go) comes from the rounds actually
// done, the pain signals of every session and the breaks. A session may
// hold from MinReps up to the level, and of a per-day exercise no more
// than is left of today's dose; a per-day exercise whose dose is done, or
// whose next day's dose is not open yet, is left out with the reason.
//
// "Today" is the later of now's date and the latest date in the history:
// after a flight west across the date line the calendar can show a date
// before the last session's, and that day is then still going; the
// repetitions of every date from now's to it count as today's.
func DosesAt(c Catalogue, history []Record, now Stamp) Doses {
	lg := newLedger(history)
	today, ok := DayNumber(now.LocalDate)
	eff := today
	if last, any := lg.lastDay(); any && (!ok || last > eff) {
		eff = last
	}
	if !ok {
		today = eff
	}
	out := Doses{Now: now}
	for _, e := range c {
		p := progressionOf(e)
		st := p.standingOn(lg, eff)
		d := Dose{Exercise: e, Reps: st.lvl.reps, Hold: st.lvl.hold, Why: st.why, Lowered: st.lowered, Min: MinReps}
		if e.Hold.Chosen {
			d.Hold = lg.lastHold(e)
		}
		d.Max, d.MaxWhy = d.Reps, d.Why
		if e.PerDay() {
			lg.perDay(&d, today, eff, now.At)
		}
		if d.Max == 0 {
			d.Min = 0
		}
		out.doses = append(out.doses, d)
	}
	return out
}

// perDay fills in what is left of today's dose of a per-day exercise: the
// dose less what was done from date today to eff, and nothing while the
// next day's dose is not open (see DayGap).
func (lg ledger) perDay(d *Dose, today, eff int, at time.Time) {
	name := d.Exercise.Name
	for _, day := range lg.days {
		if day.n >= today && day.n <= eff {
			for _, r := range day.recs {
				d.Done += begun(*r, d.Exercise.ID)
			}
		}
	}
	d.Left = max(d.Reps-d.Done, 0)
	if opens, shut := lg.closed(d.Exercise.ID, today, at); shut {
		d.Left, d.Opens = 0, opens
		d.LeftOut = fmt.Sprintf("%s is left out for %s more: a new day's dose opens %d hours after the last repetition at the earliest, so two days' doses never come close together.",
			name, waitText(opens.Sub(at)), int(DayGap/time.Hour))
	}
	d.Max = d.Left
	switch {
	case d.LeftOut != "":
		d.MaxWhy = d.LeftOut
	case d.Left == 0:
		d.LeftOut = fmt.Sprintf("%s is left out: %d of today's %d are done, and the source article counts it per day.", name, d.Done, d.Reps)
		d.MaxWhy = d.LeftOut
	case d.Done > 0:
		d.MaxWhy = fmt.Sprintf("%d of today's %d: %d are done already, and the source article counts this exercise per day.", d.Left, d.Reps, d.Done)
	}
}

// closed reports whether the next day's dose of exercise id is still shut
// at the instant at, on local date today, and when it opens: a new date
// has begun since its last repetition, but DayGap has not passed since
// the end of that session. The last repetition is the latest end of a
// session with one begun, whatever its date; a session on today's date or
// later shares today's dose instead (DosesAt).
func (lg ledger) closed(id string, today int, at time.Time) (time.Time, bool) {
	if at.IsZero() {
		return time.Time{}, false
	}
	var last Record
	for _, r := range lg.recs {
		if begun(r, id) > 0 && (last.End.IsZero() || r.End.After(last.End)) {
			last = r
		}
	}
	n, ok := DayNumber(last.LocalDate)
	if !ok || today <= n {
		return time.Time{}, false
	}
	opens := last.End.Add(DayGap)
	return opens, at.Before(opens)
}

// lastHold is the hold of the last session with exercise e, within its
// range, or its default: for the cat stretch, whose hold the person
// chooses (the article gives none), a routine without a hold of its own
// keeps the last one chosen.
func (lg ledger) lastHold(e Exercise) time.Duration {
	hold, from := e.Hold.Default, time.Time{}
	for _, r := range lg.recs {
		for _, l := range r.Exercises {
			if l.Exercise == e.ID && l.HoldsDone > 0 && (from.IsZero() || r.Start.After(from)) {
				hold, from = min(max(l.Hold().Round(time.Second), e.Hold.Min), e.Hold.Max), r.Start
			}
		}
	}
	return hold
}

// waitText says a wait in hours and minutes, rounded up to the minute: "5 h
// 45 min", "20 min".
func waitText(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// DailyDose is where a per-day exercise stands today.
type DailyDose struct {
	Exercise Exercise
	// Done is the repetitions done today, in any session.
	Done int
	// Dose is today's dose: the level (see DosesAt), lowered by pain or a
	// break, never raised by today's own sessions.
	Dose int
	// Suggestion is the level Dose comes from.
	Suggestion Suggestion
	// Opens, when not zero, is when the day's dose opens (see DayGap);
	// until then nothing is left.
	Opens time.Time
	// wait is how long until Opens, from the moment asked about.
	wait time.Duration
}

// Left is what is left of today's dose: nothing until Opens.
func (d DailyDose) Left() int {
	if !d.Opens.IsZero() {
		return 0
	}
	return max(d.Dose-d.Done, 0)
}

// Text says it in one line: "Bridge: 5 of 10 today, 5 left".
func (d DailyDose) Text() string {
	switch {
	case !d.Opens.IsZero():
		return fmt.Sprintf("%s: today's %d open in %s", d.Exercise.Name, d.Dose, waitText(d.wait))
	case d.Left() == 0:
		return fmt.Sprintf("%s: %d of %d today, done for today", d.Exercise.Name, d.Done, d.Dose)
	}
	return fmt.Sprintf("%s: %d of %d today, %d left", d.Exercise.Name, d.Done, d.Dose, d.Left())
}

// Daily returns the DailyDose of every per-day exercise, in catalogue
// order.
func (d Doses) Daily() []DailyDose {
	var out []DailyDose
	for _, x := range d.doses {
		if !x.Exercise.PerDay() {
			continue
		}
		dd := DailyDose{Exercise: x.Exercise, Done: x.Done, Dose: x.Reps, Opens: x.Opens,
			Suggestion: Suggestion{Lowered: x.Lowered, Reps: x.Reps, Hold: x.Hold, Why: x.Why}}
		if !x.Opens.IsZero() {
			dd.wait = x.Opens.Sub(d.Now.At)
		}
		out = append(out, dd)
	}
	return out
}

// DailyDosesAt returns today's DailyDose of every per-day exercise of c at
// the moment now, in catalogue order.
func DailyDosesAt(c Catalogue, history []Record, now Stamp) []DailyDose {
	return DosesAt(c, history, now).Daily()
}

// DailyDoses is DailyDosesAt on the local date today (DateLayout) with no
// instant, so without the DayGap rule. Callers that have the clock should
// call DailyDosesAt.
func DailyDoses(c Catalogue, history []Record, today string) []DailyDose {
	return DailyDosesAt(c, history, Stamp{LocalDate: today})
}
