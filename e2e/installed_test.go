package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// What an installed app adds: shortcuts, sharing the backup, the badge and
// launches taken while a session runs.

// inject runs script in tb before the scripts of every page it loads.
func inject(t *testing.T, tb *tab, script string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		t.Fatalf("injecting a script: %v", err)
	}
}

// checkShortcutScreen checks that tb, opened at a shortcut's URL, shows what
// the shortcut promises: a routine's ready screen (its name, Start or the
// safety advice before the first session, no session running) or the
// history.
func checkShortcutScreen(t *testing.T, tb *tab, url string) {
	t.Helper()
	if id, ok := strings.CutPrefix(url, "/session/"); ok {
		r, found := data.FindRoutine(data.DefaultCatalogue(), id)
		if !found {
			t.Fatalf("shortcut %s: no such routine", url)
		}
		untilShown(t, tb, `document.getElementById("start") || document.getElementById("safety-accept")`,
			url+": neither Start nor the safety advice")
		if got := text(t, tb, "h1"); got != r.Name {
			t.Errorf("%s: the ready screen is titled %q, want %q", url, got, r.Name)
		}
		if eval[bool](t, tb, `document.querySelector(".player.running") !== null`) {
			t.Errorf("%s: a session started by itself", url)
		}
		return
	}
	waitFor(t, tb, `document.querySelector("h1") && document.querySelector("h1").textContent.trim() === "Your history"`,
		url+" shows the history")
}

// TestShortcutsOpenTheirScreens opens each shortcut the manifest names, as
// the home-screen icon's menu would, online and then with the server gone:
// each opens its routine's ready screen (or the history), and its icon
// comes from the service worker's cache.
func TestShortcutsOpenTheirScreens(t *testing.T) {
	h := setup(t)
	m := fetchManifest(t, h)
	if len(m.Shortcuts) == 0 {
		t.Fatal("the manifest has no shortcuts")
	}
	online := newTab(t)
	online.open(t, h.base, "/")
	online.waitControlled(t)
	for _, s := range m.Shortcuts {
		tb := online.sibling(t)
		tb.open(t, h.base, s.URL)
		checkShortcutScreen(t, tb, s.URL)
	}
	goOffline(t, h)
	for _, s := range m.Shortcuts {
		tb := online.sibling(t)
		tb.open(t, h.base, s.URL)
		checkShortcutScreen(t, tb, s.URL)
		for _, ic := range s.Icons {
			if st := eval[int](t, tb, `fetch(`+jsString(ic.Src)+`).then(r => r.status, () => 0)`); st != http.StatusOK {
				t.Errorf("offline, the icon %s gives status %d", ic.Src, st)
			}
		}
		if exc := tb.exceptions(); len(exc) > 0 {
			t.Errorf("%s offline: uncaught exceptions:\n%s", s.URL, strings.Join(exc, "\n"))
		}
	}
}

// shareStub replaces navigator.canShare and navigator.share. canShare says
// what window.__canShare says (CAN_SHARE at first) for one File; share
// records each file (name, type, text) in window.__shares, then resolves,
// or rejects as the person cancelling (window.__shareEnd = "abort") or the
// browser refusing ("refuse") would.
const shareStub = `(() => {
	window.__canShare = CAN_SHARE;
	window.__shares = [];
	window.__shareEnd = "ok";
	Object.defineProperty(navigator, "canShare", {configurable: true, value: (d) =>
		window.__canShare && !!d && Array.isArray(d.files) && d.files.length === 1 && d.files[0] instanceof File});
	Object.defineProperty(navigator, "share", {configurable: true, value: async (d) => {
		const f = d.files[0];
		window.__shares.push({name: f.name, type: f.type, text: await f.text()});
		if (window.__shareEnd === "abort") throw new DOMException("Share canceled", "AbortError");
		if (window.__shareEnd === "refuse") throw new DOMException("Permission denied", "NotAllowedError");
	}});
})();`

// sharedFile is one file given to the stubbed navigator.share.
type sharedFile struct{ Name, Type, Text string }

