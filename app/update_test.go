//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// workerDigests returns the digests app-worker.js checks downloads against.
func workerDigests(t *testing.T, worker []byte) map[string]string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^const digests = (\{.*\});$`).FindSubmatch(worker)
	if m == nil {
		t.Fatalf("app-worker.js has no digests:\n%s", worker)
	}
	var digests map[string]string
	if err := json.Unmarshal(m[1], &digests); err != nil {
		t.Fatalf("app-worker.js digests: %v", err)
	}
	return digests
}

// workerResources returns the URLs app-worker.js caches at install.
func workerResources(t *testing.T, worker []byte) []string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^const resourcesToCache = (\[.*\]);$`).FindSubmatch(worker)
	if m == nil {
		t.Fatalf("app-worker.js has no resources to cache:\n%s", worker)
	}
	var urls []string
	if err := json.Unmarshal(m[1], &urls); err != nil {
		t.Fatalf("app-worker.js resources: %v", err)
	}
	return urls
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestWorkerDigestsMatchServedFiles checks that the digests in the worker
// are those of what the server sends at each URL the worker caches: every
// file it caches at install has one (go-app's app.css and the manifest
// too), but the page "/", which names its build instead, and a file with
// none fails the install.
func TestWorkerDigestsMatchServedFiles(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	_, worker := get(t, s, http.MethodGet, "/app-worker.js", "")
	digests := workerDigests(t, worker)
	want := []string{"/app.js", "/wasm_exec.js", "/web/app.wasm?v=" + s.Version(), "/web/cues.js", "/web/app.css", "/web/icons/icon.svg",
		"/app.css", "/manifest.webmanifest"}
	for _, url := range workerResources(t, worker) {
		if url != "/" {
			want = append(want, url)
		}
	}
	for _, url := range want {
		if _, ok := digests[url]; !ok {
			t.Errorf("the worker has no digest for %s: %v", url, digests)
		}
	}
	if !strings.Contains(string(worker), "has no digest of this build") {
		t.Error("app-worker.js installs a file that has no digest")
	}
	for url, want := range digests {
		res, body := get(t, s, http.MethodGet, url, "br")
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", url, res.StatusCode)
			continue
		}
		if got := hexSHA256(decode(t, res.Header.Get("Content-Encoding"), body)); got != want {
			t.Errorf("%s: served content has digest %s, the worker expects %s", url, got, want)
		}
	}
	for _, want := range []string{`fetch(new Request(url, { cache: "reload" }))`, `fetch(url, { cache: "reload" })`} {
		if !strings.Contains(string(worker), want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
}

// TestPagesNameTheirBuild checks that a page asks for its scripts from its
// build, that app.js asks for app.wasm from it too, and that the server
// sends no file of its build to a page of another.
func TestPagesNameTheirBuild(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	v := s.Version()
	_, page := get(t, s, http.MethodGet, "/", "")
	for _, src := range []string{"/wasm_exec.js", "/app.js", "/web/cues.js"} {
		if !strings.Contains(string(page), `src="`+src+`?v=`+v+`"`) {
			t.Errorf("the page does not ask for %s of build %s", src, v)
		}
		if strings.Contains(string(page), `src="`+src+`"`) {
			t.Errorf("the page asks for %s of no build", src)
		}
	}
	if _, js := get(t, s, http.MethodGet, "/app.js", ""); !strings.Contains(string(js), `"/web/app.wasm?v=`+v+`"`) {
		t.Errorf("app.js does not fetch app.wasm of build %s", v)
	}
	for _, url := range []string{"/app.js", "/wasm_exec.js", "/web/cues.js", "/web/app.wasm", "/app.wasm"} {
		if res, _ := get(t, s, http.MethodGet, url+"?v="+v, ""); res.StatusCode != http.StatusOK {
			t.Errorf("%s of this build: status %d", url, res.StatusCode)
		}
		if res, _ := get(t, s, http.MethodGet, url+"?v=0123456789abcdef0123", ""); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s of another build: status %d, want 404", url, res.StatusCode)
		}
	}
	if res, _ := get(t, s, http.MethodGet, "/?v=other", ""); res.StatusCode != http.StatusOK {
		t.Errorf("a page with an unrelated v parameter: status %d", res.StatusCode)
	}
}

// TestStaticSiteIsOneBuild checks that the static site's pages name their
// build and that its files are the ones the worker's digests describe.
func TestStaticSiteIsOneBuild(t *testing.T) {
	root := newTestRoot(t)
	out := filepath.Join(t.TempDir(), "dist")
	if err := writeStaticSite(root, out, io.Discard); err != nil {
		t.Fatalf("writeStaticSite: %v", err)
	}
	v := newTestServer(t, root).Version()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, page := range []string{"index.html", "404.html", "history.html"} {
		if !strings.Contains(string(read(page)), `src="/app.js?v=`+v+`"`) {
			t.Errorf("%s does not ask for app.js of build %s", page, v)
		}
	}
	digests := workerDigests(t, read("app-worker.js"))
	files := map[string]string{"/app.js": "app.js", "/wasm_exec.js": "wasm_exec.js", "/web/app.wasm?v=" + v: "web/app.wasm", "/web/cues.js": "web/cues.js",
		"/app.css": "app.css", "/manifest.webmanifest": "manifest.webmanifest"}
	for url, name := range files {
		if got := hexSHA256(read(name)); got != digests[url] {
			t.Errorf("dist/%s has digest %s, the worker expects %s for %s", name, got, digests[url], url)
		}
	}
}
