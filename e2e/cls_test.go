package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// layoutShifts sums, from the page's first paint, the layout shifts not
// caused by the person (the Layout Instability API's CLS), into
// window.__cls, with what moved in window.__moved. A screen swapped whole
// for another (an exercise's page drawn as "There is no such page" until
// the app has read its address) moves nothing, so it also lists in
// window.__h1 each heading the page showed long enough for the browser to
// run its observers, which it does before it paints.
const layoutShifts = `(() => {
	window.__cls = 0;
	window.__moved = [];
	window.__h1 = [];
	new MutationObserver(() => {
		const h = document.querySelector("h1");
		const s = h ? h.textContent.replace(/\s+/g, " ").trim() : "";
		if (s !== "" && window.__h1[window.__h1.length - 1] !== s) window.__h1.push(s);
	}).observe(document, {childList: true, subtree: true, characterData: true});
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) {
			if (e.hadRecentInput) continue;
			window.__cls += e.value;
			for (const s of e.sources || []) {
				const n = s.node;
				window.__moved.push((n && (n.id || n.className || n.nodeName)) + " " + Math.round(e.value * 1000) / 1000);
			}
		}
	}).observe({type: "layout-shift", buffered: true});
})();`

// delayAppWasm holds every request for app.wasm in tb for d before letting
// it go: the server's page is read, and has painted, long before the app
// draws its first frame over it, as on a slow first visit.
func delayAppWasm(t *testing.T, tb *tab, d time.Duration) {
	t.Helper()
	err := chromedp.Listen(tb.ctx, func(ev any) {
		e, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		go func() {
			time.Sleep(d)
			ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
			defer cancel()
			_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
		}()
	})
	if err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*/app.wasm*"}},
	}); err != nil {
		t.Fatalf("delaying app.wasm: %v", err)
	}
}

// clsRoutes are the screens whose pre-render the app's first frame must
// lay out alike.
var clsRoutes = []string{"/", "/session/" + data.Morning, "/history", "/exercise/" + data.Bridge, "/routines", "/settings", "/safety", "/symptoms"}

// maxCLS is the most the page may move when the app arrives (issue 24).
const maxCLS = 0.02

// settleAndReadCLS waits until the app has drawn and settled, checks that
// the page kept its heading, and returns the page's layout shifts so far.
func settleAndReadCLS(t *testing.T, tb *tab) (float64, []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := waitReady(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond) // reading the history after the first frame, and drawing it
	if h1 := eval[[]string](t, tb, `window.__h1`); len(h1) != 1 {
		t.Errorf("%s: the page's heading went %q as the app arrived, want one heading throughout", eval[string](t, tb, `location.pathname`), h1)
	}
	return eval[float64](t, tb, `window.__cls`), eval[[]string](t, tb, `window.__moved`)
}

// TestNothingMovesWhenTheAppArrives measures the layout shift of every
// screen on a first visit, with app.wasm arriving well after the server's
// page was painted, and on a returning visit with ten years of history:
// what the server pre-renders is what the app's first frame draws.
func TestNothingMovesWhenTheAppArrives(t *testing.T) {
	h := setup(t)
	t.Run("first visit", func(t *testing.T) {
		for _, route := range clsRoutes {
			tb := newTab(t)
			tb.do(t, "emulating a phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
			inject(t, tb, layoutShifts)
			delayAppWasm(t, tb, 1500*time.Millisecond)
			tb.do(t, "navigating to "+route, chromedp.Navigate(h.base+route))
			if cls, moved := settleAndReadCLS(t, tb); cls > maxCLS {
				t.Errorf("%s on a first visit: layout shift %.3f, want at most %.2f; moved: %s", route, cls, maxCLS, strings.Join(moved, ", "))
			}
		}
	})
	t.Run("returning with ten years", func(t *testing.T) {
		tb := newTab(t)
		tb.do(t, "emulating a phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
		inject(t, tb, layoutShifts)
		tb.open(t, h.base, "/")
		s := data.DefaultSettings()
		s.SafetyAccepted = true
		setItem(t, tb, store.SettingsKey, storedSettings(t, s))
		setItem(t, tb, store.HistoryKey, storedHistory(t, tenYears(t)))
		for _, route := range clsRoutes {
			tb.open(t, h.base, route)
			if cls, moved := settleAndReadCLS(t, tb); cls > maxCLS {
				t.Errorf("%s on a returning visit with ten years of history: layout shift %.3f, want at most %.2f; moved: %s", route, cls, maxCLS, strings.Join(moved, ", "))
			}
		}
	})
}

// tenYears is ten years of two sessions a day, ending yesterday.
func tenYears(t *testing.T) []data.Record {
	t.Helper()
	today := historyToday(t)
	var recs []data.Record
	for d := -3650; d < 0; d++ {
		day := today.AddDate(0, 0, d)
		recs = append(recs, e2eRecord(t, day, "07:30", true, nil, nil, ""), e2eRecord(t, day, "19:30", d%7 != 0, nil, nil, ""))
	}
	return recs
}

// beforeTheApp records, as the server's page is parsed and before Go can
// run, which of the elements by these ids take up room on the page.
const beforeTheApp = `document.addEventListener("DOMContentLoaded", () => {
	window.__before = {};
	for (const id of ["history-loading", "history-empty", "backup", "export-all"]) {
		const e = document.getElementById(id);
		window.__before[id] = !!e && e.getClientRects().length > 0;
	}
	window.__beforeLoader = !!document.getElementById("app-wasm-loader");
});`

// TestHistoryIsWholeBeforeTheApp opens /history and reads the server's
// page before the app runs: on a first visit it already shows the empty
// history and the backup panel, as the app will draw them; with sessions
// kept it shows "Reading your history…" alone, so nothing of a first
// visit's page stands where the person's sessions will be drawn.
func TestHistoryIsWholeBeforeTheApp(t *testing.T) {
	h := setup(t)
	check := func(tb *tab, what string, want map[string]bool) {
		tb.open(t, h.base, "/history")
		if !eval[bool](t, tb, `window.__beforeLoader === true`) {
			t.Fatalf("%s: the page was not read before the app ran", what)
		}
		got := eval[map[string]bool](t, tb, `window.__before`)
		for id, on := range want {
			if got[id] != on {
				t.Errorf("%s, before the app: #%s shown %v, want %v", what, id, got[id], on)
			}
		}
	}
	first := newTab(t)
	inject(t, first, beforeTheApp)
	check(first, "a first visit", map[string]bool{"history-empty": true, "backup": true, "export-all": true, "history-loading": false})

	kept := newTab(t)
	inject(t, kept, beforeTheApp)
	kept.open(t, h.base, "/")
	setItem(t, kept, store.HistoryKey, storedHistory(t, tenYears(t)[:20]))
	check(kept, "with sessions kept", map[string]bool{"history-loading": true, "history-empty": false, "backup": false})
}
