package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"unknot/internal/browsertest"
)

// The first-visit link of the budgets (bench: slowLink), in bytes a second.
var firstVisitLink = network.Conditions{Latency: 150, DownloadThroughput: 1.6e6 / 8, UploadThroughput: 750e3 / 8}

// wasmResponse is one response for app.wasm that a target of the tab saw.
type wasmResponse struct {
	who       string // "page" or "worker"
	status    int64
	fromCache bool // the browser's HTTP cache answered
	fromSW    bool // the service worker answered
}

// wasmWatch records the app.wasm responses of a tab and of every service
// worker it starts. The worker is a target of its own, attached as it
// starts (chromedp's tabs auto-attach to their workers), with its network
// events and the same emulated link as the page.
type wasmWatch struct {
	mu        sync.Mutex
	responses []wasmResponse
	workers   int
}

func (w *wasmWatch) listen(who string) func(ev any) {
	return func(ev any) {
		e, ok := ev.(*network.EventResponseReceived)
		if !ok || !strings.Contains(e.Response.URL, "/app.wasm") {
			return
		}
		w.mu.Lock()
		w.responses = append(w.responses, wasmResponse{who, e.Response.Status, e.Response.FromDiskCache, e.Response.FromServiceWorker})
		w.mu.Unlock()
	}
}

// fromNetwork returns the responses of who that came over the network.
func (w *wasmWatch) fromNetwork(who string) []wasmResponse {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []wasmResponse
	for _, r := range w.responses {
		if r.who == who && !r.fromCache && !r.fromSW {
			out = append(out, r)
		}
	}
	return out
}

func (w *wasmWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return fmt.Sprintf("%d worker(s) attached, responses %+v", w.workers, w.responses)
}

// watchWasm throttles tb to link and records its app.wasm responses and
// its service workers'.
func watchWasm(t *testing.T, tb *tab, link network.Conditions) *wasmWatch {
	t.Helper()
	w := &wasmWatch{}
	throttle := func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{&link},
		})
		return err
	}
	if err := chromedp.Listen(tb.ctx, w.listen("page")); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(tb.ctx, func(ev any) {
		e, ok := ev.(*target.EventAttachedToTarget)
		if !ok || e.TargetInfo.Type != "service_worker" {
			return
		}
		// A listener must not run commands: attach on the side.
		go func() {
			ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(e.TargetInfo.TargetID), chromedp.WithListener(w.listen("worker")))
			t.Cleanup(cancel)
			if err := chromedp.Do(ctx); err != nil {
				t.Logf("attaching to the service worker: %v", err)
				return
			}
			if err := throttle(ctx); err != nil {
				t.Logf("throttling the service worker: %v", err)
			}
			w.mu.Lock()
			w.workers++
			w.mu.Unlock()
		}()
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := throttle(ctx); err != nil {
		t.Fatalf("throttling the page: %v", err)
	}
	return w
}

// TestFirstVisitDownloadsAppWasmOnce opens the app for the first time over
// the budgets' slow link (1.6 Mbit/s) and counts app.wasm as it really
// went: the server's responses (a proxy counts what it sent) and the
// responses the page and its service worker saw. The page downloads it,
// and the worker, which must cache it for offline use, takes it from the
// browser's HTTP cache instead of downloading it again. The worker's cache
// then holds this build's app.wasm byte for byte, and the app opens
// offline.
func TestFirstVisitDownloadsAppWasmOnce(t *testing.T) {
	h := setup(t)
	var w *wasmWatch
	tb, proxy := firstVisit(t, h, func(tb *tab) { w = watchWasm(t, tb, firstVisitLink) })
	if got := w.fromNetwork("page"); len(got) != 1 {
		t.Errorf("the page had app.wasm from the network %d times, want once (%v)", len(got), w)
	}
	if got := w.fromNetwork("worker"); len(got) != 0 {
		t.Errorf("the service worker downloaded app.wasm %d times, want none: it has the page's (%v)", len(got), w)
	}
	t.Logf("server: %+v; browser: %v", proxy.Sent("/web/app.wasm"), w)

	wasm, err := os.ReadFile(filepath.Join(h.work, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(wasm)
	found := false
	for key, got := range eval[map[string]string](t, tb, cacheDigests) {
		if strings.Contains(key, " /web/app.wasm") {
			found = true
			if got != hex.EncodeToString(sum[:]) {
				t.Errorf("the worker's cache holds another app.wasm (%s) than this build's", key)
			}
		}
	}
	if !found {
		t.Error("the worker's cache holds no app.wasm")
	}

	// Offline from now: the site is gone from the network.
	proxy.Close()
	for _, path := range []string{"/", "/history", "/session/morning"} {
		sib := tb.sibling(t)
		sib.open(t, proxy.URL, path)
		if got := eval[string](t, sib, `location.pathname`); got != path {
			t.Errorf("offline, %s opened as %s", path, got)
		}
	}
}

// slowCopy holds back the page's copy of app.wasm for the worker
// (app/wasmshare.js) until two seconds after the app has started: a copy
// written slowly, as WebKit's was on a loaded machine.
const slowCopy = `(() => {
	const put = Cache.prototype.put;
	Cache.prototype.put = function (req, res) {
		const url = typeof req === "string" ? req : req.url;
		if (!/\/app\.wasm/.test(url)) return put.call(this, req, res);
		return new Promise((done) => {
			const started = () => document.readyState !== "loading" && !document.getElementById("app-wasm-loader");
			const check = () => started() ? setTimeout(done, 2000) : setTimeout(check, 50);
			check();
		}).then(() => put.call(this, req, res));
	};
})();`

// TestFirstVisitWaitsForASlowCopy starts the app before its copy of
// app.wasm is written for the installing worker: the page still has the
// download to hand over, so the worker waits for it rather than download
// app.wasm again.
func TestFirstVisitWaitsForASlowCopy(t *testing.T) {
	firstVisit(t, setup(t), func(tb *tab) { inject(t, tb, slowCopy) })
}

// firstVisit opens "/" in a new tab, made ready by prepare, through a
// proxy that counts what the server sends, and waits until the service
// worker controls the page: its install is done. The server must have
// sent app.wasm once. The proxy closes when the test ends.
func firstVisit(t *testing.T, h *harness, prepare func(*tab)) (*tab, *browsertest.CountingProxy) {
	t.Helper()
	proxy, err := browsertest.NewCountingProxy(h.base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { proxy.Close() })
	tb := newTab(t)
	prepare(tb)
	tb.open(t, proxy.URL, "/")
	tb.waitControlled(t)
	if n := proxy.Bodies("/web/app.wasm"); n != 1 {
		t.Errorf("the server sent app.wasm %d times on a first visit, want once: %+v", n, proxy.Sent("/web/app.wasm"))
	}
	return tb, proxy
}
