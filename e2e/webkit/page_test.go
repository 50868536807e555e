package webkit

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unknot/internal/browsertest"
)

// page is one MiniBrowser, started for one test, with a phone-sized window.
type page struct {
	t    *testing.T
	h    *harness
	s    *session
	base string
}

// newPage starts a browser for the test. MiniBrowser in automation mode
// keeps its data in memory, so each test starts with no service worker,
// cache or storage. When the test ends the page must have reported no
// JavaScript error; then the browser closes.
func newPage(t *testing.T) *page {
	t.Helper()
	h := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	var s *session
	var err error
	// The first start of a run loads WebKit from disk, which on a busy
	// machine has outlasted a start's timeout: a start is tried twice more.
	for try := 0; try < 3; try++ {
		start, cancelStart := context.WithTimeout(ctx, startTimeout/3)
		s, err = h.driver.newSession(start, map[string]any{
			"webkitgtk:browserOptions": map[string]any{
				"binary": h.browser,
				// MiniBrowser has no headless mode: it draws into Xvfb.
				"args": []string{"--automation"},
			},
		})
		cancelStart()
		if err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("starting %s: %v\n%s\nXvfb: %s", h.browser, err, readLog(h.app.Tmp, "webdriver.log"), readLog(h.app.Tmp, "xvfb.log"))
	}
	if h.version == "" {
		h.version = s.Version
		t.Logf("%s, WebKitGTK %s", s.Browser, s.Version)
	}
	p := &page{t: t, h: h, s: s, base: h.app.Base}
	t.Cleanup(func() {
		p.checkNoErrors()
		if err := s.close(); err != nil {
			t.Errorf("closing the browser: %v", err)
		}
	})
	// A phone's width; the window's own toolbar takes some of the height.
	if err := s.setWindowSize(ctx, browsertest.PhoneWidth, browsertest.PhoneHeight); err != nil {
		t.Fatalf("sizing the window: %v", err)
	}
	return p
}

// ctx bounds one action.
func (p *page) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), actionTimeout)
}

// errorCollector keeps what would reach the console as an error (uncaught
// exceptions, unhandled rejections, console.error, Go's crash messages,
// failed script or image loads) in sessionStorage, which outlives reloads
// and navigations in the tab, as the page's own record: WebKit's WebDriver
// has no console log to read. WebDriver can run a script only once a page
// has loaded, so open installs it right after each load; go-app's
// app.wasm starts after that, so its errors are caught.
const errorCollector = `
if (window.__unknotErrors) return;
window.__unknotErrors = true;
const key = "unknot-test-errors";
const keep = (kind, what) => {
	const list = JSON.parse(sessionStorage.getItem(key) || "[]");
	list.push(kind + ": " + what + " (" + location.pathname + ")");
	sessionStorage.setItem(key, JSON.stringify(list));
};
addEventListener("error", (e) => {
	if (e.target && e.target !== window) {
		keep("failed load", e.target.src || e.target.href || e.target.tagName);
	} else {
		keep("uncaught", e.message + " at " + e.filename + ":" + e.lineno);
	}
}, true);
// WebKit's stack of an Error does not repeat its message.
addEventListener("unhandledrejection", (e) => keep("unhandled rejection",
	String(e.reason) + (e.reason && e.reason.stack ? "\n" + e.reason.stack : "")));
const error = console.error;
console.error = function (...args) {
	keep("console.error", args.map(String).join(" "));
	return error.apply(this, args);
};
// Go writes its crashes to stderr, which wasm_exec.js sends to console.log.
const log = console.log;
console.log = function (...args) {
	const line = args.map(String).join(" ");
	if (/` + browsertest.GoCrashJS + `/.test(line)) keep("go", line);
	return log.apply(this, args);
};`

// errors returns what the error collector kept in this tab so far.
func (p *page) errors() []string {
	var raw string
	p.run(`return sessionStorage.getItem("unknot-test-errors") || "[]"`, &raw)
	var list []string
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		p.t.Fatalf("reading the collected errors: %v", err)
	}
	return list
}

// checkNoErrors fails the test if the page reported a JavaScript error.
func (p *page) checkNoErrors() {
	p.t.Helper()
	if errs := p.errors(); len(errs) > 0 {
		p.t.Errorf("JavaScript errors:\n%s", strings.Join(errs, "\n"))
	}
}

// open loads path, installs the error collector and waits until the app
// runs.
func (p *page) open(path string) {
	p.t.Helper()
	ctx, cancel := p.ctx()
	defer cancel()
	if err := p.s.navigate(ctx, p.base+path); err != nil {
		p.t.Fatalf("opening %s: %v", path, err)
	}
	p.afterLoad(path)
}

// reload reloads the page as the person would, then waits as open does.
func (p *page) reload() {
	p.t.Helper()
	ctx, cancel := p.ctx()
	defer cancel()
	if err := p.s.refresh(ctx); err != nil {
		p.t.Fatalf("reloading: %v", err)
	}
	p.afterLoad("the reload")
}

