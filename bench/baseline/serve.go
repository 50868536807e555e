//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/app/server"
)

// run serves (serve -addr host:port) or precompresses app.wasm (compress)
// from the current folder, which holds web/.
func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: baseline serve -addr host:port | baseline compress")
		return 2
	}
	switch args[0] {
	case "compress":
		if err := server.Precompress("."); err != nil {
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
	site, err := newSite(".")
	if err != nil {
		return err
	}
	s, err := server.New(site)
	if err != nil {
		return err
	}
	return s.ListenAndServe(addr, os.Stdout)
}

// newSite is the minimal go-app app for the server. The icons are local, as
// go-app's remote defaults would keep the service worker from installing
// offline, and Version comes from web/, so a restart keeps the version. Its
// pages ask for their scripts without a build (the Web is of no build):
// go-app's own worker caches them by plain URL.
func newSite(root string) (server.Site, error) {
	web, err := server.NewWeb(root)
	if err != nil {
		return server.Site{}, err
	}
	version, err := server.ContentVersion(root, nil)
	if err != nil {
		return server.Site{}, err
	}
	h := &app.Handler{
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
		WasmContentLengthHeader: server.WasmLengthHeader,
		Version:                 version,
	}
	return server.Site{
		Handler:  h,
		Manifest: manifestJSON(h),
		IsPage:   func(path string) bool { return path == "/" },
		Pages:    []string{"/"},
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
