package data_test

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

// stampAt is the moment local ("2006-01-02 15:04:05") in zone.
func stampAt(tb testing.TB, zone, local string) data.Stamp {
	tb.Helper()
	t, err := time.ParseInLocation("2006-01-02 15:04:05", local, datatest.Loc(tb, zone))
	if err != nil {
		tb.Fatal(err)
	}
	return data.NewStamp(t, zone)
}

// bridgesAt is a session of n bridges, all done, started at local
// ("2006-01-02 15:04") in zone and ended 10 minutes later.
func bridgesAt(tb testing.TB, zone, local string, n int, edits ...func(*data.Record)) data.Record {
	tb.Helper()
	return datatest.Record(tb, zone, local, append([]func(*data.Record){func(r *data.Record) {
		r.ID = datatest.UUIDFor("bridges " + zone + local)
		r.Routine, r.RoutineName = data.Bridge, "Bridge"
		r.Exercises = []data.ExerciseLog{{Exercise: data.Bridge, Name: "Bridge", Reps: n, RepsDone: n, Holds: n, HoldsDone: n, HoldMS: 18000}}
	}}, edits...)...)
}

// The next day's dose of a per-day exercise opens at the later of local
// midnight and data.DayGap after its last repetition, on the recorded
// instants: a change of zone or clock cannot open it early.
func TestDayGap(t *testing.T) {
	const london, tokyo, ny = "Europe/London", "Asia/Tokyo", "America/New_York"
	// 5 bridges, a first day's dose, from 23:50 to 00:00 BST (22:50 to
	// 23:00 UTC): the next dose opens at 05:00 UTC, 06:00 in London.
	late := []data.Record{bridgesAt(t, london, "2025-04-03 23:50", 5)}
	// The clocks went back at 02:00 BST on 26 October: 6 hours after
	// 00:00 BST is 05:00 GMT. They went forward at 01:00 GMT on 30 March:
	// 6 hours after 00:00 GMT is 07:00 BST.
	autumn := []data.Record{bridgesAt(t, london, "2025-10-25 23:50", 5)}
	spring := []data.Record{bridgesAt(t, london, "2025-03-29 23:50", 5)}
	cases := []struct {
		scenario string
		history  []data.Record
		now      data.Stamp
		left     int
		why      string // a part of the reason, "" for none
	}{
		{"the same evening: the day's dose is done", late, stampAt(t, london, "2025-04-03 23:59:00"), 0, "5 of today's 5 are done"},
		{"00:10, a new date: not yet", late, stampAt(t, london, "2025-04-04 00:10:00"), 0, "left out for 5 h 50 min more"},
		{"5:59:59 after the last repetition", late, stampAt(t, london, "2025-04-04 05:59:59"), 0, "left out for 1 min more"},
		{"6:00:00 after it", late, stampAt(t, london, "2025-04-04 06:00:00"), 5, ""},
		{"flown east: 08:10 in Tokyo is 10 minutes later", late, stampAt(t, tokyo, "2025-04-04 08:10:00"), 0, "left out for 5 h 50 min more"},
		{"in Tokyo, 1 s before the 6 hours", late, stampAt(t, tokyo, "2025-04-04 13:59:59"), 0, "left out"},
		{"in Tokyo, at the 6 hours", late, stampAt(t, tokyo, "2025-04-04 14:00:00"), 5, ""},
		{"flown west: still the same date in New York", late, stampAt(t, ny, "2025-04-03 22:00:00"), 0, "5 of today's 5 are done"},
		{"New York's midnight comes before the 6 hours", late, stampAt(t, ny, "2025-04-04 00:59:59"), 0, "left out for 1 min more"},
		{"in New York, at the 6 hours", late, stampAt(t, ny, "2025-04-04 01:00:00"), 5, ""},
		{"clocks back: 04:59:59 GMT", autumn, stampAt(t, london, "2025-10-26 04:59:59"), 0, "left out"},
		{"clocks back: 05:00:00 GMT is 6 hours on", autumn, stampAt(t, london, "2025-10-26 05:00:00"), 5, ""},
		{"clocks forward: 06:59:59 BST", spring, stampAt(t, london, "2025-03-30 06:59:59"), 0, "left out"},
		{"clocks forward: 07:00:00 BST is 6 hours on", spring, stampAt(t, london, "2025-03-30 07:00:00"), 5, ""},
		{"the calendar behind the last session's date shares its dose",
			[]data.Record{bridgesAt(t, tokyo, "2025-04-04 08:00", 3)}, stampAt(t, "Pacific/Honolulu", "2025-04-03 16:00:00"), 2, "2 of today's 5: 3 are done already"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			d := data.DosesAt(data.DefaultCatalogue(), tc.history, tc.now).For(data.Bridge)
			if d.Max != tc.left || d.Left != tc.left {
				t.Errorf("left: got max %d, left %d, want %d", d.Max, d.Left, tc.left)
			}
			if !strings.Contains(d.MaxWhy, tc.why) {
				t.Errorf("why: got %q, want one containing %q", d.MaxWhy, tc.why)
			}
			p := data.PlanAt(datatest.Routine(t, data.Bridge), data.DefaultCatalogue(), tc.history, tc.now)
			if got := len(p.Routine.Items) > 0; got != (tc.left > 0) {
				t.Errorf("bridge planned: got %v, want %v (%q)", got, tc.left > 0, p.Notes)
			}
		})
	}
}

