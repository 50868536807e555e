package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/google/uuid"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// historyZone is the time zone the history tests run in, so that the dates
// the test writes and the dates the page counts agree.
const historyZone = "Europe/London"

// alertRecorder counts alert, confirm and prompt calls instead of showing
// them, before any of the page's scripts run.
const alertRecorder = `(() => {
	window.__alerts = 0;
	for (const f of ["alert", "confirm", "prompt"]) window[f] = () => { window.__alerts++; };
})();`

// historyTab opens a phone-sized tab in historyZone that records alerts.
func historyTab(t *testing.T) *tab {
	t.Helper()
	return historyConfig(t, newTab(t))
}

// historyConfig makes tb phone-sized, in historyZone, recording alerts.
func historyConfig(t *testing.T, tb *tab) *tab {
	t.Helper()
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: historyZone}); err != nil {
		t.Fatalf("setting the time zone: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: alertRecorder}); err != nil {
		t.Fatalf("installing the alert recorder: %v", err)
	}
	return tb
}

// historyToday is today's date in historyZone.
func historyToday(t *testing.T) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(historyZone)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(loc)
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
}

// e2eRecord is a valid record of a session at day and clock in day's zone.
func e2eRecord(t *testing.T, day time.Time, clock string, complete bool, before, after *int, note string) data.Record {
	t.Helper()
	var h, m int
	if _, err := fmt.Sscanf(clock, "%d:%d", &h, &m); err != nil {
		t.Fatal(err)
	}
	start := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, day.Location())
	// The built-in routine of its part of the day, as a person would do.
	routine, name := data.Morning, "Morning routine"
	if data.PartOfDayAt(clock) == data.PartEvening {
		routine, name = data.Evening, "Evening routine"
	}
	holds := 4
	if !complete {
		holds = 2
	}
	r := data.Record{
		ID: uuid.NewString(), Routine: routine, RoutineName: name,
		Exercises: []data.ExerciseLog{{
			Exercise: data.KneeToChest, Name: "Knee-to-chest stretch",
			Reps: 2, RepsDone: holds / 2, Holds: 4, HoldsDone: holds, HoldMS: 5000,
		}},
		Start: start.UTC(), End: start.Add(7 * time.Minute).UTC(), ActiveMS: 6 * 60 * 1000,
		LocalDate: start.Format(data.DateLayout), LocalTime: clock, Zone: historyZone,
		Complete: complete, PainBefore: before, PainAfter: after, Note: note,
	}
	if err := r.Validate(); err != nil {
		t.Fatalf("test record: %v", err)
	}
	return r
}

// storedHistory is the text the data layer stores for recs.
func storedHistory(t *testing.T, recs []data.Record) string {
	t.Helper()
	return storedText(t, store.HistoryKey, func(st store.Storage) error {
		_, err := store.SaveRecords(st, recs...)
		return err
	})
}

// storedText is what save stores under key, saved by the data layer
// itself: the text a tab's localStorage holds after it.
func storedText(t *testing.T, key string, save func(store.Storage) error) string {
	t.Helper()
	st := &store.MemoryStorage{}
	if err := save(st); err != nil {
		t.Fatal(err)
	}
	raw, ok := st.GetRaw(key)
	if !ok {
		t.Fatalf("nothing stored under %s", key)
	}
	return raw
}

// setItem stores value under key in the tab's localStorage.
func setItem(t *testing.T, tb *tab, key, value string) {
	t.Helper()
	k, _ := json.Marshal(key)
	v, _ := json.Marshal(value)
	eval[bool](t, tb, fmt.Sprintf(`(localStorage.setItem(%s, %s), true)`, k, v))
}

// getItem returns what the tab's localStorage holds under key, and whether
// it holds anything.
func getItem(t *testing.T, tb *tab, key string) (string, bool) {
	t.Helper()
	k, _ := json.Marshal(key)
	var got struct {
		V  string `json:"v"`
		OK bool   `json:"ok"`
	}
	raw := eval[string](t, tb, fmt.Sprintf(`(() => { const v = localStorage.getItem(%s); return JSON.stringify({v: v || "", ok: v !== null}); })()`, k))
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatal(err)
	}
	return got.V, got.OK
}

// seedHistory stores recs as the history of the tab's origin, then opens
// /history.
func seedHistory(t *testing.T, tb *tab, base string, recs []data.Record) {
	t.Helper()
	tb.open(t, base, "/")
	setItem(t, tb, store.HistoryKey, storedHistory(t, recs))
	tb.open(t, base, "/history")
}

