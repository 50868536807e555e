package data_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestComputeStats(t *testing.T) {
	recs := []data.Record{
		datatest.Record(t, datatest.London, "2025-04-22 08:00", func(r *data.Record) { r.ActiveMS = 90_000 }),
		datatest.Record(t, datatest.London, "2025-04-22 19:00", func(r *data.Record) { r.ActiveMS = 29_000; r.Complete = false }),
		datatest.Record(t, datatest.London, "2025-04-24 08:00", func(r *data.Record) { r.ActiveMS = 480_000 }),
	}
	got := data.ComputeStats(recs, "2025-04-24")
	want := data.Stats{
		Sessions: 3, Complete: 2, Days: 2,
		Active:        599 * time.Second,
		Minutes:       10, // 9 min 59 s, to the nearest minute
		CurrentStreak: 1, BestStreak: 1,
	}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := data.ComputeStats(nil, "2025-04-24"); got != (data.Stats{}) {
		t.Errorf("no records: got %+v, want zero", got)
	}
}

func TestSessionsPerWeek(t *testing.T) {
	recs := []data.Record{
		datatest.Record(t, datatest.London, "2024-12-23 08:00"),                                                // 2024-W52
		datatest.Record(t, datatest.London, "2024-12-30 08:00", func(r *data.Record) { r.ActiveMS = 300_000 }), // 2025-W01, though in 2024
		datatest.Record(t, datatest.London, "2025-01-05 19:00", func(r *data.Record) { r.Complete = false }),   // Sunday of 2025-W01
		datatest.Record(t, datatest.London, "2025-01-20 08:00"),                                                // 2025-W04
	}
	cases := []struct {
		scenario, today string
		weeks           int
		want            []string // "label monday sessions/complete minutes"
	}{
		{"the last four weeks, with gaps", "2025-01-22", 4, []string{
			"2025-W01 2024-12-30 2/1 13",
			"2025-W02 2025-01-06 0/0 0",
			"2025-W03 2025-01-13 0/0 0",
			"2025-W04 2025-01-20 1/1 8",
		}},
		{"every week from the first", "2025-01-20", 0, []string{
			"2024-W52 2024-12-23 1/1 8",
			"2025-W01 2024-12-30 2/1 13",
			"2025-W02 2025-01-06 0/0 0",
			"2025-W03 2025-01-13 0/0 0",
			"2025-W04 2025-01-20 1/1 8",
		}},
		{"one week", "2025-01-26", 1, []string{"2025-W04 2025-01-20 1/1 8"}},
		{"unreadable today", "soon", 4, nil},
	}
	for _, c := range cases {
		var got []string
		for _, w := range data.SessionsPerWeek(recs, c.today, c.weeks) {
			got = append(got, fmt.Sprintf("%s %s %d/%d %d", w.Label, w.Monday, w.Sessions, w.Complete, w.Minutes))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.scenario, got, c.want)
		}
	}
}

func TestSessionsPerWeekISOYear(t *testing.T) {
	got := data.SessionsPerWeek(nil, "2026-01-01", 2)
	if len(got) != 2 || got[1].Year != 2026 || got[1].Week != 1 || got[0].Year != 2025 || got[0].Week != 52 {
		t.Errorf("got %+v, want 2025-W52 and 2026-W01", got)
	}
}

func TestPainSeries(t *testing.T) {
	a := datatest.Record(t, datatest.London, "2025-04-22 08:00", func(r *data.Record) { r.PainBefore, r.PainAfter = data.PainScore(6), data.PainScore(4) })
	b := datatest.Record(t, datatest.London, "2025-04-22 19:00")
	c := datatest.Record(t, datatest.London, "2025-04-23 08:00", func(r *data.Record) { r.PainBefore = data.PainScore(3) })
	got := data.PainSeries([]data.Record{c, b, a})
	if len(got) != 2 {
		t.Fatalf("points: got %d, want 2", len(got))
	}
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"first date", got[0].Date, "2025-04-22"},
		{"first before", *got[0].Before, 6},
		{"first after", *got[0].After, 4},
		{"first start", got[0].Start, a.Start},
		{"second date", got[1].Date, "2025-04-23"},
		{"second after missing", got[1].After == nil, true},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, ch.got, ch.want)
		}
	}
}

