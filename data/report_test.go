package data_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

const newYork = "America/New_York"

// Logs of the exercises a report test's sessions hold: repetitions begun,
// every hold of them done, holds of the given length.
func knee(reps int) data.ExerciseLog {
	return data.ExerciseLog{Exercise: data.KneeToChest, Name: "Knee-to-chest stretch", Reps: reps, RepsDone: reps, Holds: 3 * reps, HoldsDone: 3 * reps, HoldMS: 5000}
}

func rotation(reps int, hold time.Duration) data.ExerciseLog {
	return data.ExerciseLog{Exercise: data.Rotation, Name: "Lower-back rotational stretch", Reps: reps, RepsDone: reps, Holds: 2 * reps, HoldsDone: 2 * reps, HoldMS: hold.Milliseconds()}
}

func bridge(reps int) data.ExerciseLog {
	return data.ExerciseLog{Exercise: data.Bridge, Name: "Bridge", Reps: reps, RepsDone: reps, Holds: reps, HoldsDone: reps, HoldMS: 18000}
}

// session is a valid record that started at local ("2006-01-02 15:04") in
// zone, holding logs, with pain scores (-1: none) and a note.
func session(tb testing.TB, zone, local string, before, after int, note string, logs ...data.ExerciseLog) data.Record {
	tb.Helper()
	r := datatest.Record(tb, zone, local, func(r *data.Record) {
		r.Exercises = logs
		r.Routine, r.RoutineName = data.Morning, "Morning routine"
		if r.LocalTime >= data.EveningFrom {
			r.Routine, r.RoutineName = data.Evening, "Evening routine"
		}
		if before >= 0 {
			r.PainBefore = data.PainScore(before)
		}
		if after >= 0 {
			r.PainAfter = data.PainScore(after)
		}
		r.Note = note
	})
	if err := r.Validate(); err != nil {
		tb.Fatalf("session %s %s: %v", zone, local, err)
	}
	return r
}

// stoppedHurt marks r stopped with "This hurts" after its first hold.
func stoppedHurt(r data.Record) data.Record {
	r.Stopped, r.Complete = data.StoppedHurt, false
	r.Exercises = []data.ExerciseLog{{Exercise: data.KneeToChest, Name: "Knee-to-chest stretch", Reps: 2, RepsDone: 0, Holds: 6, HoldsDone: 1, HoldMS: 5000}}
	return r
}

// travelHistory is a person's history over the UK's spring clock change
// and a flight from London to New York on 6 April 2026, made on 20 April
// in New York. Its sessions, by local date:
//
//	2026-01-10 London   knee 2; pain 6→5                       (before three months)
//	2026-03-20 London   knee 2, bridge 5; pain 6→4; note       morning
//	2026-03-20 London   bridge 3                               evening
//	2026-03-29 London   knee 2, rotation 2×5 s; pain 5→4       the clocks went forward
//	2026-04-06 London   knee 2, bridge 5; pain 5→3             morning, before the flight
//	2026-04-06 New York knee 2; note                           22:30, 02:30 UTC on 7 April
//	2026-04-07 New York knee 3, bridge 7; pain 4→3             jet-lagged morning
//	2026-04-07 New York rotation 2×10 s, bridge 5               evening
//	2026-04-10 New York This hurts after one hold; pain 5→7
//	2026-04-15 New York nothing done, not stopped: no session
//	2026-04-20 New York knee 3, rotation 3×10 s, bridge 12; pain 3→2; note
func travelHistory(tb testing.TB) []data.Record {
	tb.Helper()
	const london = datatest.London
	idle := session(tb, newYork, "2026-04-15 08:00", -1, -1, "", knee(2))
	idle.Exercises[0].RepsDone, idle.Exercises[0].HoldsDone, idle.Complete = 0, 0, false
	return []data.Record{
		session(tb, london, "2026-01-10 08:00", 6, 5, "", knee(2)),
		session(tb, london, "2026-03-20 08:00", 6, 4, "Stiff after sleeping on the sofa.", knee(2), bridge(5)),
		session(tb, london, "2026-03-20 19:00", -1, -1, "", bridge(3)),
		session(tb, london, "2026-03-29 08:00", 5, 4, "", knee(2), rotation(2, 5*time.Second)),
		session(tb, london, "2026-04-06 07:00", 5, 3, "", knee(2), bridge(5)),
		session(tb, newYork, "2026-04-06 22:30", -1, -1, "Long flight, back tight.", knee(2)),
		session(tb, newYork, "2026-04-07 06:00", 4, 3, "", knee(3), bridge(7)),
		session(tb, newYork, "2026-04-07 18:00", -1, -1, "", rotation(2, 10*time.Second), bridge(5)),
		stoppedHurt(session(tb, newYork, "2026-04-10 19:00", 5, 7, "", knee(2))),
		idle,
		session(tb, newYork, "2026-04-20 07:30", 3, 2, "Much easier today.", knee(3), rotation(3, 10*time.Second), bridge(12)),
	}
}

