package browsertest

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"
)

// Sent is one response a CountingProxy passed on: what it answered and how
// many bytes of body went to the browser.
type Sent struct {
	Path   string // the URL path, without the query
	Query  string
	Status int
	Bytes  int64
}

// CountingProxy stands between a browser and an app's server and counts
// what the server really sent: a test opens URL instead of the server's
// address (a new origin: no service worker, cache or storage yet) and then
// asks what went over the wire, whatever the browser's protocol. Close
// takes the site off the network, as a server that is gone; it may be
// called again.
type CountingProxy struct {
	*httptest.Server
	mu   sync.Mutex
	sent []Sent
	pace map[string]float64 // bytes a second, by path
}

// NewCountingProxy starts a proxy to the server at base ("http://host:port").
func NewCountingProxy(base string) (*CountingProxy, error) {
	target, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	p := &CountingProxy{pace: map[string]float64{}}
	rp := httputil.NewSingleHostReverseProxy(target)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		pace := p.pace[r.URL.Path]
		p.mu.Unlock()
		cw := &countingWriter{ResponseWriter: w, status: http.StatusOK, pace: pace}
		rp.ServeHTTP(cw, r)
		p.mu.Lock()
		p.sent = append(p.sent, Sent{Path: r.URL.Path, Query: r.URL.RawQuery, Status: cw.status, Bytes: cw.bytes})
		p.mu.Unlock()
	}))
	return p, nil
}

// Pace sends the body of every later response for path at no more than
// bytesPerSecond, as a slow link would: a browser that cannot emulate one
// (WebDriver has no network conditions) still waits for the file.
func (p *CountingProxy) Pace(path string, bytesPerSecond float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pace[path] = bytesPerSecond
}

// Sent returns the responses sent so far for path, in order.
func (p *CountingProxy) Sent(path string) []Sent {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Sent
	for _, s := range p.sent {
		if s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Bodies counts the responses for path that carried the file: status 200
// with a body (a 304 carries none).
func (p *CountingProxy) Bodies(path string) int {
	n := 0
	for _, s := range p.Sent(path) {
		if s.Status == http.StatusOK && s.Bytes > 0 {
			n++
		}
	}
	return n
}

type countingWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
	pace   float64 // bytes a second; 0 for no limit
}

func (c *countingWriter) WriteHeader(code int) {
	c.status = code
	c.ResponseWriter.WriteHeader(code)
}

func (c *countingWriter) Write(b []byte) (int, error) {
	if c.pace <= 0 {
		n, err := c.ResponseWriter.Write(b)
		c.bytes += int64(n)
		return n, err
	}
	// In slices of a tenth of a second's worth, each sent before the wait.
	written := 0
	for len(b) > 0 {
		k := min(len(b), max(int(c.pace/10), 1))
		n, err := c.ResponseWriter.Write(b[:k])
		written += n
		c.bytes += int64(n)
		if err != nil {
			return written, err
		}
		c.Flush()
		time.Sleep(time.Duration(float64(k) / c.pace * float64(time.Second)))
		b = b[k:]
	}
	return written, nil
}

// Flush lets the proxy pass a streamed body on as it comes.
func (c *countingWriter) Flush() {
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
