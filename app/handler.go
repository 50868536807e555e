//go:build !wasm

package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/app/server"
	"unknot/components"
)

// The app's identity, shared by the go-app handler and the manifest.
const (
	appName         = "Unknot"
	appDescription  = "Guided lower-back stretches that work offline."
	backgroundColor = "#f7f5f0"
	themeColor      = "#2f6f62"

	iconDefault    = "/web/icons/icon-192.png"
	iconLarge      = "/web/icons/icon-512.png"
	iconSVG        = "/web/icons/icon.svg"
	iconAppleTouch = "/web/icons/apple-touch-icon.png"
	iconMaskable   = "/web/icons/maskable-512.png"
	iconFavicon    = "/web/icons/favicon-32.png"

	// cuesScript runs the session player's cues and step view
	// (components/webapi/cues.go, components/player/step_view.go).
	cuesScript = "/web/cues.js"
	// loadingScript answers taps while app.wasm loads and tells the
	// installing service worker when the page has app.wasm, so a first
	// visit downloads it once (web/loading.js, app-worker.js).
	loadingScript = "/web/loading.js"
)

// styles are the app's stylesheets, in the order they apply.
var styles = []string{"/web/app.css"}

//go:embed app-worker.js
var serviceWorkerJS string

// prefsJS applies the saved theme and text size before the body shows, so
// nothing flashes. It is written into the page head: as a file, the page
// stopped at it until it came from the service worker and the stylesheets
// before it had loaded, which made every launch request app.wasm some
// 50 ms later. The Content-Security-Policy names it by its hash.
//
//go:embed prefs.js
var prefsFile string

// prefsJS is the script with LF line ends, as the browser reads (and
// hashes) the text of a script element whatever the file holds.
var prefsJS = lf(prefsFile)

// wasmShareJS keeps a copy of a first visit's app.wasm for the installing
// service worker, so app.wasm comes over the network once. It wraps fetch
// before go-app's app.js runs, so it is in the page head too.
//
//go:embed wasmshare.js
var wasmShareFile string

// wasmPaintJS holds the compiled app.wasm back from go-app's app.js until
// the page has painted once, so Go's start never delays the first paint. It
// wraps WebAssembly's instantiate before app.js reads it; the download and
// the compiling do not wait.
//
//go:embed wasmpaint.js
var wasmPaintFile string

// headJS is the one script the page head carries inline: the saved look,
// the copy of app.wasm, then its wait for the first paint. The
// Content-Security-Policy names it by its hash.
var headJS = prefsJS + lf(wasmShareFile) + lf(wasmPaintFile)

// lf is a script with LF line ends.
func lf(script string) string { return strings.ReplaceAll(script, "\r\n", "\n") }

// prefsScript is headJS as the page head carries it.
var prefsScript = "<script>" + headJS + "</script>"

// newSite returns Unknot as the server and the static build send it, from
// the web/ folder in root.
func newSite(root string) (server.Site, error) {
	h, err := newHandler(root)
	if err != nil {
		return server.Site{}, err
	}
	return server.Site{
		Handler:       h,
		Manifest:      manifestJSON(h),
		IsPage:        components.IsPage,
		Pages:         components.Pages(),
		Scripts:       []string{cuesScript, loadingScript},
		InlineScripts: []string{headJS},
		// A page that waits for its stylesheets draws later than one
		// that carries them, and headless Chromium under Lighthouse then
		// holds its first frame back a full second (docs/performance.md).
		InlineStyles: true,
	}, nil
}

// newHandler returns the go-app handler for the app whose web/ folder is in
// root. It lists the files under web/ so the service worker caches them all,
// and sets Version from the content of web/ (app.wasm included) and of these
// settings, so the same build always has the same version and any change
// makes a new one. The service worker gets the digest of each file of the
// build it caches (see server.Digests).
func newHandler(root string) (*app.Handler, error) {
	web, err := server.NewWeb(root)
	if err != nil {
		return nil, err
	}
	sw, err := serviceWorkerTemplate(components.Pages())
	if err != nil {
		return nil, err
	}
	h := handlerFor(web, sw)
	h.Version, err = server.ContentVersion(root, settingsFingerprint(h))
	if err != nil {
		return nil, err
	}
	// app.wasm's URL names the build from now on; it shapes nothing the
	// version covers.
	web = web.OfBuild(h.Version)
	h.Resources = web

	// go-app generates app.js and wasm_exec.js when a handler first serves:
	// a twin of h, which shares none of h's state, gives their bytes.
	probe := handlerFor(web, sw)
	probe.Version = h.Version
	digests, err := server.Digests(web, probe, manifestJSON(h))
	if err != nil {
		return nil, err
	}
	if strings.Contains(string(digests), "{{") {
		return nil, fmt.Errorf("a file name breaks the worker template: %s", digests)
	}
	h.ServiceWorkerTemplate = strings.Replace(sw, "BUILD_DIGESTS", string(digests), 1)
	return h, nil
}

// cached are the shipped files the service worker caches: all but the
// install sheet's screenshots, which only the install sheet shows.
func cached(assets []string) []string {
	return slices.DeleteFunc(assets, func(p string) bool { return strings.HasPrefix(p, "/web/"+screenshotDir) })
}