// madeOn is the moment a report is made: 09:00 on date in New York.
func madeOn(tb testing.TB, date string) data.Stamp {
	tb.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", date+" 09:00", datatest.Loc(tb, newYork))
	if err != nil {
		tb.Fatal(err)
	}
	return data.NewStamp(at, newYork)
}

func TestReportCountsAsHistoryDoes(t *testing.T) {
	hist := travelHistory(t)
	now := madeOn(t, "2026-04-20")
	cases := []struct {
		period                   data.ReportPeriod
		from                     string
		sessions, complete, days int
		painPoints               int
		weekly                   bool
		stops                    int
		comment                  string
	}{
		// 04-06 22:30 in New York was 7 April in UTC, but the 6th on the
		// person's calendar: it is not in the two weeks from the 7th.
		{data.PeriodTwoWeeks, "2026-04-07", 4, 3, 3, 3, false, 1, "two sessions on the 7th, one day"},
		{data.PeriodFourWeeks, "2026-03-24", 7, 6, 5, 5, false, 1, "from after the 20 March sessions, over the clock change"},
		{data.PeriodThreeMonths, "2026-01-21", 9, 8, 6, 4, true, 1, "weekly pain: 4 weeks with a score"},
		{data.PeriodEverything, "2026-01-10", 10, 9, 7, 5, true, 1, "from the first session; 5 weeks with a score"},
	}
	for _, c := range cases {
		t.Run(string(c.period), func(t *testing.T) {
			rep := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: c.period})
			if rep.From != c.from || rep.To != "2026-04-20" || rep.Made != "2026-04-20" {
				t.Errorf("covers %s to %s, made %s; want %s to 2026-04-20, made 2026-04-20", rep.From, rep.To, rep.Made, c.from)
			}
			s := rep.Stats
			if s.Sessions != c.sessions || s.Complete != c.complete || s.Days != c.days {
				t.Errorf("%d sessions (%d complete) on %d days, want %d (%d) on %d (%s)", s.Sessions, s.Complete, s.Days, c.sessions, c.complete, c.days, c.comment)
			}
			// The same function as History, over the same dates.
			var in []data.Record
			for _, r := range hist {
				if r.LocalDate >= c.from && r.LocalDate <= "2026-04-20" {
					in = append(in, r)
				}
			}
			if want := data.ComputeStats(in, "2026-04-20"); s != want {
				t.Errorf("stats %+v, ComputeStats gives %+v", s, want)
			}
			if len(rep.Pain) != c.painPoints || rep.PainWeekly != c.weekly {
				t.Errorf("%d pain points, weekly %v; want %d, weekly %v", len(rep.Pain), rep.PainWeekly, c.painPoints, c.weekly)
			}
			if len(rep.Stops) != c.stops || rep.MoreStops != 0 {
				t.Errorf("%d stops and %d more, want %d", len(rep.Stops), rep.MoreStops, c.stops)
			}
			if rep.NotesAsked || len(rep.Notes) != 0 || rep.MoreNotes != 0 {
				t.Errorf("notes not asked for, but the report holds %d (and %d more), asked %v", len(rep.Notes), rep.MoreNotes, rep.NotesAsked)
			}
		})
	}
	// Everything is exactly History's count.
	all := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: data.PeriodEverything})
	if want := data.ComputeStats(hist, "2026-04-20"); all.Stats != want {
		t.Errorf("everything: %+v, History counts %+v", all.Stats, want)
	}
}

