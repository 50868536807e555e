package webkit

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// reportSession is a valid record of a morning routine's knee-to-chest
// stretch at 10:00 on the machine's calendar (MiniBrowser's too), days ago,
// with pain scores.
func reportSession(t *testing.T, days int) data.Record {
	t.Helper()
	now := time.Now()
	start := time.Date(now.Year(), now.Month(), now.Day()-days, 10, 0, 0, 0, time.Local)
	r := data.Record{
		ID: uuid.NewString(), Routine: data.Morning, RoutineName: "Morning routine",
		Exercises: []data.ExerciseLog{{Exercise: data.KneeToChest, Name: "Knee-to-chest stretch",
			Reps: 2, RepsDone: 2, Holds: 6, HoldsDone: 6, HoldMS: 5000}},
		Start: start.UTC(), End: start.Add(8 * time.Minute).UTC(), ActiveMS: 7 * 60 * 1000,
		LocalDate: start.Format(data.DateLayout), LocalTime: "10:00", Complete: true,
		PainBefore: data.PainScore(5 - days%3), PainAfter: data.PainScore(3 - days%2),
	}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReportOpensOffline: in WebKit the report opens from History on the
// history kept in the browser, counts as the data layer does, calls the
// browser's print from the tap, has its print stylesheet read, and opens
// again with the server gone.
func TestReportOpensOffline(t *testing.T) {
	h := setup(t)
	p := newPage(t)
	p.open("/")
	var recs []data.Record
	for d := 20; d >= 1; d-- {
		if d%4 != 0 {
			recs = append(recs, reportSession(t, d))
		}
	}
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
	p.run(browsertest.Return(browsertest.SetItems(map[string]*string{store.HistoryKey: &raw})), nil)
	p.open("/history")
	p.waitFor(`document.getElementById("report-link")`, "History's link to the report")
	p.click("#report-link")
	p.waitFor(`document.getElementById("report-sheet")`, "the report")
	var path string
	p.run(`return location.pathname`, &path)
	if path != "/history/report" {
		t.Errorf("History's link opened %s", path)
	}
	today := time.Now().Format(data.DateLayout)
	want := data.MakeReport(data.DefaultCatalogue(), recs, data.Stamp{LocalDate: today}, data.ReportRequest{Period: data.PeriodFourWeeks})
	p.waitText("#sheet-sessions", fmt.Sprintf("%d (%d complete)", want.Stats.Sessions, want.Stats.Complete))
	if got := p.text("#sheet-days"); got != fmt.Sprintf("%d of 28", want.Stats.Days) {
		t.Errorf("days with a session: %q, want %d of 28", got, want.Stats.Days)
	}
	if !p.is(`document.querySelector("#report-pain-svg polyline") && document.querySelector("#report-pain-svg polyline").getBBox().width > 0`) {
		t.Error("the pain chart is not drawn")
	}
	p.screenshot("report")

	// Print is the browser's, called from the tap. MiniBrowser's own
	// dialog would wait for a person, so the test stands in for it.
	p.run(`window.__printed = 0; window.print = () => { window.__printed++; };`, nil)
	p.click("#report-print")
	p.waitFor(`window.__printed === 1`, "window.print called once")

	// WebKit reads the print stylesheet: its rules are there, with the
	// colours it prints in.
	var printRules string
	p.run(`const out = [];
		for (const s of document.styleSheets) {
			let rules; try { rules = s.cssRules; } catch (e) { continue; }
			for (const r of rules) if (r.media && r.media.mediaText === "print")
				for (const c of r.cssRules) out.push((c.selectorText || c.cssText.slice(0, 12)) + (c.style && c.style.getPropertyValue("--bg") ? " bg=" + c.style.getPropertyValue("--bg").trim() : ""));
		}
		return out.join(" | ");`, &printRules)
	for _, want := range []string{":root:root:root bg=#fff", ".shell > :not(main)", "#sheet-stops", "tr, li"} {
		if !strings.Contains(printRules, want) {
			t.Errorf("WebKit's print rules lack %q: %s", want, printRules)
		}
	}

	// Offline, from the service worker.
	p.waitControlled()
	p.reload()
	if err := h.app.Stop(); err != nil {
		t.Fatalf("stopping the server: %v", err)
	}
	t.Cleanup(func() {
		if err := h.app.Start(); err != nil {
			t.Errorf("restarting the server: %v", err)
		}
	})
	if _, err := http.Get(h.app.Base + "/"); err == nil {
		t.Fatal("the server still answers")
	}
	p.open("/history/report")
	p.waitFor(`document.getElementById("report-sheet")`, "the report offline")
	p.waitText("#sheet-sessions", fmt.Sprintf("%d (%d complete)", want.Stats.Sessions, want.Stats.Complete))
	p.screenshot("report-offline")
}
