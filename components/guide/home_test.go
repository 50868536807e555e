package guide

import (
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/data"
	"unknot/data/store"
)

func TestTodayText(t *testing.T) {
	const today = "2026-05-04"
	tests := []struct {
		scenario string
		records  []data.Record
		want     string
	}{
		{"nothing yet", nil, "Today: morning to do · evening to do"},
		{"morning done", []data.Record{uitest.HomeRecord(t, today, "07:30", true)}, "Today: morning ✓ · evening to do"},
		{"yesterday does not count", []data.Record{uitest.HomeRecord(t, "2026-05-03", "19:30", true)}, "Today: morning to do · evening to do"},
		{"evening ended early", []data.Record{uitest.HomeRecord(t, today, "19:30", false)}, "Today: morning to do · evening partly done"},
		{"partly then done", []data.Record{uitest.HomeRecord(t, today, "07:00", false), uitest.HomeRecord(t, today, "07:20", true)}, "Today: morning ✓ · evening to do"},
		{"done then partly", []data.Record{uitest.HomeRecord(t, today, "16:00", true), uitest.HomeRecord(t, today, "21:00", false)}, "Today: morning to do · evening ✓"},
		{"both", []data.Record{uitest.HomeRecord(t, today, "08:00", true), uitest.HomeRecord(t, today, "20:00", true)}, "Today: morning ✓ · evening ✓"},
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
	if _, err := store.SaveRecord(st, uitest.HomeRecord(t, today, "07:30", true)); err != nil {
		t.Fatal(err)
	}
	mine := data.NewCustomRoutine("Desk break").AddItem(data.CatStretch).AddItem(data.Rotation)
	if err := store.SaveCustomRoutines(st, []data.Routine{mine}); err != nil {
		t.Fatal(err)
	}
	h := &Home{st: st, now: func() time.Time { return now }}
	html := strings.ReplaceAll(uitest.RenderAt(t, h, "/"), "\u00a0", " ")
	uitest.MustContain(t, html, "Desk break", "Cat stretch, Lower-back rotational stretch", `href="/session/`+mine.ID+`"`,
		`id="today"`, "Today: morning ✓ · evening to do",
		`href="/routines"`, `href="/symptoms"`, `href="/safety"`, "resume-slot")
	for _, b := range data.BuiltinRoutines() {
		uitest.MustContain(t, html, b.Name, `href="/session/`+b.ID+`"`)
	}
}

// TestHomeSaysWhatCouldNotBeRead: with damaged history and settings, Home
// says so in one line that links to where they are kept; with nothing
// damaged it says nothing of the kind.
func TestHomeSaysWhatCouldNotBeRead(t *testing.T) {
	st := &store.MemoryStorage{}
	now := time.Date(2026, 5, 4, 12, 0, 0, 0, time.Local)
	h := &Home{st: st, now: func() time.Time { return now }}
	if html := uitest.RenderAt(t, h, "/"); strings.Contains(html, "stored-problem") {
		t.Errorf("Home with nothing damaged warns: %s", html)
	}
	for k, v := range map[string]string{store.HistoryKey: `{"schema":2,"records":[`, store.SettingsKey: `{"voice":1}`} {
		if err := st.SetRaw(k, v); err != nil {
			t.Fatal(err)
		}
	}
	h = &Home{st: st, now: func() time.Time { return now }}
	uitest.MustContain(t, uitest.RenderAt(t, h, "/"), `id="stored-problem"`,
		"Your history and your settings could not be read.", `href="/history#kept"`)
}

func TestHomeShowsTheLengthAsPlayed(t *testing.T) {
	st := &store.MemoryStorage{}
	s := data.DefaultSettings()
	s.RestSeconds = 60 // the morning routine: 11 min played, 8 at the default pace
	if err := store.SaveSettings(st, s); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 4, 12, 0, 0, 0, time.Local)
	h := &Home{st: st, now: func() time.Time { return now }}
	html := uitest.RenderAt(t, h, "/")
	r, _ := data.FindRoutine(data.DefaultCatalogue(), data.Morning)
	pl, err := data.AsPlayed(r, data.DefaultCatalogue(), nil, now.Format(data.DateLayout), s.Timing())
	if err != nil {
		t.Fatal(err)
	}
	uitest.MustContain(t, html, fmt.Sprintf(ui.Text.Minutes, data.DurationText(pl.Length)))
}

// TestFirstDayMetas holds Home's first-visit table of the built-in
// routines' lengths to what the doses say of a first visit, at every hour
// of three days: the pre-rendered page and the app's first frame show the
// table, OnMount then the doses' answer.
func TestFirstDayMetas(t *testing.T) {
	for h := range 72 {
		now := time.Date(2026, 3, 28, 0, 30, 0, 0, time.Local).Add(time.Duration(h) * time.Hour)
		got := routineMetas(data.BuiltinRoutines(), ui.LoadDosing(nil, now))
		if !maps.Equal(got, firstDayMetas) {
			var b strings.Builder
			for _, r := range data.BuiltinRoutines() {
				fmt.Fprintf(&b, "\t%q: %q,\n", r.ID, got[r.ID])
			}
			t.Fatalf("at %s a first visit's routines are\n%swhere firstDayMetas (components/guide/first_day.go) says %q", now, b.String(), firstDayMetas)
		}
	}
}

// TestFirstFrameIsAFirstVisit: what Home draws before it has read what is
// stored (the server's page and the app's first frame) gives each routine,
// built-in or the person's own, its length on a first day.
func TestFirstFrameIsAFirstVisit(t *testing.T) {
	st := &store.MemoryStorage{}
	mine := data.NewCustomRoutine("Desk break").AddItem(data.CatStretch).AddItem(data.Rotation)
	if err := store.SaveCustomRoutines(st, []data.Routine{mine}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 4, 12, 0, 0, 0, time.Local)
	h := &Home{st: st, now: func() time.Time { return now }}
	h.OnInit()
	html := app.HTMLString(h)
	for _, r := range data.BuiltinRoutines() {
		uitest.MustContain(t, html, firstDayMetas[r.ID])
	}
	pl, err := data.AsPlayed(mine, data.DefaultCatalogue(), nil, now.Format(data.DateLayout), data.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	uitest.MustContain(t, html, "2 exercises · "+fmt.Sprintf(ui.Text.Minutes, data.DurationText(pl.Length)))
	if _, ok := firstDayMetas[mine.ID]; ok {
		t.Error("the person's routine was written into firstDayMetas, which every Home shares")
	}
}