// Why, across midnight: 30 bridges at 23:50 and 30 more at 00:10 are
// not both allowed; 6 hours on, the next day's 30 are.
func TestDayGapAtThirty(t *testing.T) {
	const s = time.Second
	h := climb(0, data.Bridge, 18*s, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29)
	h = append(h, daily(91, 97, data.Bridge, 30, 18*s)...)
	late := datatest.ProgDay0.AddDate(0, 0, 98).Add(15*time.Hour + 50*time.Minute) // 23:50 UTC on day 98
	h = append(h, datatest.ProgSession(98, data.Bridge, 30, 18*s, withPain(2, 2), at(datatest.ProgDate(98), "23:50", "UTC", late)))
	cat := data.DefaultCatalogue()
	for _, tc := range []struct {
		after time.Duration
		want  int
	}{{20 * time.Minute, 0}, {6*time.Hour + 4*time.Minute, 0}, {6*time.Hour + 5*time.Minute, 30}} {
		now := data.NewStamp(late.Add(tc.after), "UTC")
		if got := data.DosesAt(cat, h, now).For(data.Bridge).Max; got != tc.want {
			t.Errorf("at %s: got %d, want %d", now.LocalTime, got, tc.want)
		}
	}
}

// + and − stop where the authority says, and say why; items of one
// exercise share its dose.
func TestLimit(t *testing.T) {
	c := data.DefaultCatalogue()
	now := stampAt(t, "Europe/London", "2025-04-03 08:00:00")
	two := data.Routine{ID: "custom-two", Name: "Two", Items: []data.RoutineItem{{Exercise: data.Bridge, Reps: 1}, {Exercise: data.Bridge, Reps: 1}}}
	p := data.PlanAt(two, c, nil, now)
	if got := p.Limit(p.Routine, 0); got.Min != 1 || got.Max != 4 {
		t.Errorf("first of two bridge items: got %d to %d, want 1 to 4", got.Min, got.Max)
	}
	raised := p.Routine.SetDose(0, 4, 0)
	if got := p.Limit(raised, 1); got.Max != 1 || !strings.Contains(got.Why, "other Bridge items") {
		t.Errorf("second item once the first holds 4: got %d (%q), want 1 and why", got.Max, got.Why)
	}
	if p.AllowsIn(raised, 1, 2) || !p.AllowsIn(raised, 1, 1) {
		t.Errorf("AllowsIn: got 2 allowed or 1 refused, want only 1")
	}
	// Allows knows only the plan, so two items of one exercise keep to
	// their planned shares: raising both could pass the day.
	if p.Allows(0, 2) || !p.Allows(0, 1) {
		t.Errorf("Allows with two bridge items: got 2 allowed or 1 refused, want only 1")
	}
	one := data.PlanAt(datatest.Routine(t, data.Bridge), c, nil, now)
	l := one.Limit(one.Routine, 0)
	if want := "+ stops at 5: 5 a day to start; it rises as your pain allows."; l.Stops() != want {
		t.Errorf("stops: got %q, want %q", l.Stops(), want)
	}
	if !one.Allows(0, 5) || one.Allows(0, 6) || !one.Allows(0, 1) || one.Allows(0, 0) {
		t.Errorf("one bridge item on a first day: want 1 to 5 allowed, no more, no fewer")
	}
}

