package data

import (
	"fmt"
	"time"
)

// The progression rule, from an NHS physiotherapy leaflet (see
// shared/notes/peers.md): start at an amount that does not increase pain; if
// pain rises afterwards, drop back; stay at a level for at least a week, then
// add a small amount.
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
	// DaysAtLevel is the number of local dates with the whole dose done
	// at one level, with pain scores before and after that show no rise,
	// before adding more: the leaflet's week.
	DaysAtLevel = 7
	// BreakDays is the gap, in days from the last session with an
	// exercise to today, from which the dose steps one level down and the
	// week at a level starts again: after 3 days off, the muscles have
	// lost some of what the last level asked of them.
	BreakDays = 3
	// LongBreakDays is the gap, in days, from which the dose goes back to
	// the article's start: after two weeks off a spasm may well be a new
	// one, and the article says to begin with a few.
	LongBreakDays = 14
)

// Suggestion is the dose Unknot suggests for the next session of an
// exercise.
type Suggestion struct {
	// Lowered is set when the dose is held down after a break or after
	// pain: a routine's own dose then goes no higher than this one.
	Lowered bool
	// Reps is the repetitions per session (on each side, where the
	// exercise has sides).
	Reps int
	// Hold is the length of one hold.
	Hold time.Duration
	// Why says in one plain line why this dose.
	Why string
}

// level is a dose of an exercise.
type level struct {
	reps int
	hold time.Duration
}

// exposure is one session that included an exercise.
type exposure struct {
	day      int
	lvl      level
	full     bool // every hold was done
	scored   bool // both pain scores were given
	rose     bool // the pain rose by PainRiseThreshold or more, or reached HighPain
	from, to int  // the pain scores, when scored
}

// Suggest returns the dose for the next session of ex, given the history
// and today, the person's local date (DateLayout). The dose never leaves the
// catalogue's ranges. The flexibility exercise and the bridge start at 5
// and rise by 2 towards 30; the others rise by 1 within their ranges; the
// rotational stretch first lengthens its hold by a second at a time up to 10
// seconds, then adds a repetition. The cat stretch keeps the hold the person
// chose: the article gives it none to build on. Only sessions in which some
// of ex was done count, and pain counts from the latest of them.
//
// The rules, in the order they apply:
//   - pain rose by PainRiseThreshold or more, or reached HighPain, after
//     the last session: back to the last lower level done, or one step down;
//   - BreakDays or more since the last session: one step down, and
//     LongBreakDays or more: back to the article's start;
//   - otherwise the dose rises one step after DaysAtLevel days at a level
//     with the whole dose done and pain scored before and after without a
//     rise; days without pain scores do not count, and the reason asks for
//     them.
func Suggest(ex Exercise, history []Record, today string) Suggestion {
	p := progressionOf(ex)
	seen := exposures(p, history)
	start := p.start()
	if len(seen) == 0 {
		return p.suggest(start, fmt.Sprintf("Start with %s: an amount that should not make your pain worse.", p.text(start)))
	}
	last := seen[len(seen)-1]
	cur := last.lvl
	if last.rose {
		return p.lowered(p.afterPain(seen, cur, last))
	}
	if t, ok := DayNumber(today); ok && t-last.day >= BreakDays {
		gap := t - last.day
		if gap >= LongBreakDays || p.key(p.down(cur)) <= p.key(start) {
			return p.lowered(start, fmt.Sprintf("It's been %d days since you last did this: start again at %s and build up.", gap, p.text(start)))
		}
		down := p.down(cur)
		return p.lowered(down, fmt.Sprintf("It's been %d days since you last did this: one step back, to %s, then build up again.", gap, p.text(down)))
	}
	days, unscored := map[int]bool{}, false
	for i := len(seen) - 1; i >= 0; i-- {
		e := seen[i]
		if p.key(e.lvl) != p.key(cur) || e.rose || (i < len(seen)-1 && seen[i+1].day-e.day >= BreakDays) {
			break
		}
		switch {
		case e.full && e.scored:
			days[e.day] = true
		case e.full:
			unscored = true
		}
	}
	next := p.up(cur)
	if p.key(next) == p.key(cur) {
		return p.suggest(cur, fmt.Sprintf("You're at %s, the most the source article suggests: keep it there.", p.text(cur)))
	}
	if len(days) < DaysAtLevel {
		if unscored {
			return p.suggest(cur, fmt.Sprintf("Stay at %s: rate your pain before and after each session, and after %d days without it rising Unknot adds more.", p.text(cur), DaysAtLevel))
		}
		return p.suggest(cur, fmt.Sprintf("Stay at %s for now: %d of %d days done without more pain.", p.text(cur), len(days), DaysAtLevel))
	}
	return p.suggest(next, fmt.Sprintf("You've done %s for a week without more pain: try %s.", p.text(cur), p.text(next)))
}

