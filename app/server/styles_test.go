package server

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// styleElement matches a style element and its text.
var styleElement = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// checkInlineStyles fails unless page carries go-app's stylesheet and then
// the site's, whole and in that order, links to neither, and csp allows
// exactly the style elements the page holds.
func checkInlineStyles(t *testing.T, where string, page []byte, appCSS, ownCSS, csp string) {
	t.Helper()
	for _, link := range linkElement.FindAll(page, -1) {
		if strings.Contains(string(link), `href="/app.css"`) || strings.Contains(string(link), `href="/web/app.css"`) {
			t.Errorf("%s still links to a stylesheet it carries: %s", where, link)
		}
	}
	var texts []string
	for _, m := range styleElement.FindAllSubmatch(page, -1) {
		texts = append(texts, string(m[1]))
	}
	if len(texts) != 2 || texts[0] != appCSS || texts[1] != ownCSS {
		t.Fatalf("%s carries %d style elements, want go-app's app.css (%d bytes) then web/app.css (%d bytes), whole", where, len(texts), len(appCSS), len(ownCSS))
	}
	styleSrc := regexp.MustCompile(`style-src ([^;]*);`).FindStringSubmatch(csp)
	want := "'self' " + sourceHash(appCSS) + " " + sourceHash(ownCSS)
	if styleSrc == nil || styleSrc[1] != want {
		t.Errorf("%s: the policy's style-src is %q, want %q", where, styleSrc, want)
	}
}

// A site with InlineStyles sends pages that carry their stylesheets, which
// its Content-Security-Policy allows by hash, from the server and from the
// static build alike. A site without keeps its links.
func TestPagesCarryTheirStylesheets(t *testing.T) {
	root := newTestRoot(t)
	own, err := os.ReadFile(filepath.Join(root, "web", "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	site := testSite(t, root)
	site.InlineStyles = true
	s, err := New(site)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	_, appCSS := get(t, s, http.MethodGet, "/app.css", "")
	for _, path := range []string{"/", "/settings", "/nowhere"} {
		res, body := get(t, s, http.MethodGet, path, "br")
		checkInlineStyles(t, path, decode(t, res.Header.Get("Content-Encoding"), body), string(appCSS), string(own), res.Header.Get("Content-Security-Policy"))
	}

	out := filepath.Join(t.TempDir(), "dist")
	if err := WriteStatic(site, out); err != nil {
		t.Fatalf("WriteStatic: %v", err)
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	headers, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	checkInlineStyles(t, "the static index.html", page, string(appCSS), string(own), string(headers))

	plain := newTestServer(t, root)
	res, body := get(t, plain, http.MethodGet, "/", "")
	if styleElement.Match(body) || !strings.Contains(string(body), `href="/web/app.css"`) {
		t.Errorf("a site without InlineStyles changed its page's stylesheets:\n%s", body)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "style-src 'self';") {
		t.Errorf("a site without InlineStyles allows more styles: %s", csp)
	}
}

// A stylesheet that would read differently inline keeps the server from
// starting, with a message that names it and why.
func TestStylesheetsThatCannotGoInline(t *testing.T) {
	for _, c := range []struct{ css, want string }{
		{"p::after { content: \"</style>\"; }", `contains "</style"`},
		{"h1 { background: url(icons/x.png); }", `names "icons/x.png" relative`},
		{"h1 { background: url('../x.png'); }", `names "../x.png" relative`},
		{"h1 { background: url(//elsewhere.example/x.png); }", `names "//elsewhere.example/x.png" relative`},
	} {
		root := newTestRoot(t)
		writeFile(t, filepath.Join(root, "web", "app.css"), c.css)
		site := testSite(t, root)
		site.InlineStyles = true
		_, err := New(site)
		if err == nil || !strings.Contains(err.Error(), "/web/app.css") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: New gave %v, want an error naming /web/app.css that %s", c.css, err, c.want)
		}
	}
	for _, css := range []string{
		"h1 { background: url(/web/icons/icon.svg); }",
		`h1 { background: url("data:image/svg+xml,<svg/>"); }`,
		"h1 { filter: url(#shadow); }",
	} {
		root := newTestRoot(t)
		writeFile(t, filepath.Join(root, "web", "app.css"), css)
		site := testSite(t, root)
		site.InlineStyles = true
		if _, err := New(site); err != nil {
			t.Errorf("%q: New: %v", css, err)
		}
	}
}
