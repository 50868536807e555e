// Package server serves a go-app app and writes it out as a static site: the
// files under web/ it ships and nothing else, app.wasm precompressed or
// compressed once, text compressed on the fly, the security headers, pages
// fixed to name their build, and timeouts that let a slow phone finish
// app.wasm. Unknot (package main in app/) and the benchmark's baseline
// (bench/baseline) are both served by it.
package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// WasmLengthHeader carries the uncompressed size of app.wasm. go-app's
// loader reads it (app.Handler.WasmContentLengthHeader) to show progress,
// because Content-Length is the compressed size when app.wasm is served
// compressed.
const WasmLengthHeader = "X-Wasm-Content-Length"

// Site is an app as the server and the static build need it.
type Site struct {
	// Handler is the app's go-app handler, with its Version set. Its
	// Resources must be a Web, which says what the app ships.
	Handler *app.Handler
	// Manifest is the web app manifest, sent at /manifest.webmanifest.
	Manifest []byte
	// IsPage reports whether a path is the address of one of the app's
	// pages; any other address gets the app's page with status 404. Nil
	// takes every address for a page.
	IsPage func(path string) bool
	// Pages are the addresses the static build writes a page for.
	Pages []string
	// Scripts are the app's own scripts under /web/ that its pages load,
	// which must come from the page's build (see buildScripts).
	Scripts []string
	// InlineScripts are the scripts the page heads carry inline (the
	// handler's RawHeaders), which the Content-Security-Policy allows by
	// their hash.
	InlineScripts []string
	// InlineStyles has the pages carry their stylesheets (go-app's
	// /app.css and the handler's Styles) in style elements instead of
	// links, allowed by their hash too: a page then draws as soon as it is
	// parsed, with no request before its first frame (see stylesheets).
	InlineStyles bool
}

// web returns the Web the site's handler serves from.
func (s Site) web() (Web, error) {
	w, ok := s.Handler.Resources.(Web)
	if !ok {
		return Web{}, fmt.Errorf("the handler's Resources are a %T, not a server.Web", s.Handler.Resources)
	}
	return w, nil
}

// buildScripts are the scripts a page runs, which must all come from one
// build: go-app's two and the site's own. The pages name each with its build
// (?v=, see pageFix), and so does app.js for app.wasm (Web.AppWASM). The
// service worker answers such a request from that build's cache only, and
// the server only for its own build: a page never runs an app.js,
// wasm_exec.js, script of the app's own and app.wasm of different builds,
// even while a new version takes over.
func (s Site) buildScripts() []string {
	return append([]string{"/wasm_exec.js", "/app.js"}, s.Scripts...)
}

// Headers returns the security headers that go on every response. go-app v9
// runs under this policy with no violation; 'wasm-unsafe-eval' lets the
// browser compile app.wasm.
func (s Site) Headers() (map[string]string, error) {
	sheets, err := s.stylesheets()
	if err != nil {
		return nil, err
	}
	return s.headers(sheets), nil
}

// headers are the security headers for pages that carry sheets inline.
func (s Site) headers(sheets []stylesheet) map[string]string {
	scripts := "'self' 'wasm-unsafe-eval'"
	for _, js := range s.InlineScripts {
		scripts += " " + sourceHash(js)
	}
	styles := "'self'"
	for _, sheet := range sheets {
		styles += " " + sourceHash(sheet.text)
	}
	return map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src " + scripts + "; style-src " + styles + "; " +
			"img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
			"base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
		"Permissions-Policy":     "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=()",
	}
}

