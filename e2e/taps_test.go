package e2e

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// tapRecorder notes, in every page of the tab, when a click reached the
// page (the first listener of all), when the answer to a tap appeared, and
// every line given to the voice.
const tapRecorder = `(() => {
	window.__taps = {clicks: [], answers: [], said: 0};
	window.addEventListener("click", (e) => window.__taps.clicks.push(performance.now()), true);
	new MutationObserver(() => {
		const a = document.getElementById("loading-answer");
		if (a && (window.__taps.answers.length === 0 || window.__taps.answers[window.__taps.answers.length - 1][1] !== a.textContent)) {
			window.__taps.answers.push([performance.now(), a.textContent]);
		}
	}).observe(document, {childList: true, subtree: true, characterData: true});
	if (window.speechSynthesis) {
		const speak = speechSynthesis.speak.bind(speechSynthesis);
		speechSynthesis.speak = (u) => { window.__taps.said++; return speak(u); };
	}
})()`

// coveredControls lists the links and buttons in view whose middle is
// under anything but go-app's clear loader layer: its label, its icon, or
// anything else laid over the page while app.wasm loads.
const coveredControls = `(() => {
	const layer = document.getElementById("app-wasm-loader");
	if (!layer) return ["no loader: the app runs already"];
	const out = [];
	for (const el of document.querySelectorAll("body a[href], body button")) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
		const hit = document.elementFromPoint(x, y);
		if (hit !== layer) out.push((el.id || el.textContent.trim().slice(0, 30)) + " under " + (hit ? hit.id || hit.tagName : "nothing"));
	}
	return out;
})()`

// holdAppWasm keeps app.wasm on its way in the tab: paused requests are
// never continued, so the page stays the pre-rendering.
func holdAppWasm(t *testing.T, tb *tab) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*/app.wasm*"}},
	}); err != nil {
		t.Fatalf("holding app.wasm back: %v", err)
	}
}

// TestLoaderCoversNothing: while app.wasm loads, no link or button of the
// pre-rendered page is under the loader's label, its icon or anything but
// its clear layer, on a small phone, a large one and a desktop, on every
// route.
func TestLoaderCoversNothing(t *testing.T) {
	h := setup(t)
	for _, size := range []struct{ w, h int64 }{{320, 568}, {390, 844}, {1280, 800}} {
		for _, path := range []string{"/", "/session/morning", "/history", "/exercise/bridge"} {
			t.Run(fmt.Sprintf("%dx%d%s", size.w, size.h, path), func(t *testing.T) {
				tb := newTab(t)
				opts := []chromedp.EmulateViewportOption{}
				if size.w < 1000 {
					opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
				}
				tb.do(t, "sizing the screen", chromedp.EmulateViewport(size.w, size.h, opts...))
				holdAppWasm(t, tb)
				tb.do(t, "navigating to "+path, chromedp.Navigate(h.base+path))
				// loading.js runs with the page's deferred scripts.
				untilShown(t, tb, `document.readyState === "complete" && document.getElementById("app-wasm-loader")`, "the page did not load")
				if got := eval[[]string](t, tb, coveredControls); len(got) > 0 {
					t.Errorf("while app.wasm loads, controls are covered: %v", got)
				}
			})
		}
	}
}

