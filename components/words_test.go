package components

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

func TestOneIsSingular(t *testing.T) {
	if got := roundsDone(0, 1); got != "0 of 1 round" {
		t.Errorf("roundsDone(0, 1) = %q", got)
	}
	if got := roundsDone(2, 5); got != "2 of 5 rounds" {
		t.Errorf("roundsDone(2, 5) = %q", got)
	}
	one := []data.PainPoint{{Start: time.Date(2026, 4, 14, 7, 30, 0, 0, time.UTC), Date: "2026-04-14", Before: data.PainScore(5), After: data.PainScore(3)}}
	html := app.HTMLString(painChart(one))
	if !strings.Contains(html, "over the last 1 session with a score") {
		t.Errorf("the pain chart's summary for one session: %s", html)
	}
}

func TestCSVWithNothingToExport(t *testing.T) {
	b := &BackupPanel{}
	b.onExportCSV(nil, app.Event{})
	if b.saved != csvEmpty || b.exportErr != "" {
		t.Errorf("with no history the panel says %q / %q, want %q", b.saved, b.exportErr, csvEmpty)
	}
}

func TestRoutinesInTheNavigation(t *testing.T) {
	html := app.HTMLString(siteNav("routines"))
	if !strings.Contains(html, `<a href="/routines" aria-current="page">Routines</a>`) && !strings.Contains(html, `<a aria-current="page" href="/routines">Routines</a>`) {
		t.Errorf("the navigation on Routines: %s", html)
	}
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
	html := renderAt(t, h, "/")
	r, _ := data.FindRoutine(data.DefaultCatalogue(), data.Morning)
	pl, err := data.AsPlayed(r, data.DefaultCatalogue(), nil, now.Format(data.DateLayout), s.Timing())
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, html, fmt.Sprintf(text.Minutes, data.DurationText(pl.Length)))
}

func TestLongRoutineNameIsRefusedWithTheLimit(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	p.newName = strings.Repeat("Stretch ", 15) // 120 characters
	r.do(p.create)
	if !strings.Contains(p.createErr, "at most 100 characters") || !strings.Contains(p.createErr, "has 119") {
		t.Errorf("a 119-character name: %q, want the limit and its length", p.createErr)
	}
	if p.draft != nil {
		t.Error("the routine was created with the name cut")
	}
	if strings.Contains(r.html(), `maxlength`) {
		t.Error("the name field still cuts what is typed")
	}
}

func TestRestoreOffer(t *testing.T) {
	file := data.DefaultSettings()
	file.SafetyAccepted = true
	fresh := &store.MemoryStorage{}
	if offer, ticked := restoreOffer(fresh, file); !offer || !ticked {
		t.Errorf("fresh device, file with settings: offer %v ticked %v, want both", offer, ticked)
	}
	if offer, ticked := restoreOffer(fresh, data.DefaultSettings()); offer || ticked {
		t.Errorf("the file's settings are this device's: offer %v ticked %v, want neither", offer, ticked)
	}
	used := &store.MemoryStorage{}
	mine := data.DefaultSettings()
	mine.RestSeconds = 40
	if err := store.SaveSettings(used, mine); err != nil {
		t.Fatal(err)
	}
	if offer, ticked := restoreOffer(used, file); !offer || ticked {
		t.Errorf("a device with its own settings: offer %v ticked %v, want offered, not ticked", offer, ticked)
	}
}
