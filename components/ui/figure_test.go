//go:build !wasm

package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/skeleton"
)

// figureWrapper is the element Figure must render for a pose and label.
func figureWrapper(class, label string) app.UI {
	return Elx("div[role=img]").Class(class).Aria("label", label)
}

func mountFigure(tb testing.TB, f *Figure) app.ClientDispatcher {
	tb.Helper()
	d := app.NewClientTester(f)
	tb.Cleanup(d.Close)
	return d
}

func matchWrapper(tb testing.TB, f *Figure, class, label string) {
	tb.Helper()
	err := app.TestMatch(f, app.TestUIDescriptor{
		Path:     app.TestPath(0),
		Expected: figureWrapper(class, label),
	})
	if err != nil {
		tb.Fatalf("wrapper of %q: %v", f.Pose, err)
	}
}

// svgMarkup is the canonical markup of the svg element the figure shows in
// the browser. (Native tests run as the server, whose pre-rendered page has
// the wrapper only: TestFigureServerDrawsWrapperOnly.)
func svgMarkup(tb testing.TB, f *Figure) string {
	tb.Helper()
	html := f.SVG()
	if !strings.HasPrefix(html, "<svg") || !strings.HasSuffix(html, "</svg>") {
		tb.Fatalf("pose %q: the markup is not one svg element: %.200s", f.Pose, html)
	}
	return skeleton.SortAttributes(html)
}

func TestFigureEveryPoseRendersSVG(t *testing.T) {
	for _, pose := range FigurePoses {
		t.Run(pose, func(t *testing.T) {
			f := &Figure{Pose: pose}
			mountFigure(t, f)
			matchWrapper(t, f, "figure figure--"+pose, FigureAlt(pose))

			svg := svgMarkup(t, f)
			// A still figure has its pose's view only.
			for _, view := range []string{"lie", "kn", "rot"} {
				if has, want := strings.Contains(svg, `data-v="`+view+`"`), view == poseView(pose); has != want {
					t.Errorf("view %s drawn: %v, want %v", view, has, want)
				}
			}
			for _, want := range []string{`viewBox="` + skeleton.FigViewBox + `"`, `focusable="false"`, `aria-hidden="true"`} {
				if !strings.Contains(svg, want) {
					t.Errorf("svg lacks %s", want)
				}
			}
			// CSP style-src 'self': no inline styles; go-app cannot set
			// classes on SVG elements, so the markup must not rely on any.
			for _, bad := range []string{"style=", "class="} {
				if strings.Contains(svg, bad) {
					t.Errorf("svg contains %s", bad)
				}
			}
		})
	}
}

func TestFigureAltTexts(t *testing.T) {
	seen := map[string]string{}
	for _, pose := range FigurePoses {
		alt := FigureAlt(pose)
		if strings.TrimSpace(alt) == "" {
			t.Errorf("FigureAlt(%q) is empty", pose)
		}
		if other, dup := seen[alt]; dup {
			t.Errorf("FigureAlt(%q) = FigureAlt(%q) = %q", pose, other, alt)
		}
		seen[alt] = pose
		for _, side := range []string{"left", "right"} {
			if strings.HasSuffix(pose, "-"+side) && !strings.Contains(alt, side) {
				t.Errorf("FigureAlt(%q) = %q, want it to say %q", pose, alt, side)
			}
		}
	}
	if got, want := len(seen), 12; got != want {
		t.Errorf("got %d poses, want %d", got, want)
	}
}

func TestFigureUnknownPoseDrawsSupine(t *testing.T) {
	for _, pose := range []string{"", "handstand", "SUPINE", "bridge "} {
		f := &Figure{Pose: pose}
		mountFigure(t, f)
		matchWrapper(t, f, "figure figure--supine", FigureAlt("supine"))
		if got, want := FigureAlt(pose), FigureAlt("supine"); got != want {
			t.Errorf("FigureAlt(%q) = %q, want %q", pose, got, want)
		}
	}
}

