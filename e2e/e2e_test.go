package e2e

import (
	"context"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/components"
	"unknot/data"
	"unknot/internal/browsertest"
)

// securityHeaders must match app/server/server.go (reliability notes).
var securityHeaders = map[string]string{
	// HASH stands for the hashes of the head's script and of the two
	// stylesheets the page carries (go-app's, then the app's), which
	// TestSavedLookAppliesBeforeTheApp shows the browser accepts.
	"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' HASH; style-src 'self' HASH HASH; " +
		"img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
	"Permissions-Policy":     "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

// routePages are one pre-rendered address of every route in the route
// table, so a test that opens them all opens every screen.
func routePages() []string {
	var out []string
	for _, r := range components.Routes {
		for _, p := range components.Pages() {
			if p == r.Path || r.ByID && strings.HasPrefix(p, r.Path) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// screenshot saves the tab's viewport as screenshots/<name>.png.
func screenshot(t *testing.T, tb *tab, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := browsertest.SaveScreenshot("screenshots", name, img); err != nil {
		t.Fatal(err)
	}
}

func TestHomeLoads(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	tb.open(t, h.base, "/")

	if !eval[bool](t, tb, `document.querySelector("main") !== null`) {
		t.Error("no main element after the app started")
	}
	list := text(t, tb, "#exercise-list")
	for _, e := range data.DefaultCatalogue() {
		if !strings.Contains(list, e.Name) {
			t.Errorf("home page does not name %q", e.Name)
		}
	}
	if lang := eval[string](t, tb, `document.documentElement.lang`); lang != "en" {
		t.Errorf("lang %q, want en", lang)
	}
	screenshot(t, tb, "home-390x844")

	// Let the service worker install, so its requests and any late error show.
	tb.waitControlled(t)
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors or uncaught exceptions:\n%s", strings.Join(errs, "\n"))
	}
	if n := tb.requestCount(); n == 0 {
		t.Error("no request seen: the request log is broken")
	}
	if foreign := tb.foreignRequests(h.base); len(foreign) > 0 {
		t.Errorf("requests to another origin: %v", foreign)
	}
}

// appManifest returns the manifest Chromium read for the tab's page, with
// what Chromium made of it. Every error Chromium found in it fails the test.
func appManifest(t *testing.T, tb *tab) page.GetAppManifestResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	m, err := chromedp.Call(ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatalf("Page.getAppManifest: %v", err)
	}
	for _, e := range m.Errors {
		t.Errorf("manifest error: %s (critical %d)", e.Message, e.Critical)
	}
	return m
}

func TestManifestAndIcons(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/")
	m := appManifest(t, tb)
	if !strings.HasSuffix(m.URL, "/manifest.webmanifest") {
		t.Errorf("manifest URL %q", m.URL)
	}
	var manifest struct {
		StartURL string `json:"start_url"`
		Display  string `json:"display"`
		Icons    []struct {
			Src, Sizes, Type, Purpose string
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(m.Data), &manifest); err != nil {
		t.Fatalf("manifest is not JSON: %v\n%s", err, m.Data)
	}
	if manifest.StartURL != "/" || manifest.Display != "standalone" {
		t.Errorf("start_url %q, display %q", manifest.StartURL, manifest.Display)
	}

	icons := []string{"/web/icons/apple-touch-icon.png", "/web/icons/favicon-32.png"}
	maskable := false
	for _, ic := range manifest.Icons {
		icons = append(icons, ic.Src)
		maskable = maskable || ic.Purpose == "maskable"
		if ic.Type == "image/png" {
			checkPNGSize(t, h.base+ic.Src, ic.Sizes)
		}
	}
	if !maskable {
		t.Error("the manifest has no maskable icon")
	}
	checkPNGSize(t, h.base+"/web/icons/favicon-32.png", "32x32")

	list, _ := json.Marshal(icons)
	type result struct {
		Src    string `json:"src"`
		Status int    `json:"status"`
		Type   string `json:"type"`
	}
	results := eval[[]result](t, tb, `Promise.all(`+string(list)+`.map(src =>
		fetch(src, {cache: "no-store"}).then(r => ({src, status: r.status, type: r.headers.get("Content-Type")}))))`)
	for _, r := range results {
		want := "image/png"
		if strings.HasSuffix(r.Src, ".svg") {
			want = "image/svg+xml"
		}
		if r.Status != http.StatusOK || r.Type != want {
			t.Errorf("%s: status %d, type %q; want 200, %s", r.Src, r.Status, r.Type, want)
		}
	}

	checkInstallable(t, tb)
}

// checkInstallable asks Chromium whether the tab's app can be installed. A
// tab in a fresh browser context counts as incognito, which only an
// installed profile is not.
func checkInstallable(t *testing.T, tb *tab) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	inst, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatalf("Page.getInstallabilityErrors: %v", err)
	}
	for _, e := range inst.InstallabilityErrors {
		if e.ErrorID != "in-incognito" {
			t.Errorf("not installable: %s", e.ErrorID)
		}
	}
}

// checkPNGSize fetches a PNG and checks its size against sizes ("192x192").
func checkPNGSize(t *testing.T, u, sizes string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Errorf("%s: %v", u, err)
		return
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("%s: status %d", u, res.StatusCode)
		return
	}
	cfg, err := png.DecodeConfig(res.Body)
	if err != nil {
		t.Errorf("%s: not a PNG: %v", u, err)
		return
	}
	if got := strconv.Itoa(cfg.Width) + "x" + strconv.Itoa(cfg.Height); got != sizes {
		t.Errorf("%s is %s, the manifest says %s", u, got, sizes)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := setup(t)
	res, err := http.Get(h.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for k, want := range securityHeaders {
		got := res.Header.Get(k)
		if k == "Content-Security-Policy" {
			got = regexp.MustCompile(`'sha256-[A-Za-z0-9+/]{43}='`).ReplaceAllString(got, "HASH")
		}
		if got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

func TestWasmServedCompressed(t *testing.T) {
	h := setup(t)
	fi, err := os.Stat(filepath.Join(h.work, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, h.base+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	for k, want := range map[string]string{
		"Content-Type":          "application/wasm",
		"Content-Encoding":      "br",
		"X-Wasm-Content-Length": strconv.FormatInt(fi.Size(), 10),
		"Content-Length":        strconv.FormatInt(n, 10),
		"Vary":                  "Accept-Encoding",
	} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	t.Logf("app.wasm: %d bytes, %d sent with brotli", fi.Size(), n)
}

// TestOffline launches the app with the server stopped, as a phone without
// network would: the root, a deep route, a query string and an unknown path
// must all start from the service worker's cache.
func TestOffline(t *testing.T) {
	h := setup(t)
	online := newTab(t)
	online.open(t, h.base, "/")
	online.waitControlled(t)
	goOffline(t, h)
	checkOfflineLaunch(t, online, h.base)
}

// goOffline stops the server until the test ends, as if the network were
// gone.
func goOffline(t *testing.T, h *harness) {
	t.Helper()
	if err := h.stopServer(); err != nil {
		t.Fatalf("stopping the server: %v", err)
	}
	t.Cleanup(func() {
		if err := h.startServer(); err != nil {
			t.Errorf("restarting the server: %v", err)
		}
	})
	if _, err := http.Get(h.base + "/"); err == nil {
		t.Fatal("the server still answers")
	}
}

// checkOfflineLaunch opens fresh tabs beside online (same profile) and
// checks that every route of the route table starts with the network gone.
func checkOfflineLaunch(t *testing.T, online *tab, base string) {
	t.Helper()
	paths := append([]string{"/?source=homescreen", "/no/such/route"}, routePages()...)
	for _, path := range paths {
		offline := online.sibling(t)
		offline.open(t, base, path)
		wantPath, _, _ := strings.Cut(path, "?")
		if got := eval[string](t, offline, `location.pathname`); got != wantPath {
			t.Errorf("%s: location.pathname %q", path, got)
		}
		if !eval[bool](t, offline, `document.querySelector("main") !== null`) {
			t.Errorf("%s: no main element offline", path)
		}
		if path == "/no/such/route" {
			checkNotFoundPage(t, offline, path)
		}
		if exc := offline.exceptions(); len(exc) > 0 {
			t.Errorf("%s: uncaught exceptions offline:\n%s", path, strings.Join(exc, "\n"))
		}
	}
}

// TestStaticSite builds the static site, serves it with a plain file server
// (no rewrites, no headers, /a/b is not mapped to a/b.html), loads it, then
// closes the server and relaunches every route offline.
func TestStaticSite(t *testing.T) {
	h := setup(t)
	dist := filepath.Join(h.tmp, "dist")
	if err := command(h.work, nil, h.bin, "static", "-out", dist); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dist)))
	defer srv.Close()

	online := newTab(t)
	online.open(t, srv.URL, "/")
	online.waitControlled(t)
	if errs := online.errors(); len(errs) > 0 {
		t.Errorf("console errors or uncaught exceptions:\n%s", strings.Join(errs, "\n"))
	}
	if foreign := online.foreignRequests(srv.URL); len(foreign) > 0 {
		t.Errorf("requests to another origin: %v", foreign)
	}

	srv.CloseClientConnections()
	srv.Close()
	checkOfflineLaunch(t, online, srv.URL)
}

// TestServerRestartKeepsVersion checks that a restart of the same build
// serves the same service worker, so clients do not update for nothing.
func TestServerRestartKeepsVersion(t *testing.T) {
	h := setup(t)
	worker := func() string {
		t.Helper()
		res, err := http.Get(h.base + "/app-worker.js")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before := worker()
	if err := h.stopServer(); err != nil {
		t.Fatal(err)
	}
	if err := h.startServer(); err != nil {
		t.Fatal(err)
	}
	if after := worker(); after != before {
		t.Error("app-worker.js changed across a restart of the same build")
	}
}