func TestReportDosesAtTheStartAndTheEnd(t *testing.T) {
	rep := data.MakeReport(data.DefaultCatalogue(), travelHistory(t), madeOn(t, "2026-04-20"),
		data.ReportRequest{Period: data.PeriodFourWeeks})
	got := map[string]string{}
	for _, d := range rep.Doses {
		got[d.Exercise.ID] = fmt.Sprintf("%s %d×%v in %d | %s %d×%v in %d", d.First.Date, d.First.Reps, d.First.Hold, d.First.Sessions,
			d.Last.Date, d.Last.Reps, d.Last.Hold, d.Last.Sessions)
	}
	want := map[string]string{
		// The most of one session of the day.
		data.KneeToChest: "2026-03-29 2×5s in 1 | 2026-04-20 3×5s in 1",
		data.Rotation:    "2026-03-29 2×5s in 1 | 2026-04-20 3×10s in 1",
		// Per day: the day's total. The first day of four weeks with a
		// bridge is 6 April: 5 in London, none in the night's session in
		// New York.
		data.Bridge:      "2026-04-06 5×18s in 1 | 2026-04-20 12×18s in 1",
		data.Flexibility: " 0×0s in 0 |  0×0s in 0",
		data.CatStretch:  " 0×0s in 0 |  0×0s in 0",
	}
	if len(rep.Doses) != len(data.DefaultCatalogue()) {
		t.Errorf("%d dose lines, want one per exercise", len(rep.Doses))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %s, want %s", id, got[id], w)
		}
	}
	// Two weeks start on the 7th: two sessions in New York that day, the
	// day's total is their sum.
	two := data.MakeReport(data.DefaultCatalogue(), travelHistory(t), madeOn(t, "2026-04-20"),
		data.ReportRequest{Period: data.PeriodTwoWeeks})
	for _, d := range two.Doses {
		switch d.Exercise.ID {
		case data.Bridge:
			if d.First != (data.DoseDone{Date: "2026-04-07", Reps: 12, Hold: 18 * time.Second, Sessions: 2}) {
				t.Errorf("bridge on the first day of two weeks: %+v, want 7+5 = 12 over 2 sessions", d.First)
			}
			if got := data.RepsDoneOn(travelHistory(t), data.Bridge, "2026-04-07"); got != d.First.Reps {
				t.Errorf("the report's day total %d differs from RepsDoneOn's %d", d.First.Reps, got)
			}
		case data.KneeToChest:
			if d.First.Date != "2026-04-07" || d.First.Reps != 3 {
				t.Errorf("knee-to-chest on the first day: %+v, want 3 (the fuller session of the 7th)", d.First)
			}
		}
	}
}

func TestReportPainPerSessionOrWeekly(t *testing.T) {
	hist := travelHistory(t)
	now := madeOn(t, "2026-04-20")
	two := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: data.PeriodTwoWeeks})
	want := []data.PainValue{
		{Date: "2026-04-07", Time: "06:00", Before: 4, After: 3, NBefore: 1, NAfter: 1},
		{Date: "2026-04-10", Time: "19:00", Before: 5, After: 7, NBefore: 1, NAfter: 1},
		{Date: "2026-04-20", Time: "07:30", Before: 3, After: 2, NBefore: 1, NAfter: 1},
	}
	if fmt.Sprint(two.Pain) != fmt.Sprint(want) {
		t.Errorf("two weeks' pain:\n got %v\nwant %v", two.Pain, want)
	}
	three := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: data.PeriodThreeMonths})
	// Weeks by Monday: 16 Mar (the 20th), 23 Mar (Sunday the 29th),
	// 6 Apr (the 6th, 7th and 10th: (5+4+5)/3 before, (3+3+7)/3 after),
	// 20 Apr; none in the week of 13 Apr.
	wantWeeks := []data.PainValue{
		{Date: "2026-03-16", Before: 6, After: 4, NBefore: 1, NAfter: 1},
		{Date: "2026-03-23", Before: 5, After: 4, NBefore: 1, NAfter: 1},
		{Date: "2026-04-06", Before: 14.0 / 3, After: 13.0 / 3, NBefore: 3, NAfter: 3},
		{Date: "2026-04-20", Before: 3, After: 2, NBefore: 1, NAfter: 1},
	}
	if fmt.Sprint(three.Pain) != fmt.Sprint(wantWeeks) {
		t.Errorf("three months' weekly pain:\n got %v\nwant %v", three.Pain, wantWeeks)
	}
}

