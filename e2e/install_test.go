package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"unknot/components/ui"
	"unknot/data"
	"unknot/internal/appserver"
)

// The pictures the manifest names for an installed app (app/install.go):
// each shortcut's icon and the install sheet's screenshots. With
// UNKNOT_ART=1, TestInstallArt draws them again into the repository's web/;
// otherwise it checks the committed ones against the manifest.

// artEnabled says whether this run redraws the pictures.
func artEnabled() bool { return os.Getenv("UNKNOT_ART") == "1" }

// shortcutArt is how each shortcut's icon is drawn: a pose of the app's own
// figure, under a sign of what the shortcut opens.
var shortcutArt = map[string]struct{ pose, glyph string }{
	"morning": {"bridge", sunGlyph},
	"evening": {"knees-both", moonGlyph},
	"history": {"supine", calendarGlyph},
}

// The signs above the figure, in an 80 × 80 box.
const (
	sunGlyph = `<svg viewBox="0 0 80 80"><g stroke="#ffd27f" stroke-width="6" stroke-linecap="round">` +
		`<line x1="40" y1="6" x2="40" y2="16"/><line x1="40" y1="64" x2="40" y2="74"/>` +
		`<line x1="6" y1="40" x2="16" y2="40"/><line x1="64" y1="40" x2="74" y2="40"/>` +
		`<line x1="16" y1="16" x2="23" y2="23"/><line x1="57" y1="57" x2="64" y2="64"/>` +
		`<line x1="16" y1="64" x2="23" y2="57"/><line x1="57" y1="23" x2="64" y2="16"/></g>` +
		`<circle cx="40" cy="40" r="15" fill="#ffd27f"/></svg>`
	moonGlyph = `<svg viewBox="0 0 80 80"><path d="M50 8A32 32 0 1 0 72 56A26 26 0 1 1 50 8Z" fill="#ffe7a8"/>` +
		`<circle cx="64" cy="18" r="3.5" fill="#ffe7a8"/><circle cx="72" cy="34" r="2.5" fill="#ffe7a8"/></svg>`
	calendarGlyph = `<svg viewBox="0 0 80 80"><rect x="8" y="12" width="64" height="60" rx="9" fill="#f7f5f0"/>` +
		`<rect x="8" y="12" width="64" height="16" rx="9" fill="#ffb07f"/><rect x="8" y="20" width="64" height="8" fill="#ffb07f"/>` +
		`<line x1="24" y1="6" x2="24" y2="18" stroke="#f7f5f0" stroke-width="6" stroke-linecap="round"/>` +
		`<line x1="56" y1="6" x2="56" y2="18" stroke="#f7f5f0" stroke-width="6" stroke-linecap="round"/>` +
		`<path d="M25 49L35 59L56 38" fill="none" stroke="#2f6f62" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/></svg>`
)

// iconPage is the HTML of one shortcut icon: the figure with the real
// markup and stylesheet, in the app's colours, on a full square (launchers
// cut their own shape; everything that matters stays inside the middle 80%).
func iconPage(css string, size int, pose, glyph string) string {
	f := &ui.Figure{Pose: pose}
	return fmt.Sprintf(`<!doctype html><html><head><meta charset=utf-8><style>%s
*, *::before, *::after { transition: none !important; animation: none !important; }
html, body { margin: 0; background: #2f6f62; }
.tile { width: %[2]dpx; height: %[2]dpx; position: relative; overflow: hidden; background: #2f6f62;
  --fig-bg: #2f6f62; --fig-body: #f7f5f0; --fig-far: #a8cdc2; --fig-accent: #ffb07f; --fig-accent-far: #e58a52;
  --fig-mark: #ffd27f; --fig-badge-ink: #2f6f62; --fig-mat: #24584e; --fig-mat-edge: #3f8576; }
.tile .figure [data-a] { display: none; }
.tile .figure { position: absolute; left: 10%%; width: 80%%; bottom: 14%%; }
.tile .glyph { position: absolute; left: 33%%; top: 12%%; width: 34%%; }
.tile .glyph svg { display: block; width: 100%%; height: auto; }
</style></head><body><div class=tile><div class=glyph>%s</div><div class="figure figure--%s">%s</div></div></body></html>`,
		css, size, glyph, pose, f.SVG())
}