func TestFigureLabelAndLarge(t *testing.T) {
	f := &Figure{Pose: "bridge", Label: "Bridge, hold for three breaths", Large: true}
	mountFigure(t, f)
	matchWrapper(t, f, "figure figure--bridge figure--large", "Bridge, hold for three breaths")
}

// The player changes Pose on its mounted large Figure: only the wrapper
// may change, so that the browser keeps the SVG nodes and animates them.
func TestFigurePoseChangeKeepsSVG(t *testing.T) {
	f := &Figure{Pose: "supine", Large: true}
	d := mountFigure(t, f)
	before := svgMarkup(t, f)
	for _, view := range []string{"lie", "kn", "rot"} {
		if !strings.Contains(before, `data-v="`+view+`"`) {
			t.Errorf("the large figure lacks view %s", view)
		}
	}
	for _, pose := range FigurePoses {
		f.Pose = pose
		f.Update()
		d.Consume()
		matchWrapper(t, f, "figure figure--"+pose+" figure--large", FigureAlt(pose))
		if after := svgMarkup(t, f); after != before {
			t.Fatalf("svg markup changed with pose %q", pose)
		}
	}
}

// The server's pre-rendered page keeps the figure's place and says what it
// shows, without the SVG nodes, which cost every launch time to parse.
func TestFigureServerDrawsWrapperOnly(t *testing.T) {
	html := app.HTMLString(&Figure{Pose: "bridge"})
	if strings.Contains(html, "<svg") || !strings.Contains(html, `aria-label="`+FigureAlt("bridge")+`"`) {
		t.Errorf("pre-rendered figure: %s", html)
	}
	// The empty wrapper keeps the drawing's proportions.
	box := strings.Fields(skeleton.FigViewBox)
	if want := "aspect-ratio: " + box[2] + " / " + box[3]; !strings.Contains(readFigureCSS(t), want) {
		t.Errorf("the figures section of web/app.css does not give .figure the viewBox's %s", want)
	}
}

// readFigureCSS returns the figures' section of web/app.css: one
// stylesheet, as each more one delays the app's start.
func readFigureCSS(tb testing.TB) string {
	tb.Helper()
	const begin, end = "/* ==== figures: begin", "/* ==== figures: end ==== */"
	_, section, ok := strings.Cut(uitest.ReadWeb(tb, "app.css"), begin)
	section, _, ok2 := strings.Cut(section, end)
	if !ok || !ok2 {
		tb.Fatalf("web/app.css has no figures section between %q and %q", begin, end)
	}
	return section
}

func TestFigureCSSCoversEveryPose(t *testing.T) {
	css := readFigureCSS(t)
	for _, pose := range FigurePoses {
		if !regexp.MustCompile(`\.figure--` + regexp.QuoteMeta(pose) + `[\s{,.\[]`).MatchString(css) {
			t.Errorf("the figures section of web/app.css has no rule for .figure--%s", pose)
		}
	}
	for _, want := range []string{
		"@media (prefers-reduced-motion: reduce)",
		":root[data-motion=reduce]",
		"var(--fig-body)", "var(--fig-accent)", "var(--fig-far)", "var(--fig-mat)",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the figures section of web/app.css lacks %q", want)
		}
	}
}

// Every colour the figures use has a light value and a dark one (the
// system's dark mode and the dark theme chosen in the app share it).
func TestFigureColoursInBothThemes(t *testing.T) {
	themes := themeBlocks(t)
	used := regexp.MustCompile(`var\((--fig-[\w-]+)\)`).FindAllStringSubmatch(readFigureCSS(t), -1)
	if len(used) == 0 {
		t.Fatal("the figures use no colours")
	}
	for _, m := range used {
		for theme, body := range themes {
			if !strings.Contains(body, m[1]+":") {
				t.Errorf("%s has no value in the %s", m[1], theme)
			}
		}
	}
}

