package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/internal/appserver"
	"unknot/internal/browsertest"
)

// buildSection names the custom section that marks each test build's
// app.wasm. The runtime ignores custom sections, so both builds run the same
// code, yet the wasm a page compiled tells which build it came from.
const buildSection = "unknot-test-build"

// wasmBuildRecorder notes the build mark of every module the page compiles
// in window.__wasmBuilds, before app.js runs.
const wasmBuildRecorder = `(() => {
	window.__wasmBuilds = [];
	const note = (result) => {
		const s = WebAssembly.Module.customSections(result.module, "` + buildSection + `");
		window.__wasmBuilds.push(s.length ? new TextDecoder().decode(s[0]) : "unmarked");
		return result;
	};
	const streaming = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = (source, imports) => streaming.call(WebAssembly, source, imports).then(note);
	const instantiate = WebAssembly.instantiate;
	WebAssembly.instantiate = (source, imports) =>
		instantiate.call(WebAssembly, source, imports).then((r) => (r.module ? note(r) : r));
})()`

// cacheDigests lists every cache of the page's origin with the SHA-256 of
// each entry, keyed "cache path?query".
const cacheDigests = `(async () => {
	const out = {};
	for (const name of await caches.keys()) {
		const cache = await caches.open(name);
		for (const req of await cache.keys()) {
			const res = await cache.match(req);
			const sum = await crypto.subtle.digest("SHA-256", await res.arrayBuffer());
			const u = new URL(req.url);
			out[name + " " + u.pathname + u.search] =
				Array.from(new Uint8Array(sum), (b) => b.toString(16).padStart(2, "0")).join("");
		}
	}
	return out;
})()`

// staticBuild is one build of the static site.
type staticBuild struct {
	name    string // its mark in app.wasm: "A", "B"
	dist    string
	version string
}

// markedWasm returns wasm with a custom section that names build.
func markedWasm(wasm []byte, build string) []byte {
	leb := func(n int) []byte {
		var b []byte
		for {
			c := byte(n & 0x7f)
			n >>= 7
			if n == 0 {
				return append(b, c)
			}
			b = append(b, c|0x80)
		}
	}
	payload := append(leb(len(buildSection)), buildSection...)
	payload = append(payload, build...)
	out := append(slices.Clone(wasm), 0) // custom section id
	out = append(out, leb(len(payload))...)
	return append(out, payload...)
}

