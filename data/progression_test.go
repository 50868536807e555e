package data_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

// daily is a session a day from day from to day to, inclusive, with the
// pain rated 3 before and after.
func daily(from, to int, ex string, reps int, hold time.Duration) []data.Record {
	var out []data.Record
	for n := from; n <= to; n++ {
		out = append(out, datatest.ProgSession(n, ex, reps, hold, withPain(3, 3)))
	}
	return out
}

// unscored is daily without pain scores.
func unscored(from, to int, ex string, reps int, hold time.Duration) []data.Record {
	var out []data.Record
	for n := from; n <= to; n++ {
		out = append(out, datatest.ProgSession(n, ex, reps, hold))
	}
	return out
}

// withPain sets the pain before and after.
func withPain(before, after int) func(*data.Record) {
	return func(r *data.Record) { r.PainBefore, r.PainAfter = data.PainScore(before), data.PainScore(after) }
}

// leftSkipped leaves the whole exercise undone.
func leftSkipped(r *data.Record) {
	r.Exercises[0].HoldsDone, r.Exercises[0].RepsDone = 0, 0
	r.Complete = false
}

// asOtherExercise makes the session one of another exercise only.
func asOtherExercise(ex string) func(*data.Record) {
	return func(r *data.Record) { r.Exercises[0].Exercise, r.Exercises[0].Name = ex, ex }
}

// climb is a week of daily, scored sessions of ex at each of levels in
// turn, from day from: the way a level is reached.
func climb(from int, ex string, hold time.Duration, levels ...int) []data.Record {
	var out []data.Record
	for i, reps := range levels {
		out = append(out, daily(from+7*i, from+7*i+6, ex, reps, hold)...)
	}
	return out
}

// climbHolds is climb for the rotational stretch at 2 repetitions, a week
// at each hold of seconds in turn; a hold of 10 after 10 is the week at 3
// repetitions.
func climbHolds(from int, seconds ...int) []data.Record {
	var out []data.Record
	for i, sec := range seconds {
		reps := 2
		if i > 0 && sec == 10 && seconds[i-1] == 10 {
			reps = 3
		}
		out = append(out, daily(from+7*i, from+7*i+6, data.Rotation, reps, time.Duration(sec)*time.Second)...)
	}
	return out
}

// atNine is the flexibility exercise climbed to 9 a day, reached on day
// 14 and done on days 14 to 16.
func atNine() []data.Record {
	return joinRecs(climb(0, data.Flexibility, 5*time.Second, 5, 7), daily(14, 16, data.Flexibility, 9, 5*time.Second))
}

