package store_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// recentHistory saves a morning routine on each of three days, with an
// evening one ended early on the last, and returns the store.
func recentHistory(tb testing.TB) (*store.MemoryStorage, []data.Record) {
	tb.Helper()
	morning := func(r *data.Record) { r.Routine, r.RoutineName = data.Morning, "Morning routine" }
	recs := []data.Record{
		datatest.Record(tb, datatest.London, "2025-04-20 07:30", morning),
		datatest.Record(tb, datatest.London, "2025-04-21 07:30", morning),
		datatest.Record(tb, datatest.London, "2025-04-22 07:45", morning),
		datatest.Record(tb, datatest.London, "2025-04-22 19:30", func(r *data.Record) {
			r.Routine, r.RoutineName, r.Complete = data.Evening, "Evening routine", false
		}),
	}
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		tb.Fatal(err)
	}
	return st, recs
}

// wantMarks fails unless SessionsOn(st, day) gives the marks of recs on day.
func wantMarks(tb testing.TB, st store.Storage, recs []data.Record, day string) {
	tb.Helper()
	got, err := store.SessionsOn(st, day, histNow)
	if err != nil {
		tb.Fatalf("SessionsOn(%s): %v", day, err)
	}
	if want := store.MarksOn(recs, day); !slices.Equal(got, want) {
		tb.Errorf("SessionsOn(%s) = %v, want %v", day, got, want)
	}
}

func TestSessionsOnEveryDay(t *testing.T) {
	st, recs := recentHistory(t)
	if _, ok := st.GetRaw(store.RecentKey); !ok {
		t.Fatal("saving the history wrote no summary beside it")
	}
	// Days the summary covers, days after it, and days before it, which
	// are read from the history itself.
	for _, day := range []string{"2025-04-22", "2025-04-21", "2025-04-23", "2026-01-01", "2025-04-20", "2025-04-19"} {
		wantMarks(t, st, recs, day)
	}
	if got, _ := store.SessionsOn(st, "2025-04-22", histNow); len(got) != 2 || !got[0].Complete || got[1].Complete ||
		got[0].PartOfDay() != data.PartMorning || got[1].PartOfDay() != data.PartEvening {
		t.Errorf("the last day reads %v, want a whole morning and an evening ended early", got)
	}
}

func TestSessionsOnReadsTheSummary(t *testing.T) {
	st, _ := recentHistory(t)
	raw, _ := st.GetRaw(store.RecentKey)
	// A summary that matches the history but says something else shows
	// that it is what is read: the history is not.
	parts := strings.Split(raw, `","`)
	forged := strings.Join(append(parts[:4:4], `2025-04-22 12:00 1 e"]`), `","`)
	if err := st.SetRaw(store.RecentKey, forged); err != nil {
		t.Fatal(err)
	}
	got, err := store.SessionsOn(st, "2025-04-22", histNow)
	if err != nil || len(got) != 1 || got[0].LocalTime != "12:00" || got[0].PartOfDay() != data.PartEvening {
		t.Errorf("got %v, %v; want the summary's one evening session at 12:00", got, err)
	}
}

func TestSessionsOnIgnoresASummaryOfAnotherHistory(t *testing.T) {
	st, recs := recentHistory(t)
	summary, _ := st.GetRaw(store.RecentKey)
	// The history is replaced without the summary, as an older version of
	// Unknot would: one more session on the last day.
	more := append(slices.Clone(recs), datatest.Record(t, datatest.London, "2025-04-22 21:00"))
	if err := st.SetRaw(store.HistoryKey, historyText(t, more...)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRaw(store.RecentKey, summary); err != nil {
		t.Fatal(err)
	}
	wantMarks(t, st, more, "2025-04-22")
	if now, _ := st.GetRaw(store.RecentKey); now == summary {
		t.Error("the summary of the old history was left in place")
	}
	wantMarks(t, st, more, "2025-04-22")
}

func TestSessionsOnDamagedSummary(t *testing.T) {
	for _, bad := range []string{
		`garbage`, `[]`, `["]`, `[""]`, `["2"]`, `["3","0123456789abcdef","2025-04-21","2025-04-22"]`,
		`["2","0123456789abcdef","yesterday","2025-04-22"]`,
		`["2","0123456789abcdef","2025-04-23","2025-04-22"]`,
		`["2","0123456789abcdef","","","2025-04-22 07:30 1 m"]`,
		`["2","0123456789abcdef","2025-04-21","2025-04-22","2025-04-22 7:30 1 m"]`,
		`["2","0123456789abcdef","2025-04-21","2025-04-22","2025-04-22 07:30 yes m"]`,
		`["2","0123456789abcdef","2025-04-21","2025-04-22","2025-04-22 07:30 1 x"]`,
		// the first version's, without the part of the day
		`["1","0123456789abcdef","2025-04-21","2025-04-22","2025-04-22 07:30 1"]`,
	} {
		st, recs := recentHistory(t)
		if err := st.SetRaw(store.RecentKey, bad); err != nil {
			t.Fatal(err)
		}
		wantMarks(t, st, recs, "2025-04-22")
		if now, _ := st.GetRaw(store.RecentKey); now == bad {
			t.Errorf("the damaged summary %s was not replaced", bad)
		}
	}
}

func TestSessionsOnEmptyAndDamagedHistory(t *testing.T) {
	if got, err := store.SessionsOn(&store.MemoryStorage{}, "2025-04-22", histNow); got != nil || err != nil {
		t.Errorf("no history: got %v, %v", got, err)
	}
	// An emptied history (StartAfresh writes one) has a summary too.
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st); err != nil {
		t.Fatal(err)
	}
	if got, err := store.SessionsOn(st, "2025-04-22", histNow); got != nil || err != nil {
		t.Errorf("an empty history: got %v, %v", got, err)
	}

	st, _ = recentHistory(t)
	if err := st.SetRaw(store.HistoryKey, `{"schema":2,"records":[`); err != nil {
		t.Fatal(err)
	}
	got, err := store.SessionsOn(st, "2025-04-22", histNow)
	if got != nil || !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("damaged history: got %v, %v; want ErrCorrupt", got, err)
	}
	copied := false
	for _, k := range st.Keys() {
		copied = copied || strings.HasPrefix(k, store.CorruptPrefix)
	}
	if !copied {
		t.Error("the damaged history was not copied aside")
	}
}

