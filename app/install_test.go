//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"unknot/app/server"
	"unknot/components"
)

// servedManifest is the manifest as a browser reads it.
type servedManifest struct {
	ID          string   `json:"id"`
	Description string   `json:"description"`
	Categories  []string `json:"categories"`
	Shortcuts   []struct {
		Name, URL string
		ShortName string `json:"short_name"`
		Icons     []manifestIcon
	} `json:"shortcuts"`
	Screenshots   []manifestScreenshot `json:"screenshots"`
	LaunchHandler struct {
		ClientMode string `json:"client_mode"`
	} `json:"launch_handler"`
}

// TestManifestForInstalledApp checks what the manifest offers an installed
// app against the repository's web/: the three shortcuts open pages the
// service worker caches, with icons it caches, PNGs of the size the
// manifest gives and at least 96 px; the screenshots are PNGs of their
// stated size, narrow and wide, and are not cached; the id stays "/".
func TestManifestForInstalledApp(t *testing.T) {
	routesOnce.Do(registerRoutes)
	root := ".."
	h, err := newHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	var m servedManifest
	if err := json.Unmarshal(manifestJSON(h), &m); err != nil {
		t.Fatalf("the manifest is not JSON: %v", err)
	}
	if m.ID != "/" {
		t.Errorf("id %q: an installed app is known by its id, which must never change from /", m.ID)
	}
	if m.Description == "" || len(m.Categories) == 0 {
		t.Errorf("description %q, categories %v: the richer install sheet shows both", m.Description, m.Categories)
	}
	if m.LaunchHandler.ClientMode != "focus-existing" {
		t.Errorf("launch_handler.client_mode %q, want focus-existing", m.LaunchHandler.ClientMode)
	}

	pages := components.Pages()
	web, err := server.NewWeb(root)
	if err != nil {
		t.Fatal(err)
	}
	workerCache := cached(web.Assets())
	var urls []string
	for _, s := range m.Shortcuts {
		urls = append(urls, s.URL)
		if s.Name == "" || s.ShortName == "" || len(s.ShortName) > 12 {
			t.Errorf("shortcut %q: short name %q (launchers cut names past about 12 letters)", s.Name, s.ShortName)
		}
		if !slices.Contains(pages, s.URL) {
			t.Errorf("shortcut %q opens %s, which is not a pre-rendered page the worker caches", s.Name, s.URL)
		}
		if len(s.Icons) == 0 {
			t.Errorf("shortcut %q has no icon", s.Name)
		}
		for _, ic := range s.Icons {
			w, h := checkPNG(t, root, ic.Src, ic.Sizes)
			if w < 96 || w != h {
				t.Errorf("%s is %dx%d: a shortcut icon is square and 96 px or more", ic.Src, w, h)
			}
			if !slices.Contains(workerCache, ic.Src) {
				t.Errorf("%s is not cached for offline use", ic.Src)
			}
		}
	}
	want := []string{"/session/morning", "/session/evening", "/history"}
	if !slices.Equal(urls, want) {
		t.Errorf("shortcuts open %v, want %v", urls, want)
	}

	forms := map[string]int{}
	for _, s := range m.Screenshots {
		checkPNG(t, root, s.Src, s.Sizes)
		forms[s.FormFactor]++
		if s.Label == "" || s.Type != "image/png" {
			t.Errorf("%s: label %q, type %q", s.Src, s.Label, s.Type)
		}
		if slices.Contains(workerCache, s.Src) {
			t.Errorf("%s is cached: only the install sheet needs it", s.Src)
		}
	}
	if forms["narrow"] == 0 || forms["wide"] == 0 {
		t.Errorf("screenshots by form factor %v: the richer sheet needs narrow (phones) and wide (computers)", forms)
	}
	if miss := missingAssets(root); len(miss) > 0 {
		t.Errorf("missing: %v", miss)
	}
}

// checkPNG reads the PNG at the URL path src under root and checks that its
// size is sizes ("192x192"). It returns the width and height.
func checkPNG(t *testing.T, root, src, sizes string) (int, int) {
	t.Helper()
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(src, "/"))))
	if err != nil {
		t.Errorf("%s: %v", src, err)
		return 0, 0
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Errorf("%s is not a PNG: %v", src, err)
		return 0, 0
	}
	if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != sizes {
		t.Errorf("%s is %s, the manifest says %s", src, got, sizes)
	}
	return cfg.Width, cfg.Height
}
