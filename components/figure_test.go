package components

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// figureWrapper is the element Figure must render for a pose and label.
func figureWrapper(class, label string) app.UI {
	return app.Div().Class(class).Attr("role", "img").Aria("label", label)
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

var (
	tagRe  = regexp.MustCompile(`<([a-zA-Z]+)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*>`)
	attrRe = regexp.MustCompile(`([\w:-]+)(?:="([^"]*)")?`)
)

// canonical rewrites HTML with every tag's attributes sorted, since go-app
// writes attributes in map order.
func canonical(html string) string {
	return tagRe.ReplaceAllStringFunc(html, func(tag string) string {
		m := tagRe.FindStringSubmatch(tag)
		attrs := attrRe.FindAllString(m[2], -1)
		sort.Strings(attrs)
		return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
	})
}

// svgMarkup is the canonical markup of the figure's svg element.
func svgMarkup(tb testing.TB, f *Figure) string {
	tb.Helper()
	html := app.HTMLString(f)
	i := strings.Index(html, "<svg")
	j := strings.LastIndex(html, "</svg>")
	if i < 0 || j < i {
		tb.Fatalf("pose %q: no svg element in %.200s", f.Pose, html)
	}
	return canonical(html[i : j+len("</svg>")])
}

func TestFigureEveryPoseRendersSVG(t *testing.T) {
	for _, pose := range FigurePoses {
		t.Run(pose, func(t *testing.T) {
			f := &Figure{Pose: pose}
			mountFigure(t, f)
			matchWrapper(t, f, "figure figure--"+pose, FigureAlt(pose))

			svg := svgMarkup(t, f)
			for _, want := range []string{`viewBox="0 0 240 136"`, `focusable="false"`, "aria-hidden"} {
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

// The player changes Pose on a mounted Figure: only the wrapper may change,
// so that the browser keeps the SVG nodes and animates them.
func TestFigurePoseChangeKeepsSVG(t *testing.T) {
	f := &Figure{Pose: "supine"}
	d := mountFigure(t, f)
	before := svgMarkup(t, f)
	for _, pose := range FigurePoses {
		f.Pose = pose
		f.Update()
		d.Consume()
		matchWrapper(t, f, "figure figure--"+pose, FigureAlt(pose))
		if after := svgMarkup(t, f); after != before {
			t.Fatalf("svg markup changed with pose %q", pose)
		}
	}
}

func readFigureCSS(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../web/figure.css")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestFigureCSSCoversEveryPose(t *testing.T) {
	css := readFigureCSS(t)
	for _, pose := range FigurePoses {
		if !regexp.MustCompile(`\.figure--` + regexp.QuoteMeta(pose) + `[\s{,.\[]`).MatchString(css) {
			t.Errorf("web/figure.css has no rule for .figure--%s", pose)
		}
	}
	for _, want := range []string{
		"@media (prefers-reduced-motion: reduce)",
		":root[data-motion=reduce]",
		"@media (prefers-color-scheme: dark)",
		":root[data-theme=dark]",
		"--fig-body", "--fig-accent", "--fig-far", "--fig-mat",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("web/figure.css lacks %q", want)
		}
	}
}

// Every part, view and mark in the markup is styled, and every one the
// stylesheet names exists.
func TestFigureCSSMatchesMarkup(t *testing.T) {
	css := readFigureCSS(t)
	svg := svgMarkup(t, &Figure{Pose: "supine"})
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
				t.Errorf("web/figure.css styles %s=%s, which is not drawn", attr, k)
			}
		}
	}
}

func TestFigureSize(t *testing.T) {
	css := readFigureCSS(t)
	svg := app.HTMLString(&Figure{Pose: "supine"})
	if total := len(css) + len(svg); total > 40_000 {
		t.Errorf("figure css %d + markup %d = %d bytes, want under 40000", len(css), len(svg), total)
	}
}

// The transform chains in web/figure.css hard-code the bone lengths: they
// must agree with the segments drawn here.
func TestFigureCSSBoneLengths(t *testing.T) {
	css := readFigureCSS(t)
	for _, want := range []string{
		fmt.Sprintf("rotate(var(--s1)) translate(%dpx) rotate(var(--s2))", figSpine1),
		fmt.Sprintf("rotate(var(--s2)) translate(%dpx) rotate(var(--s3))", figSpine2),
		fmt.Sprintf("rotate(var(--s3)) translate(%dpx) rotate(var(--nk))", figSpine3),
		fmt.Sprintf("rotate(var(--uan)) translate(%dpx) rotate(var(--fan))", figUpperArm),
		fmt.Sprintf("rotate(var(--s1)) translate(0, %dpx) rotate(var(--thn))", figHipOffset),
		fmt.Sprintf("rotate(var(--thn)) translate(%dpx) rotate(var(--shn))", figThigh),
		fmt.Sprintf("rotate(var(--shn)) translate(%dpx) rotate(var(--ftn))", figShin),
	} {
		if !strings.Contains(css, want) {
			t.Errorf("web/figure.css lacks %q", want)
		}
	}
}