func TestSummaryDoesNotStopASave(t *testing.T) {
	// A store with room for the history but not for its summary: the
	// session is saved, and today's sessions are still right.
	recs := []data.Record{datatest.Record(t, datatest.London, "2025-04-22 07:30")}
	st := &store.MemoryStorage{Limit: len(historyText(t, recs...)) + 10}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatalf("the save failed for want of room for its summary: %v", err)
	}
	if _, ok := st.GetRaw(store.RecentKey); ok {
		t.Fatal("a summary was written into a store without room for it")
	}
	wantMarks(t, st, recs, "2025-04-22")
}

// FuzzSummary: whatever the summary holds, SessionsOn says what the history
// says, and never fails.
func FuzzSummary(f *testing.F) {
	st, _ := recentHistory(f)
	good, _ := st.GetRaw(store.RecentKey)
	for _, s := range []string{good, `["]`, `["2","","",""]`, `["2","0123456789abcdef","","","x"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, summary string) {
		st, recs := recentHistory(t)
		if err := st.SetRaw(store.RecentKey, summary); err != nil {
			t.Fatal(err)
		}
		// A summary that carries the history's checksum is believed
		// whatever else it says; any other is not.
		believed := strings.Contains(summary, strings.Split(good, `","`)[1])
		for _, day := range []string{"2025-04-21", "2025-04-22", "2025-04-23"} {
			got, err := store.SessionsOn(st, day, histNow)
			if err != nil {
				t.Fatal(err)
			}
			if want := store.MarksOn(recs, day); !slices.Equal(got, want) && !believed {
				t.Errorf("summary %q: SessionsOn(%s) = %v, want %v", summary, day, got, want)
			}
		}
	})
}

func TestSessionsLeft(t *testing.T) {
	const day = "2025-04-22"
	mark := func(date, clock string, complete bool) store.Mark {
		return store.Mark{LocalDate: date, LocalTime: clock, Complete: complete}
	}
	tests := []struct {
		scenario string
		marks    []store.Mark
		want     int
	}{
		{"nothing yet", nil, 2},
		{"the morning done", []store.Mark{mark(day, "07:30", true)}, 1},
		{"the morning ended early", []store.Mark{mark(day, "07:30", false)}, 2},
		{"two mornings count once", []store.Mark{mark(day, "07:30", true), mark(day, "11:00", true)}, 1},
		{"the last minute before the evening is morning", []store.Mark{mark(day, "14:59", true)}, 1},
		{"both done", []store.Mark{mark(day, "07:30", true), mark(day, data.EveningFrom, true)}, 0},
		{"both done, one ended early besides", []store.Mark{mark(day, "07:30", true), mark(day, "19:00", false), mark(day, "21:00", true)}, 0},
		{"yesterday's do not count", []store.Mark{mark("2025-04-21", "07:30", true), mark("2025-04-21", "19:30", true)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			if got := store.SessionsLeft(tt.marks, day); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

// One exercise done on its own, every hold of it, does not mark its part of
// the day done: a round of the cat stretch in the evening is not the evening
// routine. A routine of one's own, done whole, does.
func TestOneExerciseIsNotTheRoutine(t *testing.T) {
	cat := datatest.Record(t, datatest.London, "2025-04-22 19:30", func(r *data.Record) { r.Routine, r.RoutineName = data.CatStretch, "Cat stretch" })
	own := datatest.Record(t, datatest.London, "2025-04-22 07:30", func(r *data.Record) { r.Routine, r.RoutineName = "mine-1", "Mine" })
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, cat, own); err != nil {
		t.Fatal(err)
	}
	got, err := store.SessionsOn(st, "2025-04-22", histNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got[0].Complete || got[1].Complete {
		t.Errorf("marks %v: want a whole morning (a routine of one's own) and an evening not done (one exercise)", got)
	}
}
