// Package servertest holds what the tests of package server and of the app
// that uses it share: a small web/ folder, and requests whose response
// comes back read and decoded.
package servertest

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// Root writes a small web/ folder into a temporary directory and returns the
// directory. app.wasm is compressible text, so a decoded body that matches
// it proves the round trip.
func Root(tb testing.TB) string {
	tb.Helper()
	root := tb.TempDir()
	files := map[string]string{
		"web/app.wasm":                   strings.Repeat("\x00asm fake module for tests ", 4000),
		"web/app.css":                    "body { color: #222; }\n" + strings.Repeat("/* padding */\n", 100),
		"web/cues.js":                    "window.unknotCues = {};\n",
		"web/icons/icon-192.png":         "png 192",
		"web/icons/icon-512.png":         "png 512",
		"web/icons/maskable-512.png":     "png maskable",
		"web/icons/apple-touch-icon.png": "png apple",
		"web/icons/favicon-32.png":       "png 32",
		"web/icons/icon.svg":             `<svg xmlns="http://www.w3.org/2000/svg"/>`,
	}
	for name, body := range files {
		WriteFile(tb, filepath.Join(root, name), body)
	}
	return root
}

// WriteFile writes body to the file name, making its folder.
func WriteFile(tb testing.TB, name, body string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Get sends a request to h and returns the response with its body read.
func Get(tb testing.TB, h http.Handler, method, path, acceptEncoding string) (*http.Response, []byte) {
	tb.Helper()
	req := httptest.NewRequest(method, path, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return res, body
}

// Decode undoes the content coding enc.
func Decode(tb testing.TB, enc string, body []byte) []byte {
	tb.Helper()
	var r io.Reader
	switch enc {
	case "":
		return body
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			tb.Fatalf("gzip: %v", err)
		}
		r = zr
	default:
		tb.Fatalf("unexpected Content-Encoding %q", enc)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("decoding %s: %v", enc, err)
	}
	return b
}
