//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"unknot/components"
)

var routesOnce sync.Once

// newTestRoot writes a small web/ folder into a temporary directory and
// returns the directory. app.wasm is compressible text, so a decoded body
// that matches it proves the round trip.
func newTestRoot(tb testing.TB) string {
	tb.Helper()
	routesOnce.Do(registerRoutes)
	root := tb.TempDir()
	files := map[string]string{
		"web/app.wasm":                   strings.Repeat("\x00asm fake module for tests ", 4000),
		"web/app.css":                    "body { color: #222; }\n" + strings.Repeat("/* padding */\n", 100),
		"web/cues.js":                    "window.unknotCues = {};\n",
		"web/icons/icon-192.png":         "png 192",
		"web/icons/icon-512.png":         "png 512",
		"web/icons/maskable-512.png":     "png maskable",
		"web/icons/apple-touch-icon.png": "png apple",
		"web/icons/favicon-32.png":       "png 32",
		"web/icons/icon.svg":             `<svg xmlns="http://www.w3.org/2000/svg"/>`,
	}
	for name, body := range files {
		writeFile(tb, filepath.Join(root, name), body)
	}
	return root
}

func writeFile(tb testing.TB, name, body string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func newTestServer(tb testing.TB, root string) *server {
	tb.Helper()
	s, err := newServer(root)
	if err != nil {
		tb.Fatalf("newServer: %v", err)
	}
	return s
}

// get sends a request to s and returns the response with its body read.
func get(tb testing.TB, s http.Handler, method, path, acceptEncoding string) (*http.Response, []byte) {
	tb.Helper()
	req := httptest.NewRequest(method, path, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return res, body
}

// decode undoes the content coding enc.
func decode(tb testing.TB, enc string, body []byte) []byte {
	tb.Helper()
	var r io.Reader
	switch enc {
	case "":
		return body
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			tb.Fatalf("gzip: %v", err)
		}
		r = zr
	default:
		tb.Fatalf("unexpected Content-Encoding %q", enc)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("decoding %s: %v", enc, err)
	}
	return b
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	for _, path := range []string{"/", "/web/app.wasm", "/web/app.css", "/manifest.webmanifest", "/app-worker.js", "/nowhere"} {
		res, _ := get(t, s, http.MethodGet, path, "br")
		for k, want := range securityHeaders {
			if got := res.Header.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
	}
	csp := securityHeaders["Content-Security-Policy"]
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
}

func TestWasmNegotiation(t *testing.T) {
	root := newTestRoot(t)
	s := newTestServer(t, root)
	raw, err := os.ReadFile(filepath.Join(root, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		scenario       string
		acceptEncoding string
		wantEncoding   string
	}{
		{"browser default", "gzip, deflate, br, zstd", "br"},
		{"brotli only", "br", "br"},
		{"gzip only", "gzip", "gzip"},
		{"brotli refused", "br;q=0, gzip", "gzip"},
		{"gzip preferred by weight", "br;q=0.5, gzip;q=0.9", "gzip"},
		{"wildcard", "*", "br"},
		{"nothing accepted", "", ""},
		{"identity only", "identity", ""},
		{"all refused", "br;q=0, gzip;q=0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			res, body := get(t, s, http.MethodGet, "/web/app.wasm", tt.acceptEncoding)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("Content-Type %q, want application/wasm", got)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.wantEncoding)
			}
			if got := res.Header.Get("Vary"); !strings.Contains(got, "Accept-Encoding") {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
			if got, want := res.Header.Get(wasmLengthHeader), strconv.Itoa(len(raw)); got != want {
				t.Errorf("%s %q, want %q", wasmLengthHeader, got, want)
			}
			if got, want := res.Header.Get("Content-Length"), strconv.Itoa(len(body)); got != want {
				t.Errorf("Content-Length %q, want %q", got, want)
			}
			if got := decode(t, res.Header.Get("Content-Encoding"), body); !bytes.Equal(got, raw) {
				t.Errorf("decoded body is %d bytes, want the %d bytes of app.wasm", len(got), len(raw))
			}
			if tt.wantEncoding != "" && len(body) >= len(raw) {
				t.Errorf("compressed body is %d bytes, raw %d", len(body), len(raw))
			}
		})
	}
}

func TestWasmAliasesAndHead(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	res, body := get(t, s, http.MethodHead, "/web/app.wasm", "br")
	if res.StatusCode != http.StatusOK || len(body) != 0 {
		t.Fatalf("HEAD: status %d, %d body bytes; want 200 and none", res.StatusCode, len(body))
	}
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get(wasmLengthHeader) == "" {
		t.Errorf("HEAD headers %v, want br and %s", res.Header, wasmLengthHeader)
	}
	for _, path := range []string{"/app.wasm", "/goapp.wasm"} {
		res, _ := get(t, s, http.MethodGet, path, "gzip")
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/wasm" {
			t.Errorf("%s: status %d, type %q", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	// A client that already has this build gets a 304.
	res, _ = get(t, s, http.MethodGet, "/web/app.wasm", "br")
	req := httptest.NewRequest(http.MethodGet, "/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	req.Header.Set("If-None-Match", res.Header.Get("ETag"))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("conditional GET: status %d, want 304", rec.Code)
	}
}

// precompressedRoot is a test root whose app.wasm has been compressed:
// the root, the path of app.wasm and its bytes.
func precompressedRoot(t *testing.T) (root, wasm string, raw []byte) {
	t.Helper()
	root = newTestRoot(t)
	wasm = filepath.Join(root, "web", "app.wasm")
	raw, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if err := precompress(root); err != nil {
		t.Fatalf("precompress: %v", err)
	}
	return root, wasm, raw
}

func TestWasmPrecompressed(t *testing.T) {
	root, wasm, raw := precompressedRoot(t)
	s := newTestServer(t, root)
	for _, enc := range encodings {
		pre, err := os.ReadFile(wasm + precompressedExt[enc])
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, enc, pre); !bytes.Equal(got, raw) {
			t.Fatalf("%s file does not decode to app.wasm", enc)
		}
		// Mark the precompressed file so the test can tell it was sent.
		marked := append(bytes.Clone(pre), "marker"...)
		writeFile(t, wasm+precompressedExt[enc], string(marked))
		_, body := get(t, s, http.MethodGet, "/web/app.wasm", enc)
		if !bytes.Equal(body, marked) {
			t.Errorf("%s: the precompressed file was not sent as is", enc)
		}

		// A precompressed file older than app.wasm is stale: compress anew.
		old := time.Now().Add(-time.Hour)
		if err := os.Chtimes(wasm+precompressedExt[enc], old, old); err != nil {
			t.Fatal(err)
		}
		res, body := get(t, s, http.MethodGet, "/web/app.wasm", enc)
		if got := decode(t, res.Header.Get("Content-Encoding"), body); !bytes.Equal(got, raw) {
			t.Errorf("%s: with a stale precompressed file, the body does not decode to app.wasm", enc)
		}
	}
}

func TestTextCompression(t *testing.T) {
	root := newTestRoot(t)
	s := newTestServer(t, root)
	css, err := os.ReadFile(filepath.Join(root, "web", "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{"br", "gzip", ""} {
		res, body := get(t, s, http.MethodGet, "/web/app.css", enc)
		if got := res.Header.Get("Content-Encoding"); got != enc {
			t.Errorf("app.css with %q: Content-Encoding %q", enc, got)
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("app.css with %q: Vary %q", enc, res.Header.Get("Vary"))
		}
		if got := decode(t, enc, body); !bytes.Equal(got, css) {
			t.Errorf("app.css with %q: body does not decode to the file", enc)
		}

		res, body = get(t, s, http.MethodGet, "/", enc)
		if got := res.Header.Get("Content-Encoding"); got != enc {
			t.Errorf("/ with %q: Content-Encoding %q", enc, got)
		}
		if page := decode(t, enc, body); !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) {
			t.Errorf("/ with %q: body starts %q", enc, page[:min(len(page), 40)])
		}
	}
	// Images are already compressed.
	res, _ := get(t, s, http.MethodGet, "/web/icons/icon-192.png", "br")
	if got := res.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("icon: Content-Encoding %q, want none", got)
	}
}

func TestManifest(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	for _, path := range []string{"/manifest.webmanifest", "/manifest.json"} {
		res, body := get(t, s, http.MethodGet, path, "")
		if got := res.Header.Get("Content-Type"); got != "application/manifest+json" {
			t.Errorf("%s: Content-Type %q", path, got)
		}
		if !bytes.Equal(body, s.manifest) {
			t.Errorf("%s: body differs from manifestJSON", path)
		}
	}
	var m struct {
		Name, ShortName, StartURL, Scope, Display string
		Icons                                     []manifestIcon
	}
	if err := json.Unmarshal(s.manifest, &m); err != nil {
		t.Fatalf("manifest is not JSON: %v", err)
	}
	// encoding/json matches short_name etc. case-insensitively only without
	// underscores, so read those fields apart.
	var raw map[string]any
	json.Unmarshal(s.manifest, &raw)
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
		`"/web/app.css"`, `"/web/cues.js"`, `"/web/app.wasm?v=` + s.version + `"`, `"/web/icons/icon.svg"`,
		`"/web/icons/maskable-512.png"`, `"/web/icons/favicon-32.png"`, `"/manifest.webmanifest"`,
		"self.clients.claim()", `req.mode === "navigate"`, `"app-" + "` + s.version + `"`,
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
	v1 := newTestServer(t, root).version
	if v2 := newTestServer(t, root).version; v2 != v1 {
		t.Errorf("same content: version %s then %s", v1, v2)
	}
	if err := precompress(root); err != nil {
		t.Fatal(err)
	}
	if v := newTestServer(t, root).version; v != v1 {
		t.Errorf("precompressed copies changed the version: %s, want %s", v, v1)
	}
	writeFile(t, filepath.Join(root, "web", "app.wasm"), "another build")
	v3 := newTestServer(t, root).version
	if v3 == v1 {
		t.Errorf("new app.wasm kept version %s", v1)
	}
	writeFile(t, filepath.Join(root, "web", "icons", "new.png"), "png")
	if v4 := newTestServer(t, root).version; v4 == v3 {
		t.Errorf("a new file under web/ kept version %s", v3)
	}
}

func TestNoDirectoryListingOrProxy(t *testing.T) {
	root := newTestRoot(t)
	s := newTestServer(t, root)
	for _, path := range []string{"/web/", "/web/icons/", "/robots.txt", "/sitemap.xml"} {
		if res, _ := get(t, s, http.MethodGet, path, ""); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
	writeFile(t, filepath.Join(root, "web", "robots.txt"), "User-agent: *\n")
	if res, body := get(t, s, http.MethodGet, "/robots.txt", ""); res.StatusCode != http.StatusOK || string(body) != "User-agent: *\n" {
		t.Errorf("/robots.txt: status %d, body %q", res.StatusCode, body)
	}
}

func TestStaticSite(t *testing.T) {
	root := newTestRoot(t)
	if err := precompress(root); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := writeStaticSite(root, out); err != nil {
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
	if !strings.Contains(string(headers), "  Content-Security-Policy: "+securityHeaders["Content-Security-Policy"]+"\n") {
		t.Errorf("_headers lacks the CSP:\n%s", headers)
	}
	sw, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if !strings.Contains(string(sw), h.Version) {
		t.Errorf("static app-worker.js lacks version %s", h.Version)
	}
}

func TestNegotiate(t *testing.T) {
	tests := map[string]string{
		"":                     "",
		"br":                   "br",
		"BR":                   "br",
		"gzip":                 "gzip",
		"gzip, br":             "br",
		"gzip;q=1, br;q=0.1":   "gzip",
		"br;q=0":               "",
		"*;q=0.5":              "br",
		"*, br;q=0":            "gzip",
		"deflate, identity":    "",
		"gzip;q=0.8, br;q=0.8": "br",
	}
	for in, want := range tests {
		if got := negotiate(in); got != want {
			t.Errorf("negotiate(%q) = %q, want %q", in, got, want)
		}
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
		if !bytes.Contains(page, []byte(viewport)) {
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
	if err := writeStaticSite(root, out); err != nil {
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

func TestFixViewport(t *testing.T) {
	const goApp = `<meta content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover" name="viewport">`
	page := []byte("<head><meta charset=\"UTF-8\">" + goApp + "</head><body>" + goApp + "</body>")
	want := "<head><meta charset=\"UTF-8\">" + viewport + "</head><body>" + goApp + "</body>"
	if got := string(fixViewport(page)); got != want {
		t.Errorf("got %s, want only the head's viewport replaced", got)
	}
	if got := string(fixViewport([]byte("<p>no head</p>"))); got != "<p>no head</p>" {
		t.Errorf("a page without the viewport changed: %s", got)
	}
}

// TestPreRenderedPlayerWaitsForSettings checks that the player's page as
// the server draws it (shown while app.wasm loads) names the routine but
// offers neither Start nor the safety gate: the server cannot know which
// of the two this person should see.
func TestPreRenderedPlayerWaitsForSettings(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	res, body := get(t, s, http.MethodGet, "/session/evening", "")
	page := string(decode(t, res.Header.Get("Content-Encoding"), body))
	if !strings.Contains(page, "Evening") {
		t.Errorf("the pre-rendered player does not name the routine")
	}
	for _, id := range []string{`id="start"`, `id="safety-gate"`} {
		if strings.Contains(page, id) {
			t.Errorf("the pre-rendered player shows %s before the settings are read", id)
		}
	}
	if !strings.Contains(page, "start-slot") {
		t.Errorf("the pre-rendered player keeps no room for Start")
	}
}

// TestPrecompressKeepsCurrentCopies checks that compressing again after a
// rebuild that changed nothing keeps the copies (brotli's best takes half a
// minute) yet leaves them newer than app.wasm, and that a changed app.wasm
// gets new ones.
func TestPrecompressKeepsCurrentCopies(t *testing.T) {
	root, wasm, raw := precompressedRoot(t)
	old := time.Now().Add(-time.Hour)
	for _, enc := range encodings {
		if err := os.Chtimes(wasm+precompressedExt[enc], old, old); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, wasm, string(raw)) // rebuilt, same bytes, newer
	if err := precompress(root); err != nil {
		t.Fatal(err)
	}
	wfi, _ := os.Stat(wasm)
	for _, enc := range encodings {
		fi, err := os.Stat(wasm + precompressedExt[enc])
		if err != nil {
			t.Fatal(err)
		}
		if fi.ModTime().Before(wfi.ModTime()) {
			t.Errorf("%s copy kept as older than app.wasm: the server would take it for stale", enc)
		}
	}
	changed := append(bytes.Clone(raw), "more"...)
	writeFile(t, wasm, string(changed))
	if err := precompress(root); err != nil {
		t.Fatal(err)
	}
	for _, enc := range encodings {
		pre, err := os.ReadFile(wasm + precompressedExt[enc])
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, enc, pre); !bytes.Equal(got, changed) {
			t.Errorf("%s copy not redone for the changed app.wasm", enc)
		}
	}
}
