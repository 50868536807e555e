package webkit

import (
	"testing"

	"unknot/internal/browsertest"
)

// TestFirstVisitDownloadsAppWasmOnce opens the app for the first time and
// counts the app.wasm responses the server really sent (WebDriver sees no
// network events: a proxy in front of the server counts them). app.wasm
// goes at 1.6 Mbit/s, the budgets' first-visit link, so the service worker
// installs while the page is still downloading it: the worker must wait
// and take the page's copy from the HTTP cache, not download it again.
// Then the app opens offline.
func TestFirstVisitDownloadsAppWasmOnce(t *testing.T) {
	h := setup(t)
	proxy, err := browsertest.NewCountingProxy(h.app.Base)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	proxy.Pace("/web/app.wasm", 1.6e6/8)
	p := newPage(t)
	p.base = proxy.URL
	p.open("/")
	p.waitControlled()
	if n := proxy.Bodies("/web/app.wasm"); n != 1 {
		t.Errorf("the server sent app.wasm %d times on a first visit, want once: %+v", n, proxy.Sent("/web/app.wasm"))
	}
	t.Logf("app.wasm responses: %+v", proxy.Sent("/web/app.wasm"))

	proxy.Close() // offline from now
	for _, path := range []string{"/", "/history"} {
		p.open(path)
		var got string
		p.run(`return location.pathname`, &got)
		if got != path {
			t.Errorf("offline, %s opened as %s", path, got)
		}
	}
}
