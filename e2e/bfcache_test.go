package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBackForwardCacheRestoresPages: a person who leaves the app for
// another site and comes back with Back finds the page as they left it, at
// once, from the browser's back/forward cache, not loaded and started
// again. Chrome says why it did not restore a page (Lighthouse's bf-cache
// audit reads the same event); chrome://terms is where Lighthouse goes.
func TestBackForwardCacheRestoresPages(t *testing.T) {
	h := setup(t)
	for _, path := range []string{"/", "/session/morning", "/history", "/exercise/bridge"} {
		t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
			tb := newTab(t)
			var mu sync.Mutex
			var reasons []string
			err := chromedp.Listen(tb.ctx, func(ev any) {
				if e, ok := ev.(*page.EventBackForwardCacheNotUsed); ok {
					mu.Lock()
					for _, r := range e.NotRestoredExplanations {
						reasons = append(reasons, fmt.Sprintf("%s (%s)", r.Reason, r.Type))
					}
					mu.Unlock()
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			tb.open(t, h.base, path)
			tb.waitControlled(t)
			eval[bool](t, tb, `(addEventListener("pageshow", (e) => { window.__restored = e.persisted; }), window.__left = true)`)
			tb.do(t, "leaving for another site", chromedp.Navigate("chrome://terms"))
			// Going back navigates the page away from under the call: the
			// call may lose its answer ("target navigated"), which is what
			// going back does, not a failure.
			goBack(t, tb)
			var state string
			deadline := time.Now().Add(actionTimeout)
			for {
				ctx, cancel := context.WithTimeout(tb.ctx, time.Second)
				s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + " " +
					(window.__left ? (window.__restored === true ? "restored" : "back") : "loaded again")`))
				cancel()
				if err == nil && strings.HasPrefix(s, path+" ") {
					state = strings.TrimPrefix(s, path+" ")
					if state != "back" {
						break
					}
				}
				if time.Now().After(deadline) {
					t.Fatalf("Back did not return to %s (last %q, %v)", path, s, err)
				}
				time.Sleep(100 * time.Millisecond)
			}
			mu.Lock()
			defer mu.Unlock()
			if state != "restored" || len(reasons) > 0 {
				t.Errorf("Back to %s: the page was %s, not restored from the back/forward cache; Chrome says: %v", path, state, reasons)
			}
		})
	}
}

// goBack goes back in tb's history, whatever becomes of the call that asks
// for it once the page has gone.
func goBack(t *testing.T, tb *tab) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(history.back(), true)`)); err != nil && !strings.Contains(err.Error(), "navigated or closed") {
		t.Fatalf("going back: %v", err)
	}
}
