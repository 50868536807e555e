package data

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unknot/data/internal/sorted"
)

// This file reads a history into the level of each exercise: one step of
// progression.go's up and down, moved day by day on the person's calendar.
// DosesAt (dose.go) turns the level into what a session may hold.

// twiceADay lists the exercises the article suggests twice a day. A record
// with a hold of one of them done is a session for that rule (see
// Record.TwiceADaySession).
var twiceADay = []string{KneeToChest, Rotation, CatStretch}

// TwiceADaySession reports whether r counts as a session for the article's
// "twice a day": at least one hold of knee-to-chest, the rotational
// stretch or the cat stretch done. A bridge on its own is no such session.
func (r Record) TwiceADaySession() bool {
	for _, l := range r.Exercises {
		if l.HoldsDone > 0 && slices.Contains(twiceADay, l.Exercise) {
			return true
		}
	}
	return false
}

// signal is a pain signal of a session, strongest last.
type signal int

// The pain signals: none, a score of HighPain or more after, a rise of
// PainRiseThreshold or more, and "This hurts".
const (
	noSignal signal = iota
	highAfter
	rose
	hurtStop
)

// painSignal is the strongest pain signal of r and its scores.
type painSignal struct {
	kind     signal
	from, to int
}

// signalOf reads r's pain signal: "This hurts", a rise of
// PainRiseThreshold or more, or HighPain or more after, with or without a
// score before.
func signalOf(r Record) painSignal {
	s := painSignal{}
	if r.PainAfter != nil && *r.PainAfter >= HighPain {
		s = painSignal{kind: highAfter, to: *r.PainAfter}
	}
	if rise, ok := r.PainRise(); ok && rise >= PainRiseThreshold {
		s = painSignal{kind: rose, from: *r.PainBefore, to: *r.PainAfter}
	}
	if r.Stopped == StoppedHurt {
		s.kind = hurtStop
	}
	return s
}

// PainSignal reports whether r gives a pain signal: stopped with "This
// hurts", pain after of HighPain or more (a score before or not), or a
// rise of PainRiseThreshold or more. Every signal counts for every
// exercise: the signals of one local day lower the next level of each by
// one step, whatever the session held.
func (r Record) PainSignal() bool { return signalOf(r).kind != noSignal }

// dayOf is one local day of a history.
type dayOf struct {
	n    int // DayNumber of the date
	date string
	recs []*Record // in order of start
	// extra marks the day's third twice-a-day session and later: kept and
	// counted in the day's dose, but never what makes the day count
	// towards a week.
	extra []bool
	// signal is the strongest pain signal of the day.
	signal painSignal
}

// ledger is a history read once for the dose rules.
type ledger struct {
	days []dayOf // by date
	recs []Record
}