// themeBlocks returns the colours of web/app.css by theme, as
// "--name: #value;" lines. Its :root block gives each colour as a pair,
// var(--light, <light>) var(--dark, <dark>); the dark theme (the system's,
// unless the person chose light, and the one the person chose) only
// switches which of each pair shows, in two rules this checks are there.
func themeBlocks(tb testing.TB) map[string]string {
	tb.Helper()
	all := uitest.ReadWeb(tb, "app.css")
	for _, sw := range []string{
		`@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme="light"\]\) \{ --light: ; --dark: initial; \}`,
		`:root\[data-theme="dark"\] \{ --light: ; --dark: initial; \}`,
	} {
		if !regexp.MustCompile(sw).MatchString(all) {
			tb.Fatalf("web/app.css does not switch to the dark colours with %s", sw)
		}
	}
	_, rest, ok := strings.Cut(all, ":root {")
	root, _, _ := strings.Cut(rest, "}")
	if !ok {
		tb.Fatal("web/app.css has no :root block")
	}
	pairs := regexp.MustCompile(`(--[\w-]+): var\(--light, (#[0-9a-fA-F]{3,6})\) var\(--dark, (#[0-9a-fA-F]{3,6})\);`).FindAllStringSubmatch(root, -1)
	if len(pairs) == 0 {
		tb.Fatal("web/app.css's :root block pairs no light colour with a dark one")
	}
	var light, dark strings.Builder
	for _, p := range pairs {
		fmt.Fprintf(&light, "%s: %s;\n", p[1], p[2])
		fmt.Fprintf(&dark, "%s: %s;\n", p[1], p[3])
	}
	return map[string]string{"light": light.String(), "dark": dark.String()}
}

// Every part, view and mark in the markup is styled, and every one the
// stylesheet names exists.
func TestFigureCSSMatchesMarkup(t *testing.T) {
	css := readFigureCSS(t)
	svg := svgMarkup(t, &Figure{Pose: "supine", Large: true})
	for _, attr := range []string{"data-p", "data-v", "data-a"} {
		inMarkup := map[string]bool{}
		for _, m := range regexp.MustCompile(attr+`="([^"]+)"`).FindAllStringSubmatch(svg, -1) {
			inMarkup[m[1]] = true
		}
		inCSS := map[string]bool{}
		for _, m := range regexp.MustCompile(`\[`+attr+`=([\w-]+)\]`).FindAllStringSubmatch(css, -1) {
			inCSS[m[1]] = true
		}
		if len(inMarkup) == 0 {
			t.Errorf("no %s in the markup", attr)
		}
		for k := range inMarkup {
			if !inCSS[k] {
				t.Errorf("%s=%s is drawn but not styled", attr, k)
			}
		}
		for k := range inCSS {
			if !inMarkup[k] {
				t.Errorf("the figures section of web/app.css styles %s=%s, which is not drawn", attr, k)
			}
		}
	}
}

func TestFigureSize(t *testing.T) {
	css := readFigureCSS(t)
	svg := (&Figure{Large: true}).SVG()
	if total := len(css) + len(svg); total > 40_000 {
		t.Errorf("figure css %d + markup %d = %d bytes, want under 40000", len(css), len(svg), total)
	}
}

// The transform chains in the figures section of web/app.css hard-code the bone lengths: they
// must agree with the segments drawn here.
func TestFigureCSSBoneLengths(t *testing.T) {
	css := readFigureCSS(t)
	for _, want := range []string{
		fmt.Sprintf("rotate(var(--s1)) translate(%dpx) rotate(var(--s2))", skeleton.FigSpine1),
		fmt.Sprintf("rotate(var(--s2)) translate(%dpx) rotate(var(--s3))", skeleton.FigSpine2),
		fmt.Sprintf("rotate(var(--s3)) translate(%dpx) rotate(var(--nk))", skeleton.FigSpine3),
		fmt.Sprintf("rotate(var(--uan)) translate(%dpx) rotate(var(--fan))", skeleton.FigUpperArm),
		fmt.Sprintf("rotate(var(--s1)) translate(0, %dpx) rotate(var(--thn))", skeleton.FigHipOffset),
		fmt.Sprintf("rotate(var(--thn)) translate(%dpx) rotate(var(--shn))", skeleton.FigThigh),
		fmt.Sprintf("rotate(var(--shn)) translate(%dpx) rotate(var(--ftn))", skeleton.FigShin),
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the figures section of web/app.css lacks %q", want)
		}
	}
}
