package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ContentVersion hashes every file the app ships from root/web (name and
// content) and extra, which should describe whatever else shapes what the
// server sends (the handler's settings). The hex digest is stable across
// restarts and changes with any byte: a build's Version.
func ContentVersion(root string, extra []byte) (string, error) {
	sum := sha256.New()
	err := walkWeb(root, func(rel string) error {
		f, err := os.Open(filepath.Join(root, "web", filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(sum, "%s\x00", rel)
		n, err := io.Copy(sum, f)
		fmt.Fprintf(sum, "\x00%d\x00", n)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("computing the version: %w", err)
	}
	sum.Write(extra)
	return hex.EncodeToString(sum.Sum(nil))[:20], nil
}

// Digests returns, as a JSON object, the SHA-256 (hex) of every file of the
// build whose bytes are fixed: the files web ships, under the URL paths a
// service worker fetches them by, app.js, wasm_exec.js and app.css as h
// generates them, and manifest, the web app manifest the server sends at
// /manifest.webmanifest. Only pages have none: they are made per request
// and name their build instead. A service worker that checks each file it
// downloads against them fails its install when a host or proxy serves a
// file of another build (a deploy half done, an old copy), instead of
// filling its cache with a mix.
func Digests(web Web, h *app.Handler, manifest []byte) ([]byte, error) {
	digests := map[string]string{}
	for p := range web.files {
		f, _, err := web.open(p)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		sum := sha256.New()
		_, err = io.Copy(sum, f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		if p == "/web/app.wasm" {
			p = web.AppWASM()
		}
		digests[p] = hex.EncodeToString(sum.Sum(nil))
	}
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app.css"} {
		b, err := generated(h, p)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		digests[p] = hex.EncodeToString(sum[:])
	}
	sum := sha256.Sum256(manifest)
	digests["/manifest.webmanifest"] = hex.EncodeToString(sum[:])
	return json.Marshal(digests)
}

// generated returns the file at p (app.js, wasm_exec.js, app.css) as the
// handler h generates it.
func generated(h *app.Handler, p string) ([]byte, error) {
	rec := &recorder{header: http.Header{}, code: http.StatusOK}
	h.ServeHTTP(rec, &http.Request{Method: http.MethodGet, URL: &url.URL{Path: p}, Header: http.Header{}})
	if rec.code != http.StatusOK {
		return nil, fmt.Errorf("generating %s: status %d", p, rec.code)
	}
	return rec.body.Bytes(), nil
}

// recorder keeps a response in memory.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(code int)        { r.code = code }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
