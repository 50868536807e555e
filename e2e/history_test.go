package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
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
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
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

// allowDownloads saves the tab's downloads into a new folder, which it
// returns.
func allowDownloads(t *testing.T, tb *tab) string {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
		DownloadPath:     dir,
	}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	return dir
}

// waitDownload waits until the file name has been downloaded into dir and
// returns its content.
func waitDownload(t *testing.T, dir, name string) []byte {
	t.Helper()
	path := filepath.Join(dir, name)
	deadline := time.Now().Add(15 * time.Second)
	for {
		if b, err := os.ReadFile(path); err == nil {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return b
			}
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("%s was not downloaded; the folder holds %v", name, names)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// writeFile writes content to a new file named name and returns its path.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// encodeBackup writes recs as a backup file.
func encodeBackup(t *testing.T, recs ...data.Record) []byte {
	t.Helper()
	raw, err := store.EncodeBackup(store.NewBackup(recs, data.DefaultSettings(), nil, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// xss is markup that runs a script if it is ever parsed as HTML.
const xss = `<img src=x onerror=alert(1)>`

func TestBackupImportRejectsBadFilesAndMergesGoodOnes(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	here := []data.Record{
		e2eRecord(t, today.AddDate(0, 0, -1), "07:30", true, nil, nil, ""),
		e2eRecord(t, today, "07:30", true, nil, nil, ""),
	}
	tb := historyTab(t)
	dir := allowDownloads(t, tb)
	seedHistory(t, tb, h.base, here)
	waitText(t, tb, "#total-sessions", "2 (2 complete)")
	stored, _ := getItem(t, tb, store.HistoryKey)

	valid := string(encodeBackup(t, here...))
	tooLarge := make([]byte, store.MaxBackupBytes+1)
	for i := range tooLarge {
		tooLarge[i] = ' '
	}
	bad := []struct {
		name    string
		content []byte
		want    string // "" for the decoder's own message
	}{
		{"too-large.json", tooLarge, store.CheckBackupSize(int64(len(tooLarge))).Error()},
		{"wrong-types.json", []byte(strings.Replace(valid, `"reps":2`, `"reps":"two"`, 1)), ""},
		// A field of the file's own, whatever version wrote it.
		{"unknown-field.json", []byte(strings.Replace(valid, `{`, `{"surprise": true, `, 1)), ""},
		{"html-field.json", []byte(strings.Replace(valid, `{`, `{"`+xss+`": 1, `, 1)), ""},
		{"html-routine.json", []byte(strings.Replace(valid, `"routines": [],`, `"routines": [{"id":"x","name":"`+xss+`","items":[]}],`, 1)), ""},
		{"not-json.json", []byte(xss), ""},
		{"empty.json", nil, ""},
	}
	for _, b := range bad {
		want := b.want
		if want == "" {
			_, err := store.DecodeBackup(strings.NewReader(string(b.content)))
			if err == nil {
				t.Fatalf("%s decodes", b.name)
			}
			want = err.Error()
		}
		file := writeFile(t, b.name, b.content)
		tb.do(t, "choosing "+b.name, chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
		waitFor(t, tb, `(document.querySelector("#import-rejected") || {}).textContent === `+jsString(b.name+" was not imported, and nothing changed:"), b.name+" is rejected")
		if got := text(t, tb, "#import-error"); got != want {
			t.Errorf("%s: rejected with %q, want the decoder's %q", b.name, got, want)
		}
		if got, _ := getItem(t, tb, store.HistoryKey); got != stored {
			t.Errorf("%s changed the stored history", b.name)
		}
		if eval[bool](t, tb, `document.querySelector("#import-preview") !== null`) {
			t.Errorf("%s shows a preview", b.name)
		}
	}
	eval[bool](t, tb, `(document.querySelector("#import-title").scrollIntoView(), true)`)
	screenshot(t, tb, "history-import-rejected-390x844")

	// A good file: a preview first, then the import.
	incoming := append([]data.Record{here[0]},
		e2eRecord(t, today.AddDate(0, 0, -40), "07:30", true, nil, nil, xss),
		e2eRecord(t, today.AddDate(0, 0, -2), "19:30", false, data.PainScore(5), data.PainScore(3), "From the old phone"),
	)
	incoming[1].RoutineName = xss
	file := writeFile(t, "good.json", encodeBackup(t, incoming...))
	tb.do(t, "choosing good.json", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
	waitFor(t, tb, `document.querySelector("#import-preview") !== null`, "the preview shows")
	if got := text(t, tb, "#import-counts"); !strings.HasPrefix(got, "What importing it does: 2 new sessions and 1 already here.") {
		t.Errorf("preview counts %q", got)
	}
	wantRange := fmt.Sprintf("From %s to %s.", today.AddDate(0, 0, -40).Format("Mon 2 Jan 2006"), today.AddDate(0, 0, -1).Format("Mon 2 Jan 2006"))
	if got := text(t, tb, "#import-range"); got != wantRange {
		t.Errorf("preview range %q, want %q", got, wantRange)
	}
	if got, _ := getItem(t, tb, store.HistoryKey); got != stored {
		t.Error("the preview already wrote")
	}
	eval[bool](t, tb, `(document.querySelector("#import-title").scrollIntoView(), true)`)
	screenshot(t, tb, "history-import-preview-390x844")
	tb.do(t, "importing", chromedp.Click(chromedp.CSS("#import-confirm")))
	waitText(t, tb, "#import-done", "Imported: 2 new sessions and 1 already here.")
	waitText(t, tb, "#total-sessions", "4 (3 complete)")
	if n := len(storedRecords(t, tb)); n != 4 {
		t.Errorf("stored %d sessions after the import, want 4", n)
	}
	recent := text(t, tb, "#recent")
	if !strings.Contains(recent, "From the old phone") || !strings.Contains(recent, "Pain 5 → 3") {
		t.Errorf("the imported sessions are not listed: %q", recent)
	}
	// The name and note that carry markup stay text: the oldest session is
	// 40 days back, so it is listed last.
	if got := text(t, tb, "#recent .hist-session:last-child .session-routine"); got != xss {
		t.Errorf("the imported routine name shows as %q, want the text %q", got, xss)
	}
	if got := text(t, tb, "#recent .hist-session:last-child .session-note"); got != xss {
		t.Errorf("the imported note shows as %q, want the text %q", got, xss)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("img").length`); n != 0 {
		t.Errorf("%d img elements on the page", n)
	}
	time.Sleep(300 * time.Millisecond) // an onerror would have fired by now
	if n := eval[int](t, tb, `window.__alerts`); n != 0 {
		t.Errorf("%d alerts ran", n)
	}

	// Export everything, then as CSV: both download, and the backup reads
	// back with every session.
	tb.do(t, "exporting everything", chromedp.Click(chromedp.CSS("#export-all")))
	date := today.Format(data.DateLayout)
	raw := waitDownload(t, dir, store.BackupFileName(date))
	b, err := store.DecodeBackup(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatalf("the exported backup does not read back: %v", err)
	}
	if len(b.Records) != 4 {
		t.Errorf("the exported backup holds %d sessions, want 4", len(b.Records))
	}
	waitFor(t, tb, `document.querySelector("#last-backup").textContent.includes("with 4 sessions")`, "the last backup is shown")
	if got := text(t, tb, "#last-backup"); got != fmt.Sprintf("Last backup: %s, with 4 sessions.", today.Format("Mon 2 Jan 2006")) {
		t.Errorf("last backup %q", got)
	}
	if eval[bool](t, tb, `document.querySelector("#backup-due") !== null`) {
		t.Error("a backup is still suggested just after one was made")
	}
	tb.do(t, "exporting CSV", chromedp.Click(chromedp.CSS("#export-csv")))
	csv := waitDownload(t, dir, store.HistoryCSVFileName(date))
	if !strings.HasPrefix(string(csv), "\uFEFFdate,time,zone") {
		t.Errorf("the CSV starts %q, want a byte order mark and the header", csv[:min(len(csv), 40)])
	}
	if strings.Count(string(csv), "\r\n") != 5 {
		t.Errorf("the CSV has %d lines, want a header and 4 sessions", strings.Count(string(csv), "\r\n"))
	}
	fullShot(t, tb, "history-imported-390x844")
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

func TestHistoryFollowsImportInAnotherTab(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	here := e2eRecord(t, today, "07:30", true, nil, nil, "")
	a := historyTab(t)
	seedHistory(t, a, h.base, []data.Record{here})
	b := historyConfig(t, a.sibling(t))
	b.open(t, h.base, "/history")
	waitText(t, b, "#total-sessions", "1 (1 complete)")
	if eval[bool](t, b, `document.querySelector("#other-tab") !== null`) {
		t.Fatal("tab B says it was updated before anything happened")
	}

	file := writeFile(t, "other.json", encodeBackup(t,
		e2eRecord(t, today.AddDate(0, 0, -1), "07:30", true, nil, nil, "Imported in tab A"),
		e2eRecord(t, today.AddDate(0, 0, -2), "07:30", true, nil, nil, ""),
	))
	a.do(t, "choosing the backup in tab A", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
	waitFor(t, a, `document.querySelector("#import-preview") !== null`, "tab A shows the preview")
	a.do(t, "importing in tab A", chromedp.Click(chromedp.CSS("#import-confirm")))
	waitText(t, a, "#total-sessions", "3 (3 complete)")
	if eval[bool](t, a, `document.querySelector("#other-tab") !== null`) {
		t.Error("tab A says another tab updated it")
	}

	waitText(t, b, "#other-tab", "Updated from another tab.")
	waitText(t, b, "#total-sessions", "3 (3 complete)")
	waitText(t, b, "#streak-current", "3 days")
	if got := text(t, b, "#recent"); !strings.Contains(got, "Imported in tab A") {
		t.Errorf("tab B does not list the imported sessions: %q", got)
	}
	screenshot(t, b, "history-other-tab-390x844")
}
