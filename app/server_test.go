//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"unknot/app/server"
	"unknot/app/server/servertest"
	"unknot/components"
)

var routesOnce sync.Once

var (
	writeFile = servertest.WriteFile
	get       = servertest.Get
	decode    = servertest.Decode
)

// newTestRoot is servertest.Root with Unknot's routes registered.
func newTestRoot(tb testing.TB) string {
	tb.Helper()
	routesOnce.Do(registerRoutes)
	return servertest.Root(tb)
}

// newTestSite is Unknot as main hands it to the server, for root.
func newTestSite(tb testing.TB, root string) server.Site {
	tb.Helper()
	site, err := newSite(root)
	if err != nil {
		tb.Fatalf("newSite: %v", err)
	}
	return site
}

func newTestServer(tb testing.TB, root string) *server.Server {
	tb.Helper()
	s, err := server.New(newTestSite(tb, root))
	if err != nil {
		tb.Fatalf("server.New: %v", err)
	}
	return s
}

func TestManifest(t *testing.T) {
	site := newTestSite(t, newTestRoot(t))
	s, err := server.New(site)
	if err != nil {
		t.Fatal(err)
	}
	manifest := manifestJSON(site.Handler)
	for _, path := range []string{"/manifest.webmanifest", "/manifest.json"} {
		res, body := get(t, s, http.MethodGet, path, "")
		if got := res.Header.Get("Content-Type"); got != "application/manifest+json" {
			t.Errorf("%s: Content-Type %q", path, got)
		}
		if !bytes.Equal(body, manifest) {
			t.Errorf("%s: body differs from manifestJSON", path)
		}
	}
	var m struct {
		Name, ShortName, StartURL, Scope, Display string
		Icons                                     []manifestIcon
	}
	if err := json.Unmarshal(manifest, &m); err != nil {
		t.Fatalf("manifest is not JSON: %v", err)
	}
	// encoding/json matches short_name etc. case-insensitively only without
	// underscores, so read those fields apart.
	var raw map[string]any
	json.Unmarshal(manifest, &raw)
	for k, want := range map[string]string{"name": appName, "short_name": appName, "start_url": "/", "scope": "/", "display": "standalone", "background_color": backgroundColor, "theme_color": themeColor} {
		if raw[k] != want {
			t.Errorf("manifest %s = %v, want %q", k, raw[k], want)
		}
	}
	var maskable, sizes []string
	for _, ic := range m.Icons {
		sizes = append(sizes, ic.Sizes)
		if ic.Purpose == "maskable" {
			maskable = append(maskable, ic.Src)
		}
		if !strings.HasPrefix(ic.Src, "/web/icons/") {
			t.Errorf("icon %q is not a local file", ic.Src)
		}
	}
	if len(maskable) != 1 || maskable[0] != iconMaskable {
		t.Errorf("maskable icons %v, want [%s]", maskable, iconMaskable)
	}
	if got := strings.Join(sizes, " "); got != "192x192 512x512 512x512 any" {
		t.Errorf("icon sizes %q", got)
	}
}

func TestNothingRemote(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	attr := regexp.MustCompile(`(?:src|href|content)="([^"]*)"`)
	_, page := get(t, s, http.MethodGet, "/", "")
	for _, m := range attr.FindAllSubmatch(page, -1) {
		v := string(m[1])
		if strings.Contains(v, "://") && !strings.HasPrefix(v, "http://example.com/") {
			t.Errorf("page refers to %q", v)
		}
	}
	for _, path := range []string{"/app-worker.js", "/manifest.webmanifest", "/app.js"} {
		_, body := get(t, s, http.MethodGet, path, "")
		if bytes.Contains(body, []byte("http://")) || bytes.Contains(body, []byte("https://")) {
			t.Errorf("%s names a remote URL", path)
		}
	}
}