// The third session of a day is said before Start; a bridge alone is no
// such session.
func TestTwiceADayAt(t *testing.T) {
	morning, bridge := datatest.Routine(t, data.Morning), datatest.Routine(t, data.Bridge)
	kneeAt := func(clock string) data.Record {
		return datatest.Record(t, datatest.London, "2025-04-24 "+clock)
	}
	now := stampAt(t, datatest.London, "2025-04-24 20:00:00")
	cases := []struct {
		scenario string
		history  []data.Record
		r        data.Routine
		next     int
		note     string
	}{
		{"the first", nil, morning, 1, ""},
		{"the second", []data.Record{kneeAt("07:00")}, morning, 2, ""},
		{"the third", []data.Record{kneeAt("07:00"), kneeAt("12:00")}, morning, 3, "This would be your 3rd session today."},
		{"a bridge session is no third", []data.Record{kneeAt("07:00"), kneeAt("12:00")}, bridge, 2, ""},
		{"bridges alone are not sessions", []data.Record{kneeAt("07:00"), bridgesAt(t, datatest.London, "2025-04-24 09:00", 5)}, morning, 2, ""},
		{"yesterday's do not count", []data.Record{datatest.Record(t, datatest.London, "2025-04-23 07:00"), datatest.Record(t, datatest.London, "2025-04-23 19:00")}, morning, 1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			got := data.TwiceADayAt(tc.history, tc.r, now)
			if got.Next != tc.next || !strings.HasPrefix(got.Note, tc.note) || (tc.note == "") != (got.Note == "") {
				t.Errorf("got %d, %q, want %d, %q", got.Next, got.Note, tc.next, tc.note)
			}
		})
	}
}

