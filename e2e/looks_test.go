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

// TestScreensInEveryLook takes screenshots of the screens, at a phone's size
// and a desktop's, light and dark, for people to look at: the reading pages
// and the player's first steps, then the routines, History's editor, the
// page for an unknown address and the player to an early end. It fails
// only when a screen does not open or shows what it must not.
func TestScreensInEveryLook(t *testing.T) {
	h := setup(t)
	t.Run("reading and starting", func(t *testing.T) {
		inEveryLook(t, "look", func(t *testing.T, tb *tab, name func(string) string) {
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
	})
	// Each part has tabs of its own: both run the player on virtual time,
	// which stands still in a tab once its budget has run out.
	t.Run("records and the player", func(t *testing.T) {
		inEveryLook(t, "look", func(t *testing.T, tb *tab, name func(string) string) {
			today := historyToday(t)
			tb.open(t, h.base, "/")
			setItem(t, tb, store.HistoryKey, storedHistory(t, []data.Record{
				e2eRecord(t, today.AddDate(0, 0, -1), "07:30", true, data.PainScore(5), data.PainScore(3), "stiff"),
				e2eRecord(t, today, "07:40", true, nil, nil, ""),
			}))
			s := data.DefaultSettings()
			s.SafetyAccepted = true
			setItem(t, tb, store.SettingsKey, storedSettings(t, s))

			tb.open(t, h.base, "/routines")
			fullShot(t, tb, name("routines"))
			tb.open(t, h.base, "/history")
			waitFor(t, tb, `!!document.querySelector("#recent .session-actions button")`, "History lists sessions")
			eval[bool](t, tb, `(document.querySelector("#recent .session-actions button").click(), true)`)
			waitFor(t, tb, `!!document.getElementById("edit-note")`, "the editor opens")
			eval[bool](t, tb, `(document.getElementById("recent").scrollIntoView(), true)`)
			screenshot(t, tb, name("history-edit"))
			tb.open(t, h.base, "/no/such/page")
			screenshot(t, tb, name("not-found"))
			tb.open(t, h.base, "/session/"+data.Morning)
			untilShown(t, tb, `document.getElementById("start")`, "no Start")
			fullShot(t, tb, name("ready"))
			pressStart(t, tb)
			advance(t, tb, 25*time.Second)
			screenshot(t, tb, name("running"))
			endNow(t, tb)
			waitFor(t, tb, `!!document.getElementById("finished-title")`, "the finished screen")
			fullShot(t, tb, name("finished-ended"))
		})
	})
}
