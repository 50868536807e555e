package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// Compression levels. Precompressing runs once per build, so it can be slow:
// brotli's best, with a 16 MB window, makes app.wasm 12% smaller than
// quality 9 did (about 30 s on a laptop, skipped when the copy is current).
// Compressing on the fly runs per request (text) or once per server start
// (app.wasm without precompressed copies), so it must be quick.
const (
	precompressBrotli = 11
	precompressWindow = 24 // log2 of the window size
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
		if precompress {
			return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: precompressBrotli, LGWin: precompressWindow})
		}
		return brotli.NewWriterLevel(w, onTheFlyBrotli)
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

// Precompress writes web/app.wasm.br and web/app.wasm.gz beside
// web/app.wasm under root, so the server sends app.wasm compressed at no cost.
// A copy that already holds this app.wasm is kept: go build rewrites the
// file even when nothing changed, so its time says nothing.
func Precompress(root string) error {
	src := filepath.Join(root, "web", "app.wasm")
	wasm, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	for _, enc := range encodings {
		dst := src + precompressedExt[enc]
		if holds(dst, enc, wasm) {
			// The server takes a copy older than app.wasm for stale.
			now := time.Now()
			if err := os.Chtimes(dst, now, now); err != nil {
				return err
			}
			continue
		}
		if err := compressFile(src, dst, enc); err != nil {
			return err
		}
	}
	return nil
}

// holds reports whether the file at path, compressed with enc, decompresses
// to want.
func holds(path, enc string, want []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var r io.Reader
	switch enc {
	case "br":
		r = brotli.NewReader(f)
	case "gzip":
		z, err := gzip.NewReader(f)
		if err != nil {
			return false
		}
		r = z
	default:
		return false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(want))+1))
	return err == nil && bytes.Equal(got, want)
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
