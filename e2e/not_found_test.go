package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// checkNotFoundPage checks that tb shows the app's own page for an unknown
// address: a heading that says so, the address, the main navigation and a
// way home.
func checkNotFoundPage(t *testing.T, tb *tab, path string) {
	t.Helper()
	waitFor(t, tb, `!!document.getElementById("not-found-home")`, path+" shows the app's not-found page")
	if got := text(t, tb, "main h1"); got != "There is no such page" {
		t.Errorf("%s: heading %q", path, got)
	}
	if got := text(t, tb, "main code.address"); got != path {
		t.Errorf("%s: the page names the address as %q", path, got)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("nav.site-nav a").length`); n < 4 {
		t.Errorf("%s: %d links in the main navigation", path, n)
	}
	if got := eval[string](t, tb, `document.getElementById("not-found-home").getAttribute("href")`); got != "/" {
		t.Errorf("%s: the way home leads to %q", path, got)
	}
}

// TestUnknownAddress opens an address the app does not have: the server
// answers 404 with the app's own page, which the app then runs.
func TestUnknownAddress(t *testing.T) {
	h := setup(t)
	const path = "/no/such/page"
	res, err := http.Get(h.base + path)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound || !strings.Contains(string(body), "There is no such page") {
		t.Errorf("GET %s: %d, want 404 with the app's page:\n%.300s", path, res.StatusCode, body)
	}
	tb := newTab(t)
	tb.open(t, h.base, path)
	checkNotFoundPage(t, tb, path)
	screenshot(t, tb, "not-found-390x844")
	click(t, tb, "#not-found-home")
	waitFor(t, tb, `location.pathname === "/" && !!document.getElementById("home-routines")`, "Home opens")
}
