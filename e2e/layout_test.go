package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// sizedTab is a new tab at w×h, as a phone with touch when mobile.
func sizedTab(t *testing.T, w, h int64, mobile bool) *tab {
	t.Helper()
	tb := newTab(t)
	if mobile {
		tb.do(t, "emulating a phone", chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulateTouch))
	} else {
		tb.do(t, "sizing the window", chromedp.EmulateViewport(w, h))
	}
	return tb
}

// inEveryLook runs fn in a subtest for each look people see the app in:
// light and dark, on a 375×667 phone with touch and a 1280×800 desktop.
// name gives a screenshot's name: prefix, screen, size and theme.
func inEveryLook(t *testing.T, prefix string, fn func(t *testing.T, tb *tab, name func(screen string) string)) {
	for _, theme := range []string{"light", "dark"} {
		for _, size := range []struct {
			name   string
			w, h   int64
			mobile bool
		}{{"375x667", 375, 667, true}, {"1280x800", 1280, 800, false}} {
			t.Run(theme+"-"+size.name, func(t *testing.T) {
				tb := sizedTab(t, size.w, size.h, size.mobile)
				colourScheme(t, tb, theme)
				recordCues(t, tb)
				fn(t, tb, func(screen string) string { return fmt.Sprintf("%s-%s-%s-%s", prefix, screen, size.name, theme) })
			})
		}
	}
}

// keepSettings stores s in tb's profile (the page must be the app's).
func keepSettings(t *testing.T, tb *tab, base string, s data.Settings) {
	t.Helper()
	tb.open(t, base, "/")
	setItem(t, tb, store.SettingsKey, storedSettings(t, s))
}

// lineCount is how many lines the text of the element selector finds takes
// on screen, or -1 when there is no such element.
func lineCount(t *testing.T, tb *tab, selector string) int {
	t.Helper()
	return eval[int](t, tb, fmt.Sprintf(`((e) => {
		if (!e) return -1;
		const r = document.createRange(); r.selectNodeContents(e);
		const tops = new Set();
		for (const q of r.getClientRects()) if (q.width > 0) tops.add(Math.round(q.top));
		return tops.size;
	})(document.querySelector(%q))`, selector))
}

// With larger text on a narrow phone the navigation stays one row of
// whole words, "← Home" and the player's "← Back" stay on one line, and
// nothing is wider than the screen.
func TestLargerTextKeepsNavigationOnOneLine(t *testing.T) {
	h := setup(t)
	for _, w := range []int64{320, 375, 500} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := sizedTab(t, w, 640, true)
			s := data.DefaultSettings()
			s.LargeText, s.SafetyAccepted = true, true
			keepSettings(t, tb, h.base, s)
			for _, path := range []string{"/", "/routines", "/history", "/settings", "/safety", "/symptoms",
				"/exercise/" + data.CatStretch, "/session/" + data.Morning} {
				tb.open(t, h.base, path)
				waitFor(t, tb, `document.documentElement.dataset.text === "large"`, "larger text applies")
				rows := eval[int](t, tb, `new Set([...document.querySelectorAll(".site-nav a")].map(a => Math.round(a.getBoundingClientRect().top))).size`)
				if rows != 1 {
					t.Errorf("%s at %d px: the navigation takes %d rows, want 1", path, w, rows)
				}
				for i := 1; i <= eval[int](t, tb, `document.querySelectorAll(".site-nav a").length`); i++ {
					if n := lineCount(t, tb, fmt.Sprintf(".site-nav a:nth-child(%d)", i)); n != 1 {
						t.Errorf("%s at %d px: navigation link %d (%q) takes %d lines", path, w, i,
							text(t, tb, fmt.Sprintf(".site-nav a:nth-child(%d)", i)), n)
					}
				}
				if n := lineCount(t, tb, ".home-link"); n > 1 {
					t.Errorf("%s at %d px: %q takes %d lines", path, w, text(t, tb, ".home-link"), n)
				}
				if over := eval[float64](t, tb, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
					t.Errorf("%s at %d px: the page is %v px wider than the screen", path, w, over)
				}
			}
			screenshot(t, tb, fmt.Sprintf("walk2-ready-large-%dx640", w))
			pressStart(t, tb)
			waitFor(t, tb, `!!document.getElementById("back")`, "the session runs")
			if n := lineCount(t, tb, "#back"); n != 1 {
				t.Errorf("at %d px the player's %q takes %d lines", w, text(t, tb, "#back"), n)
			}
			// Pause keeps room for its word, whatever the buttons around it say.
			if room := eval[float64](t, tb, `((e) => e.clientWidth - e.scrollWidth)(document.getElementById("pause"))`); room < 0 {
				t.Errorf("at %d px Pause is %v px too narrow for its word", w, -room)
			}
			if pw := eval[float64](t, tb, `document.getElementById("pause").getBoundingClientRect().width`); pw < 80 {
				t.Errorf("at %d px Pause is %v px wide, want 80 or more", w, pw)
			}
			screenshot(t, tb, fmt.Sprintf("walk2-running-large-%dx640", w))
		})
	}
}

