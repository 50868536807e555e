package data_test

import (
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

// The tests in this file hold the bullets under "Why" of issue 23, each as
// a new person or a small history meets it. Each failed before the dose
// authority (dose.go, level.go) was written.

// morningItem is the index of exercise id in the planned morning routine.
func morningItem(tb testing.TB, p data.TodayPlan, id string) int {
	tb.Helper()
	for i, it := range p.Routine.Items {
		if it.Exercise == id {
			return i
		}
	}
	tb.Fatalf("%s is not in the plan %s", id, planItems(p.Routine))
	return -1
}

// hurt marks a session stopped with "This hurts".
func hurt(r *data.Record) { r.Stopped = data.StoppedHurt }

// painAfterOnly gives the session a pain score after it, none before.
func painAfterOnly(n int) func(*data.Record) {
	return func(r *data.Record) { r.PainAfter = data.PainScore(n) }
}

// Why, the + button: on the very first day + cannot take the bridge or the
// flexibility exercise past the article's 5 a day, nor past a dose lowered
// for pain or after a break.
func TestWhyPlusStopsAtTodaysDose(t *testing.T) {
	const s = time.Second
	c := data.DefaultCatalogue()
	morning := datatest.Routine(t, data.Morning)
	bridge, flex := data.Bridge, data.Flexibility
	cases := []struct {
		scenario string
		history  []data.Record
		ex       string
		most     int // the most + may reach
	}{
		{"first day, bridge", nil, bridge, 5},
		{"first day, flexibility", nil, flex, 5},
		{"after pain at 7", joinRecs(daily(-14, -8, bridge, 5, 18*s), daily(-7, -2, bridge, 7, 18*s), []data.Record{datatest.ProgSession(-1, bridge, 7, 18*s, withPain(2, 6))}), bridge, 5},
		{"after a 20-day break", daily(-27, -20, flex, 9, 5*s), flex, 5},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			p := data.PlanToday(morning, c, tc.history, datatest.ProgDate(0))
			i := morningItem(t, p, tc.ex)
			if got := p.Allows(i, tc.most); !got {
				t.Errorf("%d allowed: got %v, want %v", tc.most, got, true)
			}
			if got := p.Allows(i, tc.most+1); got {
				t.Errorf("%d allowed: got %v, want %v", tc.most+1, got, false)
			}
			if got := p.Allows(i, 30); got {
				t.Errorf("30 allowed: got %v, want %v", got, false)
			}
		})
	}
}

// Why, the level comes from rounds done: 30 planned and 1 done is a day at
// 1, not at 30; a week of 1 bridge a day is no week at 5.
func TestWhyLevelFromRoundsDone(t *testing.T) {
	const s = time.Second
	bridge := exercise(t, data.Bridge)
	one := func(r *data.Record) {
		l := &r.Exercises[0]
		l.RepsDone, l.HoldsDone, r.Complete = 1, 1, false
	}
	cases := []struct {
		scenario string
		history  []data.Record
		today    int
		reps     int
	}{
		{"30 planned, 1 done, End", []data.Record{datatest.ProgSession(0, data.Bridge, 30, 18*s, one, withPain(3, 3))}, 1, 5},
		{"a week of 1 a day, all 30 planned", func() []data.Record {
			var h []data.Record
			for n := range 7 {
				h = append(h, datatest.ProgSession(n, data.Bridge, 30, 18*s, one, withPain(3, 3)))
			}
			return h
		}(), 7, 5},
		{"a week of 1 a day, 1 planned", daily(0, 6, data.Bridge, 1, 18*s), 7, 5},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			got := data.Suggest(bridge, tc.history, datatest.ProgDate(tc.today))
			if got.Reps != tc.reps {
				t.Errorf("got %d (%q), want %d", got.Reps, got.Why, tc.reps)
			}
		})
	}
}

