package main

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"unknot/internal/appserver"
)

// The benchmark builds both apps with appserver.WasmFlags and warns when
// the Makefile's differ.
var wasmFlags = appserver.WasmFlags

const makefileWasmFlags = appserver.MakefileWasmFlags

// site is one app as the benchmark builds and serves it.
type site struct {
	name string // as the table shows it
	*appserver.Server
}

// checkMakefile warns when the Makefile builds app.wasm with other flags than
// the benchmark does, which would make the sizes measured here wrong.
func checkMakefile(root string) {
	b, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		return
	}
	m := regexp.MustCompile(`(?m)^WASM_FLAGS\s*=\s*(.*)$`).FindSubmatch(b)
	if m == nil || strings.TrimSpace(string(m[1])) != makefileWasmFlags {
		logf("warning: the Makefile's WASM_FLAGS are not %s: update appserver.WasmFlags", makefileWasmFlags)
	}
}

// buildApp builds Unknot as `make build` does, into tmp: app.wasm, the
// server, and the precompressed copies written by the server's own compress
// command, with the repository's web/ files beside them.
func buildApp(root, tmp string) (*site, error) {
	s := &site{name: "Unknot", Server: &appserver.Server{Work: filepath.Join(tmp, "app"), Bin: filepath.Join(tmp, "bin", "unknot")}}
	if err := appserver.CopyAppWeb(root, filepath.Join(s.Work, "web")); err != nil {
		return nil, err
	}
	return s, s.Build(root, "./app", wasmFlags...)
}

// buildBaseline builds the minimal go-app app of bench/baseline the same
// way. Its server is Unknot's own server package, so both apps are
// compressed and served by the same code.
func buildBaseline(root, tmp string) (*site, error) {
	s := &site{name: "Baseline", Server: &appserver.Server{Work: filepath.Join(tmp, "baseline"), Bin: filepath.Join(tmp, "bin", "baseline")}}
	// The handler names local icons, as a PWA must: borrow Unknot's.
	if err := appserver.CopyTree(filepath.Join(root, "web", "icons"), filepath.Join(s.Work, "web", "icons"), func(rel string) bool {
		return rel == "icon-192.png" || rel == "icon-512.png" || rel == "icon.svg"
	}); err != nil {
		return nil, err
	}
	return s, s.Build(root, "./bench/baseline", wasmFlags...)
}

// status returns the HTTP status of a GET of path on the running server.
func (s *site) status(path string) (int, error) {
	c := http.Client{Timeout: 10 * time.Second}
	res, err := c.Get(s.Base + path)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// sizes is app.wasm as served: raw, gzip and brotli bytes, the compressed
// copies as the server's own compress command writes them.
type sizes struct{ raw, gzip, brotli int64 }

func measureSizes(s *site) (sizes, error) {
	var z sizes
	for _, f := range []struct {
		ext string
		n   *int64
	}{{"", &z.raw}, {".gz", &z.gzip}, {".br", &z.brotli}} {
		fi, err := os.Stat(s.WasmPath() + f.ext)
		if err != nil {
			return z, err
		}
		*f.n = fi.Size()
	}
	return z, nil
}
