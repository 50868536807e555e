package store_test

import (
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// A session with no hold done counts nowhere: not in the streak, the stats,
// the calendar, nor the day's marks in the recent summary.
func TestStreakLeavesOutSessionsWithoutAHold(t *testing.T) {
	recs := datatest.RecordsOnDates("2025-04-22", "2025-04-23", "2025-04-24")
	recs[1].Exercises[0].HoldsDone = 0 // Start, then End after 3 s
	if got := data.CurrentStreak(recs, "2025-04-24"); got != 1 {
		t.Errorf("current streak %d, want 1: the empty session on the 23rd breaks it", got)
	}
	s := data.ComputeStats(recs, "2025-04-24")
	if s.Sessions != 2 || s.Days != 2 {
		t.Errorf("stats count %d sessions on %d days, want 2 on 2", s.Sessions, s.Days)
	}
	for _, c := range data.MonthCalendar(recs, 2025, time.April) {
		if c.Date == "2025-04-23" && c.Sessions != 0 {
			t.Errorf("the calendar marks the empty session: %+v", c)
		}
	}
	if m := store.MarksOn(recs, "2025-04-23"); len(m) != 0 {
		t.Errorf("the day's marks hold the empty session: %+v", m)
	}
}