func TestReportStopsAndNotes(t *testing.T) {
	hist := travelHistory(t)
	now := madeOn(t, "2026-04-20")
	rep := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: data.PeriodEverything, Notes: true})
	if len(rep.Stops) != 1 || rep.Stops[0] != (data.ReportEntry{Date: "2026-04-10", Time: "19:00", Routine: "Evening routine"}) {
		t.Errorf("stops %+v, want the one of 10 April at 19:00", rep.Stops)
	}
	var notes []string
	for _, n := range rep.Notes {
		notes = append(notes, n.Date+" "+n.Note)
	}
	want := "2026-04-20 Much easier today.|2026-04-06 Long flight, back tight.|2026-03-20 Stiff after sleeping on the sofa."
	if got := strings.Join(notes, "|"); got != want || rep.MoreNotes != 0 || !rep.NotesAsked {
		t.Errorf("notes, newest first:\n got %s (%d more, asked %v)\nwant %s", got, rep.MoreNotes, rep.NotesAsked, want)
	}
	// A long routine name keeps a stop to a line.
	long := stoppedHurt(session(t, newYork, "2026-04-19 19:00", -1, -1, "", knee(2)))
	long.RoutineName = strings.Repeat("My own long evening routine ", 4)[:100]
	withLong := data.MakeReport(data.DefaultCatalogue(), append(travelHistory(t), long), now, data.ReportRequest{Period: data.PeriodTwoWeeks})
	if got := withLong.Stops[0].Routine; got != data.Clip(long.RoutineName) || len([]rune(got)) != 41 {
		t.Errorf("a stop of a routine named in 100 characters lists it as %q, want the first 40 and …", got)
	}
	// The notes of the period only.
	two := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: data.PeriodTwoWeeks, Notes: true})
	if len(two.Notes) != 1 || two.Notes[0].Note != "Much easier today." {
		t.Errorf("two weeks' notes %+v, want only the 20th's", two.Notes)
	}
}

// A list longer than fits shows the latest, then how many more.
func TestReportListsShowTheLatestThatFit(t *testing.T) {
	long := strings.Repeat("Stiff on waking, easing by noon; ", 9)[:data.MaxNoteRunes]
	var hist []data.Record
	day := time.Date(2025, 4, 21, 0, 0, 0, 0, time.UTC)
	for i := range 365 {
		d := day.AddDate(0, 0, i).Format(data.DateLayout)
		hist = append(hist, session(t, datatest.London, d+" 08:00", 4, 3, long, knee(2)))
		evening := session(t, datatest.London, d+" 19:00", 4, 3, long, knee(2))
		if i%7 == 3 {
			evening = stoppedHurt(evening)
		}
		hist = append(hist, evening)
	}
	now := data.NewStamp(time.Date(2026, 4, 20, 21, 0, 0, 0, time.UTC), datatest.London)
	lim := data.ReportLimits{Stops: 4, NoteLines: 10, LineRunes: 100}
	rep := data.MakeReport(data.DefaultCatalogue(), hist, now, data.ReportRequest{Period: data.PeriodEverything, Notes: true, Limits: lim})
	if rep.Stats.Sessions != 730 || rep.Stats.Days != 365 {
		t.Errorf("%d sessions on %d days, want 730 on 365", rep.Stats.Sessions, rep.Stats.Days)
	}
	if len(rep.Stops) != 4 || rep.MoreStops != 52-4 {
		t.Errorf("%d stops and %d more, want 4 and 48", len(rep.Stops), rep.MoreStops)
	}
	if rep.Stops[0].Date != "2026-04-16" || rep.Stops[3].Date != "2026-03-26" {
		t.Errorf("stops from %s to %s, want the latest four, newest first (16 April to 26 March)", rep.Stops[0].Date, rep.Stops[3].Date)
	}
	// 280 characters take 3 lines of 100: three notes fit in 10 lines.
	if data.NoteLines(long, 100) != 3 || len(rep.Notes) != 3 || rep.MoreNotes != 730-3 {
		t.Errorf("%d notes and %d more (a note takes %d lines), want 3 and 727", len(rep.Notes), rep.MoreNotes, data.NoteLines(long, 100))
	}
	if rep.Notes[0].Date != "2026-04-20" || rep.Notes[0].Time != "19:00" {
		t.Errorf("the first note shown is of %s %s, want the latest", rep.Notes[0].Date, rep.Notes[0].Time)
	}
	// Short notes take a line each.
	if data.NoteLines("Fine.", 100) != 1 || data.NoteLines("", 100) != 1 {
		t.Error("a short note takes one line")
	}
	// A year of weekly pain values.
	if !rep.PainWeekly || len(rep.Pain) != 53 {
		t.Errorf("%d weekly pain values (weekly %v), want the 53 weeks the year touches", len(rep.Pain), rep.PainWeekly)
	}
}