// The emergency and helpline numbers call with one tap, and their words
// read as before.
func TestEmergencyNumbersCall(t *testing.T) {
	h := setup(t)
	tb := sizedTab(t, 375, 667, true)
	tb.open(t, h.base, "/safety")
	waitFor(t, tb, `!!document.getElementById("page-emergency")`, "the safety page")
	for _, n := range []string{"999", "112", "911"} {
		if got := text(t, tb, `#page-emergency a[href="tel:`+n+`"]`); got != n {
			t.Errorf("the emergency box's link to tel:%s reads %q", n, got)
		}
	}
	if got := text(t, tb, `#page-urgent a[href="tel:111"]`); got != "111" {
		t.Errorf("the urgent box's link to tel:111 reads %q", got)
	}
	if got := text(t, tb, "#page-emergency p"); !strings.HasPrefix(got, "Call 999 (UK), 112 (Europe) or 911 (US and Canada), or go to an emergency department") {
		t.Errorf("the emergency words read %q", got)
	}
	// The source article, linked from Home's routines, is named there.
	click(t, tb, `.site-nav a[href="/"]`)
	waitFor(t, tb, `!!document.querySelector('a[href="/safety#source"]')`, "Home links the source article")
	click(t, tb, `a[href="/safety#source"]`)
	waitFor(t, tb, `!!document.getElementById("source") && document.getElementById("source").getBoundingClientRect().top < window.innerHeight`, "the link opens the source section in view")
	// The gate before a first session calls too.
	tb.open(t, h.base, "/session/"+data.KneeToChest)
	untilShown(t, tb, `document.getElementById("safety-gate")`, "no safety gate on a fresh profile")
	if got := eval[int](t, tb, `document.querySelectorAll('#safety-gate a[href^="tel:"]').length`); got != 3 {
		t.Errorf("the safety gate has %d tap-to-call links, want 3", got)
	}
}

