package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/app/server/servertest"
)

var (
	newTestRoot = servertest.Root
	writeFile   = servertest.WriteFile
	get         = servertest.Get
	decode      = servertest.Decode
)

// testPage is the test app's screen, which says which page it is.
type testPage struct {
	app.Compo
	name string
}

func (p *testPage) Render() app.UI { return app.Main().Body(app.H1().Text(p.name)) }

func TestMain(m *testing.M) {
	app.RouteFunc("/", func() app.Composer { return &testPage{name: "Home page"} })
	app.RouteFunc("/settings", func() app.Composer { return &testPage{name: "Settings page"} })
	// Like Unknot, every other address gets the app's own page.
	app.RouteWithRegexpFunc(".", func() app.Composer { return &testPage{name: "No such page"} })
	os.Exit(m.Run())
}

// testInline is the inline script of the test site's pages.
const testInline = "document.documentElement.dataset.test = 1;"

// testSite is a small app as an app built on this package hands it over:
// local icons, a script of its own and an inline one, two pages, its
// Version from its content.
func testSite(tb testing.TB, root string) Site {
	tb.Helper()
	web, err := NewWeb(root)
	if err != nil {
		tb.Fatal(err)
	}
	version, err := ContentVersion(root, nil)
	if err != nil {
		tb.Fatal(err)
	}
	h := &app.Handler{
		Name:  "Test",
		Title: "Test",
		Icon: app.Icon{
			Default:    "/web/icons/icon-192.png",
			Large:      "/web/icons/icon-512.png",
			SVG:        "/web/icons/icon.svg",
			AppleTouch: "/web/icons/apple-touch-icon.png",
		},
		Styles:                  []string{"/web/app.css"},
		RawHeaders:              []string{"<script>" + testInline + "</script>", `<script src="/web/cues.js" defer></script>`},
		Resources:               web.OfBuild(version),
		WasmContentLengthHeader: WasmLengthHeader,
		Version:                 version,
	}
	return Site{
		Handler:       h,
		Manifest:      []byte(`{"name": "Test", "start_url": "/"}` + "\n"),
		IsPage:        func(p string) bool { return p == "/" || p == "/settings" },
		Pages:         []string{"/", "/settings"},
		Scripts:       []string{"/web/cues.js"},
		InlineScripts: []string{testInline},
	}
}

func newTestServer(tb testing.TB, root string) *Server {
	tb.Helper()
	s, err := New(testSite(tb, root))
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return s
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	for _, path := range []string{"/", "/web/app.wasm", "/web/app.css", "/manifest.webmanifest", "/app-worker.js", "/nowhere"} {
		res, _ := get(t, s, http.MethodGet, path, "br")
		for k, want := range s.headers {
			if got := res.Header.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
	}
	csp := s.headers["Content-Security-Policy"]
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
			if got, want := res.Header.Get(WasmLengthHeader), strconv.Itoa(len(raw)); got != want {
				t.Errorf("%s %q, want %q", WasmLengthHeader, got, want)
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
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get(WasmLengthHeader) == "" {
		t.Errorf("HEAD headers %v, want br and %s", res.Header, WasmLengthHeader)
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
	if err := Precompress(root); err != nil {
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

func TestFixViewport(t *testing.T) {
	const goApp = `<meta content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover" name="viewport">`
	page := []byte("<head><meta charset=\"UTF-8\">" + goApp + "</head><body>" + goApp + "</body>")
	want := "<head><meta charset=\"UTF-8\">" + Viewport + "</head><body>" + goApp + "</body>"
	if got := string(fixViewport(page)); got != want {
		t.Errorf("got %s, want only the head's viewport replaced", got)
	}
	if got := string(fixViewport([]byte("<p>no head</p>"))); got != "<p>no head</p>" {
		t.Errorf("a page without the viewport changed: %s", got)
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
	if err := Precompress(root); err != nil {
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
	if err := Precompress(root); err != nil {
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

// TestNotAPageIs404 checks that an address that is no page of the app gets
// the app's own page, with its navigation, yet status 404, so a crawler or
// a link checker learns it is wrong; the pages get 200.
func TestNotAPageIs404(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	for path, want := range map[string]struct {
		code int
		text string
	}{
		"/":              {http.StatusOK, "Home page"},
		"/settings":      {http.StatusOK, "Settings page"},
		"/nowhere":       {http.StatusNotFound, "No such page"},
		"/settings/more": {http.StatusNotFound, "No such page"},
	} {
		for _, enc := range []string{"", "br"} {
			res, body := get(t, s, http.MethodGet, path, enc)
			page := decode(t, res.Header.Get("Content-Encoding"), body)
			if res.StatusCode != want.code || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("%s (%q): status %d, type %q; want %d and a page", path, enc, res.StatusCode, res.Header.Get("Content-Type"), want.code)
			}
			if !bytes.Contains(page, []byte(want.text)) {
				t.Errorf("%s (%q): the page does not say %q", path, enc, want.text)
			}
		}
	}
}