func TestReportOfAnEmptyPeriod(t *testing.T) {
	old := []data.Record{session(t, datatest.London, "2025-11-02 08:00", 5, 5, "Old note.", knee(2))}
	for _, c := range []struct {
		name   string
		hist   []data.Record
		period data.ReportPeriod
		from   string
	}{
		{"sessions long ago", old, data.PeriodTwoWeeks, "2026-04-07"},
		{"no history", nil, data.PeriodEverything, "2026-04-20"},
		{"no history, three months", nil, data.PeriodThreeMonths, "2026-01-21"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := data.MakeReport(data.DefaultCatalogue(), c.hist, madeOn(t, "2026-04-20"), data.ReportRequest{Period: c.period, Notes: true})
			if rep.From != c.from || rep.To != "2026-04-20" {
				t.Errorf("covers %s to %s, want %s to 2026-04-20", rep.From, rep.To, c.from)
			}
			if rep.Stats != (data.Stats{}) || rep.Pain != nil || rep.Stops != nil || rep.Notes != nil || rep.MoreNotes != 0 || rep.MoreStops != 0 {
				t.Errorf("an empty period reports %+v", rep)
			}
			for _, d := range rep.Doses {
				if d.First != (data.DoseDone{}) || d.Last != (data.DoseDone{}) {
					t.Errorf("%s: done %+v to %+v in an empty period", d.Exercise.ID, d.First, d.Last)
				}
			}
		})
	}
}

// The periods count back on the calendar from the day the report is made.
func TestReportPeriodBounds(t *testing.T) {
	for _, c := range []struct {
		period   data.ReportPeriod
		to, from string
	}{
		{data.PeriodTwoWeeks, "2026-04-20", "2026-04-07"},
		{data.PeriodFourWeeks, "2026-04-20", "2026-03-24"},
		{data.PeriodFourWeeks, "2026-03-01", "2026-02-02"},
		{data.PeriodThreeMonths, "2026-05-20", "2026-02-21"},
		{data.PeriodThreeMonths, "2026-05-31", "2026-03-01"}, // 28 Feb is the last day of the month three back
		{data.PeriodThreeMonths, "2024-05-31", "2024-03-01"}, // a leap year: 29 Feb
		{data.PeriodThreeMonths, "2026-03-31", "2026-01-01"},
		{data.PeriodThreeMonths, "2026-02-15", "2025-11-16"},
		{"nonsense", "2026-04-20", "2026-03-24"}, // an unknown period is the default, four weeks
	} {
		rep := data.MakeReport(data.DefaultCatalogue(), nil, data.Stamp{LocalDate: c.to}, data.ReportRequest{Period: c.period})
		if rep.From != c.from || rep.To != c.to {
			t.Errorf("%s to %s: from %s to %s, want from %s", c.period, c.to, rep.From, rep.To, c.from)
		}
	}
	// After a flight west across the date line the last session can be
	// dated a day after the person's calendar: the period ends with it.
	r := session(t, "Pacific/Auckland", "2026-04-21 07:00", 3, 2, "", knee(2))
	rep := data.MakeReport(data.DefaultCatalogue(), []data.Record{r}, data.Stamp{LocalDate: "2026-04-20"}, data.ReportRequest{Period: data.PeriodTwoWeeks})
	if rep.To != "2026-04-21" || rep.Stats.Sessions != 1 || rep.Made != "2026-04-20" {
		t.Errorf("a session dated after today: report to %s with %d sessions, made %s", rep.To, rep.Stats.Sessions, rep.Made)
	}
}
