package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// loadingState says what the page shows while app.wasm has not arrived: the
// loader is still there, and the pre-rendered page shows through it (the
// point under <main>'s heading hits the loader layer itself, whose
// background is transparent, not its label or an opaque cover).
const loadingState = `(() => {
	const l = document.getElementById("app-wasm-loader");
	const m = document.querySelector("main");
	const h = m && m.querySelector("h1, h2");
	if (!l || !m || !h) return {loader: !!l, main: !!m, heading: !!h};
	const r = h.getBoundingClientRect();
	const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
	const bg = getComputedStyle(l).backgroundColor.match(/[\d.]+/g) || [];
	return {
		loader: true, main: true, heading: true,
		clear: bg.length === 4 && Number(bg[3]) < 0.1,
		hitLoaderLayer: hit === l,
	};
})()`

// TestPreRenderedPageShowsWhileAppLoads holds app.wasm back and checks that
// the server's pre-rendered page can be read behind go-app's loader, which
// by default covers the whole screen until app.wasm runs, and that neither
// its words nor its icon cover a link or a button.
func TestPreRenderedPageShowsWhileAppLoads(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	holdAppWasm(t, tb)
	tb.do(t, "navigating to /", chromedp.Navigate(h.base+"/"))
	type state struct {
		Loader         bool `json:"loader"`
		Main           bool `json:"main"`
		Heading        bool `json:"heading"`
		Clear          bool `json:"clear"`
		HitLoaderLayer bool `json:"hitLoaderLayer"`
	}
	got := eval[state](t, tb, loadingState)
	if !got.Loader || !got.Main || !got.Heading {
		t.Fatalf("while app.wasm loads: loader %v, pre-rendered <main> %v with a heading %v; want all three", got.Loader, got.Main, got.Heading)
	}
	if !got.Clear || !got.HitLoaderLayer {
		t.Errorf("the loader hides the pre-rendered page (transparent %v, heading under the clear layer %v)", got.Clear, got.HitLoaderLayer)
	}
	if covered := eval[[]string](t, tb, coveredControls); len(covered) > 0 {
		t.Errorf("while app.wasm loads, controls are covered: %v", covered)
	}
	screenshot(t, tb, "loading-390x844")
}