// Why, pain that never lowered the dose: "This hurts", a pain score given
// only after a session, and a rise in a session without the exercise all
// lower the next dose by one level, and show the ease-off advice.
func TestWhyEveryPainSignalLowersTheNextDose(t *testing.T) {
	const s = time.Second
	bridge := exercise(t, data.Bridge)
	week := joinRecs(daily(0, 6, data.Bridge, 5, 18*s), daily(7, 13, data.Bridge, 7, 18*s)) // level 9 from day 14
	cases := []struct {
		scenario string
		last     data.Record // on day 14
		reps     int         // on day 15
	}{
		{"nothing wrong", datatest.ProgSession(14, data.Bridge, 9, 18*s, withPain(3, 3)), 9},
		{"This hurts: stop", datatest.ProgSession(14, data.Bridge, 9, 18*s, hurt, datatest.LeftPartial), 7},
		{"9 after, no score before", datatest.ProgSession(14, data.Bridge, 9, 18*s, painAfterOnly(9)), 7},
		{"a rise from 3 to 8 in an evening session without bridges", datatest.ProgSession(14, data.KneeToChest, 2, 5*s, withPain(3, 8)), 7},
		{"This hurts in a session without bridges", datatest.ProgSession(14, data.CatStretch, 3, 5*s, hurt), 7},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			h := append(append([]data.Record(nil), week...), tc.last)
			if got := data.Suggest(bridge, h, datatest.ProgDate(15)); got.Reps != tc.reps {
				t.Errorf("dose: got %d (%q), want %d", got.Reps, got.Why, tc.reps)
			}
			want := data.PainFine
			if tc.reps < 9 {
				want = data.PainEaseOff
			}
			if got := data.PainAdviceFor(h); got != want {
				t.Errorf("advice: got %v, want %v", got, want)
			}
		})
	}
}

// Why, the morning after: a rise in the evening lowers every exercise's
// next dose, and all the signals of one day lower it by one level only.
func TestWhyPainOfADayLowersOnce(t *testing.T) {
	const s = time.Second
	flex := exercise(t, data.Flexibility)
	h := joinRecs(daily(0, 6, data.Flexibility, 5, 5*s), daily(7, 13, data.Flexibility, 7, 5*s), daily(14, 20, data.Flexibility, 9, 5*s),
		[]data.Record{
			datatest.ProgSession(21, data.Flexibility, 11, 5*s, withPain(2, 5)),
			datatest.ProgSession(21, data.KneeToChest, 2, 5*s, withPain(2, 8)),
			datatest.ProgSession(21, data.CatStretch, 3, 5*s, hurt),
		})
	if got := data.Suggest(flex, h, datatest.ProgDate(22)); got.Reps != 9 {
		t.Errorf("got %d (%q), want 9: three signals on one day are one step down from 11", got.Reps, got.Why)
	}
}

// Why, "twice a day": a third session of a day is kept, but it never makes
// the day count towards a week.
func TestWhyThirdSessionNeverRaisesTheLevel(t *testing.T) {
	const s = time.Second
	knee := exercise(t, data.KneeToChest)
	var h []data.Record
	for n := range 7 {
		// Two sessions of the rotation alone, then knee-to-chest in a third.
		day := datatest.ProgDay0.AddDate(0, 0, n)
		h = append(h,
			datatest.ProgSession(n, data.Rotation, 2, 5*s, withPain(3, 3), at(datatest.ProgDate(n), "07:00", "", day.Add(-time.Hour))),
			datatest.ProgSession(n, data.Rotation, 2, 5*s, withPain(3, 3), at(datatest.ProgDate(n), "12:00", "", day.Add(4*time.Hour))),
			datatest.ProgSession(n, data.KneeToChest, 2, 5*s, withPain(3, 3), at(datatest.ProgDate(n), "20:00", "", day.Add(12*time.Hour))),
		)
	}
	if got := data.Suggest(knee, h, datatest.ProgDate(7)); got.Reps != 2 {
		t.Errorf("got %d (%q), want 2", got.Reps, got.Why)
	}
}

// Why, the numbers: a routine of one's own with the rotation and no hold
// chosen runs the hold a new person starts with, not the 10 s of the
// range's top.
func TestWhyNumbers(t *testing.T) {
	c := data.DefaultCatalogue()
	mine := data.Routine{ID: "custom-r", Name: "R", Items: []data.RoutineItem{{Exercise: data.Rotation, Reps: 2}}}
	p := data.PlanToday(mine, c, nil, datatest.ProgDate(0))
	_, _, hold, err := p.Routine.Items[0].Resolve(c)
	if err != nil || hold != 5*time.Second {
		t.Errorf("rotation with 2 rounds and no hold, first day: got %v (%v), want 5s", hold, err)
	}
}
