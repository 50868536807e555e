package components

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"unknot/data"
	"unknot/data/store"
)

// homeRecord is a valid record of a session on date at clock, complete or
// not.
func homeRecord(tb testing.TB, date, clock string, complete bool) data.Record {
	tb.Helper()
	start, err := time.Parse("2006-01-02 15:04", date+" "+clock)
	if err != nil {
		tb.Fatal(err)
	}
	done := 6
	if !complete {
		done = 3
	}
	// The built-in routine of its part of the day, as a person would do.
	routine, name := data.Morning, "Morning routine"
	if data.PartOfDayAt(clock) == data.PartEvening {
		routine, name = data.Evening, "Evening routine"
	}
	r := data.Record{
		ID: uuid.NewString(), Routine: routine, RoutineName: name,
		Exercises: []data.ExerciseLog{{Exercise: data.CatStretch, Name: "Cat stretch", Reps: 3, RepsDone: done / 2, Holds: 6, HoldsDone: done, HoldMS: 5000}},
		Start:     start, End: start.Add(5 * time.Minute), ActiveMS: 60_000,
		LocalDate: date, LocalTime: clock, Complete: complete,
	}
	if err := r.Validate(); err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestTodayText(t *testing.T) {
	const today = "2026-05-04"
	tests := []struct {
		scenario string
		records  []data.Record
		want     string
	}{
		{"nothing yet", nil, "Today: morning to do · evening to do"},
		{"morning done", []data.Record{homeRecord(t, today, "07:30", true)}, "Today: morning ✓ · evening to do"},
		{"yesterday does not count", []data.Record{homeRecord(t, "2026-05-03", "19:30", true)}, "Today: morning to do · evening to do"},
		{"evening ended early", []data.Record{homeRecord(t, today, "19:30", false)}, "Today: morning to do · evening partly done"},
		{"partly then done", []data.Record{homeRecord(t, today, "07:00", false), homeRecord(t, today, "07:20", true)}, "Today: morning ✓ · evening to do"},
		{"done then partly", []data.Record{homeRecord(t, today, "16:00", true), homeRecord(t, today, "21:00", false)}, "Today: morning to do · evening ✓"},
		{"both", []data.Record{homeRecord(t, today, "08:00", true), homeRecord(t, today, "20:00", true)}, "Today: morning ✓ · evening ✓"},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			var marks []store.Mark
			for _, r := range tt.records {
				marks = append(marks, store.Mark{LocalDate: r.LocalDate, LocalTime: r.LocalTime, Complete: r.Complete})
			}
			if got := strings.ReplaceAll(todayText(marks, today), "\u00a0", " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHomeShowsOwnRoutinesTodayAndLinks(t *testing.T) {
	st := &store.MemoryStorage{}
	now := time.Date(2026, 5, 4, 12, 0, 0, 0, time.Local)
	today := now.Format(data.DateLayout)
	if _, err := store.SaveRecord(st, homeRecord(t, today, "07:30", true)); err != nil {
		t.Fatal(err)
	}
	mine := data.NewCustomRoutine("Desk break").AddItem(data.CatStretch).AddItem(data.Rotation)
	if err := store.SaveCustomRoutines(st, []data.Routine{mine}); err != nil {
		t.Fatal(err)
	}
	h := &Home{st: st, now: func() time.Time { return now }}
	html := strings.ReplaceAll(renderAt(t, h, "/"), "\u00a0", " ")
	mustContain(t, html, "Desk break", "Cat stretch, Lower-back rotational stretch", `href="/session/`+mine.ID+`"`,
		`id="today"`, "Today: morning ✓ · evening to do",
		`href="/routines"`, `href="/symptoms"`, `href="/safety"`, "resume-slot")
	for _, b := range data.BuiltinRoutines() {
		mustContain(t, html, b.Name, `href="/session/`+b.ID+`"`)
	}
}

// TestHomeSaysWhatCouldNotBeRead: with damaged history and settings, Home
// says so in one line that links to where they are kept; with nothing
// damaged it says nothing of the kind.
func TestHomeSaysWhatCouldNotBeRead(t *testing.T) {
	st := &store.MemoryStorage{}
	now := time.Date(2026, 5, 4, 12, 0, 0, 0, time.Local)
	h := &Home{st: st, now: func() time.Time { return now }}
	if html := renderAt(t, h, "/"); strings.Contains(html, "stored-problem") {
		t.Errorf("Home with nothing damaged warns: %s", html)
	}
	for k, v := range map[string]string{store.HistoryKey: `{"schema":2,"records":[`, store.SettingsKey: `{"voice":1}`} {
		if err := st.SetRaw(k, v); err != nil {
			t.Fatal(err)
		}
	}
	h = &Home{st: st, now: func() time.Time { return now }}
	mustContain(t, renderAt(t, h, "/"), `id="stored-problem"`,
		"Your history and your settings could not be read.", `href="/history#kept"`)
}
