package server

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Web serves root/web at /web/ like app.LocalDir(""), for any root:
// LocalDir uses its argument as a URL prefix too, so it only works from the
// current directory. Unlike LocalDir it serves only the files the app ships,
// listed by walkWeb when it is made: any other path under /web/ (dot
// segments raw or escaped, dot files, backslashes, files added later) is a
// 404 without a look at the disk. The server listens on people's networks
// (make run ADDR=...), and http.FileServer would clean /web/../x into /x
// and serve the whole working folder, .git included.
//
// It is go-app's app.ResourceProvider: a handler's Resources must be one for
// the server to serve it (Site).
type Web struct {
	dir     string          // root/web
	files   map[string]bool // URL paths, "/web/" + the path walkWeb gives
	version string          // the build's, once known
}

// NewWeb lists the files the app ships from root/web.
func NewWeb(root string) (Web, error) {
	d := Web{dir: filepath.Join(root, "web"), files: map[string]bool{}}
	err := walkWeb(root, func(rel string) error {
		d.files["/web/"+rel] = true
		return nil
	})
	return d, err
}

// OfBuild returns d whose pages and app.js ask for their scripts and
// app.wasm from build version (?v=). A Web that is not of a build serves
// them under plain URLs.
func (d Web) OfBuild(version string) Web {
	d.version = version
	return d
}

func (Web) Package() string { return "" }
func (Web) Static() string  { return "" }

// AppWASM is the URL app.js fetches app.wasm from, naming the build.
func (d Web) AppWASM() string { return versioned("/web/app.wasm", d.version) }

// versioned returns the URL that asks for the file at urlPath of build
// version, or urlPath when the version is not known.
func versioned(urlPath, version string) string {
	if version == "" {
		return urlPath
	}
	return urlPath + "?v=" + version
}

// ships tells whether urlPath, as the request names it, is a shipped file.
func (d Web) ships(urlPath string) bool { return d.files[urlPath] }

// Assets returns the URL path of every shipped file besides app.wasm, which
// go-app's service worker caches itself, in lexical order.
func (d Web) Assets() []string {
	var assets []string
	for p := range d.files {
		if p != "/web/app.wasm" {
			assets = append(assets, p)
		}
	}
	slices.Sort(assets)
	return assets
}

// open opens the shipped file at urlPath. It opens inside root/web, so a
// file replaced by a symlink to elsewhere after the listing is refused too.
func (d Web) open(urlPath string) (*os.File, os.FileInfo, error) {
	if !d.ships(urlPath) {
		return nil, nil, os.ErrNotExist
	}
	return openInWeb(d.dir, strings.TrimPrefix(urlPath, "/web/"))
}

// openInWeb opens the regular file rel (slash-separated) inside dir; a path
// or symlink that leads out of dir fails.
func openInWeb(dir, rel string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenInRoot(dir, filepath.FromSlash(rel))
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is not a regular file", rel)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

func (d Web) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, fi, err := d.open(r.URL.Path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
}

// walkWeb calls fn with the slash-separated path, relative to root/web, of
// every regular file under it in lexical order, except dot files and the
// precompressed copies (x.br, x.gz) of a file x that exists.
func walkWeb(root string, fn func(rel string) error) error {
	dir := filepath.Join(root, "web")
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return nil
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if ext := path.Ext(p); ext == ".br" || ext == ".gz" {
			if _, err := os.Stat(strings.TrimSuffix(p, ext)); err == nil {
				return nil
			}
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		return fn(filepath.ToSlash(rel))
	})
}