// joinRecs concatenates histories.
func joinRecs(parts ...[]data.Record) []data.Record {
	var out []data.Record
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestSuggest(t *testing.T) {
	const s = time.Second
	flex, bridge, knee, rot, cat := data.Flexibility, data.Bridge, data.KneeToChest, data.Rotation, data.CatStretch
	cases := []struct {
		scenario string
		ex       string
		history  []data.Record
		today    int // day number
		reps     int
		hold     time.Duration
		why      string
	}{
		// Starting.
		{"flexibility, first time", flex, nil, 0, 5, 5 * s, "5 a day to start; it rises as your pain allows."},
		{"bridge, first time", bridge, nil, 0, 5, 18 * s, "5 a day to start; it rises as your pain allows."},
		{"knee-to-chest, first time", knee, nil, 0, 2, 5 * s, "2 to start; it rises as your pain allows."},
		{"rotation, first time", rot, nil, 0, 2, 5 * s, "2 × 5 s to start; it rises as your pain allows."},
		{"cat, first time", cat, nil, 0, 3, 5 * s, "3 to start; it rises as your pain allows."},
		{"other exercises do not count", flex, daily(0, 9, knee, 2, 5*s), 10, 5, 5 * s, "5 a day to start; it rises as your pain allows."},
		{"a skipped exercise does not count", flex, []data.Record{datatest.ProgSession(0, flex, 5, 5*s, leftSkipped)}, 1, 5, 5 * s, "5 a day to start; it rises as your pain allows."},

		// Staying a week. A day counts at a level when the level's
		// repetitions were done, every hold of them, with pain scores.
		{"three days at 5", flex, daily(0, 2, flex, 5, 5*s), 3, 5, 5 * s, "Stay at 5 for now: 3 of 7 days done without more pain."},
		{"a week at 5", flex, daily(0, 6, flex, 5, 5*s), 7, 7, 5 * s, "You've done 5 for a week without more pain: try 7."},
		// Today's sessions never raise today's level (it would raise
		// what is left of a per-day dose in the middle of the day).
		{"a week at 5, asked on its seventh day", flex, daily(0, 6, flex, 5, 5*s), 6, 5, 5 * s, "Stay at 5 for now: 6 of 7 days done without more pain."},
		{"twice a day for four days is four days", knee, joinRecs(daily(0, 3, knee, 2, 5*s), daily(0, 3, knee, 2, 5*s)), 4, 2, 5 * s, "Stay at 2 for now: 4 of 7 days done without more pain."},
		{"a per-day exercise in two sessions is one day at their sum", flex, joinRecs(daily(0, 3, flex, 3, 5*s), daily(0, 3, flex, 2, 5*s)), 4, 5, 5 * s, "Stay at 5 for now: 4 of 7 days done without more pain."},
		{"a twice-daily stretch in two sessions is not a day at their sum", knee, joinRecs(daily(0, 6, knee, 1, 5*s), daily(0, 6, knee, 1, 5*s)), 7, 2, 5 * s, "Stay at 2 for now: 0 of 7 days done without more pain."},
		{"a week at 7 a day, split 4 and 3", bridge, joinRecs(climb(0, bridge, 18*s, 5), daily(7, 13, bridge, 4, 18*s), daily(7, 13, bridge, 3, 18*s)), 14, 9, 18 * s, "You've done 7 for a week without more pain: try 9."},
		{"a partial session does not count", flex, joinRecs(daily(0, 2, flex, 5, 5*s), []data.Record{datatest.ProgSession(3, flex, 5, 5*s, datatest.LeftPartial)}, daily(4, 6, flex, 5, 5*s)), 7, 5, 5 * s, "Stay at 5 for now: 6 of 7 days done without more pain."},
		{"more than the level is a day at it", flex, joinRecs(daily(0, 3, flex, 5, 5*s), daily(4, 4, flex, 7, 5*s), daily(5, 6, flex, 5, 5*s)), 7, 7, 5 * s, "You've done 5 for a week without more pain: try 7."},
		{"a long gap breaks the week", flex, joinRecs(daily(0, 3, flex, 5, 5*s), daily(20, 22, flex, 5, 5*s)), 23, 5, 5 * s, "Stay at 5 for now: 3 of 7 days done without more pain."},
		{"pain rising by 1 is not a rise", flex, joinRecs(daily(0, 5, flex, 5, 5*s), []data.Record{datatest.ProgSession(6, flex, 5, 5*s, withPain(3, 4))}), 7, 7, 5 * s, "You've done 5 for a week without more pain: try 7."},
		{"pain falling is fine", flex, joinRecs(daily(0, 5, flex, 5, 5*s), []data.Record{datatest.ProgSession(6, flex, 5, 5*s, withPain(6, 2))}), 7, 7, 5 * s, "You've done 5 for a week without more pain: try 7."},
		{"a rise earlier at this level restarts the week", flex, joinRecs(daily(0, 2, flex, 5, 5*s), []data.Record{datatest.ProgSession(3, flex, 5, 5*s, withPain(2, 5))}, daily(4, 8, flex, 5, 5*s)), 9, 5, 5 * s, "Stay at 5 for now: 5 of 7 days done without more pain."},
		// Every pain signal counts for every exercise (issue 23).
		{"pain after a session without this exercise counts too", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 2, 5*s, asOtherExercise(knee), withPain(1, 8))}), 8, 5, 5 * s, "Your pain went from 1 to 8 after a session yesterday: one step back, to 5."},
		{"pain after skipping this exercise counts too", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 5, 5*s, leftSkipped, withPain(1, 8))}), 8, 5, 5 * s, "Your pain went from 1 to 8 after a session yesterday: one step back, to 5."},

		// Dropping back: one step down per day with a pain signal.
		{"pain rose at a new level: one step back", flex, joinRecs(daily(0, 6, flex, 5, 5*s), daily(7, 8, flex, 7, 5*s), []data.Record{datatest.ProgSession(9, flex, 7, 5*s, withPain(3, 5))}), 10, 5, 5 * s, "Your pain went from 3 to 5 after a session yesterday: one step back, to 5."},
		{"pain rose after a partial session", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 7, 5*s, datatest.LeftPartial, withPain(3, 6))}), 8, 5, 5 * s, "Your pain went from 3 to 6 after a session yesterday: one step back, to 5."},
		{"pain rose twice: back again", flex, joinRecs(daily(0, 6, flex, 5, 5*s), daily(7, 13, flex, 7, 5*s), []data.Record{datatest.ProgSession(14, flex, 9, 5*s, withPain(2, 4)), datatest.ProgSession(15, flex, 7, 5*s, withPain(2, 5))}), 16, 5, 5 * s, "Your pain went from 2 to 5 after a session yesterday: one step back, to 5."},
		{"pain rose at the start", flex, []data.Record{datatest.ProgSession(0, flex, 5, 5*s, withPain(2, 6))}, 1, 5, 5 * s, "Your pain went from 2 to 6 after a session yesterday: stay at 5, the least there is, and stop if it sharpens; if this keeps happening, talk to a healthcare professional."},
		{"pain two days ago, nothing since", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 7, 5*s, withPain(2, 6))}), 9, 5, 5 * s, "Your pain went from 2 to 6 after a session 2 days ago: one step back, to 5."},
		// 9 chosen on a first day is no level of 9: the level is the start.
		{"pain after 9 chosen on the first day", flex, []data.Record{datatest.ProgSession(0, flex, 9, 5*s, withPain(1, 3))}, 1, 5, 5 * s, "Your pain went from 1 to 3 after a session yesterday: stay at 5, the least there is, and stop if it sharpens; if this keeps happening, talk to a healthcare professional."},
		{"pain rose, then fine at the lower level", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 7, 5*s, withPain(3, 5))}, daily(8, 9, flex, 5, 5*s)), 10, 5, 5 * s, "Stay at 5 for now: 2 of 7 days done without more pain."},

		// The top of the range, reached a week at a time.
		{"a week at 29", flex, joinRecs(climb(0, flex, 5*s, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27), daily(84, 90, flex, 29, 5*s)), 91, 30, 5 * s, "You've done 29 for a week without more pain: try 30."},
		{"a week at 30", bridge, joinRecs(climb(0, bridge, 18*s, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29), daily(91, 97, bridge, 30, 18*s)), 98, 30, 18 * s, "You're at 30, the most the source article suggests: keep it there."},
		{"a logged 40 is a day at the level, not at 40", bridge, daily(0, 6, bridge, 40, 18*s), 7, 7, 18 * s, "You've done 5 for a week without more pain: try 7."},
		// One to four bridges done are no day at 5 (issue 23).
		{"3 done is no day at 5", bridge, daily(0, 6, bridge, 3, 18*s), 7, 5, 18 * s, "Stay at 5 for now: 0 of 7 days done without more pain."},
		{"bridge keeps its breath-paced hold", bridge, daily(0, 6, bridge, 5, 24*s), 7, 7, 18 * s, "You've done 5 for a week without more pain: try 7."},
		{"knee-to-chest, a week at 2", knee, daily(0, 6, knee, 2, 5*s), 7, 3, 5 * s, "You've done 2 for a week without more pain: try 3."},
		{"knee-to-chest, a week at 3", knee, joinRecs(climb(0, knee, 5*s, 2), daily(7, 13, knee, 3, 5*s)), 14, 3, 5 * s, "You're at 3, the most the source article suggests: keep it there."},

		// The rotational stretch: the hold first, then a repetition.
		{"rotation, a week at 7 s", rot, joinRecs(climbHolds(0, 5, 6), daily(14, 20, rot, 2, 7*s)), 21, 2, 8 * s, "You've done 2 × 7 s for a week without more pain: try 2 × 8 s."},
		{"rotation, a week at 10 s", rot, joinRecs(climbHolds(0, 5, 6, 7, 8, 9), daily(35, 41, rot, 2, 10*s)), 42, 3, 10 * s, "You've done 2 × 10 s for a week without more pain: try 3 × 10 s."},
		{"rotation, at the top", rot, joinRecs(climbHolds(0, 5, 6, 7, 8, 9, 10), daily(42, 48, rot, 3, 10*s)), 49, 3, 10 * s, "You're at 3 × 10 s, the most the source article suggests: keep it there."},
		{"rotation, a shorter hold is no day at the level", rot, joinRecs(climbHolds(0, 5, 6), daily(14, 20, rot, 2, 6*s)), 21, 2, 7 * s, "Stay at 2 × 7 s for now: 0 of 7 days done without more pain."},
		{"rotation, pain rose: back to the shorter hold", rot, joinRecs(climbHolds(0, 5, 6, 7), []data.Record{datatest.ProgSession(21, rot, 2, 8*s, withPain(3, 5))}), 22, 2, 7 * s, "Your pain went from 3 to 5 after a session yesterday: one step back, to 2 × 7 s."},
		{"rotation, pain rose at 3: a repetition fewer", rot, joinRecs(climbHolds(0, 5, 6, 7, 8, 9, 10), []data.Record{datatest.ProgSession(42, rot, 3, 10*s, withPain(3, 5))}), 43, 2, 10 * s, "Your pain went from 3 to 5 after a session yesterday: one step back, to 2 × 10 s."},
		{"rotation, pain rose at the least", rot, []data.Record{datatest.ProgSession(0, rot, 2, 5*s, withPain(3, 5))}, 1, 2, 5 * s, "Your pain went from 3 to 5 after a session yesterday: stay at 2 × 5 s, the least there is, and stop if it sharpens; if this keeps happening, talk to a healthcare professional."},

		// The cat stretch keeps the hold the person chose.
		{"cat, a week at 3 × 8 s", cat, daily(0, 6, cat, 3, 8*s), 7, 4, 8 * s, "You've done 3 for a week without more pain: try 4."},
		{"cat, a changed hold is the same level", cat, joinRecs(daily(0, 3, cat, 3, 5*s), daily(4, 6, cat, 3, 8*s)), 7, 4, 8 * s, "You've done 3 for a week without more pain: try 4."},
		{"cat, a week at 5", cat, joinRecs(climb(0, cat, 5*s, 3, 4), daily(14, 20, cat, 5, 5*s)), 21, 5, 5 * s, "You're at 5, the most the source article suggests: keep it there."},

		// After a break: the gap is counted from the last day with the
		// exercise to today. atNine reaches 9 on day 14 and does it on
		// days 14 to 16.
		{"a 2-day gap keeps the level", flex, atNine(), 18, 9, 5 * s, "Stay at 9 for now: 3 of 7 days done without more pain."},
		{"a 3-day gap steps one down", flex, atNine(), 19, 7, 5 * s, "It's been 3 days since you last did this: one step back, to 7, then build up again."},
		{"a 13-day gap steps one down", flex, atNine(), 29, 7, 5 * s, "It's been 13 days since you last did this: one step back, to 7, then build up again."},
		{"a 14-day gap starts again", flex, atNine(), 30, 5, 5 * s, "It's been 14 days since you last did this: start again at 5 and build up."},
		{"a 15-day gap starts again", flex, atNine(), 31, 5, 5 * s, "It's been 15 days since you last did this: start again at 5 and build up."},
		{"three weeks off at the top", bridge, joinRecs(climb(0, bridge, 18*s, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29), daily(91, 97, bridge, 30, 18*s)), 121, 5, 18 * s, "It's been 24 days since you last did this: start again at 5 and build up."},
		{"a 3-day gap one above the start", flex, joinRecs(climb(0, flex, 5*s, 5), daily(7, 7, flex, 7, 5*s)), 10, 5, 5 * s, "It's been 3 days since you last did this: start again at 5 and build up."},
		{"rotation after 3 days: a second shorter", rot, joinRecs(climbHolds(0, 5, 6, 7), daily(21, 21, rot, 2, 8*s)), 24, 2, 7 * s, "It's been 3 days since you last did this: one step back, to 2 × 7 s, then build up again."},
		{"knee-to-chest after 5 days", knee, joinRecs(daily(0, 6, knee, 2, 5*s), daily(7, 7, knee, 3, 5*s)), 12, 2, 5 * s, "It's been 5 days since you last did this: start again at 2 and build up."},
		{"back after the break, counting again", flex, joinRecs(atNine(), daily(21, 22, flex, 7, 5*s)), 23, 7, 5 * s, "Stay at 7 for now: 2 of 7 days done without more pain."},
		{"a 3-day gap within the week restarts it", flex, joinRecs(daily(0, 3, flex, 5, 5*s), daily(6, 8, flex, 5, 5*s)), 9, 5, 5 * s, "Stay at 5 for now: 3 of 7 days done without more pain."},
		{"a 2-day gap within the week does not", flex, joinRecs(daily(0, 3, flex, 5, 5*s), daily(5, 7, flex, 5, 5*s)), 8, 7, 5 * s, "You've done 5 for a week without more pain: try 7."},

		// Without pain scores the level holds, and the reason asks for them.
		{"a week without pain scores holds", flex, unscored(0, 6, flex, 5, 5*s), 7, 5, 5 * s, "Stay at 5: rate your pain before and after each session, and after 7 days without it rising Unknot adds more."},
		{"a month of 9 a day without pain scores holds at 5", bridge, unscored(0, 30, bridge, 9, 18*s), 31, 5, 18 * s, "Stay at 5: rate your pain before and after each session, and after 7 days without it rising Unknot adds more."},
		{"only the pain before given", flex, joinRecs(daily(0, 5, flex, 5, 5*s), []data.Record{datatest.ProgSession(6, flex, 5, 5*s, func(r *data.Record) { r.PainBefore = data.PainScore(2) })}), 7, 5, 5 * s, "Stay at 5: rate your pain before and after each session, and after 7 days without it rising Unknot adds more."},
		{"six scored days and one not", knee, joinRecs(daily(0, 5, knee, 2, 5*s), unscored(6, 6, knee, 2, 5*s)), 7, 2, 5 * s, "Stay at 2: rate your pain before and after each session, and after 7 days without it rising Unknot adds more."},
		{"scores given from day 2 on", knee, joinRecs(unscored(0, 1, knee, 2, 5*s), daily(2, 8, knee, 2, 5*s)), 9, 3, 5 * s, "You've done 2 for a week without more pain: try 3."},
		{"at the top without scores", cat, joinRecs(climb(0, cat, 5*s, 3, 4), unscored(14, 20, cat, 5, 5*s)), 21, 5, 5 * s, "You're at 5, the most the source article suggests: keep it there."},

		// Pain after a session: a rise of 2 or more, or 7 or more whatever
		// it was before.
		{"a rise of 1 at 6 counts the day", knee, joinRecs(daily(0, 5, knee, 2, 5*s), []data.Record{datatest.ProgSession(6, knee, 2, 5*s, withPain(5, 6))}), 7, 3, 5 * s, "You've done 2 for a week without more pain: try 3."},
		{"pain 7 after 7 before: back", flex, joinRecs(daily(0, 6, flex, 5, 5*s), daily(7, 8, flex, 7, 5*s), []data.Record{datatest.ProgSession(9, flex, 7, 5*s, withPain(7, 7))}), 10, 5, 5 * s, "Your pain was 7 after a session yesterday: one step back, to 5."},
		{"pain 9 after 8 before: back", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 7, 5*s, withPain(8, 9))}), 8, 5, 5 * s, "Your pain was 9 after a session yesterday: one step back, to 5."},
		{"pain 6 after 6 before counts the day", knee, joinRecs(daily(0, 5, knee, 2, 5*s), []data.Record{datatest.ProgSession(6, knee, 2, 5*s, withPain(6, 6))}), 7, 3, 5 * s, "You've done 2 for a week without more pain: try 3."},
		{"pain rose in the evening session of a per-day exercise", flex, joinRecs(daily(0, 6, flex, 5, 5*s), []data.Record{datatest.ProgSession(7, flex, 4, 5*s, withPain(2, 2)), datatest.ProgSession(7, flex, 3, 5*s, withPain(2, 4))}), 8, 5, 5 * s, "Your pain went from 2 to 4 after a session yesterday: one step back, to 5."},
	}
	cat0 := data.DefaultCatalogue()
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			ex, ok := cat0.Exercise(c.ex)
			if !ok {
				t.Fatalf("no exercise %q", c.ex)
			}
			got := data.Suggest(ex, c.history, datatest.ProgDate(c.today))
			if got.Reps != c.reps || got.Hold != c.hold {
				t.Errorf("dose: got %d × %v, want %d × %v", got.Reps, got.Hold, c.reps, c.hold)
			}
			if got.Why != c.why {
				t.Errorf("why: got %q, want %q", got.Why, c.why)
			}
		})
	}
}