func TestServiceWorker(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	_, body := get(t, s, http.MethodGet, "/app-worker.js", "")
	js := string(body)
	for _, want := range []string{
		`"/web/app.css"`, `"/web/cues.js"`, `"/web/app.wasm?v=` + s.Version() + `"`, `"/web/icons/icon.svg"`,
		`"/web/icons/maskable-512.png"`, `"/web/icons/favicon-32.png"`, `"/manifest.webmanifest"`,
		"self.clients.claim()", `req.mode === "navigate"`, `"app-" + "` + s.Version() + `"`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	for _, p := range components.Pages() {
		if !strings.Contains(js, strconv.Quote(p)) {
			t.Errorf("app-worker.js does not cache page %s", p)
		}
	}
	if strings.Contains(js, "PAGES_TO_CACHE") || strings.Contains(js, "{{") {
		t.Error("app-worker.js has an unfilled placeholder")
	}
}

func TestVersion(t *testing.T) {
	root := newTestRoot(t)
	v1 := newTestServer(t, root).Version()
	if v2 := newTestServer(t, root).Version(); v2 != v1 {
		t.Errorf("same content: version %s then %s", v1, v2)
	}
	if err := server.Precompress(root); err != nil {
		t.Fatal(err)
	}
	if v := newTestServer(t, root).Version(); v != v1 {
		t.Errorf("precompressed copies changed the version: %s, want %s", v, v1)
	}
	writeFile(t, filepath.Join(root, "web", "app.wasm"), "another build")
	v3 := newTestServer(t, root).Version()
	if v3 == v1 {
		t.Errorf("new app.wasm kept version %s", v1)
	}
	writeFile(t, filepath.Join(root, "web", "icons", "new.png"), "png")
	if v4 := newTestServer(t, root).Version(); v4 == v3 {
		t.Errorf("a new file under web/ kept version %s", v3)
	}
}

func TestStaticSite(t *testing.T) {
	root := newTestRoot(t)
	if err := server.Precompress(root); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := writeStaticSite(root, out, io.Discard); err != nil {
		t.Fatalf("writeStaticSite: %v", err)
	}
	want := []string{
		"index.html", "404.html", "_headers", "app.js", "app-worker.js", "wasm_exec.js", "app.css", "manifest.webmanifest",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/app.css", "web/icons/maskable-512.png",
	}
	for _, p := range components.Pages() {
		if p != "/" {
			want = append(want, strings.TrimPrefix(p, "/")+".html")
		}
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("static site lacks %s", name)
		}
	}
	h, err := newHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err != nil || !bytes.Equal(got, manifestJSON(h)) {
		t.Errorf("static manifest differs from the served one (err %v)", err)
	}
	headers, _ := os.ReadFile(filepath.Join(out, "_headers"))
	sent, err := newTestSite(t, root).Headers()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(headers), "  Content-Security-Policy: "+sent["Content-Security-Policy"]+"\n") {
		t.Errorf("_headers lacks the CSP:\n%s", headers)
	}
	sw, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if !strings.Contains(string(sw), h.Version) {
		t.Errorf("static app-worker.js lacks version %s", h.Version)
	}
}

func TestRunCommandErrors(t *testing.T) {
	var out, errs bytes.Buffer
	if code := runCommand([]string{"frobnicate"}, &out, &errs); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code := runCommand([]string{"serve", "-nope"}, &out, &errs); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code := runCommand([]string{"static", "extra"}, &out, &errs); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
}

// TestThemeScriptIsInlineAndAllowed checks that every page carries the
// theme script in its head, before the body, and that the
// Content-Security-Policy allows exactly that text.
func TestThemeScriptIsInlineAndAllowed(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	res, body := get(t, s, http.MethodGet, "/", "")
	page := string(decode(t, res.Header.Get("Content-Encoding"), body))
	start := strings.Index(page, "<script>")
	end := start + strings.Index(page[max(start, 0):], "</script>")
	if start < 0 || end < start || end > strings.Index(page, "<body") {
		t.Fatalf("no inline script in the head")
	}
	inline := page[start+len("<script>") : end]
	if !strings.Contains(inline, "unknot.settings") || !strings.Contains(inline, "data-theme") {
		t.Errorf("the inline script is not the theme script: %.80s", inline)
	}
	sum := sha256.Sum256([]byte(inline))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval' "+hash+";") {
		t.Errorf("CSP %q does not allow the inline script (%s)", csp, hash)
	}
	if strings.Contains(page, "prefs.js") {
		t.Error("the page still loads prefs.js")
	}
}