func TestMonthCalendar(t *testing.T) {
	recs := []data.Record{
		datatest.Record(t, datatest.London, "2024-02-01 14:59"),
		datatest.Record(t, datatest.London, "2024-02-01 15:00"),
		datatest.Record(t, datatest.London, "2024-02-29 07:00"),
		datatest.Record(t, datatest.London, "2024-02-29 08:00"),
		datatest.Record(t, datatest.London, "2024-03-01 08:00"), // another month
		datatest.Record(t, datatest.London, "2023-02-01 08:00"), // another year
	}
	got := data.MonthCalendar(recs, 2024, time.February)
	if len(got) != 29 {
		t.Fatalf("days: got %d, want 29 (a leap year)", len(got))
	}
	cases := []struct {
		scenario string
		day      data.CalendarDay
		want     data.CalendarDay
	}{
		{"1st: morning until 14:59, evening from 15:00", got[0],
			data.CalendarDay{Date: "2024-02-01", Day: 1, Weekday: time.Thursday, Morning: true, Evening: true, Sessions: 2}},
		{"2nd: nothing", got[1], data.CalendarDay{Date: "2024-02-02", Day: 2, Weekday: time.Friday}},
		{"29th: two mornings", got[28],
			data.CalendarDay{Date: "2024-02-29", Day: 29, Weekday: time.Thursday, Morning: true, Sessions: 2}},
	}
	for _, c := range cases {
		if c.day != c.want {
			t.Errorf("%s: got %+v, want %+v", c.scenario, c.day, c.want)
		}
	}
	if got := data.MonthCalendar(recs, 2024, 13); got != nil {
		t.Errorf("month 13: got %v, want nil", got)
	}
}

func TestTenYearsAreValid(t *testing.T) {
	recs := datatest.TenYears(t, 7300)
	for i, r := range recs {
		if err := r.Validate(); err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
	}
	s := data.ComputeStats(recs, "2025-04-24")
	if s.Sessions != 7300 || s.Days != 3650 || s.BestStreak != 3650 || s.CurrentStreak != 3650 {
		t.Errorf("got %+v, want 7300 sessions on 3650 days in a row", s)
	}
}

// BenchmarkStats is everything the history page computes, over ten years of
// twice-daily sessions (7,300 records) and over ten and a hundred times
// fewer and more, to show it grows as n log n at most.
func BenchmarkStats(b *testing.B) {
	cat := data.DefaultCatalogue()
	for _, n := range []int{730, 7300, 73000} {
		recs := datatest.TenYears(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				data.ComputeStats(recs, "2025-04-24")
				data.SessionsPerWeek(recs, "2025-04-24", 52)
				data.MonthCalendar(recs, 2025, time.April)
				data.PainSeries(recs)
				for _, e := range cat {
					data.Suggest(e, recs, "2025-04-24")
				}
			}
		})
	}
}

func TestSessionsPerWeekCapped(t *testing.T) {
	old := []data.Record{{LocalDate: "1900-01-01", Exercises: []data.ExerciseLog{{Exercise: data.Bridge, Reps: 1, RepsDone: 1, Holds: 1, HoldsDone: 1}}}}
	cases := []struct {
		scenario string
		weeks    int
	}{
		{"from a record a century and more ago", 0},
		{"asked for too many", 1 << 40},
	}
	for _, c := range cases {
		if got := len(data.SessionsPerWeek(old, "2025-04-24", c.weeks)); got != data.MaxWeeks {
			t.Errorf("%s: got %d weeks, want %d", c.scenario, got, data.MaxWeeks)
		}
	}
}
