package e2e

import (
	"fmt"
	"testing"

	"unknot/data"
	"unknot/data/store"
)

// How the screens lay out: with larger text on a narrow phone, and on a
// desktop's width.

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
			screenshot(t, tb, fmt.Sprintf("larger-text-ready-%dx640", w))
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
			screenshot(t, tb, fmt.Sprintf("larger-text-running-%dx640", w))
		})
	}
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