// drawIcons renders each shortcut's icon with Chromium into dir.
func drawIcons(t *testing.T, dir string, size int) {
	t.Helper()
	css, err := os.ReadFile(filepath.Join("..", "web", "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	for name, art := range shortcutArt {
		html := iconPage(string(css), size, art.pose, art.glyph)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, html)
		}))
		tb := newTab(t)
		tb.do(t, "sizing the icon", chromedp.EmulateViewport(int64(size), int64(size)))
		tb.do(t, "drawing "+name, chromedp.Navigate(srv.URL))
		ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
		img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		cancel()
		srv.Close()
		if err != nil {
			t.Fatalf("screenshot of %s: %v", name, err)
		}
		writeArt(t, filepath.Join(dir, "shortcut-"+name+".png"), img)
	}
}

// writeArt writes a picture into the repository.
func writeArt(t *testing.T, path string, img []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, img, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(img))
}

// appScreen is one screenshot of the real app for the install sheet.
type appScreen struct {
	file          string
	width, height int64
	scale         float64
	mobile        bool
	path          string
	// pose, when set, is the figure the first hold shows: the routine
	// is started and shot then.
	pose string
}

var appScreens = []appScreen{
	{"home-narrow.png", 390, 844, 2, true, "/", ""},
	{"player-narrow.png", 390, 844, 2, true, "/session/" + data.Morning, "knee-left"},
	{"home-wide.png", 1280, 800, 1, false, "/", ""},
}

// shootScreens takes the install sheet's screenshots of the app as a first
// launch shows it, in the light theme.
func shootScreens(t *testing.T, h *harness, dir string) {
	t.Helper()
	for _, s := range appScreens {
		tb := newTab(t)
		opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(s.scale)}
		if s.mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		tb.do(t, "emulating the screen", chromedp.EmulateViewport(s.width, s.height, opts...))
		ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			// Reduced motion: the figure stands in its pose at once,
			// where virtual time could catch it halfway.
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"},
				{Name: "prefers-reduced-motion", Value: "reduce"}},
		}); err != nil {
			t.Fatal(err)
		}
		cancel()
		recordCues(t, tb)
		tb.open(t, h.base, s.path)
		if s.pose != "" {
			pressStart(t, tb)
			advance(t, tb, 21*time.Second) // get ready, position, into the first hold
			untilShown(t, tb, `document.querySelector("#player .figure--`+s.pose+`")`, "the first hold's figure")
			advance(t, tb, time.Second) // the figure's move into the pose
		} else {
			time.Sleep(time.Second) // the late reads (today's sessions, the look) are in
		}
		ctx, cancel = context.WithTimeout(tb.ctx, actionTimeout)
		img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		cancel()
		if err != nil {
			t.Fatalf("screenshot %s: %v", s.file, err)
		}
		writeArt(t, filepath.Join(dir, s.file), img)
	}
}

// TestInstallArt redraws the shortcut icons and the screenshots with
// UNKNOT_ART=1. Every run then checks that each picture the manifest names
// is served as a PNG of the size the manifest gives.
func TestInstallArt(t *testing.T) {
	h := setup(t)
	if artEnabled() {
		drawIcons(t, filepath.Join("..", "web", "icons"), 192)
		shootScreens(t, h, filepath.Join("..", "web", "screenshots"))
		// The harness serves a copy of web/ made at its start.
		if err := appserver.CopyAppWeb("..", filepath.Join(h.work, "web")); err != nil {
			t.Fatal(err)
		}
	}
	m := fetchManifest(t, h)
	if len(m.Shortcuts) != 3 {
		t.Errorf("%d shortcuts, want 3 (morning, evening, history)", len(m.Shortcuts))
	}
	for _, s := range m.Shortcuts {
		if len(s.Icons) == 0 {
			t.Errorf("shortcut %q has no icon", s.Name)
		}
		for _, ic := range s.Icons {
			checkPNGSize(t, h.base+ic.Src, ic.Sizes)
			if w, _, _ := strings.Cut(ic.Sizes, "x"); atoi(w) < 96 {
				t.Errorf("%s: %s is smaller than the 96 px launchers ask for", s.Name, ic.Sizes)
			}
		}
	}
	for _, s := range m.Screenshots {
		checkPNGSize(t, h.base+s.Src, s.Sizes)
	}
}

