package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"testing"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// TestChosenThemesLookLikeTheSystemOnes: a theme chosen in Settings draws
// the very pixels of the system's own, on a phone, on Home and on a History
// with ten weeks of sessions. The dark theme chosen on a light system (or a
// dark one) is the system's dark mode, the light theme chosen on a dark
// system is a light system's page, and dark is not light.
func TestChosenThemesLookLikeTheSystemOnes(t *testing.T) {
	h := setup(t)
	recs := sampleHistory(t, historyToday(t))
	for _, path := range []string{"/", "/history"} {
		t.Run(path, func(t *testing.T) {
			shot := func(system, chosen string) image.Image {
				t.Helper()
				return themeShot(t, h, path, system, chosen, recs)
			}
			light, dark := shot("light", data.ThemeSystem), shot("dark", data.ThemeSystem)
			if samePixels(light, dark) {
				t.Fatalf("%s: the system's dark mode draws the light page", path)
			}
			for _, c := range []struct {
				system, chosen string
				want           image.Image
				name           string
			}{
				{"light", data.ThemeDark, dark, "the system's dark mode"},
				{"dark", data.ThemeDark, dark, "the system's dark mode"},
				{"dark", data.ThemeLight, light, "a light system's page"},
			} {
				if got := shot(c.system, c.chosen); !samePixels(got, c.want) {
					t.Errorf("%s: the %s theme chosen on a %s system differs from %s (screenshots/%s.png)",
						path, c.chosen, c.system, c.name, themeShotName(path, c.system, c.chosen))
				}
			}
		})
	}
}

// themeShotName names the screenshot of path with the system's colour
// scheme and the theme chosen in Settings.
func themeShotName(path, system, chosen string) string {
	page := map[string]string{"/": "home", "/history": "history"}[path]
	return fmt.Sprintf("theme-%s-system-%s-chosen-%s-375x667", page, system, chosen)
}

// themeShot opens path in a fresh 375×667 phone tab whose system colour
// scheme is system, with the theme chosen in Settings and (for /history)
// recs stored, and returns the whole page once drawn, as a screenshot it
// also keeps.
func themeShot(t *testing.T, h *harness, path, system, chosen string, recs []data.Record) image.Image {
	t.Helper()
	tb := historyConfig(t, newTab(t))
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
	colourScheme(t, tb, system)
	tb.open(t, h.base, "/")
	s := data.DefaultSettings()
	s.Theme, s.SafetyAccepted = chosen, true
	setItem(t, tb, store.SettingsKey, storedSettings(t, s))
	if path == "/history" {
		setItem(t, tb, store.HistoryKey, storedHistory(t, recs))
	}
	tb.open(t, h.base, path)
	drawn(t, tb)
	// The figures move into their pose once drawn: wait until every
	// transition and animation has ended.
	eval[bool](t, tb, `Promise.all(document.getAnimations().map((a) => a.finished)).then(() => true)`)
	b := fullShot(t, tb, themeShotName(path, system, chosen))
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	return img
}

// samePixels reports whether a and b are the same size with the same
// colour at every pixel.
func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, aa := a.At(x, y).RGBA()
			br, bg, bb, ba := b.At(x, y).RGBA()
			if ar != br || ag != bg || ab != bb || aa != ba {
				return false
			}
		}
	}
	return true
}
