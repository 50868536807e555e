package data

import (
	"fmt"
	"slices"
)

// PerDay reports whether the article doses e per day ("start with 5 a day,
// work up to 30"), not per session: the flexibility exercise and the
// bridge. Every repetition of the day counts towards that one dose,
// whichever session or routine it was done in.
func (e Exercise) PerDay() bool { return e.Progression != nil }

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
		if r.LocalDate != day {
			continue
		}
		for _, l := range r.Exercises {
			if l.Exercise == id && l.Holds > 0 {
				begun := (l.HoldsDone*l.Reps + l.Holds - 1) / l.Holds
				n += max(l.RepsDone, begun)
			}
		}
	}
	return n
}

// DailyDose is where a per-day exercise stands today.
type DailyDose struct {
	Exercise Exercise
	// Done is the repetitions done today, in any session.
	Done int
	// Dose is today's dose: the suggestion (see Suggest) as it stood at
	// the start of the day, or lower if pain or a break since calls for
	// less.
	Dose int
	// Suggestion is the suggestion Dose comes from.
	Suggestion Suggestion
}

// Left is what is left of today's dose.
func (d DailyDose) Left() int { return max(d.Dose-d.Done, 0) }

// Text says it in one line: "Bridge: 5 of 10 today, 5 left".
func (d DailyDose) Text() string {
	if d.Left() == 0 {
		return fmt.Sprintf("%s: %d of %d today, done for today", d.Exercise.Name, d.Done, d.Dose)
	}
	return fmt.Sprintf("%s: %d of %d today, %d left", d.Exercise.Name, d.Done, d.Dose, d.Left())
}

// DailyDoses returns today's DailyDose of every per-day exercise of c, in
// catalogue order. today is the person's local date (DateLayout).
//
// The dose is the suggestion made from the sessions before today: today's
// own sessions must not raise it (five bridges this morning could finish
// the week at 5 and make the evening offer 7 more). It is lowered, never
// raised, by the suggestion made from every session: pain after this
// morning's session lowers what is left for the evening.
func DailyDoses(c Catalogue, history []Record, today string) []DailyDose {
	before := make([]Record, 0, len(history))
	for _, r := range history {
		if r.LocalDate < today {
			before = append(before, r)
		}
	}
	var out []DailyDose
	for _, e := range c {
		if !e.PerDay() {
			continue
		}
		s := Suggest(e, before, today)
		if all := Suggest(e, history, today); all.Reps < s.Reps {
			s = all
		}
		out = append(out, DailyDose{Exercise: e, Done: RepsDoneOn(history, e.ID, today), Dose: s.Reps, Suggestion: s})
	}
	return out
}

// TodayPlan is a routine as it runs today.
type TodayPlan struct {
	// Routine is the routine with today's doses filled in: the suggested
	// dose for an item without its own, no more than is left of a per-day
	// exercise's dose, and per-day exercises already done today left out.
	Routine Routine
	// Why says per item of Routine why its dose ("" for an item that
	// keeps its own dose).
	Why []string
	// Notes say which items were left out, and why.
	Notes []string
	// Daily is where each per-day exercise stands today.
	Daily []DailyDose
	// least and most are the fewest and the most repetitions each item
	// may be changed to.
	least, most []int
}

// Allows reports whether item i of the plan's routine may run with n
// repetitions: within the exercise's range, and for a per-day exercise no
// more than the article's daily most (30) less what is done today, and no
// fewer than MinReps: the article's numbers are where to start, and someone
// in a bad spasm may do fewer.
func (t TodayPlan) Allows(i, n int) bool {
	if i < 0 || i >= len(t.least) || i >= len(t.most) {
		return false
	}
	return n >= t.least[i] && n <= t.most[i]
}

