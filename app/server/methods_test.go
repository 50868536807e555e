package server

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawRequest sends request, written out whole (request line, headers and
// body), exactly as given, and returns the whole response as received.
// http.Client would clean or refuse what an attacker sends raw.
func rawRequest(t *testing.T, addr, request string) []byte {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatal(err)
	}
	res, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("%q: reading the response: %v", request, err)
	}
	return res
}

// header returns the value of the header name in a raw response, and
// whether it is there.
func header(res []byte, name string) (string, bool) {
	head, _, _ := bytes.Cut(res, []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n")[1:] {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(k, name) {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// TestOnlyGetAndHead sends every other method raw, to pages, files and
// app.wasm: each gets 405 with Allow: GET, HEAD, the security headers and
// no page or file; GET and HEAD still work.
func TestOnlyGetAndHead(t *testing.T) {
	s := newTestServer(t, newTestRoot(t))
	addr := listen(t, s)
	end := "Host: x\r\nConnection: close\r\n"
	refused := []struct{ scenario, request string }{
		{"OPTIONS a page", "OPTIONS / HTTP/1.1\r\n" + end + "\r\n"},
		{"OPTIONS the server", "OPTIONS * HTTP/1.1\r\n" + end + "\r\n"},
		{"POST a page with a body", "POST /history HTTP/1.1\r\n" + end + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\na=1&b=2"},
		{"POST app.wasm", "POST /web/app.wasm HTTP/1.1\r\n" + end + "Content-Length: 0\r\n\r\n"},
		{"PUT a shipped file", "PUT /web/app.css HTTP/1.1\r\n" + end + "Content-Length: 4\r\n\r\nbody"},
		{"DELETE the manifest", "DELETE /manifest.webmanifest HTTP/1.1\r\n" + end + "\r\n"},
		{"TRACE a page", "TRACE / HTTP/1.1\r\n" + end + "\r\n"},
		{"TRACE with a dot segment", "TRACE /web/../go.mod HTTP/1.1\r\n" + end + "\r\n"},
		{"PATCH the worker", "PATCH /app-worker.js HTTP/1.1\r\n" + end + "\r\n"},
		{"a made-up method", "BREW /robots.txt HTTP/1.1\r\n" + end + "\r\n"},
		{"get in lower case", "get / HTTP/1.1\r\n" + end + "\r\n"},
		{"CONNECT", "CONNECT example.com:443 HTTP/1.1\r\n" + end + "\r\n"},
		{"an absolute target", "POST http://x/ HTTP/1.1\r\n" + end + "Content-Length: 0\r\n\r\n"},
	}
	for _, c := range refused {
		t.Run(c.scenario, func(t *testing.T) {
			res := rawRequest(t, addr, c.request)
			if got := status(res); got != "405" {
				t.Fatalf("status %s, want 405:\n%.300s", got, res)
			}
			if got, _ := header(res, "Allow"); got != "GET, HEAD" {
				t.Errorf("Allow: %q, want \"GET, HEAD\"", got)
			}
			for k, want := range s.headers {
				if got, _ := header(res, k); got != want {
					t.Errorf("%s: %q, want %q", k, got, want)
				}
			}
			_, body, _ := bytes.Cut(res, []byte("\r\n\r\n"))
			for _, leak := range []string{"<html", "asm fake module", "body { color", `"start_url"`} {
				if bytes.Contains(body, []byte(leak)) {
					t.Errorf("the body holds %q:\n%.300s", leak, body)
				}
			}
		})
	}
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		for _, target := range []string{"/", "/web/app.wasm", "/web/app.css", "/manifest.webmanifest"} {
			if got := status(rawRequest(t, addr, method+" "+target+" HTTP/1.1\r\n"+end+"\r\n")); got != "200" {
				t.Errorf("%s %s: status %s, want 200", method, target, got)
			}
		}
	}
}
