package data

import (
	"fmt"
	"time"
)

// The progression rule, from an NHS physiotherapy leaflet (see
// shared/notes/peers.md): start at an amount that does not increase pain; if
// pain rises afterwards, drop back; stay at a level for at least a week, then
// add a small amount. level.go applies it; docs/doses.md lists each rule with
// the test that holds it.
const (
	// PainRiseThreshold is the rise in the 0 to 10 pain score, from before
	// a session to after it, that counts as the pain rising. A rise of one
	// point is within the noise of a self-rating from one moment to the
	// next; two is a change the person feels.
	PainRiseThreshold = 2
	// HighPain is the pain score after a session that calls for easing
	// off whatever it was before: 7 out of 10 is severe pain on the usual
	// reading of the scale, so a 9 after an 8 before is not "no rise".
	HighPain = 7
	// DaysAtLevel is the number of local dates with a level's repetitions
	// done, every hold of them, with pain scores before and after and no
	// pain signal that day, before the level rises: the leaflet's week.
	DaysAtLevel = 7
	// BreakDays is the gap, in days from the last day with an exercise to
	// today, from which the level steps one down and the week at a level
	// starts again: after 3 days off, the muscles have lost some of what
	// the last level asked of them.
	BreakDays = 3
	// LongBreakDays is the gap, in days, from which the level goes back to
	// the article's start: after two weeks off a spasm may well be a new
	// one, and the article says to begin with a few.
	LongBreakDays = 14
)

// Suggestion is the level Unknot suggests for the next session of an
// exercise: what Suggest answers, from the dose authority (DosesAt).
type Suggestion struct {
	// Lowered is set when the level is held down after a break or after
	// pain.
	Lowered bool
	// Reps is the repetitions per session (on each side, where the
	// exercise has sides), or a day for a per-day exercise.
	Reps int
	// Hold is the length of one hold.
	Hold time.Duration
	// Why says in one plain line why this level.
	Why string
}

// Suggest returns the level of ex for a session on today, the person's
// local date (DateLayout), given the history: the Reps, Hold and Why of
// DosesAt's Dose, without what is left of a per-day dose. It knows no
// instant, so the 6-hour rule of a per-day exercise does not apply; ask
// DosesAt for what a session may hold.
func Suggest(ex Exercise, history []Record, today string) Suggestion {
	d := DosesAt(Catalogue{ex}, history, Stamp{LocalDate: today}).For(ex.ID)
	return Suggestion{Lowered: d.Lowered, Reps: d.Reps, Hold: d.Hold, Why: d.Why}
}

// level is one step of an exercise's progression: its repetitions, and
// its hold where the hold is part of the progression (the rotation).
type level struct {
	reps int
	hold time.Duration
}

// progression holds how one exercise's dose moves.
type progression struct {
	ex Exercise
	// step is the repetitions added at a time; top the most repetitions.
	step, top int
	// holdRises is true when the hold lengthens before repetitions are
	// added (the rotational stretch); fixedHold when the hold never
	// changes (one length, or paced in breaths).
	holdRises, fixedHold bool
}

// progressionOf returns the rules for ex: the flexibility exercise and the
// bridge rise by 2 repetitions from 5 towards 30; the others by 1 within
// their ranges; the rotational stretch first lengthens its hold by a second
// at a time up to 10 seconds, then adds a repetition. The cat stretch keeps
// the hold the person chose: the article gives it none to build on.
func progressionOf(ex Exercise) progression {
	p := progression{ex: ex, step: 1, top: ex.Reps.Max}
	if ex.Progression != nil {
		p.step, p.top = 2, min(ex.Progression.Target, ex.Reps.Max)
	}
	h := ex.Hold
	p.fixedHold = h.Min == h.Max || h.Breaths > 0
	p.holdRises = !p.fixedHold && !h.Chosen
	return p
}

// start is the first level: the article's starting repetitions, and for a
// hold that rises the short end of its range, so there is room to build up.
func (p progression) start() level {
	reps := p.ex.DefaultReps
	if p.ex.Progression != nil {
		reps = p.ex.Progression.Start
	}
	hold := p.ex.Hold.Default
	if p.holdRises {
		hold = p.ex.Hold.Min
	}
	return p.clamp(level{reps, hold})
}

// clamp keeps l within the catalogue's ranges. It is for levels only: what
// a record says was done is read as it is (qualifies), so one bridge done
// never passes for the five of the lowest level.
func (p progression) clamp(l level) level {
	l.reps = min(max(l.reps, p.ex.Reps.Min), p.top)
	l.hold = min(max(l.hold, p.ex.Hold.Min), p.ex.Hold.Max)
	return l
}

// key orders levels: by repetitions, then by hold where the hold is part
// of the progression. Levels with equal keys are the same level.
func (p progression) key(l level) int64 {
	k := int64(l.reps) << 32
	if p.holdRises {
		k += int64(l.hold / time.Millisecond)
	}
	return k
}

// up is one small step up from l, or l at the top.
func (p progression) up(l level) level {
	if p.holdRises && l.hold < p.ex.Hold.Max {
		l.hold += time.Second
	} else {
		l.reps += p.step
	}
	return p.clamp(l)
}

// down is one small step down from l, or l at the bottom: the reverse of
// up, so a repetition goes before the hold shortens.
func (p progression) down(l level) level {
	if !p.holdRises || l.reps > p.ex.Reps.Min {
		l.reps -= p.step
	} else {
		l.hold -= time.Second
	}
	return p.clamp(l)
}

// text says a level in words: "7", or "2 × 8 s" where the hold is part of
// the progression.
func (p progression) text(l level) string {
	if p.holdRises {
		return fmt.Sprintf("%d × %d s", l.reps, l.hold/time.Second)
	}
	return fmt.Sprintf("%d", l.reps)
}
