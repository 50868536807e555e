package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// loadingState says what the page shows while app.wasm has not arrived: the
// loader is still there, the pre-rendered page shows through it (the point
// under <main>'s heading hits the loader layer itself, whose background is
// transparent, not its label or an opaque cover), and the progress label
// sits in the bottom part of the screen.
const loadingState = `(() => {
	const l = document.getElementById("app-wasm-loader");
	const m = document.querySelector("main");
	const h = m && m.querySelector("h1, h2");
	if (!l || !m || !h) return {loader: !!l, main: !!m, heading: !!h};
	const r = h.getBoundingClientRect();
	const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
	const bg = getComputedStyle(l).backgroundColor.match(/[\d.]+/g) || [];
	const label = document.getElementById("app-wasm-loader-label").getBoundingClientRect();
	return {
		loader: true, main: true, heading: true,
		clear: bg.length === 4 && Number(bg[3]) < 0.1,
		hitLoaderLayer: hit === l,
		labelLow: label.top > innerHeight / 2 && label.bottom <= innerHeight,
	};
})()`

// TestPreRenderedPageShowsWhileAppLoads holds app.wasm back and checks that
// the server's pre-rendered page can be read behind go-app's loader, which
// by default covers the whole screen until app.wasm runs.
func TestPreRenderedPageShowsWhileAppLoads(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	// Paused requests are never continued: app.wasm stays on its way.
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*/app.wasm*"}},
	}); err != nil {
		t.Fatalf("holding app.wasm back: %v", err)
	}
	tb.do(t, "navigating to /", chromedp.Navigate(h.base+"/"))
	type state struct {
		Loader         bool `json:"loader"`
		Main           bool `json:"main"`
		Heading        bool `json:"heading"`
		Clear          bool `json:"clear"`
		HitLoaderLayer bool `json:"hitLoaderLayer"`
		LabelLow       bool `json:"labelLow"`
	}
	got := eval[state](t, tb, loadingState)
	if !got.Loader || !got.Main || !got.Heading {
		t.Fatalf("while app.wasm loads: loader %v, pre-rendered <main> %v with a heading %v; want all three", got.Loader, got.Main, got.Heading)
	}
	if !got.Clear || !got.HitLoaderLayer {
		t.Errorf("the loader hides the pre-rendered page (transparent %v, heading under the clear layer %v)", got.Clear, got.HitLoaderLayer)
	}
	if !got.LabelLow {
		t.Error("the loading progress is not in the bottom half of the screen")
	}
	screenshot(t, tb, "loading-390x844")
}