// After "This hurts" the finished screen offers no "do it again", but
// what to do now; after rises calling for a pause, no other go either.
func TestFinishFor(t *testing.T) {
	rec := func(edits ...func(*data.Record)) data.Record {
		return datatest.Record(t, datatest.London, "2025-04-24 08:00", edits...)
	}
	rise := func(day int) data.Record {
		return datatest.ProgSession(day, data.KneeToChest, 2, 5*time.Second, withPain(2, 5))
	}
	cases := []struct {
		scenario string
		rec      data.Record
		history  []data.Record
		want     data.Finish
	}{
		{"a session done", rec(), nil, data.Finish{Again: true, Advice: data.PainFine}},
		{"This hurts", rec(hurt), nil, data.Finish{Hurt: true, Advice: data.PainEaseOff}},
		{"pain 8 after", rec(painAfterOnly(8)), nil, data.Finish{Again: true, Advice: data.PainEaseOff}},
		{"the third rise in five", rec(withPain(1, 4)), []data.Record{rise(-3), rise(-2)}, data.Finish{Advice: data.PainPause}},
		{"This hurts counts as a rise", rec(hurt), []data.Record{rise(-3), rise(-2)}, data.Finish{Hurt: true, Advice: data.PainPause}},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			if got := data.FinishFor(tc.rec, append(tc.history, tc.rec)); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// checkpointOf runs routine r from start (local in zone) and checkpoints
// it once item has had rounds repetitions done, as the next one is told.
func checkpointOf(tb testing.TB, r data.Routine, zone, local string, item, rounds int) (data.Checkpoint, data.Plan) {
	tb.Helper()
	st := stampAt(tb, zone, local)
	p, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
	if err != nil {
		tb.Fatal(err)
	}
	elapsed := p.Segments[find(tb, p, func(s data.Segment) bool {
		return s.Item == item && s.Rep == rounds+1 && s.Kind == data.KindInstruct
	})].Start
	ck := data.NewSession(p, st.At).Checkpoint(st, nil, st.At.Add(elapsed))
	ck.RecordID = datatest.UUIDFor("checkpoint " + local)
	return ck, p
}

// Why, old sessions on the wrong day: a session left yesterday and
// resumed today is planned again as today's; what was done stays on its
// day.
func TestResumeAt(t *testing.T) {
	c := data.DefaultCatalogue()
	const london = datatest.London
	bridgeOnly := data.Routine{ID: "custom-b", Name: "B", Items: []data.RoutineItem{{Exercise: data.Bridge, Reps: 5}}}
	mixed := data.Routine{ID: "custom-m", Name: "M", Items: []data.RoutineItem{{Exercise: data.KneeToChest}, {Exercise: data.Bridge, Reps: 5}}}
	// One round of knee-to-chest done of the mixed routine; two bridges
	// of the other.
	ckMixed, pMixed := checkpointOf(t, mixed, london, "2025-04-03 21:00:00", 0, 1)
	ckBridge, pBridge := checkpointOf(t, bridgeOnly, london, "2025-04-03 23:40:00", 0, 2)
	ckToday, pToday := checkpointOf(t, mixed, london, "2025-04-04 08:00:00", 0, 1)
	cases := []struct {
		scenario string
		ck       data.Checkpoint
		p        data.Plan
		history  []data.Record
		now      data.Stamp
		inPlace  bool
		items    string // planItems of Today's routine
		why      string
	}{
		{"yesterday's, resumed today", ckMixed, pMixed, nil, stampAt(t, london, "2025-04-04 09:00:00"), false, "knee-to-chest×01 bridge×05", "started on 2025-04-03"},
		{"today's, within today's doses", ckToday, pToday, nil, stampAt(t, london, "2025-04-04 09:00:00"), true, "", "Carry on"},
		{"today's, bridges done in another tab since", ckToday, pToday, []data.Record{bridgesAt(t, london, "2025-04-04 08:30", 5)}, stampAt(t, london, "2025-04-04 09:00:00"), false, "knee-to-chest×01", "changed"},
		{"bridges at 23:40, resumed at 00:30: nothing left", ckBridge, pBridge, nil, stampAt(t, london, "2025-04-04 00:30:00"), false, "", "Nothing of this session is left"},
		{"the same, resumed at 07:00", ckBridge, pBridge, nil, stampAt(t, london, "2025-04-04 07:00:00"), false, "bridge×03", "started on 2025-04-03"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			got := data.ResumeAt(tc.ck, tc.p, c, tc.history, tc.now)
			if got.InPlace != tc.inPlace {
				t.Errorf("in place: got %v, want %v", got.InPlace, tc.inPlace)
			}
			if items := planItems(got.Today.Routine); items != tc.items {
				t.Errorf("today: got %q, want %q (%q)", items, tc.items, got.Today.Notes)
			}
			if !strings.Contains(got.Why, tc.why) {
				t.Errorf("why: got %q, want one containing %q", got.Why, tc.why)
			}
			if got.Partial.LocalDate != tc.ck.LocalDate || got.Partial.ID != tc.ck.RecordID {
				t.Errorf("partial: got %s %s, want it on its own day %s with id %s", got.Partial.LocalDate, got.Partial.ID, tc.ck.LocalDate, tc.ck.RecordID)
			}
		})
	}
}

// A session waiting to be resumed or saved counts before it is saved: the
// ready screen's plan does not offer its bridges again.
func TestWithWaiting(t *testing.T) {
	c := data.DefaultCatalogue()
	r := data.Routine{ID: "custom-b", Name: "B", Items: []data.RoutineItem{{Exercise: data.Bridge, Reps: 5}}}
	ck, _ := checkpointOf(t, r, datatest.London, "2025-04-04 08:00:00", 0, 2)
	now := stampAt(t, datatest.London, "2025-04-04 09:00:00")
	hist := data.WithWaiting(nil, []data.Checkpoint{ck}, c, data.DefaultTiming())
	if got := data.DosesAt(c, hist, now).For(data.Bridge); got.Done != 2 || got.Max != 3 {
		t.Errorf("with a waiting session of 2 bridges: got %d done, %d left, want 2 and 3", got.Done, got.Max)
	}
	if again := data.WithWaiting(hist, []data.Checkpoint{ck}, c, data.DefaultTiming()); len(again) != 1 {
		t.Errorf("a waiting session already in the history: got %d records, want 1", len(again))
	}
}

// Import: a backup restored from an older version, with 30 bridges a day
// for a week and no pain scores, raises no level, and the bridges it holds
// for today count towards today's dose.
func TestImportedHistory(t *testing.T) {
	const s = time.Second
	now := data.NewStamp(datatest.ProgDay0.AddDate(0, 0, 7).Add(10*time.Hour), "UTC")
	backup := joinRecs(unscored(0, 6, data.Bridge, 30, 18*s), []data.Record{datatest.ProgSession(7, data.Bridge, 3, 18*s)})
	d := data.DosesAt(data.DefaultCatalogue(), backup, now).For(data.Bridge)
	if d.Reps != 5 || d.Done != 3 || d.Max != 2 {
		t.Errorf("got level %d, %d done, %d left, want 5, 3 and 2", d.Reps, d.Done, d.Max)
	}
}
