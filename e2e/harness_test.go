package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"unknot/internal/appserver"
	"unknot/internal/browsertest"
)

// actionTimeout bounds one action in a tab (browsertest.ActionTimeout).
const actionTimeout = browsertest.ActionTimeout

// env is the running harness, or nil when the browser tests are off.
var env *harness

// harness is the server and the browser shared by every test.
type harness struct {
	app  *appserver.App
	tmp  string // everything the run writes; removed at the end
	bin  string // the server binary
	work string // the server's working folder, which holds web/
	addr string // the server's host:port, the same across restarts
	base string // "http://" + addr

	browser     context.Context // a chromedp context whose browser is started
	stopBrowser context.CancelFunc
}

func TestMain(m *testing.M) {
	if !browsertest.Enabled() {
		os.Exit(m.Run()) // each test skips itself
	}
	os.Exit(runSuite(m))
}

func runSuite(m *testing.M) int {
	h, err := startHarness()
	if h != nil {
		defer h.close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e setup:", err)
		return 1
	}
	env = h
	return m.Run()
}

// setup returns the harness, or skips the test when the browser tests are off.
func setup(t *testing.T) *harness {
	t.Helper()
	if env == nil {
		t.Skip("browser tests run with UNKNOT_E2E=1 (make test)")
	}
	return env
}

// startHarness builds the app into a temporary folder, starts the server on
// a free loopback port and starts Chromium with a fresh profile.
func startHarness() (*harness, error) {
	a, err := appserver.Build()
	if a == nil {
		return nil, err
	}
	h := &harness{app: a, tmp: a.Tmp, bin: a.Bin, work: a.Work, addr: a.Addr, base: a.Base}
	if err != nil {
		return h, err
	}
	if err := h.startServer(); err != nil {
		return h, err
	}
	return h, h.startBrowser()
}

// close stops the browser and the server and removes every file of the run.
func (h *harness) close() {
	if h.stopBrowser != nil {
		h.stopBrowser()
	}
	h.app.Close()
}

// command runs name with args in dir, with extra environment variables, and
// returns its output in the error when it fails.
func command(dir string, extraEnv []string, name string, args ...string) error {
	return appserver.Command(dir, extraEnv, name, args...)
}

// startServer starts the server and waits until it listens.
func (h *harness) startServer() error { return h.app.Start() }

// stopServer stops the server, if it runs, and waits until it has ended.
func (h *harness) stopServer() error { return h.app.Stop() }

// startBrowser starts headless Chromium with a profile inside h.tmp.
func (h *harness) startBrowser() error {
	var err error
	h.browser, h.stopBrowser, err = browsertest.Chrome{Tmp: h.tmp, Profile: "profile"}.Start()
	return err
}

// tab is one browser tab with what it logged and requested.
type tab struct {
	ctx     context.Context
	console *browsertest.Console

	mu       sync.Mutex
	requests []string
}

// newTab opens a tab in a new browser context, so each test starts with no
// service worker, cache or storage; it closes when the test ends.
func newTab(t *testing.T) *tab {
	t.Helper()
	h := setup(t)
	ctx, cancel := chromedp.NewContext(h.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return watch(t, ctx)
}

// sibling opens another tab in the same browser context as tb: it shares the
// service worker and caches, as a relaunch of an installed app would.
func (tb *tab) sibling(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(tb.ctx)
	t.Cleanup(cancel)
	return watch(t, ctx)
}

// watch opens the tab of ctx and records its console and its requests.
func watch(t *testing.T, ctx context.Context) *tab {
	t.Helper()
	// The first Do ties the tab to ctx, which has no deadline; later
	// actions get their own timeouts.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb := &tab{ctx: ctx, console: browsertest.RecordConsole(ctx)}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			tb.mu.Lock()
			tb.requests = append(tb.requests, e.Request.URL)
			tb.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return tb
}

// do runs actions in the tab with actionTimeout, failing the test on error.
func (tb *tab) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the tab, awaiting a promise.
func eval[T any](t *testing.T, tb *tab, js string) T {
	t.Helper()
	v, err := browsertest.Eval[T](tb.ctx, actionTimeout, js)
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// open navigates the tab to path and waits until the app is ready.
func (tb *tab) open(t *testing.T, base, path string) {
	t.Helper()
	tb.do(t, "navigating to "+path, chromedp.Navigate(base+path))
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := waitReady(ctx); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// waitReady waits until the app has started (browsertest.AppStarted).
func waitReady(ctx context.Context) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](browsertest.AppStarted,
		chromedp.WithPollingInterval(20*time.Millisecond),
		chromedp.WithPollingTimeout(0), // ctx bounds the wait
	))
	if err != nil {
		label, _ := chromedp.Run(context.WithoutCancel(ctx), chromedp.Evaluate[string](browsertest.LoaderLabel))
		return fmt.Errorf("the app did not start (loader label %q): %w", label, err)
	}
	return nil
}

// waitControlled waits until an active service worker controls the page
// (browsertest.WaitControlled).
func (tb *tab) waitControlled(t *testing.T) {
	t.Helper()
	_, err := browsertest.WaitControlled(browsertest.ControlWait{State: func() (string, error) {
		return browsertest.Eval[string](tb.ctx, actionTimeout, browsertest.SWState)
	}})
	if err != nil {
		t.Fatalf("%v; console: %v", err, tb.errors())
	}
}

// messages returns everything the tab logged so far.
func (tb *tab) messages() []chromedp.ConsoleMessage { return tb.console.Messages() }

// errors returns the console errors, uncaught exceptions and Go crashes so
// far.
func (tb *tab) errors() []string { return tb.console.Errors() }

// exceptions returns the uncaught exceptions so far.
func (tb *tab) exceptions() []string { return tb.console.Exceptions() }

// foreignRequests returns the requested URLs that leave base's origin.
// data: and blob: URLs never leave the page.
func (tb *tab) foreignRequests(base string) []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	origin, _ := url.Parse(base)
	var out []string
	for _, r := range tb.requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && (u.Scheme != origin.Scheme || u.Host != origin.Host)) {
			out = append(out, r)
		}
	}
	return out
}

// requestCount returns how many requests the tab made.
func (tb *tab) requestCount() int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return len(tb.requests)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string { return browsertest.JSString(s) }