// exposures lists, oldest first, the sessions in which some of p's
// exercise was done. For a per-day exercise the sessions of one local date
// make one exposure, at the level of their repetitions added up: five
// bridges in the morning and five in the evening are a day at 10.
func exposures(p progression, history []Record) []exposure {
	var seen []exposure
	rawReps := 0 // the repetitions of the last exposure, before clamping
	for _, r := range InOrder(history) {
		l, ok := r.Log(p.ex.ID)
		if !ok || l.HoldsDone == 0 {
			continue
		}
		d, _ := DayNumber(r.LocalDate)
		e := exposure{day: d, lvl: p.normalise(l), full: l.Done()}
		if r.PainBefore != nil && r.PainAfter != nil {
			e.scored, e.from, e.to = true, *r.PainBefore, *r.PainAfter
			e.rose = e.to-e.from >= PainRiseThreshold || e.to >= HighPain
		}
		if n := len(seen) - 1; p.ex.PerDay() && n >= 0 && seen[n].day == d {
			prev := seen[n]
			rawReps += l.Reps
			e.lvl = p.clamp(level{rawReps, e.lvl.hold})
			e.full = e.full && prev.full
			e.scored = e.scored && prev.scored
			e.rose = e.rose || prev.rose
			if prev.rose && !(e.to-e.from >= PainRiseThreshold || e.to >= HighPain) {
				e.from, e.to = prev.from, prev.to
			}
			seen[n] = e
			continue
		}
		rawReps = l.Reps
		seen = append(seen, e)
	}
	return seen
}

// afterPain is the level and the reason after a session (last, at level
// cur) after which the pain rose or was high: the last lower level done,
// or one step down.
func (p progression) afterPain(seen []exposure, cur level, last exposure) (level, string) {
	what := fmt.Sprintf("Your pain went from %d to %d after your last session", last.from, last.to)
	if last.to-last.from < PainRiseThreshold {
		what = fmt.Sprintf("Your pain was %d after your last session", last.to)
	}
	back, ok := level{}, false
	for i := len(seen) - 1; i >= 0; i-- {
		if p.key(seen[i].lvl) < p.key(cur) {
			back, ok = seen[i].lvl, true
			break
		}
	}
	if !ok {
		back = p.down(cur)
	}
	if p.key(back) >= p.key(cur) {
		return cur, fmt.Sprintf("%s: stay at %s, the least there is, and stop if it sharpens; if this keeps happening, talk to a healthcare professional.", what, p.text(cur))
	}
	return back, fmt.Sprintf("%s: go back to %s.", what, p.text(back))
}

// lowered makes the suggestion of a level held down after a break or pain.
func (p progression) lowered(l level, why string) Suggestion {
	s := p.suggest(l, why)
	s.Lowered = true
	return s
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

// progressionOf returns the rules for ex.
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

// start is the first dose: the article's starting repetitions, and for a
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

// normalise turns what a log records into a level within the ranges.
func (p progression) normalise(l ExerciseLog) level {
	hold := l.Hold().Round(time.Second)
	if p.fixedHold {
		hold = p.ex.Hold.Default
	}
	return p.clamp(level{l.Reps, hold})
}

// clamp keeps l within the catalogue's ranges.
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

// suggest makes the suggestion of level l.
func (p progression) suggest(l level, why string) Suggestion {
	l = p.clamp(l)
	return Suggestion{Reps: l.reps, Hold: l.hold, Why: why}
}

// text says a level in words: "7", or "2 with 8 s holds" where the hold is
// part of the progression.
func (p progression) text(l level) string {
	if p.holdRises {
		return fmt.Sprintf("%d × %d s", l.reps, l.hold/time.Second)
	}
	return fmt.Sprintf("%d", l.reps)
}