// waitFor waits until the JavaScript expression cond is true.
func waitFor(t *testing.T, tb *tab, cond, what string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0))); err != nil {
		t.Fatalf("waiting until %s: %v; console: %v", what, err, tb.errors())
	}
}

// fullShot saves a screenshot of the whole page, beyond the viewport, as
// screenshots/<name>.png and returns it.
func fullShot(t *testing.T, tb *tab, name string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	img, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := browsertest.SaveScreenshot("screenshots", name, img); err != nil {
		t.Fatal(err)
	}
	return img
}

// colourScheme emulates a light or dark system theme.
func colourScheme(t *testing.T, tb *tab, theme string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}},
	}); err != nil {
		t.Fatal(err)
	}
}

// sampleHistory is ten weeks of sessions up to today: mornings on most
// days, evenings on every other day, a gap three days ago (so the current
// streak is 3) and one every week before (so the best is 6), pain scores
// that ease over time, a few notes.
func sampleHistory(t *testing.T, today time.Time) []data.Record {
	t.Helper()
	var recs []data.Record
	for d := 69; d >= 0; d-- {
		if d%7 == 3 {
			continue
		}
		day := today.AddDate(0, 0, -d)
		before := data.PainScore(min(3+d/12+d%3, 10))
		after := data.PainScore(max(*before-2-d%2, 0))
		note := ""
		switch d {
		case 1:
			note = "Felt looser after the bridge."
		case 12:
			note = "Stiff after a long drive.\nEased by the end."
		}
		recs = append(recs, e2eRecord(t, day, "07:30", d%5 != 0, before, after, note))
		if d%2 == 0 {
			recs = append(recs, e2eRecord(t, day, "19:45", true, nil, nil, ""))
		}
	}
	return recs
}

