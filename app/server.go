//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// securityHeaders go on every response. go-app v9 runs under this policy
// with no violation; 'wasm-unsafe-eval' lets the browser compile app.wasm.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' " + scriptHash(prefsJS) + "; style-src 'self'; " +
		"img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
	"Permissions-Policy":     "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

// scriptHash is the Content-Security-Policy source that allows the inline
// script whose text is js.
func scriptHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// server wraps the go-app handler: it adds the security headers, compresses,
// serves app.wasm (precompressed when it can) and the app's own manifest.
type server struct {
	root     string
	version  string
	app      *app.Handler
	manifest []byte

	mu   sync.Mutex
	wasm map[string]compressedWasm // by content coding
}

// compressedWasm is app.wasm compressed on the fly, for the file with the
// given size and modification time.
type compressedWasm struct {
	size    int64
	modTime time.Time
	body    []byte
}

// newServer returns the server for the app whose web/ folder is in root.
func newServer(root string) (*server, error) {
	h, err := newHandler(root)
	if err != nil {
		return nil, err
	}
	return &server{
		root:     root,
		version:  h.Version,
		app:      h,
		manifest: manifestJSON(h),
		wasm:     map[string]compressedWasm{},
	}, nil
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	switch p := r.URL.Path; {
	case p == "/web/app.wasm" || p == "/app.wasm" || p == "/goapp.wasm":
		s.serveWasm(w, r)
	case p == "/manifest.webmanifest" || p == "/manifest.json":
		s.serveBytes(w, r, "application/manifest+json", s.manifest)
	case p == "/robots.txt" || p == "/sitemap.xml" || p == "/ads.txt":
		// go-app would fetch these from the host the request names, then
		// cache the answer for everyone: serve the local file or nothing.
		s.serveFile(w, r, filepath.Join(s.root, "web", p))
	case strings.HasPrefix(p, "/web/") && strings.HasSuffix(p, "/"):
		http.NotFound(w, r) // no directory listings
	default:
		cw := &compressWriter{ResponseWriter: w, enc: negotiate(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
		defer cw.Close()
		hw := &pageWriter{ResponseWriter: cw, missing: !isPage(r.URL.Path)}
		defer hw.Close()
		s.app.ServeHTTP(hw, r)
	}
}

// go-app writes a viewport meta element into every page whose maximum-scale=1
// and user-scalable=0 stop people from zooming, which many need to read
// (WCAG 1.4.4, axe's meta-viewport rule). The server and the static build
// replace it with viewport.
const viewport = `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`

// viewportMeta matches a viewport meta element; go-app writes attributes in
// no fixed order.
var viewportMeta = regexp.MustCompile(`<meta\s[^>]*\bname="viewport"[^>]*>`)

// fixViewport returns page with its first viewport meta element, the one
// go-app writes in the head, replaced by viewport.
func fixViewport(page []byte) []byte {
	loc := viewportMeta.FindIndex(page)
	if loc == nil {
		return page
	}
	out := make([]byte, 0, len(page)-(loc[1]-loc[0])+len(viewport))
	out = append(out, page[:loc[0]]...)
	out = append(out, viewport...)
	return append(out, page[loc[1]:]...)
}

// pageWriter holds back an HTML response until Close, to fix its viewport;
// anything else passes straight through.
type pageWriter struct {
	http.ResponseWriter
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
	page := fixViewport(p.body.Bytes())
	if p.Header().Get("Content-Length") != "" {
		p.Header().Set("Content-Length", strconv.Itoa(len(page)))
	}
	p.ResponseWriter.WriteHeader(p.code)
	_, err := p.ResponseWriter.Write(page)
	return err
}

// serveWasm serves web/app.wasm as application/wasm, compressed when the
// client accepts it, with its uncompressed size in wasmLengthHeader.
func (s *server) serveWasm(w http.ResponseWriter, r *http.Request) {
	name := filepath.Join(s.root, "web", "app.wasm")
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	enc := negotiate(r.Header.Get("Accept-Encoding"))
	body, err := s.wasmBody(name, fi, enc)
	if err != nil {
		http.Error(w, "reading app.wasm failed", http.StatusInternalServerError)
		return
	}
	defer body.Close()

	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	h.Set(wasmLengthHeader, strconv.FormatInt(fi.Size(), 10))
	etag := s.version
	if enc != "" {
		// http.ServeContent leaves out Content-Length for an encoded body,
		// and byte ranges of it would make little sense: send it whole.
		size, err := body.Seek(0, io.SeekEnd)
		if err == nil {
			_, err = body.Seek(0, io.SeekStart)
		}
		if err != nil {
			http.Error(w, "reading app.wasm failed", http.StatusInternalServerError)
			return
		}
		h.Set("Content-Encoding", enc)
		h.Set("Content-Length", strconv.FormatInt(size, 10))
		r = r.Clone(r.Context())
		r.Header.Del("Range")
		etag += "-" + enc
	}
	h.Set("ETag", strconv.Quote(etag))
	http.ServeContent(w, r, "", fi.ModTime(), body)
}

// wasmBody returns app.wasm in the coding enc: the file itself, a fresh
// precompressed copy, or else a copy compressed once and kept in memory.
func (s *server) wasmBody(name string, fi os.FileInfo, enc string) (readSeekCloser, error) {
	if enc == "" {
		return os.Open(name)
	}
	pre := name + precompressedExt[enc]
	if pi, err := os.Stat(pre); err == nil && !pi.ModTime().Before(fi.ModTime()) {
		return os.Open(pre)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.wasm[enc]
	if c.body == nil || c.size != fi.Size() || !c.modTime.Equal(fi.ModTime()) {
		raw, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		zw := newEncoder(&b, enc, false)
		zw.Write(raw) // writes to a bytes.Buffer do not fail
		if err := zw.Close(); err != nil {
			return nil, err
		}
		c = compressedWasm{size: fi.Size(), modTime: fi.ModTime(), body: b.Bytes()}
		s.wasm[enc] = c
	}
	return nopCloser{bytes.NewReader(c.body)}, nil
}

type readSeekCloser interface {
	io.ReadSeeker
	io.Closer
}

type nopCloser struct{ io.ReadSeeker }

func (nopCloser) Close() error { return nil }

// serveBytes serves b with the content type ctype, compressed if accepted.
func (s *server) serveBytes(w http.ResponseWriter, r *http.Request, ctype string, b []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	cw := &compressWriter{ResponseWriter: w, enc: negotiate(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
	defer cw.Close()
	cw.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		cw.Write(b)
	}
}

// serveFile serves the file name if it exists, or a 404.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	cw := &compressWriter{ResponseWriter: w, enc: negotiate(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
	defer cw.Close()
	http.ServeFile(cw, r, name)
}

// compressWriter compresses a response on its way out when it is a 200 with
// a text content type and the client accepts a coding (enc).
type compressWriter struct {
	http.ResponseWriter
	enc     string
	head    bool
	decided bool
	zw      io.WriteCloser
}

// compressible tells whether a response of this content type gains from
// compression: text, scripts, JSON, manifests and SVG, not images or wasm
// (served apart).
func compressible(ctype string) bool {
	ctype, _, _ = strings.Cut(ctype, ";")
	ctype = strings.TrimSpace(strings.ToLower(ctype))
	switch {
	case strings.HasPrefix(ctype, "text/"),
		ctype == "application/javascript", ctype == "application/json",
		ctype == "application/manifest+json", ctype == "image/svg+xml",
		ctype == "application/xml":
		return true
	}
	return false
}

func (c *compressWriter) WriteHeader(code int) {
	if c.decided {
		c.ResponseWriter.WriteHeader(code)
		return
	}
	c.decided = true
	h := c.Header()
	if compressible(h.Get("Content-Type")) {
		h.Add("Vary", "Accept-Encoding")
		if code == http.StatusOK && c.enc != "" && h.Get("Content-Encoding") == "" {
			h.Del("Content-Length")
			h.Del("Accept-Ranges")
			h.Set("Content-Encoding", c.enc)
			if !c.head {
				c.zw = newEncoder(c.ResponseWriter, c.enc, false)
			}
		}
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *compressWriter) Write(p []byte) (int, error) {
	if !c.decided {
		if c.Header().Get("Content-Type") == "" {
			c.Header().Set("Content-Type", http.DetectContentType(p))
		}
		c.WriteHeader(http.StatusOK)
	}
	if c.zw != nil {
		return c.zw.Write(p)
	}
	return c.ResponseWriter.Write(p)
}

// Close ends the compressed stream, if any.
func (c *compressWriter) Close() error {
	if c.zw == nil {
		return nil
	}
	err := c.zw.Close()
	c.zw = nil
	return err
}
