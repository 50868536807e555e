package data_test

import (
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestCurrentStreak(t *testing.T) {
	cases := []struct {
		scenario string
		dates    []string
		today    string
		want     int
	}{
		{"no sessions", nil, "2025-04-24", 0},
		{"only today", []string{"2025-04-24"}, "2025-04-24", 1},
		{"only yesterday: not broken before today's session", []string{"2025-04-23"}, "2025-04-24", 1},
		{"two days ago: broken", []string{"2025-04-22"}, "2025-04-24", 0},
		{"five days to today", []string{"2025-04-20", "2025-04-21", "2025-04-22", "2025-04-23", "2025-04-24"}, "2025-04-24", 5},
		{"five days to yesterday", []string{"2025-04-19", "2025-04-20", "2025-04-21", "2025-04-22", "2025-04-23"}, "2025-04-24", 5},
		{"twice a day counts once", []string{"2025-04-23", "2025-04-23", "2025-04-24", "2025-04-24"}, "2025-04-24", 2},
		{"a gap breaks it", []string{"2025-04-20", "2025-04-21", "2025-04-23", "2025-04-24"}, "2025-04-24", 2},
		{"out of order", []string{"2025-04-24", "2025-04-22", "2025-04-23"}, "2025-04-24", 3},
		{"across a month and a year", []string{"2024-12-30", "2024-12-31", "2025-01-01"}, "2025-01-01", 3},
		{"across 29 February", []string{"2024-02-28", "2024-02-29", "2024-03-01"}, "2024-03-01", 3},
		{"a session dated tomorrow joins", []string{"2025-04-23", "2025-04-24", "2025-04-25"}, "2025-04-24", 3},
		{"only tomorrow (clock went back)", []string{"2025-04-25"}, "2025-04-24", 1},
		{"far in the future does not count", []string{"2025-04-23", "2025-05-30"}, "2025-04-24", 1},
		{"yesterday's run and tomorrow's: the longer", []string{"2025-04-21", "2025-04-22", "2025-04-23", "2025-04-25"}, "2025-04-24", 3},
		{"unreadable dates are left out", []string{"2025-04-23", "23/04/2025", "", "2025-04-24"}, "2025-04-24", 2},
		{"unreadable today", []string{"2025-04-24"}, "today", 0},
	}
	for _, c := range cases {
		if got := data.CurrentStreak(datatest.RecordsOnDates(c.dates...), c.today); got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}

func TestBestStreak(t *testing.T) {
	cases := []struct {
		scenario string
		dates    []string
		want     int
	}{
		{"none", nil, 0},
		{"one", []string{"2025-04-24"}, 1},
		{"the longer of two runs", []string{"2025-01-01", "2025-01-02", "2025-01-03", "2025-02-01", "2025-02-02"}, 3},
		{"the later run longer", []string{"2025-01-01", "2025-02-01", "2025-02-02"}, 2},
		{"repeats count once", []string{"2025-01-01", "2025-01-01", "2025-01-01"}, 1},
	}
	for _, c := range cases {
		if got := data.BestStreak(datatest.RecordsOnDates(c.dates...)); got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}

// at returns the record of a session at the instant u (UTC), stamped on the
// calendar of zone, as the app would make it wherever the person is.
func stampedAt(tb testing.TB, zone string, u time.Time) data.Record {
	tb.Helper()
	st := data.NewStamp(u.In(datatest.Loc(tb, zone)), zone)
	r := datatest.Record(tb, "UTC", "2025-01-01 00:00")
	r.ID = datatest.UUIDFor(zone + u.String())
	r.Start, r.End = u, u.Add(10*time.Minute)
	r.LocalDate, r.LocalTime, r.Zone = st.LocalDate, st.LocalTime, zone
	if err := r.Validate(); err != nil {
		tb.Fatalf("stampedAt(%s, %v): %v", zone, u, err)
	}
	return r
}

func TestStreakAcrossDSTAndTravel(t *testing.T) {
	const ny = "America/New_York"
	utc := func(s string) time.Time {
		u, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	// London's clocks go forward at 01:00 UTC on 30 March 2025; the person
	// flies to New York on 1 April and back overnight on 3–4 April.
	trip := []struct {
		zone, utc, wantDate, wantTime string
	}{
		{datatest.London, "2025-03-28 07:30", "2025-03-28", "07:30"},
		{datatest.London, "2025-03-29 22:30", "2025-03-29", "22:30"},
		{datatest.London, "2025-03-30 00:30", "2025-03-30", "00:30"}, // two hours later, a new day
		{datatest.London, "2025-03-31 06:30", "2025-03-31", "07:30"}, // summer time: 23 hours on the clock
		{datatest.London, "2025-04-01 06:00", "2025-04-01", "07:00"},
		{ny, "2025-04-02 01:00", "2025-04-01", "21:00"}, // same local date, next UTC date
		{ny, "2025-04-03 01:00", "2025-04-02", "21:00"},
		{ny, "2025-04-03 10:00", "2025-04-03", "06:00"},              // same UTC date as the one before
		{datatest.London, "2025-04-04 22:00", "2025-04-04", "23:00"}, // 36 hours later, the next local date
		{datatest.London, "2025-04-05 07:00", "2025-04-05", "08:00"},
	}
	var recs []data.Record
	for _, s := range trip {
		r := stampedAt(t, s.zone, utc(s.utc))
		if r.LocalDate != s.wantDate || r.LocalTime != s.wantTime {
			t.Errorf("%s in %s: got %s %s, want %s %s", s.utc, s.zone, r.LocalDate, r.LocalTime, s.wantDate, s.wantTime)
		}
		recs = append(recs, r)
	}
	cases := []struct {
		scenario, today string
		want            int
	}{
		{"on the last day", "2025-04-05", 9},
		{"the next day, before a session", "2025-04-06", 9},
		{"a day missed", "2025-04-07", 0},
	}
	for _, c := range cases {
		if got := data.CurrentStreak(recs, c.today); got != c.want {
			t.Errorf("CurrentStreak, %s: got %v, want %v", c.scenario, got, c.want)
		}
	}
	s := data.ComputeStats(recs, "2025-04-05")
	if s.Sessions != 10 || s.Days != 9 || s.BestStreak != 9 || s.CurrentStreak != 9 {
		t.Errorf("stats: got %+v, want 10 sessions on 9 days, streaks of 9", s)
	}
	// The calendar marks each local date once, in the right half.
	april := data.MonthCalendar(recs, 2025, time.April)
	day1 := april[0]
	if day1.Sessions != 2 || !day1.Morning || !day1.Evening {
		t.Errorf("1 April: got %+v, want a morning in London and an evening in New York", day1)
	}
	march := data.MonthCalendar(recs, 2025, time.March)
	if d := march[29]; d.Sessions != 1 || !d.Morning || d.Evening {
		t.Errorf("30 March: got %+v, want one morning session", d)
	}
	if d := march[28]; d.Sessions != 1 || d.Morning || !d.Evening {
		t.Errorf("29 March: got %+v, want one evening session", d)
	}
}

func TestStreakAcrossAutumnClockChange(t *testing.T) {
	// On 26 October 2025 London's clocks go back at 02:00 BST, so 01:30
	// happens twice: two sessions, one date.
	recs := []data.Record{
		stampedAt(t, datatest.London, time.Date(2025, 10, 25, 7, 0, 0, 0, time.UTC)),
		stampedAt(t, datatest.London, time.Date(2025, 10, 26, 0, 30, 0, 0, time.UTC)), // 01:30 BST
		stampedAt(t, datatest.London, time.Date(2025, 10, 26, 1, 30, 0, 0, time.UTC)), // 01:30 GMT
		stampedAt(t, datatest.London, time.Date(2025, 10, 27, 8, 0, 0, 0, time.UTC)),
	}
	if recs[1].LocalTime != "01:30" || recs[2].LocalTime != "01:30" {
		t.Fatalf("local times: got %s and %s, want 01:30 twice", recs[1].LocalTime, recs[2].LocalTime)
	}
	s := data.ComputeStats(recs, "2025-10-27")
	if s.Days != 3 || s.CurrentStreak != 3 || s.BestStreak != 3 {
		t.Errorf("got %+v, want 3 days, streaks of 3", s)
	}
	if d := data.MonthCalendar(recs, 2025, time.October)[25]; d.Sessions != 2 || !d.Morning || d.Evening {
		t.Errorf("26 October: got %+v, want two morning sessions", d)
	}
}

func TestStreakClockBackwards(t *testing.T) {
	// The clock was a day fast for two sessions, then put right: records
	// in order of start are not in order of date, and one is dated
	// tomorrow. Nothing breaks or doubles.
	recs := []data.Record{
		stampedAt(t, datatest.London, time.Date(2025, 4, 21, 7, 0, 0, 0, time.UTC)),
		stampedAt(t, datatest.London, time.Date(2025, 4, 23, 7, 0, 0, 0, time.UTC)), // fast: really the 22nd
		stampedAt(t, datatest.London, time.Date(2025, 4, 25, 7, 0, 0, 0, time.UTC)), // fast: really the 23rd... or 24th
		stampedAt(t, datatest.London, time.Date(2025, 4, 22, 19, 0, 0, 0, time.UTC)),
		stampedAt(t, datatest.London, time.Date(2025, 4, 24, 7, 0, 0, 0, time.UTC)),
	}
	if got, want := data.CurrentStreak(recs, "2025-04-24"), 5; got != want {
		t.Errorf("got %v, want %v", got, want)
	}
	if got, want := data.ComputeStats(recs, "2025-04-24").Days, 5; got != want {
		t.Errorf("days: got %v, want %v", got, want)
	}
}
