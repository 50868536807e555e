//go:build !wasm

package ui

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

// Every drawn part of a figure stands out from whatever it is drawn on by
// 3:1 or more (WCAG's minimum for graphics a person needs to understand),
// in the light theme and the dark one. A figure sits on the page, on a
// card, or (lying down) on the mat; the L and R letters sit on an accent
// disc, and being text they need 4.5:1.
func TestFigureContrast(t *testing.T) {
	parts := map[string]string{
		"--fig-body":       "head, trunk and near limbs",
		"--fig-far":        "far limbs",
		"--fig-accent":     "the limb that moves",
		"--fig-accent-far": "the moving limb on the far side",
		"--fig-mark":       "arrows",
	}
	grounds := map[string]string{
		"--bg":      "the page",
		"--surface": "a card",
		"--fig-bg":  "the figure's own ground",
		"--fig-mat": "the mat",
	}
	for theme, block := range themeBlocks(t) {
		colour := func(name string) string {
			m := regexp.MustCompile(regexp.QuoteMeta(name) + `:\s*(#[0-9a-fA-F]{3,6})\s*;`).FindStringSubmatch(block)
			if m == nil {
				t.Fatalf("%s: no hex value for %s", theme, name)
			}
			return m[1]
		}
		for part, what := range parts {
			for ground, on := range grounds {
				fg, bg := colour(part), colour(ground)
				if r := contrastRatio(t, fg, bg); r < 3 {
					t.Errorf("%s theme: %s (%s %s) on %s (%s %s): contrast %.2f:1, want 3:1 or more",
						theme, what, part, fg, on, ground, bg, r)
				}
			}
		}
		ink, disc := colour("--fig-badge-ink"), colour("--fig-accent")
		if r := contrastRatio(t, ink, disc); r < 4.5 {
			t.Errorf("%s theme: the L/R letter %s on its disc %s: contrast %.2f:1, want 4.5:1 or more", theme, ink, disc, r)
		}
	}
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21},
		{"#fff", "#fff", 1},
		{"#767676", "#fff", 4.54}, // the well-known lightest grey for text on white
		{"#949494", "#fff", 3.03},
	} {
		if got := contrastRatio(t, c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrastRatio(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// contrastRatio is WCAG 2's contrast between two #rgb or #rrggbb colours.
func contrastRatio(tb testing.TB, a, b string) float64 {
	tb.Helper()
	la, lb := luminance(tb, a), luminance(tb, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(tb testing.TB, hex string) float64 {
	tb.Helper()
	h := hex[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		tb.Fatalf("%q is not a hex colour", hex)
	}
	var ch [3]float64
	for i := range ch {
		v, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		if err != nil {
			tb.Fatalf("%q is not a hex colour", hex)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}