// newStaticBuild writes the static site of the harness's app, with its
// app.wasm marked as build name and extra appended to web/app.css, so each
// build has its own version.
func newStaticBuild(t *testing.T, h *harness, name, extraCSS string) staticBuild {
	t.Helper()
	work := filepath.Join(t.TempDir(), "work-"+name)
	if err := appserver.CopyWeb(filepath.Join(h.work, "web"), filepath.Join(work, "web")); err != nil {
		t.Fatal(err)
	}
	wasm, err := os.ReadFile(filepath.Join(h.work, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "web", "app.wasm"), markedWasm(wasm, name), 0o644); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(work, "web", "app.css")
	b, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(b, extraCSS...), 0o644); err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(t.TempDir(), "dist-"+name)
	if err := command(work, nil, h.bin, "static", "-out", dist); err != nil {
		t.Fatal(err)
	}
	worker, err := os.ReadFile(filepath.Join(dist, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const cacheName = "app-" \+ "([0-9a-f]+)"`).FindSubmatch(worker)
	if m == nil {
		t.Fatal("dist/app-worker.js names no version")
	}
	return staticBuild{name: name, dist: dist, version: string(m[1])}
}

// distFile returns the file of b's static site that answers the URL path p,
// as the worker caches it: a route from its page, app.wasm whatever ?v=.
func (b staticBuild) distFile(t *testing.T, p string) []byte {
	t.Helper()
	name := strings.TrimPrefix(p, "/")
	switch {
	case name == "":
		name = "index.html"
	case path.Ext(name) == "":
		name += ".html"
	}
	body, err := os.ReadFile(filepath.Join(b.dist, filepath.FromSlash(name)))
	if err != nil {
		t.Fatalf("%s of build %s: %v", p, b.name, err)
	}
	return body
}

// runningBuild reports what the page runs: the version app.js was built
// with, the build marks of the wasm modules it compiled, and the ?v= of each
// build script it requested.
type runningBuild struct {
	AppJS   string   `json:"appJS"`
	Wasm    []string `json:"wasm"`
	Scripts []string `json:"scripts"`
}

const runningBuildJS = `({
	appJS: typeof goappGetenv === "function" ? String(goappGetenv("GOAPP_VERSION")) : "no app.js",
	wasm: window.__wasmBuilds || [],
	scripts: performance.getEntriesByType("resource")
		.map((e) => new URL(e.name))
		.filter((u) => /(app\.js|wasm_exec\.js|cues\.js|app\.wasm)$/.test(u.pathname))
		.map((u) => u.pathname + u.search)
		.sort(),
})`

// TestUpdateIsWhole serves a static build with Cache-Control: max-age=600,
// as a static host may, installs it, then deploys a second build and
// reloads until the new service worker has taken over. The new cache must
// hold only the new build's files, not the old copies the browser's HTTP
// cache still keeps, and the page must run app.js, wasm_exec.js, cues.js
// and app.wasm of the new build together.
func TestUpdateIsWhole(t *testing.T) {
	h := setup(t)
	a := newStaticBuild(t, h, "A", "")
	b := newStaticBuild(t, h, "B", "\n/* build B */\n")
	if a.version == b.version {
		t.Fatalf("both builds have version %s", a.version)
	}

	var current atomic.Pointer[string]
	current.Store(&a.dist)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=600")
		http.FileServer(http.Dir(*current.Load())).ServeHTTP(w, r)
	}))
	defer srv.Close()

	tb := newTab(t)
	func() {
		ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
		defer cancel()
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: wasmBuildRecorder}); err != nil {
			t.Fatalf("installing the wasm recorder: %v", err)
		}
	}()
	tb.open(t, srv.URL, "/")
	tb.waitControlled(t)
	checkRunning(t, tb, a)

	// Deploys half done, or an old copy on the way: the new worker must not
	// install from them, and the installed build keeps running whole.
	for _, stale := range []string{"web/app.wasm", "index.html", "web/app.css"} {
		mixed := mixedBuild(t, b, a, stale)
		deploy(t, mixed)
		current.Store(&mixed)
		if got := eval[string](t, tb, updateOutcome); got != "redundant" {
			t.Errorf("with %s of build A and the rest of B, the new worker ended %s, want redundant (its install failed)", stale, got)
		}
		if caches := eval[[]string](t, tb, `caches.keys()`); !slices.Equal(caches, []string{"app-" + a.version}) {
			t.Errorf("with %s of build A and the rest of B, the caches are %v", stale, caches)
		}
		reload(t, tb, srv.URL)
		checkRunning(t, tb, a)
	}

	deploy(t, b.dist)
	current.Store(&b.dist)
	deadline := time.Now().Add(2 * time.Minute)
	var caches []string
	for {
		// Each navigation checks app-worker.js, past the HTTP cache.
		reload(t, tb, srv.URL)
		caches = eval[[]string](t, tb, `caches.keys()`)
		if slices.Equal(caches, []string{"app-" + b.version}) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("build B (%s) never took over: caches %v, workers %v, page runs %+v", b.version, caches,
				eval[[]string](t, tb, workersJS), eval[runningBuild](t, tb, runningBuildJS))
		}
		time.Sleep(500 * time.Millisecond)
	}
	reload(t, tb, srv.URL)
	checkRunning(t, tb, b)
	checkOldBuildScripts(t, tb, a, b)

	digests := eval[map[string]string](t, tb, cacheDigests)
	if len(digests) < 10 {
		t.Fatalf("the cache holds %d entries: %v", len(digests), digests)
	}
	for key, got := range digests {
		name, url, _ := strings.Cut(key, " ")
		if name != "app-"+b.version {
			t.Errorf("cache %s is left", name)
			continue
		}
		p, _, _ := strings.Cut(url, "?")
		if sum := sha256.Sum256(b.distFile(t, p)); hex.EncodeToString(sum[:]) != got {
			from := "neither build"
			if sum := sha256.Sum256(a.distFile(t, p)); hex.EncodeToString(sum[:]) == got {
				from = "build A"
			}
			t.Errorf("the new cache holds %s from %s", url, from)
		}
	}
}

// checkOldBuildScripts plays a page of build old asking for its scripts
// after build cur took over: the worker answers from old's cache while it
// is there, and once it is gone refuses and loads the page again, whole
// from cur, rather than send cur's files to old's app.js.
func checkOldBuildScripts(t *testing.T, tb *tab, old, cur staticBuild) {
	t.Helper()
	served := eval[string](t, tb, `(async () => {
		const cache = await caches.open("app-`+old.version+`");
		await cache.put("/app.js", new Response("// app.js of build `+old.name+`"));
		const text = await (await fetch("/app.js?v=`+old.version+`")).text();
		await caches.delete("app-`+old.version+`");
		return text;
	})()`)
	if served != "// app.js of build "+old.name {
		t.Errorf("app.js of build %s, while its cache is there: got %q", old.name, served)
	}
	// The worker reloads the page as it refuses, so the answer may never
	// reach it: the page notes a served answer, and a reload shows a
	// refusal. The reload can come before the script's own result.
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		window.__before = true;
		fetch("/web/app.wasm?v=`+old.version+`").then(
			() => { window.__oldWasm = "served"; },
			() => { window.__oldWasm = "refused"; },
		);
		return true;
	})()`)); err != nil && !strings.Contains(err.Error(), "navigated or closed") {
		t.Fatalf("asking for app.wasm of build %s: %v", old.name, err)
	}
	for {
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__before === undefined ?
			((`+browsertest.AppStarted+`) ? "loaded again" : "loading") : String(window.__oldWasm)`))
		if err == nil && state == "served" {
			t.Fatalf("app.wasm of build %s, whose cache is gone, was served to a page", old.name)
		}
		if err == nil && state == "loaded again" {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the page of build %s was not loaded again (last state %q, %v)", old.name, state, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	checkRunning(t, tb, cur)
}

// updateOutcome asks the browser to check for a new worker now and returns
// the state the one it finds ends in: "activated", or "redundant" when its
// install failed.
// An install already under way (a navigation starts one) is waited out
// first, so the one that reports is this check's.
const updateOutcome = `(async () => {
	const ended = (w) => new Promise((resolve) => {
		const check = () => (w.state === "activated" || w.state === "redundant") && resolve(w.state);
		w.addEventListener("statechange", check);
		check();
	});
	const r = await navigator.serviceWorker.getRegistration();
	if (r.installing) await ended(r.installing);
	const found = new Promise((resolve) => r.addEventListener("updatefound", () => resolve(r.installing), { once: true }));
	await r.update();
	return await ended(await found);
})()`

// mixedBuild returns a copy of build base's site with the files named taken
// from build from.
func mixedBuild(t *testing.T, base, from staticBuild, names ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mixed")
	if err := os.CopyFS(dir, os.DirFS(base.dist)); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(from.dist, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// workersJS lists the page's service workers with their states.
const workersJS = `navigator.serviceWorker.getRegistration().then((r) =>
	r ? [r.installing, r.waiting, r.active].map((w) => (w ? w.state : "-")) : ["no registration"])`

// deploy dates every file of dist now, as an upload does. A file server
// that answers If-Modified-Since to the second would otherwise call a
// build written in the same second as the one before it unmodified.
func deploy(t *testing.T, dist string) {
	t.Helper()
	time.Sleep(1100 * time.Millisecond) // a second later than any earlier file
	now := time.Now()
	err := filepath.WalkDir(dist, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, now, now)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// reload navigates tb to base/ again and waits until the app runs there.
// The service worker may load the page once more while it takes over, so
// it does not wait for the load event of the first navigation, which then
// never comes: it waits for a page that is not the one before and runs.
func reload(t *testing.T, tb *tab, base string) {
	t.Helper()
	eval[bool](t, tb, `window.__beforeReload = true`)
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: base + "/"}); err != nil {
		t.Fatalf("reloading: %v", err)
	}
	for {
		ready, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__beforeReload === undefined && `+browsertest.AppStarted))
		if err == nil && ready {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("after a reload, the app did not start: %v", err)
		}
		time.Sleep(100 * time.Millisecond) // also while the page is replaced
	}
}

// checkRunning checks that the page runs build want whole.
func checkRunning(t *testing.T, tb *tab, want staticBuild) {
	t.Helper()
	got := eval[runningBuild](t, tb, runningBuildJS)
	if got.AppJS != want.version {
		t.Errorf("the page runs app.js of version %s, want build %s (%s)", got.AppJS, want.name, want.version)
	}
	if !slices.Equal(got.Wasm, []string{want.name}) {
		t.Errorf("the page compiled app.wasm of builds %v, want only %s", got.Wasm, want.name)
	}
	wantScripts := []string{
		"/app.js?v=" + want.version, "/wasm_exec.js?v=" + want.version,
		"/web/app.wasm?v=" + want.version, "/web/cues.js?v=" + want.version,
	}
	slices.Sort(wantScripts)
	if !slices.Equal(got.Scripts, wantScripts) {
		t.Errorf("the page requested %v, want %v", got.Scripts, wantScripts)
	}
}