// PlanToday returns r as it runs today, the person's local date, given the
// history. It is what keeps every path to a session within the article's
// dose:
//   - an item without a dose of its own takes the suggested one (Suggest);
//   - an item with its own dose goes no higher than a suggestion lowered
//     after a break or pain;
//   - a per-day exercise gets no more than is left of today's dose (see
//     DailyDoses), shared among its items, and is left out once that is
//     done;
//   - the built-in evening routine carries the per-day exercises while
//     today's are not done, so whichever of the two sessions comes first
//     has them, and a person who only exercises in the evening does them
//     too.
func PlanToday(r Routine, c Catalogue, history []Record, today string) TodayPlan {
	t := TodayPlan{Daily: DailyDoses(c, history, today)}
	left := map[string]int{}
	daily := map[string]DailyDose{}
	for _, d := range t.Daily {
		left[d.Exercise.ID], daily[d.Exercise.ID] = d.Left(), d
	}
	items := r.Items
	if r.ID == Evening {
		items = withPerDay(items, t.Daily)
	}
	out := make([]RoutineItem, 0, len(items))
	for _, it := range items {
		e, ok := c.Exercise(it.Exercise)
		if !ok {
			out, t.Why = append(out, it), append(t.Why, "")
			t.least, t.most = append(t.least, 1), append(t.most, 0)
			continue
		}
		if !e.PerDay() {
			it, why := withSuggestion(it, e, Suggest(e, history, today))
			out, t.Why = append(out, it), append(t.Why, why)
			t.least, t.most = append(t.least, MinReps), append(t.most, e.Reps.Max)
			continue
		}
		d := daily[e.ID]
		want := d.Dose
		if it.Reps != 0 {
			want = min(it.Reps, d.Dose)
		}
		reps := min(want, left[e.ID])
		if reps == 0 {
			t.Notes = append(t.Notes, fmt.Sprintf("%s is left out: %d of today's %d are done, and the source article counts it per day.", e.Name, d.Done, d.Dose))
			continue
		}
		why := d.Suggestion.Why
		switch {
		case reps < want && d.Dose-left[e.ID] > d.Done:
			why = fmt.Sprintf("%d of today's %d: the rest is earlier in this routine or done already.", reps, d.Dose)
		case reps < want:
			why = fmt.Sprintf("%d of today's %d: %d are done already, and the source article counts this exercise per day.", reps, d.Dose, d.Done)
		case it.Reps != 0 && reps == it.Reps:
			why = "" // its own dose, within today's
		}
		left[e.ID] -= reps
		it.Reps = reps
		out, t.Why = append(out, it), append(t.Why, why)
		t.least = append(t.least, MinReps)
		t.most = append(t.most, max(min(e.Reps.Max, e.Progression.Target)-d.Done, reps))
	}
	r.Items = out
	t.Routine = r
	return t
}

// withSuggestion gives item it of exercise e the suggested dose s when it
// has none of its own, or when its own is above a lowered s; the line says
// why ("" when it keeps its own).
func withSuggestion(it RoutineItem, e Exercise, s Suggestion) (RoutineItem, string) {
	if it.Reps == 0 && it.Hold == 0 {
		it.Reps, it.Hold = s.Reps, s.Hold
		return it, s.Why
	}
	_, reps, hold, err := it.Resolve(Catalogue{e})
	if err != nil || !s.Lowered {
		return it, ""
	}
	low := RoutineItem{Exercise: it.Exercise, Reps: min(reps, s.Reps), Hold: hold}
	if progressionOf(e).holdRises {
		low.Hold = min(hold, s.Hold)
	}
	if low.Reps == reps && low.Hold == hold {
		return it, ""
	}
	return low, s.Why
}

// withPerDay returns items with the per-day exercises that are not done
// today put in before the cat stretch, in catalogue order, as the morning
// routine has them.
func withPerDay(items []RoutineItem, daily []DailyDose) []RoutineItem {
	var add []RoutineItem
	for _, d := range daily {
		has := slices.ContainsFunc(items, func(it RoutineItem) bool { return it.Exercise == d.Exercise.ID })
		if d.Left() > 0 && !has {
			add = append(add, RoutineItem{Exercise: d.Exercise.ID})
		}
	}
	if len(add) == 0 {
		return items
	}
	at := slices.IndexFunc(items, func(it RoutineItem) bool { return it.Exercise == CatStretch })
	if at < 0 {
		at = len(items)
	}
	return slices.Concat(items[:at:at], add, items[at:])
}