// A file chosen for import stays named in the picker while its preview
// shows, instead of "No file chosen"; Cancel clears it, and choosing the
// same file again reads it again.
func TestChosenFileStaysNamed(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	tb := historyTab(t)
	seedHistory(t, tb, h.base, []data.Record{e2eRecord(t, today, "07:30", true, nil, nil, "")})
	file := writeFile(t, "old-phone.json", encodeBackup(t, e2eRecord(t, today.AddDate(0, 0, -3), "07:30", true, nil, nil, "")))
	chosen := `((f) => f.files.length === 1 ? f.files[0].name : "")(document.getElementById("backup-file"))`
	for round := 1; round <= 2; round++ {
		// A person's click on the picker first.
		eval[bool](t, tb, `(document.getElementById("backup-file").dispatchEvent(new MouseEvent("click")), true)`)
		tb.do(t, "choosing the file", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
		waitFor(t, tb, `document.querySelector("#import-preview") !== null`, fmt.Sprintf("the preview shows (choice %d)", round))
		if got := eval[string](t, tb, chosen); got != "old-phone.json" {
			t.Errorf("choice %d: with the preview up the picker names %q, want old-phone.json", round, got)
		}
		if round == 1 {
			eval[bool](t, tb, `(document.querySelector("#import-title").scrollIntoView(), true)`)
			screenshot(t, tb, "walk2-import-chosen-390x844")
			click(t, tb, "#import-cancel")
			waitFor(t, tb, `document.querySelector("#import-preview") === null`, "Cancel closes the preview")
			if got := eval[string](t, tb, chosen); got != "" {
				t.Errorf("after Cancel the picker still names %q", got)
			}
		}
	}
}

// TestWalk2Screens takes screenshots of the screens this work changed, at
// a phone's size and a desktop's, light and dark, for people to look at.
func TestWalk2Screens(t *testing.T) {
	h := setup(t)
	inEveryLook(t, "walk2", func(t *testing.T, tb *tab, name func(string) string) {
		s := data.DefaultSettings()
		s.SafetyAccepted = true
		keepSettings(t, tb, h.base, s)
		tb.open(t, h.base, "/safety")
		fullShot(t, tb, name("safety"))
		tb.open(t, h.base, "/exercise/"+data.CatStretch)
		fullShot(t, tb, name("exercise-cat"))
		tb.open(t, h.base, "/exercise/"+data.KneeToChest)
		fullShot(t, tb, name("exercise-knee"))
		tb.open(t, h.base, "/")
		fullShot(t, tb, name("home"))
		tb.open(t, h.base, "/session/"+data.KneeToChest)
		pressStart(t, tb)
		waitFor(t, tb, `!!document.getElementById("pause")`, "the session runs")
		screenshot(t, tb, name("get-ready"))
		if got := text(t, tb, "#next"); got != "" && strings.Contains(got, "Knee-to-chest") {
			t.Errorf("get ready names the exercise twice: next %q", got)
		}
		// Round 1's left hold, then the switch to the right side.
		advance(t, tb, 44*time.Second)
		time.Sleep(300 * time.Millisecond)
		screenshot(t, tb, name("switch"))
	})
}

// On a 1280×800 desktop Home, an exercise and Safety use the width: their
// lists and warning boxes stand in columns side by side, and the pictures
// are larger than a phone's.
func TestDesktopUsesTheWidth(t *testing.T) {
	h := setup(t)
	tb := sizedTab(t, 1280, 800, false)
	keepSettings(t, tb, h.base, data.DefaultSettings())
	sideBySide := func(selector string) bool {
		return eval[bool](t, tb, fmt.Sprintf(`((l) => l.length > 1 && Math.round(l[0].getBoundingClientRect().top) === Math.round(l[1].getBoundingClientRect().top))(document.querySelectorAll(%q))`, selector))
	}
	width := func(selector string) float64 {
		return eval[float64](t, tb, fmt.Sprintf(`((e) => e ? e.getBoundingClientRect().width : 0)(document.querySelector(%q))`, selector))
	}
	for _, c := range []struct {
		path, items, figure string
	}{
		{"/", "#exercise-list > li", "#exercise-list .figure"},
		{"/exercise/" + data.KneeToChest, ".positions > li", ".positions .figure"},
		{"/safety", ".red-flags > .flag-box", ""},
	} {
		tb.open(t, h.base, c.path)
		waitFor(t, tb, `!!document.querySelector(`+jsString(c.items)+`)`, c.path+" shows")
		if w := width("main.page"); w < 1000 {
			t.Errorf("%s: the page is %v px wide on a 1280 px screen, want 1000 or more", c.path, w)
		}
		if !sideBySide(c.items) {
			t.Errorf("%s: %s stand one under the other", c.path, c.items)
		}
		if c.figure != "" {
			if w := width(c.figure); w < 280 {
				t.Errorf("%s: a picture is %v px wide, want 280 or more", c.path, w)
			}
		}
		// Running text keeps a line a person can read.
		if w := width("main.page > p"); w > 760 {
			t.Errorf("%s: a paragraph runs %v px wide", c.path, w)
		}
	}
}