func TestHistoryShowsStreaksCalendarAndCharts(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	recs := sampleHistory(t, today)
	want := data.ComputeStats(recs, today.Format(data.DateLayout))
	if want.CurrentStreak != 3 || want.BestStreak != 6 {
		t.Fatalf("sample history has streaks %d and %d, want 3 and 6", want.CurrentStreak, want.BestStreak)
	}
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			tb := historyTab(t)
			colourScheme(t, tb, theme)
			seedHistory(t, tb, h.base, recs)
			waitFor(t, tb, `document.querySelector("#stats") !== null`, "the stats show")

			waitText(t, tb, "#streak-current", "3 days")
			waitText(t, tb, "#streak-best", "6 days")
			waitText(t, tb, "#total-sessions", fmt.Sprintf("%d (%d complete)", want.Sessions, want.Complete))
			waitText(t, tb, "#total-minutes", fmt.Sprint(want.Minutes))
			waitText(t, tb, "#cal-title", today.Format("January 2006"))

			date := today.Format(data.DateLayout)
			cell := `document.querySelector('td[data-date="` + date + `"]')`
			if !eval[bool](t, tb, cell+`.getAttribute("aria-current") === "date"`) {
				t.Error("today is not marked in the calendar")
			}
			if !eval[bool](t, tb, cell+`.querySelector(".cal-mark.am") !== null && `+cell+`.querySelector(".cal-mark.pm") !== null`) {
				t.Error("today lacks its morning and evening marks")
			}
			if gap := today.AddDate(0, 0, -3); gap.Month() == today.Month() {
				if eval[bool](t, tb, `document.querySelector('td[data-date="`+gap.Format(data.DateLayout)+`"] .cal-mark') !== null`) {
					t.Error("the day without a session has a mark")
				}
			}
			if got := text(t, tb, `td[data-date="`+date+`"] .sr-only`); got != ", today, morning, evening" {
				t.Errorf("today's cell says %q to screen readers", got)
			}
			if n := eval[int](t, tb, `document.querySelectorAll("#weeks-svg rect").length`); n < 10 {
				t.Errorf("the sessions chart has %d bars", n)
			}
			if n := eval[int](t, tb, `document.querySelectorAll("#pain-svg polyline").length`); n != 2 {
				t.Errorf("the pain chart has %d lines, want before and after", n)
			}
			// SVG children must be real SVG elements, or nothing is drawn.
			if !eval[bool](t, tb, `document.querySelector("#pain-svg circle") instanceof SVGCircleElement && document.querySelector("#pain-svg circle").getBBox().width > 0`) {
				t.Error("the pain chart's dots are not drawn as SVG")
			}
			if got := text(t, tb, "#weeks-summary"); !strings.Contains(got, "Sessions per week over the last 16 weeks") {
				t.Errorf("sessions chart summary %q", got)
			}
			if n := eval[int](t, tb, `document.querySelectorAll("#recent .hist-session").length`); n != 20 {
				t.Errorf("recent list shows %d sessions, want 20", n)
			}
			if got := text(t, tb, "#recent .session-note"); got != "Felt looser after the bridge." {
				t.Errorf("the first note shown is %q", got)
			}

			// The calendar moves back a month, by keyboard, and no further
			// forward than this month.
			tb.do(t, "focusing previous month", chromedp.Focus(chromedp.CSS("#cal-prev")))
			tb.do(t, "pressing Enter", chromedp.KeyEvent("\r"))
			waitText(t, tb, "#cal-title", today.AddDate(0, -1, 0).Format("January 2006"))
			if !eval[bool](t, tb, `document.activeElement && document.activeElement.id === "cal-prev"`) {
				t.Error("focus left the previous-month button")
			}
			tb.do(t, "next month", chromedp.Click(chromedp.CSS("#cal-next")))
			waitText(t, tb, "#cal-title", today.Format("January 2006"))
			tb.do(t, "next month again", chromedp.Click(chromedp.CSS("#cal-next")))
			time.Sleep(200 * time.Millisecond)
			waitText(t, tb, "#cal-title", today.Format("January 2006"))
			if got := eval[string](t, tb, `document.querySelector("#cal-next").getAttribute("aria-disabled")`); got != "true" {
				t.Errorf("next month from this month: aria-disabled %q, want true", got)
			}

			waitFor(t, tb, `document.querySelector("#persist[data-persisted]") !== null`, "the storage persistence is shown")
			if got := text(t, tb, "#persist"); got != "Your browser keeps Unknot's data on this device even when space runs low." && got != "Your browser may clear Unknot's data if space runs low: back up from History now and then." {
				t.Errorf("persistence says %q", got)
			}
			if got := text(t, tb, "#backup-due"); !strings.Contains(got, fmt.Sprintf("%d sessions not in a backup yet", len(recs))) {
				t.Errorf("no backup was ever made, but the reminder says %q", got)
			}
			screenshot(t, tb, "history-"+theme+"-390x844")
			fullShot(t, tb, "history-full-"+theme+"-390x844")
			if errs := tb.errors(); len(errs) > 0 {
				t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

func TestHistoryStaysQuickWithTenYears(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	var recs []data.Record
	for d := 3649; d >= 0; d-- {
		day := today.AddDate(0, 0, -d)
		recs = append(recs,
			e2eRecord(t, day, "07:30", true, data.PainScore(d%11), data.PainScore(d%7), ""),
			e2eRecord(t, day, "19:30", d%3 != 0, nil, nil, ""))
	}
	tb := historyTab(t)
	tb.open(t, h.base, "/")
	raw := storedHistory(t, recs)
	setItem(t, tb, store.HistoryKey, raw)
	start := time.Now()
	tb.open(t, h.base, "/history")
	waitFor(t, tb, `document.querySelector("#stats") !== null`, "the stats show")
	took := time.Since(start)
	t.Logf("%d sessions (%d characters stored): /history loaded and drawn in %v", len(recs), len(raw), took)
	if took > 15*time.Second {
		t.Errorf("/history took %v with %d sessions", took, len(recs))
	}
	waitText(t, tb, "#total-sessions", fmt.Sprintf("%d (%d complete)", len(recs), len(recs)-3650/3-1))
	waitText(t, tb, "#streak-current", "3650 days")
	// Moving a month is quick too: only the month is computed again.
	start = time.Now()
	tb.do(t, "previous month", chromedp.Click(chromedp.CSS("#cal-prev")))
	waitText(t, tb, "#cal-title", today.AddDate(0, -1, 0).Format("January 2006"))
	t.Logf("previous month drawn in %v", time.Since(start))
	if n := eval[int](t, tb, `document.querySelectorAll("#history *").length`); n > 3000 {
		t.Errorf("the page has %d elements with %d sessions: it draws too much", n, len(recs))
	}
}

func TestHistoryDamagedStorageIsKept(t *testing.T) {
	h := setup(t)
	for _, tc := range []struct {
		name, stored string
	}{
		{"garbage", "{\"schema\":1,\"records\":[{\"id\":\"x\" — not JSON at all ✗ \u00e9\u0000"},
		{"empty", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := historyTab(t)
			dir := allowDownloads(t, tb)
			tb.open(t, h.base, "/")
			setItem(t, tb, store.HistoryKey, tc.stored)
			tb.open(t, h.base, "/history")
			waitFor(t, tb, `document.querySelector("#history-banner") !== null`, "the banner shows")
			if got := text(t, tb, "#history-banner h2"); got != "Your saved history could not be read" {
				t.Errorf("banner title %q", got)
			}
			keys := eval[[]string](t, tb, `Object.keys(localStorage).filter(k => k.startsWith("`+store.CorruptPrefix+`"))`)
			if len(keys) != 1 {
				t.Fatalf("copies %v, want one", keys)
			}
			if got, _ := getItem(t, tb, keys[0]); got != tc.stored {
				t.Errorf("the copy is %q, want %q byte for byte", got, tc.stored)
			}
			if got, ok := getItem(t, tb, store.HistoryKey); got != tc.stored || !ok {
				t.Errorf("the main key was changed to %q", got)
			}
			if got := text(t, tb, "#history-banner-text"); !strings.Contains(got, keys[0]) {
				t.Errorf("the banner does not say where the copy is: %q", got)
			}

			// The damaged text can be saved as a file, as it was.
			tb.do(t, "exporting the damaged data", chromedp.Click(chromedp.CSS("#export-damaged")))
			name := "unknot-history-damaged-" + historyToday(t).Format(data.DateLayout) + ".txt"
			if got := waitDownload(t, dir, name); string(got) != tc.stored {
				t.Errorf("the downloaded damaged data is %q, want %q", got, tc.stored)
			}

			// The app still works: the rest of the screen is there.
			if !eval[bool](t, tb, `document.querySelector("#export-all") !== null && document.querySelector("nav a[href='/']") !== null`) {
				t.Error("the backup panel or the navigation is missing")
			}
			fullShot(t, tb, "history-damaged-"+tc.name+"-390x844")

			// A fresh start asks first, then keeps the copy.
			tb.do(t, "start afresh", chromedp.Click(chromedp.CSS("#start-afresh")))
			waitFor(t, tb, `document.querySelector("#confirm-afresh") !== null`, "the fresh start is confirmed")
			if got, _ := getItem(t, tb, store.HistoryKey); got != tc.stored {
				t.Error("asking to start afresh already wrote")
			}
			tb.do(t, "confirming", chromedp.Click(chromedp.CSS("#confirm-afresh-yes")))
			waitFor(t, tb, `document.querySelector("#afresh-done") !== null`, "the fresh start is done")
			if got, _ := getItem(t, tb, keys[0]); got != tc.stored {
				t.Error("the copy was lost by the fresh start")
			}
			if recs := storedRecords(t, tb); len(recs) != 0 {
				t.Errorf("a fresh start holds %d sessions", len(recs))
			}
			if eval[bool](t, tb, `document.querySelector("#history-banner") !== null`) {
				t.Error("the banner stays after a fresh start")
			}
			if errs := tb.exceptions(); len(errs) > 0 {
				t.Errorf("exceptions:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

func TestHistoryNewerIsReadOnly(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	rec, err := json.Marshal(e2eRecord(t, today, "07:30", true, nil, nil, "Saved by a newer Unknot"))
	if err != nil {
		t.Fatal(err)
	}
	newer := `{"schema":99,"records":[` + string(rec) + `],"future":{"x":1}}`
	tb := historyTab(t)
	tb.open(t, h.base, "/")
	setItem(t, tb, store.HistoryKey, newer)
	tb.open(t, h.base, "/history")
	waitFor(t, tb, `document.querySelector("#history-banner") !== null`, "the banner shows")
	if got := text(t, tb, "#history-banner h2"); got != "Saved by a newer version of Unknot" {
		t.Errorf("banner title %q", got)
	}
	if got := text(t, tb, "#recent .session-note"); got != "Saved by a newer Unknot" {
		t.Errorf("the newer history's session is not shown: %q", got)
	}
	// An import is refused and writes nothing.
	file := writeFile(t, "backup.json", encodeBackup(t, e2eRecord(t, today.AddDate(0, 0, -1), "07:30", true, nil, nil, "")))
	tb.do(t, "choosing a backup", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
	waitFor(t, tb, `document.querySelector("#import-preview") !== null`, "the preview shows")
	if !eval[bool](t, tb, `document.querySelector("#import-confirm").disabled`) {
		t.Error("Import is offered over a newer history")
	}
	if got, _ := getItem(t, tb, store.HistoryKey); got != newer {
		t.Errorf("the newer history was written over: %q", got)
	}
	if n := eval[int](t, tb, `Object.keys(localStorage).filter(k => k.startsWith("unknot.history")).length`); n != 1 {
		t.Errorf("%d history keys, want the newer history alone", n)
	}
}