// afterLoad installs the error collector in a page just loaded and waits
// until go-app has removed its loader, which it does once app.wasm runs.
// Before that the page is only the server's pre-rendering.
func (p *page) afterLoad(what string) {
	p.t.Helper()
	p.run(errorCollector, nil)
	p.waitFor(browsertest.AppStarted, what+": the app started")
}

// run runs script (a function body) in the page and decodes what it
// returns into out, unless out is nil. A returned promise is awaited.
func (p *page) run(script string, out any, args ...any) {
	p.t.Helper()
	ctx, cancel := p.ctx()
	defer cancel()
	if err := p.s.execute(ctx, script, out, args...); err != nil {
		p.t.Fatalf("running %.120q: %v", script, err)
	}
}

// is evaluates a JavaScript expression to a boolean.
func (p *page) is(expr string) bool {
	p.t.Helper()
	var b bool
	p.run("return !!("+expr+")", &b)
	return b
}

// waitFor waits until the JavaScript expression is true, failing with what
// otherwise.
func (p *page) waitFor(expr, what string) {
	p.t.Helper()
	if browsertest.Poll(actionTimeout, browsertest.PollInterval, func() (bool, error) { return p.is(expr), nil }) != nil {
		var label string
		p.run(browsertest.Return(browsertest.LoaderLabel), &label)
		p.t.Fatalf("waited %v for %s; loader label %q; page shows %.300q", actionTimeout, what, label, p.text("body"))
	}
}

// text returns the trimmed text of the first element matching the CSS
// selector, or "" when there is none.
func (p *page) text(selector string) string {
	p.t.Helper()
	var s string
	p.run(browsertest.Return(browsertest.Text(selector)), &s)
	return s
}

// waitText waits until the first element matching selector shows want.
func (p *page) waitText(selector, want string) {
	p.t.Helper()
	var got string
	if browsertest.Poll(browsertest.TextTimeout, browsertest.PollInterval, func() (bool, error) {
		got = p.text(selector)
		return got == want, nil
	}) != nil {
		p.t.Fatalf("%s shows %q, want %q", selector, got, want)
	}
}

// click clicks the first element matching selector as a pointer would.
func (p *page) click(selector string) {
	p.t.Helper()
	ctx, cancel := p.ctx()
	defer cancel()
	el, err := p.s.findElement(ctx, selector)
	if err != nil {
		p.t.Fatalf("finding %s: %v", selector, err)
	}
	if err := p.s.click(ctx, el); err != nil {
		p.t.Fatalf("clicking %s: %v", selector, err)
	}
}

// clickIfThere clicks the first element matching selector, if there is
// one, and reports whether it did.
func (p *page) clickIfThere(selector string) bool {
	p.t.Helper()
	ctx, cancel := p.ctx()
	defer cancel()
	el, err := p.s.findElement(ctx, selector)
	if isGone(err) {
		return false
	}
	if err == nil {
		err = p.s.click(ctx, el)
	}
	if isGone(err) {
		return false
	}
	if err != nil {
		p.t.Fatalf("clicking %s: %v", selector, err)
	}
	return true
}

// screenshot saves the page as e2e/screenshots/webkit-<name>.png, beside
// Chromium's.
func (p *page) screenshot(name string) {
	p.t.Helper()
	// WebKit shoots the last frame it drew, which on a busy machine can
	// be older than the page: let it draw twice, then give the drawing a
	// moment to reach the window.
	p.run(browsertest.Return(browsertest.NextFrames), nil)
	time.Sleep(300 * time.Millisecond)
	ctx, cancel := p.ctx()
	defer cancel()
	png, err := p.s.screenshot(ctx)
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	if err := browsertest.SaveScreenshot(filepath.Join("..", "screenshots"), "webkit-"+name, png); err != nil {
		p.t.Fatal(err)
	}
}

// serviceWorker returns browsertest.SWState's answer.
func (p *page) serviceWorker() string {
	p.t.Helper()
	var s string
	p.run(browsertest.Return(browsertest.SWState), &s)
	return s
}

// waitControlled waits until an active service worker controls the page
// (browsertest.WaitControlled). The page is reloaded once if it needs to
// be: WebKit sometimes leaves the worker that claimed a page "activating"
// in that page's eyes for good, although the worker's activate handler
// and its claim have finished (seen in about one run in three with
// WebKitGTK 2.50, reported to the page from the worker). A page loaded
// afterwards sees it activated, as a person's next visit does.
func (p *page) waitControlled() {
	p.t.Helper()
	_, err := browsertest.WaitControlled(browsertest.ControlWait{State: func() (string, error) {
		return p.serviceWorker(), nil
	}, Reload: func() error {
		p.reload()
		return nil
	}})
	if err != nil {
		p.t.Fatal(err)
	}
}
