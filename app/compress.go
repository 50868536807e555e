//go:build !wasm

package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// Compression levels. Precompressing runs once per build, so it can be slow;
// compressing on the fly runs per request (text) or once per server start
// (app.wasm without precompressed copies), so it must be quick.
const (
	precompressBrotli = 9
	onTheFlyBrotli    = 5
)

// encodings are the content codings the server can send, preferred first.
var encodings = []string{"br", "gzip"}

// precompressedExt maps a content coding to the suffix of its precompressed
// file.
var precompressedExt = map[string]string{"br": ".br", "gzip": ".gz"}

// newEncoder returns a writer that compresses into w with the coding enc.
func newEncoder(w io.Writer, enc string, precompress bool) io.WriteCloser {
	switch enc {
	case "br":
		level := onTheFlyBrotli
		if precompress {
			level = precompressBrotli
		}
		return brotli.NewWriterLevel(w, level)
	case "gzip":
		level := gzip.DefaultCompression
		if precompress {
			level = gzip.BestCompression
		}
		z, _ := gzip.NewWriterLevel(w, level) // the level is valid
		return z
	}
	panic("unknown content coding " + enc)
}

// negotiate picks the content coding for a request's Accept-Encoding value:
// the acceptable coding with the highest quality, br winning ties, or "" for
// identity.
func negotiate(acceptEncoding string) string {
	q := map[string]float64{}
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		weight := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					weight = f
				}
			}
		}
		q[name] = weight
	}
	best, bestQ := "", 0.0
	for _, enc := range encodings {
		w, ok := q[enc]
		if !ok {
			w, ok = q["*"]
		}
		if ok && w > bestQ {
			best, bestQ = enc, w
		}
	}
	return best
}

// precompress writes web/app.wasm.br and web/app.wasm.gz beside
// web/app.wasm under root, so the server sends app.wasm compressed at no cost.
func precompress(root string) error {
	src := filepath.Join(root, "web", "app.wasm")
	for _, enc := range encodings {
		if err := compressFile(src, src+precompressedExt[enc], enc); err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes src compressed with enc to dst, through a temporary
// file so a reader never sees half a file.
func compressFile(src, dst, enc string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	zw := newEncoder(tmp, enc, true)
	if _, err := io.Copy(zw, in); err != nil {
		tmp.Close()
		return fmt.Errorf("compressing %s: %w", src, err)
	}
	if err := zw.Close(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}
