//go:build !wasm

package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components"
)

// writeStaticSite writes the app as a static site into out: the page of every
// route in components.Pages(), go-app's generated files, all of root/web
// (app.wasm and its precompressed copies included), the app's manifest, and
// 404.html (the "/" page, which hosts that serve it use for unknown paths;
// go-app then routes on the client) and _headers, the security headers in
// the format of hosts that read that file.
//
// Pages are written as out/index.html and out/<route>.html. Hosts that map
// /a/b to a/b.html serve every route directly; on others, the routes open
// from "/" and, once the service worker is installed, from any path.
func writeStaticSite(root, out string) error {
	h, err := newHandler(root)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		return fmt.Errorf("web/app.wasm is missing: build it first: %w", err)
	}
	for _, m := range missingAssets(root) {
		fmt.Fprintf(os.Stderr, "warning: %s is missing; the service worker cannot install without it\n", m)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, h, components.Pages()...); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	if err := fixPages(out); err != nil {
		return fmt.Errorf("fixing the pages' viewport: %w", err)
	}
	if err := copyDir(filepath.Join(root, "web"), filepath.Join(out, "web")); err != nil {
		return fmt.Errorf("copying web/: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.webmanifest"), manifestJSON(h), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "_headers"), headersFile(), 0o644); err != nil {
		return err
	}
	return copyFile(filepath.Join(out, "index.html"), filepath.Join(out, "404.html"))
}

// fixPages applies fixViewport to every .html file go-app wrote under out.
func fixPages(out string) error {
	return filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, fixViewport(b), 0o644)
	})
}

// headersFile returns securityHeaders for every path, in the _headers format
// some static hosts read. A plain file server ignores it.
func headersFile() []byte {
	var b strings.Builder
	b.WriteString("/*\n")
	for _, k := range slices.Sorted(maps.Keys(securityHeaders)) {
		fmt.Fprintf(&b, "  %s: %s\n", k, securityHeaders[k])
	}
	return []byte(b.String())
}

// copyDir copies every regular file under src into dst, keeping the tree.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			return copyFile(p, target)
		}
		return nil
	})
}

// copyFile copies the file src to dst, keeping its modification time so a
// precompressed copy stays as fresh as its original.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}
