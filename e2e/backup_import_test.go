package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

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

	// A backup made in tab A is tab B's last backup too.
	if got := text(t, b, "#backup"); strings.Contains(got, "Last backup:") {
		t.Fatalf("tab B names a last backup before any: %q", got)
	}
	dir := allowDownloads(t, a)
	a.do(t, "exporting everything in tab A", chromedp.Click(chromedp.CSS("#export-all")))
	waitDownload(t, dir, store.BackupFileName(today.Format(data.DateLayout)))
	waitText(t, b, "#last-backup", fmt.Sprintf("Last backup: %s, with 3 sessions.", today.Format("Mon 2 Jan 2006")))
}
