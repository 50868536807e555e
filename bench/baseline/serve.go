//go:build !wasm && unknotbench

package main

// This file is the baseline's half of the server. The other half is Unknot's
// own app/server.go and app/compress.go, which the benchmark compiles into
// this package with go build -overlay, with app/webdir.go (the files under
// web/ it serves): they need newHandler, manifestJSON, wasmLengthHeader and
// prefsJS, defined here for a minimal app.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// wasmLengthHeader is the header that carries app.wasm's uncompressed size,
// as Unknot sends it.
const wasmLengthHeader = "X-Wasm-Content-Length"

// prefsJS is the script Unknot's pages carry inline, which its
// Content-Security-Policy names (app/handler.go); the baseline's pages carry
// none, so the policy names an empty one.
var prefsJS string

func init() { serveMain = run }

// run serves (serve -addr host:port) or precompresses app.wasm (compress)
// from the current folder, which holds web/.
func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: baseline serve -addr host:port | baseline compress")
		return 2
	}
	switch args[0] {
	case "compress":
		if err := precompress("."); err != nil {
			fmt.Fprintln(os.Stderr, "baseline compress:", err)
			return 1
		}
		return 0
	case "serve":
		if len(args) != 3 || args[1] != "-addr" {
			fmt.Fprintln(os.Stderr, "usage: baseline serve -addr host:port")
			return 2
		}
		if err := serve(args[2]); err != nil {
			fmt.Fprintln(os.Stderr, "baseline serve:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(os.Stderr, "baseline: unknown command %q\n", args[0])
	return 2
}

// serve serves until SIGTERM or SIGINT and says when it listens, in the
// words Unknot's server uses.
func serve(addr string) error {
	s, err := newServer(".")
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("Baseline %s listening on http://%s\n", s.version, ln.Addr())
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
	return srv.Shutdown(shutdown)
}

// newHandler is the minimal go-app handler. The icons are local, as go-app's
// remote defaults would keep the service worker from installing offline,
// and Version comes from app.wasm, so a restart keeps the version.
func newHandler(root string) (*app.Handler, error) {
	b, err := os.ReadFile(filepath.Join(root, "web", "app.wasm"))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	// Its pages ask for their scripts without a build (the webDir's
	// version stays empty): go-app's own worker caches them by plain URL.
	web, err := newWebDir(root)
	if err != nil {
		return nil, err
	}
	return &app.Handler{
		Name:        "Baseline",
		ShortName:   "Baseline",
		Title:       "Baseline",
		Description: "A minimal go-app v9 app.",
		Lang:        "en",
		Icon: app.Icon{
			Default: "/web/icons/icon-192.png",
			Large:   "/web/icons/icon-512.png",
			SVG:     "/web/icons/icon.svg",
		},
		Resources:               web,
		WasmContentLengthHeader: wasmLengthHeader,
		Version:                 hex.EncodeToString(sum[:])[:20],
	}, nil
}

// manifestJSON is a plain manifest; Unknot's server serves its own too.
func manifestJSON(h *app.Handler) []byte {
	b, _ := json.Marshal(map[string]any{
		"name": h.Name, "short_name": h.ShortName, "start_url": "/", "scope": "/", "display": "standalone",
		"icons": []map[string]string{
			{"src": h.Icon.Default, "sizes": "192x192", "type": "image/png"},
			{"src": h.Icon.Large, "sizes": "512x512", "type": "image/png"},
		},
	})
	return b
}
