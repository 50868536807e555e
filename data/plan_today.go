package data

import (
	"fmt"
	"slices"
)

// TodayPlan is a routine as it runs now, every dose from the authority
// (DosesAt).
type TodayPlan struct {
	// Routine is the routine with the doses filled in: today's level for
	// an item without a dose of its own, an item's own dose cut to what
	// the authority allows, and exercises with nothing left left out.
	Routine Routine
	// Why says per item of Routine why its dose ("" for an item that
	// keeps its own dose).
	Why []string
	// Notes say which items were left out, and why.
	Notes []string
	// Daily is where each per-day exercise stands today.
	Daily []DailyDose
	// Doses is the authority's answer the plan was made from.
	Doses Doses
	// most is the most repetitions Allows lets each item of Routine
	// reach (see Allows).
	most []int
}

// Limit is how far − and + may take one item of a routine.
type Limit struct {
	// Min and Max are the fewest and the most repetitions the item may
	// have; Max is 0 when the item cannot run now.
	Min, Max int
	// Why says in one line why Max: the authority's reason, or that the
	// rest of today's dose is in the routine's other items.
	Why string
}

// Stops says where + stops and why: "+ stops at 5: 5 a day to start; it
// rises as your pain allows."
func (l Limit) Stops() string { return fmt.Sprintf("+ stops at %d: %s", l.Max, lowerFirst(l.Why)) }

// lowerFirst puts the first letter of s in lower case, for a reason that
// follows a colon.
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || (len(s) > 1 && s[1] == ' ') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// Limit is the range item i of r may take: r is the routine as the person
// has changed it so far, and its other items of the same exercise share
// the session's Max. An item out of range, or of an exercise the
// catalogue does not have, gets Max 0.
func (t TodayPlan) Limit(r Routine, i int) Limit {
	if i < 0 || i >= len(r.Items) {
		return Limit{}
	}
	id := r.Items[i].Exercise
	d := t.Doses.For(id)
	if d.Max == 0 {
		return Limit{Why: d.LeftOut}
	}
	others := 0
	for j, it := range r.Items {
		if j != i && it.Exercise == id {
			others += itemReps(it, d.Exercise)
		}
	}
	l := Limit{Min: d.Min, Max: max(d.Max-others, 0), Why: d.MaxWhy}
	if others > 0 && l.Max < d.Max {
		l.Why = fmt.Sprintf("%d of this session's %d: the rest is in this routine's other %s items.", l.Max, d.Max, d.Exercise.Name)
	}
	return l
}

// AllowsIn reports whether item i of r, the routine as the person has
// changed it so far, may have n repetitions (see Limit).
func (t TodayPlan) AllowsIn(r Routine, i, n int) bool {
	l := t.Limit(r, i)
	return l.Max > 0 && n >= l.Min && n <= l.Max
}

// Allows reports whether item i of the plan's Routine may run with n
// repetitions: from MinReps (the article's numbers are where to start, and
// someone in a bad spasm may do fewer) to the authority's Max. It knows
// only the routine as planned, not the changes made since, so an item
// that shares its exercise with another item of the routine may not pass
// its planned share: raising both could pass the day's dose. AllowsIn,
// given the routine as changed, lets the shares move.
func (t TodayPlan) Allows(i, n int) bool {
	if i < 0 || i >= len(t.most) {
		return false
	}
	return n >= MinReps && n <= t.most[i]
}

// itemReps is the repetitions item it asks of e, its default filled in.
func itemReps(it RoutineItem, e Exercise) int {
	if it.Reps == 0 {
		return e.DefaultReps
	}
	return it.Reps
}

// PlanAt returns r as it runs for a session started at now, given the
// history: each dose from the authority (DosesAt).
//   - an item without a dose of its own takes today's level;
//   - an item with its own dose goes no higher than that level, and a
//     rotation's hold no longer than the level's;
//   - items of one exercise share what the session may hold of it: a
//     per-day exercise no more than is left of today's dose, and is left
//     out once that is done or its next day's dose is not open;
//   - the built-in evening routine carries the per-day exercises while
//     today's are not done, so whichever of the two sessions comes first
//     has them, and a person who only exercises in the evening does them
//     too.
func PlanAt(r Routine, c Catalogue, history []Record, now Stamp) TodayPlan {
	return DosesAt(c, history, now).Plan(r)
}

// PlanToday is PlanAt on the local date today (DateLayout) with no instant,
// so without the DayGap rule. Callers that have the clock should call
// PlanAt.
func PlanToday(r Routine, c Catalogue, history []Record, today string) TodayPlan {
	return PlanAt(r, c, history, Stamp{LocalDate: today})
}

// Plan returns r as it runs with these doses (see PlanAt).
func (d Doses) Plan(r Routine) TodayPlan {
	return d.plan(r, r.ID == Evening)
}

// plan fills in r's doses; perDay adds the per-day exercises not done
// today, as the evening routine does.
func (d Doses) plan(r Routine, perDay bool) TodayPlan {
	t := TodayPlan{Daily: d.Daily(), Doses: d}
	items := r.Items
	if perDay {
		items = withPerDay(items, t.Daily)
	}
	left := map[string]int{}
	for _, x := range d.doses {
		left[x.Exercise.ID] = x.Max
	}
	count := map[string]int{}
	for _, it := range items {
		count[it.Exercise]++
	}
	out := make([]RoutineItem, 0, len(items))
	for _, it := range items {
		x := d.For(it.Exercise)
		if x.Exercise.ID == "" {
			// Unknown here: Compile says so, and nothing may change it.
			out, t.Why, t.most = append(out, it), append(t.Why, ""), append(t.most, 0)
			continue
		}
		e := x.Exercise
		if x.Max == 0 {
			t.Notes = appendOnce(t.Notes, x.LeftOut)
			continue
		}
		want := min(itemReps(it, e), x.Max)
		if it.Reps == 0 {
			want = x.Max
		}
		reps := min(want, left[e.ID])
		if reps == 0 {
			t.Notes = append(t.Notes, fmt.Sprintf("%s is left out: what this session may hold of it (%d) is in the items before it.", e.Name, x.Max))
			continue
		}
		planned, why := dosed(it, x, reps)
		if reps < want {
			why = fmt.Sprintf("%d of this session's %d: the rest is earlier in this routine.", reps, x.Max)
		}
		left[e.ID] -= reps
		out, t.Why = append(out, planned), append(t.Why, why)
		most := reps
		if count[e.ID] == 1 {
			most = x.Max
		}
		t.most = append(t.most, most)
	}
	r.Items = out
	t.Routine = r
	return t
}

// dosed is item it of x's exercise with reps repetitions and the hold the
// authority allows, and the reason for its dose ("" for an item that keeps
// its own).
func dosed(it RoutineItem, x Dose, reps int) (RoutineItem, string) {
	own := it.Reps != 0 && it.Reps == reps
	hold := it.Hold
	switch {
	case hold == 0:
		// No hold of its own: the level's, not the catalogue's default,
		// so a new person's rotation holds 5 s, not 10.
		hold = x.Hold
	case progressionOf(x.Exercise).holdRises && hold > x.Hold:
		hold, own = x.Hold, false
	}
	why := ""
	if !own {
		why = x.MaxWhy
	}
	return RoutineItem{Exercise: it.Exercise, Reps: reps, Hold: hold}, why
}

// appendOnce appends s to notes unless it is there.
func appendOnce(notes []string, s string) []string {
	if slices.Contains(notes, s) {
		return notes
	}
	return append(notes, s)
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
