package server

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// WriteStatic writes site as a static site into out: the page of every
// address in site.Pages, go-app's generated files, all of web/ (app.wasm and
// its precompressed copies included), the app's manifest, and 404.html (the
// "/" page, which hosts that serve it use for unknown paths; go-app then
// routes on the client) and _headers, the security headers in the format of
// hosts that read that file.
//
// Pages are written as out/index.html and out/<route>.html. Hosts that map
// /a/b to a/b.html serve every route directly; on others, the routes open
// from "/" and, once the service worker is installed, from any path.
func WriteStatic(site Site, out string) error {
	web, err := site.web()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(web.dir, "app.wasm")); err != nil {
		return fmt.Errorf("web/app.wasm is missing: build it first: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, site.Handler, site.Pages...); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	sheets, err := site.stylesheets()
	if err != nil {
		return err
	}
	if err := fixPages(out, pageFix{version: web.version, scripts: site.buildScripts(), styles: sheets}); err != nil {
		return fmt.Errorf("fixing the pages: %w", err)
	}
	if err := copyShipped(filepath.Dir(web.dir), filepath.Join(out, "web")); err != nil {
		return fmt.Errorf("copying web/: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.webmanifest"), site.Manifest, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "_headers"), headersFile(site.headers(sheets)), 0o644); err != nil {
		return err
	}
	return copyFile(filepath.Join(out, "index.html"), filepath.Join(out, "404.html"))
}

// fixPages applies fix to every .html file go-app wrote under out.
func fixPages(out string, fix pageFix) error {
	return filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, fix.apply(b), 0o644)
	})
}

// hsts asks browsers to reach the host over HTTPS only, for a year. It goes
// in _headers, which only static hosts read, and they serve HTTPS; browsers
// ignore it over plain http anyway, and the local server does not send it:
// it speaks plain http, on localhost or on a home network. Subdomains are
// left out: the app may live on one of several sites of someone's domain.
const hsts = "max-age=31536000"

// headersFile returns the security headers and HSTS for every path, in the
// _headers format some static hosts read. A plain file server ignores it.
func headersFile(security map[string]string) []byte {
	headers := maps.Clone(security)
	headers["Strict-Transport-Security"] = hsts
	var b strings.Builder
	b.WriteString("/*\n")
	for _, k := range slices.Sorted(maps.Keys(headers)) {
		fmt.Fprintf(&b, "  %s: %s\n", k, headers[k])
	}
	return []byte(b.String())
}

// copyShipped copies into dst the files under root/web that the server
// serves (walkWeb's list), with the precompressed copies of those that have
// them, keeping the tree. Nothing else there ships: no dot files (.git,
// .DS_Store, editor swap files), no symlinks.
func copyShipped(root, dst string) error {
	src := filepath.Join(root, "web")
	return walkWeb(root, func(rel string) error {
		from, to := filepath.Join(src, filepath.FromSlash(rel)), filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := copyFile(from, to); err != nil {
			return err
		}
		for _, ext := range precompressedExt {
			if fi, err := os.Lstat(from + ext); err == nil && fi.Mode().IsRegular() {
				if err := copyFile(from+ext, to+ext); err != nil {
					return err
				}
			}
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
