package e2e

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// storedSettings is the text the data layer stores for s.
func storedSettings(t *testing.T, s data.Settings) string {
	t.Helper()
	return storedText(t, store.SettingsKey, func(st store.Storage) error { return store.SaveSettings(st, s) })
}

// controlRects returns where the running player's controls are, by id.
func controlRects(t *testing.T, tb *tab) map[string][4]float64 {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify(Object.fromEntries(
		[...document.querySelectorAll("#player .controls .button")].map((b) => {
			const r = b.getBoundingClientRect();
			return [b.id, [r.left, r.top, r.right, r.bottom].map((v) => Math.round(v * 10) / 10)];
		})))`)
	var out map[string][4]float64
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPlayerControlsStayPut runs the morning routine at the sizes of the
// walk-through: at every step Back, Pause, Skip and End are inside the
// screen, in the same place as at the first step.
func TestPlayerControlsStayPut(t *testing.T) {
	h := setup(t)
	sizes := []struct {
		name   string
		w, h   int64
		mobile bool
		large  bool
	}{
		{"320x568", 320, 568, true, false},
		{"375x667", 375, 667, true, false},
		{"390x844-large", 390, 844, true, true},
		{"320x568-large", 320, 568, true, true},
		{"1280x800", 1280, 800, false, false},
	}
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			tb := startMorningAt(t, h, sz.w, sz.h, sz.mobile, sz.large, "")
			if sz.large && !eval[bool](t, tb, `document.documentElement.dataset.text === "large"`) {
				t.Fatal("larger text is not on")
			}
			first := controlRects(t, tb)
			for _, id := range []string{"back", "pause", "skip", "end"} {
				r, ok := first[id]
				if !ok {
					t.Fatalf("no #%s in the controls: %v", id, first)
				}
				if r[0] < 0 || r[1] < 0 || r[2] > float64(sz.w) || r[3] > float64(sz.h) {
					t.Errorf("#%s at %v is not inside the %dx%d screen", id, r, sz.w, sz.h)
				}
			}
			screenshot(t, tb, "player-"+sz.name)
			seen := map[string]bool{}
			for step := 1; step <= 14; step++ {
				click(t, tb, "#skip")
				time.Sleep(150 * time.Millisecond)
				title := text(t, tb, "#step-title") + " / " + text(t, tb, "#instruction")
				seen[title] = true
				if got := controlRects(t, tb); fmt.Sprint(got) != fmt.Sprint(first) {
					t.Errorf("step %d (%s): the controls moved from %v to %v", step, title, first, got)
					break
				}
			}
			if len(seen) < 5 {
				t.Errorf("skipping went through only %d different steps: %v", len(seen), seen)
			}
			if y := eval[float64](t, tb, `window.scrollY`); y != 0 {
				t.Errorf("the page scrolled to %v during the session", y)
			}
		})
	}
}

// startMorningAt opens a tab w×h (a phone's, with touch, when mobile),
// with larger text or not and in the theme given (empty: the system's),
// and starts the morning routine, the safety advice accepted.
func startMorningAt(t *testing.T, h *harness, w, ht int64, mobile, large bool, theme string) *tab {
	t.Helper()
	tb := sizedTab(t, w, ht, mobile)
	if theme != "" {
		colourScheme(t, tb, theme)
	}
	recordCues(t, tb)
	tb.open(t, h.base, "/")
	s := data.DefaultSettings()
	s.LargeText, s.SafetyAccepted = large, true
	setItem(t, tb, store.SettingsKey, storedSettings(t, s))
	tb.open(t, h.base, "/session/"+data.Morning)
	pressStart(t, tb)
	waitFor(t, tb, `!!document.getElementById("pause")`, "the session runs")
	return tb
}