// TestViewportAllowsZoom checks that no page, served or static, stops people
// from zooming: go-app's own viewport has maximum-scale=1, user-scalable=0.
func TestViewportAllowsZoom(t *testing.T) {
	root := newTestRoot(t)
	s := newTestServer(t, root)
	check := func(where string, page []byte) {
		t.Helper()
		if !bytes.Contains(page, []byte(server.Viewport)) {
			t.Errorf("%s: no zoomable viewport", where)
		}
		if bytes.Contains(page, []byte("user-scalable")) || bytes.Contains(page, []byte("maximum-scale")) {
			t.Errorf("%s: viewport still stops zooming", where)
		}
	}
	for _, p := range []string{"/", "/settings", "/routines", "/session/morning"} {
		for _, enc := range []string{"", "gzip", "br"} {
			res, body := get(t, s, http.MethodGet, p, enc)
			body = decode(t, res.Header.Get("Content-Encoding"), body)
			check(p+" "+enc, body)
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("%s %s: status %d, type %q", p, enc, res.StatusCode, res.Header.Get("Content-Type"))
			}
			if cl := res.Header.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
				t.Errorf("%s %s: Content-Length %s for %d bytes", p, enc, cl, len(body))
			}
		}
	}
	// Other responses pass through untouched.
	res, body := get(t, s, http.MethodGet, "/web/cues.js", "")
	if string(body) != "window.unknotCues = {};\n" || res.StatusCode != http.StatusOK {
		t.Errorf("cues.js: %d %q", res.StatusCode, body)
	}
	if res, _ := get(t, s, http.MethodHead, "/", ""); res.StatusCode != http.StatusOK {
		t.Errorf("HEAD /: status %d", res.StatusCode)
	}

	out := filepath.Join(t.TempDir(), "dist")
	if err := writeStaticSite(root, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "404.html", "settings.html", "routines.html"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		check("static "+name, b)
	}
}

// TestPreRenderedPlayerWaitsForSettings checks that the player's page as
// the server draws it (shown while app.wasm loads) names the routine and
// offers no Start: the server cannot know whether this person has read the
// safety advice. It holds the advice for a first visit and Start's place
// for a later one, each marked so that the page's head script and the
// stylesheet show only the one this person's app will draw (app/prefs.js).
func TestPreRenderedPlayerWaitsForSettings(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	res, body := get(t, s, http.MethodGet, "/session/evening", "")
	page := string(decode(t, res.Header.Get("Content-Encoding"), body))
	if !strings.Contains(page, "Evening") {
		t.Errorf("the pre-rendered player does not name the routine")
	}
	if strings.Contains(page, `id="start"`) {
		t.Error("the pre-rendered player offers Start before the settings are read")
	}
	gate := regexp.MustCompile(`<div class="first-visit-only">\s*<section[^>]* id="safety-gate"|<div class="first-visit-only"><section[^>]*id="safety-gate"`)
	if !gate.MatchString(page) || strings.Count(page, `id="safety-gate"`) != 1 {
		t.Error("the pre-rendered player holds the safety advice other than once, inside first-visit-only")
	}
	if !regexp.MustCompile(`class="start-bar returning-only"[^>]*>\s*<div[^>]*class="start-slot"`).MatchString(page) &&
		!regexp.MustCompile(`id="start-bar"[^>]*class="start-bar returning-only"`).MatchString(page) {
		t.Error("the pre-rendered player keeps no room for Start, or not only for a later visit")
	}
}