// TestTapWhileLoadingIsAnswered: on a first visit over the budgets' slow
// link, a tap on the morning routine's Start at 2 s, while app.wasm is
// still on its way, is answered at once under the button, in view, with
// the routine's name and the progress; the answer counts up, and once the
// app runs it opens the routine by itself: the safety advice first, as on
// every first visit, with nothing started or said (the person taps Start
// there themselves).
func TestTapWhileLoadingIsAnswered(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.do(t, "emulating a small phone", chromedp.EmulateViewport(320, 568, chromedp.EmulateMobile, chromedp.EmulateTouch))
	watchWasm(t, tb, firstVisitLink)
	func() {
		ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
		defer cancel()
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: tapRecorder}); err != nil {
			t.Fatalf("installing the recorder: %v", err)
		}
	}()
	tb.do(t, "navigating to /", chromedp.Navigate(h.base+"/"))

	// 2 s into the visit, as the person reads Home.
	untilShown(t, tb, `document.readyState === "complete" && performance.now() >= 2000 && document.querySelector("#routine-morning a.button")`,
		"Home's Start for the morning routine")
	if !eval[bool](t, tb, `document.getElementById("app-wasm-loader") !== null`) {
		t.Fatal("the app was ready at 2 s: the link was not slow, so the tap proves nothing")
	}
	type box struct{ X, Y float64 }
	at := eval[box](t, tb, `(() => { const r = document.querySelector("#routine-morning a.button").getBoundingClientRect();
		return {x: r.left + r.width / 2, y: Math.min(r.top + r.height / 2, innerHeight - 4)}; })()`)
	tb.do(t, "tapping Start", chromedp.MouseClickXY(at.X, at.Y))

	type answer struct {
		Clicks  []float64 `json:"clicks"`
		Answers [][2]any  `json:"answers"`
		Said    int       `json:"said"`
		Loader  bool      `json:"loader"`
		InView  bool      `json:"inView"`
		InFlow  bool      `json:"inFlow"`
		Path    string    `json:"path"`
	}
	got := eval[answer](t, tb, `(() => {
		const a = document.getElementById("loading-answer");
		const r = a ? a.getBoundingClientRect() : null;
		return {...window.__taps, loader: !!document.getElementById("app-wasm-loader"), path: location.pathname,
			inView: !!r && r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.height > 0,
			inFlow: !!a && getComputedStyle(a).position === "static"};
	})()`)
	if !got.Loader {
		t.Fatal("the app became ready as the tap came: the tap proves nothing")
	}
	if len(got.Clicks) != 1 || len(got.Answers) == 0 {
		t.Fatalf("a tap on Start while app.wasm loads: %d click(s) reached the page, answers %v", len(got.Clicks), got.Answers)
	}
	first, _ := got.Answers[0][0].(float64)
	text, _ := got.Answers[0][1].(string)
	if first-got.Clicks[0] > 100 {
		t.Errorf("the tap was answered %.0f ms after it, want at once", first-got.Clicks[0])
	}
	if !regexp.MustCompile(`^Opening Morning routine when Unknot is ready: \d{1,3}%$`).MatchString(text) {
		t.Errorf("the tap was answered %q", text)
	}
	if !got.InView || !got.InFlow {
		t.Errorf("the answer is in view %v, in the page's flow %v; want both", got.InView, got.InFlow)
	}
	if got.Path != "/" {
		t.Errorf("the tap left Home for %s while app.wasm loads: the download starts again", got.Path)
	}
	screenshot(t, tb, "tap-while-loading-320x568")

	// It counts up while app.wasm comes.
	deadline := time.Now().Add(actionTimeout)
	for {
		later := eval[answer](t, tb, `({...window.__taps, loader: !!document.getElementById("app-wasm-loader"), path: location.pathname})`)
		if len(later.Answers) > 1 {
			break
		}
		if !later.Loader || time.Now().After(deadline) {
			t.Errorf("the answer never showed more progress than %q", text)
			break
		}
		time.Sleep(200 * time.Millisecond)
	}

	ctx, cancel := context.WithTimeout(tb.ctx, 2*actionTimeout)
	defer cancel()
	if err := waitReady(ctx); err != nil {
		t.Fatal(err)
	}
	untilShown(t, tb, `location.pathname === "/session/morning" && document.getElementById("safety-gate")`,
		"once ready, the app did not open the morning routine with the safety advice")
	after := eval[answer](t, tb, `({...window.__taps, path: location.pathname})`)
	if after.Said != 0 || eval[bool](t, tb, `document.querySelector("#player.running, #count") !== null`) {
		t.Errorf("the routine started by itself (said %d lines)", after.Said)
	}
	screenshot(t, tb, "tap-while-loading-opened")
}