// handlerFor returns the go-app handler for the shipped files of web, with
// the worker template sw. It has no Version yet.
func handlerFor(web server.Web, sw string) *app.Handler {
	return &app.Handler{
		Name:            appName,
		ShortName:       appName,
		Title:           appName,
		Description:     appDescription,
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		Lang:            "en",
		LoadingLabel:    "Loading Unknot… {progress}%",
		// Every default Icon field points at a remote host: set them all.
		Icon: app.Icon{
			Default:    iconDefault,
			Large:      iconLarge,
			SVG:        iconSVG,
			AppleTouch: iconAppleTouch,
		},
		Styles: slices.Clone(styles),
		RawHeaders: []string{
			prefsScript,
			`<script src="` + loadingScript + `" defer></script>`,
			`<link rel="icon" type="image/png" sizes="32x32" href="` + iconFavicon + `">`,
			`<meta name="mobile-web-app-capable" content="yes">`,
			`<meta name="apple-mobile-web-app-capable" content="yes">`,
			`<meta name="apple-mobile-web-app-title" content="` + appName + `">`,
			`<script src="` + cuesScript + `" defer></script>`,
			// every new address opens at the top, Back where it was left
			`<script src="/web/scroll.js" defer></script>`,
		},
		CacheableResources:      cached(web.Assets()),
		Resources:               web,
		WasmContentLengthHeader: server.WasmLengthHeader,
		ServiceWorkerTemplate:   sw,
	}
}

// settingsFingerprint describes everything in h that shapes what the server
// sends besides web/, so a change in it (a colour, a page) changes Version.
func settingsFingerprint(h *app.Handler) []byte {
	b, err := json.Marshal(struct {
		Name, ShortName, Title, Description string
		BackgroundColor, ThemeColor, Lang   string
		LoadingLabel, WasmHeader, Worker    string
		Icon                                app.Icon
		Styles, Scripts, RawHeaders         []string
		Cacheable                           []string
		Manifest                            json.RawMessage
	}{
		h.Name, h.ShortName, h.Title, h.Description,
		h.BackgroundColor, h.ThemeColor, h.Lang,
		h.LoadingLabel, h.WasmContentLengthHeader, h.ServiceWorkerTemplate,
		h.Icon, h.Styles, h.Scripts, h.RawHeaders,
		h.CacheableResources,
		manifestJSON(h),
	})
	if err != nil {
		panic(err) // only strings: cannot fail
	}
	return b
}

// serviceWorkerTemplate returns app-worker.js with the pages to cache filled
// in. "/" is left out: go-app always caches it with the resources.
func serviceWorkerTemplate(pages []string) (string, error) {
	list := []string{}
	for _, p := range pages {
		if p != "/" && p != "" {
			list = append(list, p)
		}
	}
	b, err := json.Marshal(list)
	if err != nil {
		return "", err
	}
	if strings.Contains(string(b), "{{") || strings.Contains(string(b), "BUILD_DIGESTS") {
		return "", fmt.Errorf("page path breaks the worker template: %s", b)
	}
	return strings.ReplaceAll(serviceWorkerJS, "PAGES_TO_CACHE", string(b)), nil
}

// missingAssets lists the files the handler names that do not exist under
// root. The service worker cannot install while any is missing.
func missingAssets(root string) []string {
	var missing []string
	want := append([]string{iconDefault, iconLarge, iconSVG, iconAppleTouch, iconMaskable, iconFavicon}, styles...)
	want = append(want, installAssets()...)
	for _, p := range want {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			missing = append(missing, strings.TrimPrefix(p, "/"))
		}
	}
	return missing
}

// manifestIcon is one entry of a web manifest's icons.
type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

// manifestJSON returns the web app manifest served at /manifest.webmanifest,
// by the server and in the static site. go-app's own has no maskable icon.
func manifestJSON(h *app.Handler) []byte {
	b, err := json.MarshalIndent(struct {
		ID              string         `json:"id"`
		Name            string         `json:"name"`
		ShortName       string         `json:"short_name"`
		Description     string         `json:"description"`
		Lang            string         `json:"lang"`
		StartURL        string         `json:"start_url"`
		Scope           string         `json:"scope"`
		Display         string         `json:"display"`
		BackgroundColor string         `json:"background_color"`
		ThemeColor      string         `json:"theme_color"`
		Categories      []string       `json:"categories"`
		Icons           []manifestIcon `json:"icons"`
		installManifest
	}{
		ID:              "/",
		Name:            h.Name,
		ShortName:       h.ShortName,
		Description:     h.Description,
		Lang:            h.Lang,
		StartURL:        "/",
		Scope:           "/",
		Display:         "standalone",
		BackgroundColor: h.BackgroundColor,
		ThemeColor:      h.ThemeColor,
		Categories:      []string{"health", "fitness", "medical"},
		Icons: []manifestIcon{
			{Src: h.Icon.Default, Sizes: "192x192", Type: "image/png"},
			{Src: h.Icon.Large, Sizes: "512x512", Type: "image/png"},
			{Src: iconMaskable, Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: h.Icon.SVG, Sizes: "any", Type: "image/svg+xml"},
		},
		installManifest: newInstallManifest(),
	}, "", "  ")
	if err != nil {
		panic(err) // only strings: cannot fail
	}
	return append(b, '\n')
}
