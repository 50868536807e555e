package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/internal/browsertest"
)

// actionTimeout bounds one action in a tab. It is longer than the browser
// suites' (browsertest.ActionTimeout): a benchmark that dies on a busy
// machine measures nothing, and a slow action shows in its figures anyway.
const actionTimeout = 2 * time.Minute

// chrome is one running Chromium.
type chrome struct {
	ctx  context.Context
	stop context.CancelFunc
}

// startChrome starts headless Chromium with a fresh profile under tmp, with
// the browser suites' flags (browsertest.Chrome): throttled to throttle a
// hidden page's timers as on a phone, voice to let pages speak.
func startChrome(path, tmp, name string, throttled, voice bool) (*chrome, error) {
	ctx, stop, err := browsertest.Chrome{Path: path, Tmp: tmp, Profile: "profile-" + name, Throttled: throttled, Voice: voice}.Start()
	if err != nil {
		return nil, err
	}
	return &chrome{ctx: ctx, stop: stop}, nil
}

func (c *chrome) close() { c.stop() }

// tab is one browser tab.
type tab struct {
	ctx     context.Context
	cancel  context.CancelFunc
	console *browsertest.Console
}

// consoleErrors returns the page's first console errors, uncaught
// exceptions and Go crashes so far, for the message of a measurement that
// failed.
func (t *tab) consoleErrors() string {
	errs := t.console.Errors()
	if len(errs) == 0 {
		return "no console errors"
	}
	return "console: " + strings.Join(errs[:min(len(errs), 5)], " | ")
}

// newTab opens a tab in a new browser context: no service worker, cache or
// storage, as on a first visit.
func (c *chrome) newTab() (*tab, error) {
	ctx, cancel := chromedp.NewContext(c.ctx, chromedp.WithNewBrowserContext())
	return openTab(ctx, cancel)
}

// instrumentedTab opens a tab in a new browser context, with instrumentJS
// run in every page it loads.
func (c *chrome) instrumentedTab() (*tab, error) {
	t, err := c.newTab()
	if err != nil {
		return nil, err
	}
	if err := t.instrument(""); err != nil {
		t.close()
		return nil, err
	}
	return t, nil
}

// install opens the app's home in t and waits until its service worker
// controls the page, as after a first visit.
func (t *tab) install(s *site) error {
	if _, err := t.open(s.Base+"/", actionTimeout); err != nil {
		return err
	}
	return t.waitControlled()
}

// sibling opens a tab in the same browser context as t, sharing its service
// worker, caches and storage, as a relaunch of an installed app does.
func (t *tab) sibling() (*tab, error) {
	ctx, cancel := chromedp.NewContext(t.ctx)
	return openTab(ctx, cancel)
}

func openTab(ctx context.Context, cancel context.CancelFunc) (*tab, error) {
	// The first Do ties the tab to ctx, which has no deadline.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	return &tab{ctx: ctx, cancel: cancel, console: browsertest.RecordConsole(ctx)}, nil
}

func (t *tab) close() { t.cancel() }