func TestSuggestOrderOfHistory(t *testing.T) {
	// The history need not come sorted.
	ex, _ := data.DefaultCatalogue().Exercise(data.Flexibility)
	h := joinRecs(daily(0, 6, data.Flexibility, 5, 5*time.Second), []data.Record{datatest.ProgSession(7, data.Flexibility, 7, 5*time.Second, withPain(3, 5))})
	for i, j := 0, len(h)-1; i < j; i, j = i+1, j-1 {
		h[i], h[j] = h[j], h[i]
	}
	if got := data.Suggest(ex, h, datatest.ProgDate(8)); got.Reps != 5 {
		t.Errorf("got %d, want 5", got.Reps)
	}
}

func TestSuggestStaysInRange(t *testing.T) {
	// Whatever the history, the dose is one the catalogue allows and the
	// reason is one line.
	rng := rand.New(rand.NewPCG(1, 2))
	for _, ex := range data.DefaultCatalogue() {
		for trial := range 300 {
			var h []data.Record
			for n := range rng.IntN(40) {
				r := datatest.ProgSession(n+rng.IntN(3), ex.ID, rng.IntN(50)-5, time.Duration(rng.IntN(30000))*time.Millisecond)
				if rng.IntN(4) == 0 {
					withPain(rng.IntN(11), rng.IntN(11))(&r)
				}
				if rng.IntN(6) == 0 {
					datatest.LeftPartial(&r)
				}
				h = append(h, r)
			}
			got := data.Suggest(ex, h, datatest.ProgDate(rng.IntN(60)))
			if !ex.Reps.Contains(got.Reps) || got.Hold < ex.Hold.Min || got.Hold > ex.Hold.Max {
				t.Fatalf("%s, trial %d: got %d × %v, outside %d–%d × %v–%v", ex.ID, trial, got.Reps, got.Hold, ex.Reps.Min, ex.Reps.Max, ex.Hold.Min, ex.Hold.Max)
			}
			if got.Why == "" || strings.Contains(got.Why, "\n") {
				t.Fatalf("%s, trial %d: why %q, want one line", ex.ID, trial, got.Why)
			}
		}
	}
}

func TestPlanTodayKeepsOwnDoses(t *testing.T) {
	c := data.DefaultCatalogue()
	r := data.Routine{ID: "custom-x", Name: "Mine", Items: []data.RoutineItem{
		{Exercise: data.Rotation},
		{Exercise: data.CatStretch, Reps: 3, Hold: 7 * time.Second},
	}}
	p := data.PlanToday(r, c, nil, "2026-11-25")
	got, why := p.Routine, p.Why
	if it := got.Items[0]; it.Reps != 2 || it.Hold != 5*time.Second || why[0] == "" {
		t.Errorf("rotation on a first day: got %d × %v (%q), want 2 × 5s with a reason", it.Reps, it.Hold, why[0])
	}
	if it := got.Items[1]; it.Reps != 3 || it.Hold != 7*time.Second || why[1] != "" {
		t.Errorf("an item with its own dose: got %d × %v (%q), want it kept, 3 × 7s", it.Reps, it.Hold, why[1])
	}
	if r.Items[0].Reps != 0 {
		t.Error("the routine passed in was changed")
	}
}