// sourceHash is the Content-Security-Policy source that allows the inline
// script or style element whose text is text.
func sourceHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Server wraps the go-app handler: it adds the security headers, compresses,
// serves app.wasm (precompressed when it can) and the app's own manifest.
type Server struct {
	site    Site
	web     Web
	headers map[string]string
	page    pageFix

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

// New returns the server for site.
func New(site Site) (*Server, error) {
	web, err := site.web()
	if err != nil {
		return nil, err
	}
	if site.Handler.Version == "" {
		return nil, errors.New("the handler has no Version: app.wasm's ETag and the build checks need one")
	}
	sheets, err := site.stylesheets()
	if err != nil {
		return nil, err
	}
	page := pageFix{version: web.version, scripts: site.buildScripts(), styles: sheets}
	return &Server{site: site, web: web, headers: site.headers(sheets), page: page, wasm: map[string]compressedWasm{}}, nil
}

// Version is the build the server sends.
func (s *Server) Version() string { return s.site.Handler.Version }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range s.headers {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// The app only sends: go-app would answer any method with the
		// page, and TRACE, PUT or DELETE with a 200 says what is not so.
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD are served here", http.StatusMethodNotAllowed)
		return
	}
	if !s.ofThisBuild(r) {
		// A page of another build asks for its scripts: sending this
		// build's would make it run a mix.
		http.Error(w, "not a file of this build", http.StatusNotFound)
		return
	}
	switch p := r.URL.Path; {
	case p == "/web/app.wasm" || p == "/app.wasm" || p == "/goapp.wasm":
		s.serveWasm(w, r)
	case p == "/manifest.webmanifest" || p == "/manifest.json":
		s.serveBytes(w, r, "application/manifest+json", s.site.Manifest)
	case p == "/robots.txt" || p == "/sitemap.xml" || p == "/ads.txt":
		// go-app would fetch these from the host the request names, then
		// cache the answer for everyone: serve the local file or nothing.
		s.serveFile(w, r, p[1:])
	case strings.HasPrefix(p, "/web/") && !s.web.ships(p):
		// The exact path, as sent: no cleaning, so no way out of web/,
		// and no directory listings.
		http.NotFound(w, r)
	default:
		cw := &compressWriter{ResponseWriter: w, enc: negotiate(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
		defer cw.Close()
		missing := s.site.IsPage != nil && !s.site.IsPage(r.URL.Path)
		hw := &pageWriter{ResponseWriter: cw, fix: s.page, missing: missing}
		defer hw.Close()
		s.site.Handler.ServeHTTP(hw, r)
	}
}

// ofThisBuild tells whether r asks for no build in particular (no ?v=), or
// for this one.
func (s *Server) ofThisBuild(r *http.Request) bool {
	if r.URL.RawQuery == "" {
		return true
	}
	switch p := r.URL.Path; {
	case p == "/web/app.wasm" || p == "/app.wasm" || p == "/goapp.wasm" || slices.Contains(s.page.scripts, p):
	default:
		return true
	}
	v := r.URL.Query()["v"]
	return len(v) == 0 || (len(v) == 1 && v[0] == s.Version())
}

// serveWasm serves web/app.wasm as application/wasm, compressed when the
// client accepts it, with its uncompressed size in WasmLengthHeader.
func (s *Server) serveWasm(w http.ResponseWriter, r *http.Request) {
	f, fi, err := openInWeb(s.web.dir, "app.wasm")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	enc := negotiate(r.Header.Get("Accept-Encoding"))
	body, err := s.wasmBody(f, fi, enc)
	if err != nil {
		http.Error(w, "reading app.wasm failed", http.StatusInternalServerError)
		return
	}
	defer body.Close()

	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	h.Set(WasmLengthHeader, strconv.FormatInt(fi.Size(), 10))
	etag := s.Version()
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
	http.ServeContent(&progressWriter{ResponseWriter: w, rc: http.NewResponseController(w)}, r, "", fi.ModTime(), body)
}

// wasmBody returns app.wasm, open as f, in the coding enc: the file itself, a
// fresh precompressed copy, or else a copy compressed once and kept in
// memory. The caller closes f; closing the body never closes f.
func (s *Server) wasmBody(f *os.File, fi os.FileInfo, enc string) (readSeekCloser, error) {
	if enc == "" {
		return nopCloser{f}, nil
	}
	if pre, pi, err := openInWeb(s.web.dir, "app.wasm"+precompressedExt[enc]); err == nil {
		if !pi.ModTime().Before(fi.ModTime()) {
			return pre, nil
		}
		pre.Close()
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.wasm[enc]
	if c.body == nil || c.size != fi.Size() || !c.modTime.Equal(fi.ModTime()) {
		raw, err := io.ReadAll(f)
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
func (s *Server) serveBytes(w http.ResponseWriter, r *http.Request, ctype string, b []byte) {
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

// serveFile serves the file name, inside web/, if it exists, or a 404.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	f, fi, err := openInWeb(s.web.dir, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	cw := &compressWriter{ResponseWriter: w, enc: negotiate(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
	defer cw.Close()
	http.ServeContent(cw, r, fi.Name(), fi.ModTime(), f)
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

// timeouts bound how long a connection may hold the server. Requests are
// small GETs, so reading one is quick even on a poor mobile link. Responses
// are small too, except app.wasm: about 3 MB with brotli, 4 MB with gzip and
// 19 MB for a client that takes neither. A phone on a slow link (50 kB/s, a
// weak 3G signal) needs a minute for the brotli copy and over six for the
// raw file, so no total write limit fits it without also letting a stuck
// client hold a connection that long. app.wasm therefore gets a pace to
// keep instead (progressWriter): it may take as long as it needs while it
// takes at least least bytes in every window, and no single write may wait
// longer than stall.
type serverTimeouts struct {
	readHeader, read, write, idle, stall time.Duration
	// window and least: app.wasm must go out at least least bytes in
	// every window; a zero window asks for no pace.
	window time.Duration
	least  int
}

var timeouts = serverTimeouts{
	readHeader: 10 * time.Second,
	read:       30 * time.Second,
	write:      60 * time.Second, // any response but app.wasm
	idle:       2 * time.Minute,  // a keep-alive connection between requests
	stall:      60 * time.Second, // app.wasm: longest wait for one chunk
	// app.wasm: 192 KB in every 30 s, 6.4 kB/s, a tenth of a weak 3G
	// link and about what 2G (EDGE) gives; slower, the brotli copy would
	// take over 8 minutes. A window that long lets a phone's link stall
	// for 20 s (a tunnel, a change of cell) and catch up. A client
	// trickling 8 KB every 50 s, which kept a connection for hours while
	// each chunk went through before the stall, is cut after 30 s.
	window: 30 * time.Second,
	least:  192 << 10,
}

// NewHTTPServer returns the http.Server that serves h with the server's
// timeouts.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: timeouts.readHeader,
		ReadTimeout:       timeouts.read,
		WriteTimeout:      timeouts.write,
		IdleTimeout:       timeouts.idle,
		// "OPTIONS *" reaches ServeHTTP, which refuses it like any method
		// but GET and HEAD, instead of net/http's own 200.
		DisableGeneralOptionsHandler: true,
	}
}

// progressWriter moves the connection's deadlines forward before each write,
// so a long body is limited by its pace, not its length: the client must
// take timeouts.least bytes by the end of each window, which starts when it
// took the last window's, and no write waits longer than timeouts.stall. A
// deadline passed breaks the connection. It has no ReadFrom: io.Copy writes
// through it in small chunks (32 kB), not in one sendfile call under a
// single deadline.
type progressWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
	// due is when the owed bytes of this window must have gone out.
	due  time.Time
	owed int
}

func (p *progressWriter) Write(b []byte) (int, error) {
	now := time.Now()
	if p.due.IsZero() {
		p.due, p.owed = now.Add(timeouts.window), timeouts.least
	}
	deadline := now.Add(timeouts.stall)
	if timeouts.window > 0 && p.due.Before(deadline) {
		deadline = p.due
	}
	// Not every ResponseWriter (a test recorder) has deadlines.
	p.rc.SetWriteDeadline(deadline)
	// The server reads in the background while it writes, to notice a
	// client that hangs up; past ReadTimeout that read fails and the
	// connection is not kept alive.
	p.rc.SetReadDeadline(deadline)
	n, err := p.ResponseWriter.Write(b)
	if p.owed -= n; p.owed <= 0 {
		p.due, p.owed = time.Now().Add(timeouts.window), timeouts.least
	}
	return n, err
}

// ListenAndServe serves s on addr until SIGINT or SIGTERM, then lets the
// requests under way finish for a few seconds. Once it listens it says so on
// stdout, in a line with "listening on" and the URL, which scripts (the
// browser tests, the benchmark) wait for.
func (s *Server) ListenAndServe(addr string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := NewHTTPServer(s)
	fmt.Fprintf(stdout, "%s %s listening on http://%s\n", s.site.Handler.Name, s.Version(), ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