// manifestFile is the part of the served manifest these tests read.
type manifestFile struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Categories  []string
	Shortcuts   []struct {
		Name, URL string
		Icons     []struct{ Src, Sizes, Type string }
	} `json:"shortcuts"`
	Screenshots []struct {
		Src, Sizes, Type, Label string
		FormFactor              string `json:"form_factor"`
	} `json:"screenshots"`
	LaunchHandler struct {
		ClientMode string `json:"client_mode"`
	} `json:"launch_handler"`
}

func fetchManifest(t *testing.T, h *harness) manifestFile {
	t.Helper()
	res, err := http.Get(h.base + "/manifest.webmanifest")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m manifestFile
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatalf("the manifest: %v", err)
	}
	return m
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestRicherInstallSheet checks with Chromium's own reading of the manifest
// what its richer install sheet needs: the manifest parses without errors,
// keeps the description, the id and at least one narrow and one wide
// screenshot, each PNG as large as the manifest says, within 320–3840 px and
// no longer than 2.3 times its width, with one shape per form factor; and
// the app is installable. Chromium drops entries it cannot use, so what it
// keeps is compared with what was sent.
func TestRicherInstallSheet(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/")
	res := appManifest(t, tb)
	sent := fetchManifest(t, h)
	m := res.Manifest
	if m == nil {
		t.Fatal("Chromium returned no parsed manifest")
	}
	if m.Description == "" || m.Description != sent.Description {
		t.Errorf("description as read: %q, sent %q", m.Description, sent.Description)
	}
	if want := h.base + "/"; m.ID != want {
		t.Errorf("id as read: %q, want %q", m.ID, want)
	}
	if m.LaunchHandler == nil || cdpEnum(m.LaunchHandler.ClientMode) != "focus-existing" {
		t.Errorf("launch_handler as read: %+v, want client_mode focus-existing", m.LaunchHandler)
	}
	if len(m.Shortcuts) != len(sent.Shortcuts) {
		t.Errorf("Chromium kept %d of %d shortcuts", len(m.Shortcuts), len(sent.Shortcuts))
	}
	for i, s := range m.Shortcuts {
		if i < len(sent.Shortcuts) && s.URL != h.base+sent.Shortcuts[i].URL {
			t.Errorf("shortcut %d: %q, want %q", i, s.URL, h.base+sent.Shortcuts[i].URL)
		}
	}
	if len(m.Screenshots) != len(sent.Screenshots) {
		t.Errorf("Chromium kept %d of %d screenshots", len(m.Screenshots), len(sent.Screenshots))
	}
	ratio := map[string]string{}
	for _, s := range m.Screenshots {
		w, hgt := pngSize(t, s.Image.URL)
		if got := fmt.Sprintf("%dx%d", w, hgt); got != s.Image.Sizes {
			t.Errorf("%s is %s, the manifest says %s", s.Image.URL, got, s.Image.Sizes)
		}
		long, short := max(w, hgt), min(w, hgt)
		if short < 320 || long > 3840 || float64(long) > 2.3*float64(short) {
			t.Errorf("%s (%dx%d) is outside what the install sheet shows", s.Image.URL, w, hgt)
		}
		r := fmt.Sprintf("%.3f", float64(w)/float64(hgt))
		form := cdpEnum(s.FormFactor)
		if prev, ok := ratio[form]; ok && prev != r {
			t.Errorf("%s screenshots of two shapes (%s and %s): the sheet drops them", form, prev, r)
		}
		ratio[form] = r
		if s.Label == "" {
			t.Errorf("%s has no label for screen readers", s.Image.URL)
		}
	}
	if _, ok := ratio["narrow"]; !ok {
		t.Error("no narrow screenshot: phones show the plain install sheet")
	}
	if _, ok := ratio["wide"]; !ok {
		t.Error("no wide screenshot: computers show the plain install dialog")
	}
	checkInstallable(t, tb)
}

// cdpEnum turns Chromium's name of a manifest value ("kFocusExisting") into
// the manifest's ("focus-existing").
func cdpEnum(s string) string {
	if len(s) > 1 && s[0] == 'k' && unicode.IsUpper(rune(s[1])) {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pngSize fetches a PNG and returns its width and height in pixels.
func pngSize(t *testing.T, u string) (int, int) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	cfg, err := png.DecodeConfig(res.Body)
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", u, err)
	}
	return cfg.Width, cfg.Height
}