func shares(t *testing.T, tb *tab) []sharedFile {
	t.Helper()
	var out []sharedFile
	if err := json.Unmarshal([]byte(eval[string](t, tb, `JSON.stringify(window.__shares || [])`)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// shareTab opens the history, with one session in it, in a tab whose share
// sheet takes files when canShare.
func shareTab(t *testing.T, canShare bool) *tab {
	t.Helper()
	h := setup(t)
	tb := historyTab(t)
	inject(t, tb, strings.Replace(shareStub, "CAN_SHARE", fmt.Sprint(canShare), 1))
	seedHistory(t, tb, h.base, []data.Record{e2eRecord(t, historyToday(t), "07:30", true, nil, nil, "")})
	untilShown(t, tb, `document.getElementById("export-all")`, "no Export everything")
	// History grows as it draws what it read; a tap aimed at Share before
	// then can land where the button was.
	drawn(t, tb)
	return tb
}

// TestShareBackup: where the share sheet takes files, Share sits beside
// each export and hands it the file, named and typed as the download is;
// cancelling says nothing; a refusal says why. Elsewhere only the exports
// show.
func TestShareBackup(t *testing.T) {
	setup(t)
	today := historyToday(t).Format(data.DateLayout)
	tb := shareTab(t, true)

	click(t, tb, "#share-all")
	waitFor(t, tb, `window.__shares.length === 1`, "the backup is shared")
	got := shares(t, tb)[0]
	if want := store.BackupFileName(today); got.Name != want || got.Type != "application/json" {
		t.Errorf("shared %q of type %q, want %q, application/json", got.Name, got.Type, want)
	}
	if b, err := store.DecodeBackup(strings.NewReader(got.Text)); err != nil || len(b.Records) != 1 {
		t.Errorf("the shared backup does not load with its session: %v", err)
	}
	waitFor(t, tb, `(document.getElementById("export-done") || {}).textContent === "Sent `+store.BackupFileName(today)+` to the share sheet's choice."`,
		"the panel says the backup went")
	if !strings.Contains(text(t, tb, "#last-backup"), "1 session") {
		t.Errorf("after sharing, the last backup reads %q", text(t, tb, "#last-backup"))
	}

	eval[bool](t, tb, `(window.__shareEnd = "abort", true)`)
	click(t, tb, "#share-csv")
	waitFor(t, tb, `window.__shares.length === 2`, "the CSV is offered to the share sheet")
	got = shares(t, tb)[1]
	if want := store.HistoryCSVFileName(today); got.Name != want || got.Type != "text/csv" || !strings.Contains(got.Text, "Knee-to-chest stretch") {
		t.Errorf("shared %q of type %q (%d bytes), want %q, text/csv, with the session", got.Name, got.Type, len(got.Text), want)
	}
	time.Sleep(300 * time.Millisecond)
	if e := text(t, tb, "#export-error"); e != "" {
		t.Errorf("cancelling the share shows an error: %q", e)
	}

	eval[bool](t, tb, `(window.__shareEnd = "refuse", true)`)
	click(t, tb, "#share-all")
	waitFor(t, tb, `document.getElementById("export-error") !== null`, "a refused share says so")
	if e := text(t, tb, "#export-error"); !strings.Contains(e, "could not be shared") || !strings.Contains(e, "Permission denied") {
		t.Errorf("a refused share says %q", e)
	}
	screenshot(t, tb, "history-share-390x844")

	no := shareTab(t, false)
	if eval[bool](t, no, `document.querySelector("#share-all, #share-csv") !== null`) {
		t.Error("Share is offered where the share sheet takes no files")
	}
	if !eval[bool](t, no, `document.getElementById("export-csv") !== null`) {
		t.Error("no Export history as CSV where Share is not offered")
	}

	// This Chromium as it is: Share shows exactly when it can share a file.
	plain := newTab(t)
	seedHistory(t, plain, env.base, []data.Record{e2eRecord(t, historyToday(t), "07:30", true, nil, nil, "")})
	untilShown(t, plain, `document.getElementById("export-all")`, "no Export everything")
	can := eval[bool](t, plain, `!!(navigator.canShare && navigator.share &&
		navigator.canShare({files: [new File(["{}"], "b.json", {type: "application/json"})]}))`)
	if shown := eval[bool](t, plain, `document.getElementById("share-all") !== null`); shown != can {
		t.Errorf("Share shown %v where navigator.canShare says %v", shown, can)
	}
}

// badgeStub records navigator.setAppBadge and clearAppBadge in
// window.__badge: the count, or "clear".
const badgeStub = `(() => {
	window.__badge = [];
	Object.defineProperty(navigator, "setAppBadge", {configurable: true,
		value: (n) => { window.__badge.push(n === undefined ? "dot" : String(n)); return Promise.resolve(); }});
	Object.defineProperty(navigator, "clearAppBadge", {configurable: true,
		value: () => { window.__badge.push("clear"); return Promise.resolve(); }});
})();`

// waitBadge waits until the badge was last set to want.
func waitBadge(t *testing.T, tb *tab, want, when string) {
	t.Helper()
	waitFor(t, tb, `window.__badge.length > 0 && window.__badge[window.__badge.length - 1] === `+jsString(want),
		fmt.Sprintf("%s the badge reads %s (calls: %s)", when, want, eval[string](t, tb, `JSON.stringify(window.__badge)`)))
}

// TestBadgeCountsTodaysSessionsLeft: at launch the icon's badge says both of
// today's sessions are left; after a whole routine, one (one exercise on its
// own is not one of the day's sessions, as Home's Today says); switched off
// in Settings it is cleared, and switched on it comes back.
func TestBadgeCountsTodaysSessionsLeft(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	inject(t, tb, badgeStub)
	recordCues(t, tb)
	tb.open(t, h.base, "/")
	waitBadge(t, tb, "2", "at launch with nothing done,")

	tb.open(t, h.base, "/session/"+data.Short)
	runToTheEnd(t, tb)
	waitBadge(t, tb, "1", "after a whole routine")

	set := tb.sibling(t)
	inject(t, set, badgeStub)
	set.open(t, h.base, "/settings")
	waitBadge(t, set, "1", "at the next launch")
	click(t, set, "#set-badge")
	waitBadge(t, set, "clear", "switched off,")
	if savedSettings(t, set).Badge {
		t.Error("the badge switch was not saved off")
	}
	click(t, set, "#set-badge")
	waitBadge(t, set, "1", "switched on again,")
}

// launchStub stands in for window.launchQueue, which only an installed
// app's window has: the app's consumer lands in window.__launch, which a test
// calls as the browser would on a launch with launch_handler focus-existing.
const launchStub = `Object.defineProperty(window, "launchQueue", {configurable: true,
	value: {setConsumer: (f) => { window.__launch = f; }}});`

// launch delivers a launch of path to the app in tb.
func launch(t *testing.T, tb *tab, path string) {
	t.Helper()
	waitFor(t, tb, `typeof window.__launch === "function"`, "the app takes launches")
	eval[bool](t, tb, `(window.__launch({targetURL: location.origin + `+jsString(path)+`}), true)`)
}

// TestShortcutDuringSessionKeepsIt: a shortcut opened while a session runs
// (with focus-existing, a launch into the open window) leaves the session
// running and offers the shortcut's routine when it ends; with no session
// running the launch opens the routine's ready screen.
func TestShortcutDuringSessionKeepsIt(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	inject(t, tb, launchStub)
	recordCues(t, tb)
	tb.open(t, h.base, "/")
	launch(t, tb, "/session/"+data.Morning)
	waitFor(t, tb, `location.pathname === "/session/morning"`, "a launch from home opens the routine")
	checkShortcutScreen(t, tb, "/session/"+data.Morning)

	pressStart(t, tb)
	advance(t, tb, 3*time.Second)
	title, before := text(t, tb, "#step-title"), atoi(text(t, tb, "#count"))
	launch(t, tb, "/session/"+data.Evening)
	advance(t, tb, 5*time.Second)
	if got := eval[string](t, tb, `location.pathname`); got != "/session/morning" {
		t.Errorf("after the launch the address is %s, want /session/morning", got)
	}
	if !eval[bool](t, tb, `document.querySelector(".player.running") !== null`) {
		t.Fatalf("the running session is gone: %q", text(t, tb, "main"))
	}
	// Five seconds on, the same session is five seconds further: not
	// started again.
	if got, after := text(t, tb, "#step-title"), atoi(text(t, tb, "#count")); got != title || before-after < 4 || before-after > 6 {
		t.Errorf("5 s after the launch the session shows %q at %d; before it, %q at %d", got, after, title, before)
	}
	notice := text(t, tb, ".player.running .notice")
	if !strings.Contains(notice, "Start Evening routine") {
		t.Errorf("the running session does not say what comes after it: %q", notice)
	}
	screenshot(t, tb, "launch-during-session")

	act(t, tb, "ending", chromedp.Click(chromedp.CSS("#end")))
	act(t, tb, "confirming", chromedp.Click(chromedp.CSS("#confirm-end")))
	untilShown(t, tb, `document.getElementById("next-up")`, "the finished screen offers nothing next")
	if got := text(t, tb, "#next-up"); got != "Start Evening routine" {
		t.Errorf("next up reads %q", got)
	}
	if got := eval[string](t, tb, `document.getElementById("next-up").getAttribute("href")`); got != "/session/evening" {
		t.Errorf("next up goes to %q", got)
	}
	act(t, tb, "starting what comes next", chromedp.Click(chromedp.CSS("#next-up")))
	waitFor(t, tb, `location.pathname === "/session/evening"`, "next up opens the evening routine")
	checkShortcutScreen(t, tb, "/session/"+data.Evening)
}
