package server

import (
	"bytes"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// go-app writes a viewport meta element into every page whose maximum-scale=1
// and user-scalable=0 stop people from zooming, which many need to read
// (WCAG 1.4.4, axe's meta-viewport rule). The server and the static build
// replace it with Viewport.
const Viewport = `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`

// viewportMeta matches a viewport meta element; go-app writes attributes in
// no fixed order.
var viewportMeta = regexp.MustCompile(`<meta\s[^>]*\bname="viewport"[^>]*>`)

// fixViewport returns page with its first viewport meta element, the one
// go-app writes in the head, replaced by Viewport.
func fixViewport(page []byte) []byte {
	loc := viewportMeta.FindIndex(page)
	if loc == nil {
		return page
	}
	out := make([]byte, 0, len(page)-(loc[1]-loc[0])+len(Viewport))
	out = append(out, page[:loc[0]]...)
	out = append(out, Viewport...)
	return append(out, page[loc[1]:]...)
}

// pageFix is how the server and the static build fix the pages go-app
// writes, for one build.
type pageFix struct {
	version string
	scripts []string     // buildScripts
	styles  []stylesheet // carried inline (Site.InlineStyles)
}

// apply returns page as the server and the static build send it: its
// viewport fixed, its scripts asked for from its build, and its
// stylesheets inline when the site has them so.
func (f pageFix) apply(page []byte) []byte {
	page = fixViewport(page)
	for _, src := range f.scripts {
		page = bytes.Replace(page, []byte(`src="`+src+`"`), []byte(`src="`+versioned(src, f.version)+`"`), 1)
	}
	return inlineStyles(page, f.styles)
}

// pageWriter holds back an HTML response until Close, to fix it (pageFix);
// anything else passes straight through.
type pageWriter struct {
	http.ResponseWriter
	fix           pageFix
	decided, html bool
	// missing is set for an address that is no page of the app: its page
	// (the app's own not-found page) goes with status 404.
	missing bool
	code    int
	body    bytes.Buffer
}

func (p *pageWriter) WriteHeader(code int) {
	if p.decided {
		return
	}
	p.decided, p.code = true, code
	ctype := strings.ToLower(p.Header().Get("Content-Type"))
	p.html = strings.HasPrefix(ctype, "text/html")
	if p.html && p.missing && code == http.StatusOK {
		p.code = http.StatusNotFound
	}
	if !p.html {
		p.ResponseWriter.WriteHeader(code)
	}
}

func (p *pageWriter) Write(b []byte) (int, error) {
	if !p.decided {
		if p.Header().Get("Content-Type") == "" {
			p.Header().Set("Content-Type", http.DetectContentType(b))
		}
		p.WriteHeader(http.StatusOK)
	}
	if p.html {
		return p.body.Write(b)
	}
	return p.ResponseWriter.Write(b)
}

// Close sends the held-back page, fixed.
func (p *pageWriter) Close() error {
	if !p.html {
		return nil
	}
	p.html = false
	page := p.fix.apply(p.body.Bytes())
	if p.Header().Get("Content-Length") != "" {
		p.Header().Set("Content-Length", strconv.Itoa(len(page)))
	}
	p.ResponseWriter.WriteHeader(p.code)
	_, err := p.ResponseWriter.Write(page)
	return err
}