// newLedger groups history by local date, each day's records in order of
// start. Records without a valid date (never stored: Validate refuses
// them) are left out. It sorts pointers, not records: a history of ten
// years is read at every launch.
func newLedger(history []Record) ledger {
	lg := ledger{recs: history}
	at := map[string]int{}
	for k := range history {
		r := &history[k]
		i, seen := at[r.LocalDate]
		if !seen {
			n, ok := DayNumber(r.LocalDate)
			if !ok {
				continue
			}
			i = len(lg.days)
			at[r.LocalDate] = i
			lg.days = append(lg.days, dayOf{n: n, date: r.LocalDate})
		}
		lg.days[i].recs = append(lg.days[i].recs, r)
	}
	sorted.Func(lg.days, func(a, b *dayOf) int { return a.n - b.n })
	for i := range lg.days {
		d := &lg.days[i]
		slices.SortFunc(d.recs, func(a, b *Record) int {
			if c := a.Start.Compare(b.Start); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		sessions := 0
		d.extra = make([]bool, len(d.recs))
		for j, r := range d.recs {
			if r.TwiceADaySession() {
				sessions++
				d.extra[j] = sessions > 2
			}
			if s := signalOf(*r); s.kind > d.signal.kind {
				d.signal = s
			}
		}
	}
	return lg
}

// lastDay is the latest date with a record, or ok false for none.
func (lg ledger) lastDay() (int, bool) {
	if len(lg.days) == 0 {
		return 0, false
	}
	return lg.days[len(lg.days)-1].n, true
}

// day returns the day numbered n.
func (lg ledger) day(n int) (dayOf, bool) {
	i, ok := slices.BinarySearchFunc(lg.days, n, func(d dayOf, n int) int { return d.n - n })
	if !ok {
		return dayOf{}, false
	}
	return lg.days[i], true
}

// begun counts the repetitions of exercise id begun in r: a repetition
// with any hold done has asked that much of the back.
func begun(r Record, id string) int {
	n := 0
	for _, l := range r.Exercises {
		if l.Exercise == id && l.Holds > 0 {
			n += max(l.RepsDone, (l.HoldsDone*l.Reps+l.Holds-1)/l.Holds)
		}
	}
	return n
}

// did reports whether any hold of exercise id was done on d.
func (d dayOf) did(id string) bool {
	for _, r := range d.recs {
		for _, l := range r.Exercises {
			if l.Exercise == id && l.HoldsDone > 0 {
				return true
			}
		}
	}
	return false
}

// qualifies reports whether d counts towards a week at level lvl: its
// repetitions done, every hold of them (Record's RepsDone), at least the
// level's hold where the hold is part of it, in sessions that are not a
// third of the day; for a per-day exercise added up over the day, for the
// others in one session. scored is the same counting only sessions with a
// pain score before and after.
func (p progression) qualifies(d dayOf, lvl level) (done, scored bool) {
	sum, sumScored := 0, 0
	for i, r := range d.recs {
		if d.extra[i] {
			continue
		}
		n := 0
		for _, l := range r.Exercises {
			if l.Exercise == p.ex.ID && (!p.holdRises || l.Hold().Round(time.Second) >= lvl.hold) {
				n += l.RepsDone
			}
		}
		sc := r.PainBefore != nil && r.PainAfter != nil
		if p.ex.PerDay() {
			sum += n
			if sc {
				sumScored += n
			}
			continue
		}
		sum = max(sum, n)
		if sc {
			sumScored = max(sumScored, n)
		}
	}
	return sum >= lvl.reps, sumScored >= lvl.reps
}

// standing is where an exercise's level stands for a day.
type standing struct {
	lvl     level
	why     string
	lowered bool
}

// replay is the level of an exercise through the days of a history.
type replay struct {
	p   progression
	lvl level
	// week counts the days done at lvl; unscored is set when a day was
	// done at it without pain scores.
	week     int
	unscored bool
	// last is the last day the exercise was done (ever is false before
	// the first); rise the day the level last rose, from the level prev;
	// pain the last day with a pain signal, and its signal.
	last, rise, pain int
	ever             bool
	prev             level
	hurt             painSignal
	// painFrom is the level the last pain signal stepped down from.
	painFrom level
}

// standingOn replays the days before day eff and returns the level of p
// for eff, with its reason. The rules, in the order they apply to a day:
//   - the exercise done BreakDays or more after the last day it was: one
//     step down, and LongBreakDays or more: back to the start;
//   - a pain signal that day (any session, any exercise): one step down;
//   - otherwise, a day that qualifies (done at the level, scored) counts,
//     and DaysAtLevel of them raise the level one step.
//
// Day eff itself has the break and pain rules, never a rise: a session
// today does not raise today's dose.
func (p progression) standingOn(lg ledger, eff int) standing {
	r := replay{p: p, lvl: p.start(), last: -1, rise: -1, pain: -1}
	for _, d := range lg.days {
		if d.n >= eff {
			break
		}
		r.day(d)
	}
	st := standing{lvl: r.lvl}
	if r.ever {
		if gap := eff - r.last; gap >= BreakDays {
			st = r.afterBreak(gap)
		}
	}
	if d, ok := lg.day(eff); ok && d.signal.kind != noSignal {
		return r.afterPain(st.lvl, d.signal, "today")
	}
	if st.why != "" {
		return st
	}
	return r.reason(eff)
}

// day moves the replay through day d.
func (r *replay) day(d dayOf) {
	p := r.p
	did := d.did(p.ex.ID)
	if did && r.ever {
		r.lvl = r.broken(d.n - r.last)
	}
	switch {
	case d.signal.kind != noSignal:
		r.painFrom, r.pain, r.hurt = r.lvl, d.n, d.signal
		r.lvl, r.week, r.unscored = p.down(r.lvl), 0, false
	case did:
		switch done, scored := p.qualifies(d, r.lvl); {
		case done && scored:
			r.week++
		case done:
			r.unscored = true
		}
		if next := p.up(r.lvl); r.week >= DaysAtLevel && p.key(next) != p.key(r.lvl) {
			r.prev, r.lvl, r.week, r.unscored, r.rise = r.lvl, next, 0, false, d.n
		}
	}
	if did {
		r.last, r.ever = d.n, true
	}
}

// broken is the level after a gap of gap days since the exercise was last
// done: one step down from BreakDays, the start from LongBreakDays; gaps
// shorter than BreakDays change nothing. A step down also starts the week
// again.
func (r *replay) broken(gap int) level {
	p := r.p
	if gap < BreakDays {
		return r.lvl
	}
	r.week, r.unscored = 0, false
	start := p.start()
	if down := p.down(r.lvl); gap < LongBreakDays && p.key(down) > p.key(start) {
		return down
	}
	return start
}

// afterBreak is broken with its reason.
func (r *replay) afterBreak(gap int) standing {
	p := r.p
	l := r.broken(gap)
	if p.key(l) == p.key(p.start()) {
		return standing{lvl: l, lowered: true,
			why: fmt.Sprintf("It's been %d days since you last did this: start again at %s and build up.", gap, p.text(l))}
	}
	return standing{lvl: l, lowered: true,
		why: fmt.Sprintf("It's been %d days since you last did this: one step back, to %s, then build up again.", gap, p.text(l))}
}

// afterPain is level cur one step down after the pain signal s of a day,
// said as when ("today", "yesterday", "3 days ago").
func (r replay) afterPain(cur level, s painSignal, when string) standing {
	p := r.p
	var what string
	switch s.kind {
	case hurtStop:
		what = "You stopped a session " + when + " because it hurt"
	case rose:
		what = fmt.Sprintf("Your pain went from %d to %d after a session %s", s.from, s.to, when)
	default:
		what = fmt.Sprintf("Your pain was %d after a session %s", s.to, when)
	}
	down := p.down(cur)
	if p.key(down) == p.key(cur) {
		return standing{lvl: cur, lowered: true, why: fmt.Sprintf("%s: stay at %s, the least there is, and stop if it sharpens; if this keeps happening, talk to a healthcare professional.", what, p.text(cur))}
	}
	return standing{lvl: down, lowered: true, why: fmt.Sprintf("%s: one step back, to %s.", what, p.text(down))}
}

// reason says why the replay stands where it does on day eff, when
// nothing that day moved it.
func (r replay) reason(eff int) standing {
	p, cur := r.p, r.lvl
	st := standing{lvl: cur}
	unit := ""
	if p.ex.PerDay() {
		unit = " a day"
	}
	switch {
	case !r.ever:
		st.why = fmt.Sprintf("%s%s to start; it rises as your pain allows.", p.text(cur), unit)
	case r.pain >= r.last:
		// Nothing done since the pain: say what lowered the level.
		when := "yesterday"
		if eff-r.pain > 1 {
			when = fmt.Sprintf("%d days ago", eff-r.pain)
		}
		st = r.afterPain(r.painFrom, r.hurt, when)
	case r.rise == r.last:
		st.why = fmt.Sprintf("You've done %s for a week without more pain: try %s.", p.text(r.prev), p.text(cur))
	case p.key(p.up(cur)) == p.key(cur):
		st.why = fmt.Sprintf("You're at %s, the most the source article suggests: keep it there.", p.text(cur))
	case r.unscored:
		st.why = fmt.Sprintf("Stay at %s: rate your pain before and after each session, and after %d days without it rising Unknot adds more.", p.text(cur), DaysAtLevel)
	default:
		st.why = fmt.Sprintf("Stay at %s for now: %d of %d days done without more pain.", p.text(cur), r.week, DaysAtLevel)
	}
	return st
}