// do runs actions with actionTimeout.
func (t *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(t.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// eval evaluates a JavaScript expression, awaiting a promise.
func eval[T any](t *tab, js string) (T, error) {
	v, err := browsertest.Eval[T](t.ctx, actionTimeout, js)
	if err != nil {
		return v, fmt.Errorf("evaluating %.80s: %w", js, err)
	}
	return v, nil
}

// instrument makes every page t loads from now record what the benchmark
// reads (window.__bench). watch is a CSS selector whose first appearance
// after the app has started is timed ("" for none).
func (t *tab) instrument(watch string) error {
	w, _ := json.Marshal(watch)
	src := strings.Replace(instrumentJS, "WATCH", string(w), 1)
	ctx, cancel := context.WithTimeout(t.ctx, actionTimeout)
	defer cancel()
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	return err
}

// instrumentJS runs before any script of the page. All times are
// performance.now(): milliseconds since the navigation started.
//
//   - loaderGone: when go-app removed its loader (#app-wasm-loader), which it
//     does once app.wasm runs and has drawn the page: the app is interactive.
//   - watchAt: when the watched selector first matched once the loader was
//     gone.
//   - preRendered: at the first frame after the HTML is parsed, whether the
//     pre-rendered content can be seen or the loader covers it
//     (document.elementFromPoint in the middle of <main>).
//   - go: the page's Go instance. wasm_exec.js assigns globalThis.Go; the
//     setter below wraps that class, so the instance is reachable (go-app
//     keeps it in a local) and every entry into Go (go._resume: timers,
//     event handlers) can be timed when trace is set: resumes are
//     [start, duration, 1 if #count changed, #count's new number or -1
//     when it was emptied (an instruction, whose hold has not started)].
//   - instStart, instEnd: WebAssembly.instantiateStreaming (fetching and
//     compiling app.wasm); runStart, runEnd: Go's start (the runtime, package
//     initialisation and main until it first waits, which includes go-app
//     mounting the page).
//   - counts: every change of #count's text, with #phase and the visibility.
//   - startAt: the click on #start; finishedAt: when #finished-title appeared.
//   - vis: visibility changes.
//   - speech: every utterance the page gave the browser's voice, as
//     [speak() called, its end or error event or null while it lasts]. The
//     player waits for the voice at a step's end, so the plan as it ran is
//     only known from these.
const instrumentJS = `(() => {
	if (window.__bench) return;
	const B = window.__bench = {loaderSeen: false, loaderGone: null, watch: WATCH, watchAt: null,
		preRendered: null, trace: false, resumes: [], counts: [], vis: [], speech: [], startAt: null, finishedAt: null};
	const countText = () => { const c = document.getElementById("count"); return c ? c.textContent : null; };
	let G;
	Object.defineProperty(globalThis, "Go", {configurable: true, get() { return G; }, set(cls) {
		G = class extends cls {
			constructor(...a) { super(...a); B.go = this; }
			run(inst) { B.runStart = performance.now(); const p = super.run(inst); B.runEnd = performance.now(); return p; }
			_resume() {
				if (!B.trace) return super._resume();
				const before = countText();
				const t0 = performance.now();
				try { super._resume(); } finally {
					const after = countText();
					const n = after === null || after.trim() === "" ? -1 : Number(after);
					B.resumes.push([t0, performance.now() - t0, after !== before ? 1 : 0, after !== before ? n : 0]);
				}
			}
		};
	}});
	if (window.speechSynthesis) {
		const speak = speechSynthesis.speak.bind(speechSynthesis);
		speechSynthesis.speak = (u) => {
			const rec = [performance.now(), null];
			B.speech.push(rec);
			const over = () => { if (rec[1] === null) rec[1] = performance.now(); };
			u.addEventListener("end", over);
			u.addEventListener("error", over);
			return speak(u);
		};
	}
	const inst = WebAssembly.instantiateStreaming;
	if (inst) WebAssembly.instantiateStreaming = function (...a) {
		B.instStart = performance.now();
		return inst.apply(this, a).then((r) => { B.instEnd = performance.now(); return r; });
	};
	let last = null;
	const seen = () => {
		const now = performance.now();
		if (B.loaderGone === null) {
			if (document.getElementById("app-wasm-loader")) B.loaderSeen = true;
			else if (B.loaderSeen) B.loaderGone = now;
		}
		if (B.loaderGone !== null && B.watch && B.watchAt === null && document.querySelector(B.watch)) B.watchAt = now;
		const c = countText();
		if (c !== last) {
			last = c;
			if (c !== null) {
				const p = document.getElementById("phase");
				B.counts.push([now, c, p ? p.textContent : "", document.visibilityState]);
			}
		}
		if (B.finishedAt === null && document.getElementById("finished-title")) B.finishedAt = now;
	};
	new MutationObserver(seen).observe(document, {childList: true, subtree: true, characterData: true});
	document.addEventListener("visibilitychange", () => B.vis.push([performance.now(), document.visibilityState]));
	document.addEventListener("click", (e) => {
		if (e.target && e.target.closest && e.target.closest("#start")) B.startAt = performance.now();
	}, true);
	document.addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => {
		const l = document.getElementById("app-wasm-loader");
		const m = document.querySelector("main");
		if (!l || !m) { B.preRendered = {loader: !!l, visible: !l}; return; }
		const r = m.getBoundingClientRect();
		const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
		const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 40), 0), innerHeight - 1);
		const hit = document.elementFromPoint(x, y);
		// A loader that lets the page show through (a transparent layer)
		// does not hide it.
		const bg = getComputedStyle(l).backgroundColor.match(/[\d.]+/g) || [];
		const clear = bg.length === 4 && Number(bg[3]) < 0.1;
		B.preRendered = {loader: true, visible: !!hit && (!hit.closest("#app-wasm-loader") || (hit === l && clear))};
	}));
})();`

// pageTimes is what instrumentJS recorded about a page load.
type pageTimes struct {
	LoaderGone  *float64 `json:"loaderGone"`
	WatchAt     *float64 `json:"watchAt"`
	FCP         *float64 `json:"fcp"`
	PreRendered *struct {
		Loader  bool `json:"loader"`
		Visible bool `json:"visible"`
	} `json:"preRendered"`
	Label     string   `json:"label"`
	InstStart *float64 `json:"instStart"`
	InstEnd   *float64 `json:"instEnd"`
	RunStart  *float64 `json:"runStart"`
	RunEnd    *float64 `json:"runEnd"`
}

const readTimes = `JSON.stringify({
	loaderGone: window.__bench ? window.__bench.loaderGone : null,
	watchAt: window.__bench ? window.__bench.watchAt : null,
	preRendered: window.__bench ? window.__bench.preRendered : null,
	fcp: ((performance.getEntriesByName("first-contentful-paint")[0]) || {}).startTime ?? null,
	label: ` + browsertest.LoaderLabel + `,
	instStart: window.__bench ? window.__bench.instStart ?? null : null,
	instEnd: window.__bench ? window.__bench.instEnd ?? null : null,
	runStart: window.__bench ? window.__bench.runStart ?? null : null,
	runEnd: window.__bench ? window.__bench.runEnd ?? null : null,
})`

// times reads what instrumentJS recorded so far.
func (t *tab) times() (pageTimes, error) {
	var pt pageTimes
	s, err := eval[string](t, readTimes)
	if err != nil {
		return pt, err
	}
	return pt, json.Unmarshal([]byte(s), &pt)
}

// waitTimes polls until done says the recorded times are complete, or
// timeout passes.
func (t *tab) waitTimes(timeout time.Duration, done func(pageTimes) bool) (pageTimes, error) {
	var pt pageTimes
	err := browsertest.Poll(timeout, 50*time.Millisecond, func() (bool, error) {
		var err error
		pt, err = t.times()
		return err == nil && done(pt), err
	})
	if err != nil {
		return pt, fmt.Errorf("%w (loader label %q)", err, pt.Label)
	}
	return pt, nil
}

// open navigates to url and waits until the app is interactive.
func (t *tab) open(url string, timeout time.Duration) (pageTimes, error) {
	if err := t.do("navigating to "+url, chromedp.Navigate(url)); err != nil {
		return pageTimes{}, err
	}
	pt, err := t.waitTimes(timeout, func(pt pageTimes) bool { return pt.LoaderGone != nil })
	if err != nil {
		return pt, fmt.Errorf("%s: the app did not start: %w", url, err)
	}
	return pt, nil
}

// waitControlled waits until an active service worker controls the page,
// which means it has installed and cached the app (browsertest.WaitControlled).
// go-app's own worker, the baseline's, does not claim open pages, so the
// page is reloaded once its worker is active.
func (t *tab) waitControlled() error {
	_, err := browsertest.WaitControlled(browsertest.ControlWait{
		State:   func() (string, error) { return eval[string](t, browsertest.SWState) },
		Reload:  func() error { return t.do("reloading", chromedp.Reload()) },
		Timeout: actionTimeout,
	})
	return err
}

// setStorage sets (value != nil) or removes localStorage keys of the page's
// origin. A full store fails with the browser's error.
func (t *tab) setStorage(kv map[string]*string) error {
	_, err := eval[bool](t, browsertest.SetItems(kv))
	return err
}

// advance lets the tab's virtual time run for d and waits until it has, so
// Go's timers and clock in the page move without waiting in real time.
func (t *tab) advance(d time.Duration) error {
	ctx, cancel := context.WithTimeout(t.ctx, 5*time.Minute)
	defer cancel()
	return browsertest.Advance(ctx, d)
}

// setWindowState minimizes or restores the tab's window. In headless
// Chromium a minimized window's page is hidden: document.visibilityState is
// "hidden" and, without chromedp's flags against it, its timers are
// throttled to one wake-up a second (checked with Chromium 156).
func (t *tab) setWindowState(state browser.WindowState) error {
	ctx, cancel := context.WithTimeout(t.ctx, actionTimeout)
	defer cancel()
	w, err := chromedp.CallBrowser(ctx, browser.GetWindowForTarget, browser.GetWindowForTargetParams{
		TargetID: chromedp.FromContext(t.ctx).Target.TargetID,
	})
	if err != nil {
		return err
	}
	_, err = chromedp.CallBrowser(ctx, browser.SetWindowBounds, browser.SetWindowBoundsParams{
		WindowID: w.WindowID, Bounds: &browser.Bounds{WindowState: state},
	})
	return err
}

// tempDir makes the run's temporary folder.
func tempDir() (string, error) { return os.MkdirTemp("", "unknot-bench-") }
