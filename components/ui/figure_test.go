//go:build !wasm

package ui

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
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

// ---- the poses against the article, by forward kinematics ----
//
// The stylesheet positions every bone; these tests recompute where the
// joints end up from its custom properties, exactly as the transform chains
// do, and check what the article says about each position: feet flat,
// hands holding the knee, the bridge's straight line, a small gap under the
// arched back, hands under the shoulders and knees under the hips.

type pt struct{ x, y float64 }

func (a pt) add(b pt) pt       { return pt{a.x + b.x, a.y + b.y} }
func (a pt) sub(b pt) pt       { return pt{a.x - b.x, a.y - b.y} }
func (a pt) dist(b pt) float64 { return math.Hypot(a.x-b.x, a.y-b.y) }
func dir(deg float64, l float64) pt {
	r := deg * math.Pi / 180
	return pt{l * math.Cos(r), l * math.Sin(r)}
}

// joints is where the joints of one pose are drawn, in the view's frame.
type joints struct {
	hip, hipJoint, mid1, mid2, shoulder, head pt
	a1, a2, a3, headAngle                     float64
	knee, ankle, hand                         map[string]pt
	foot, thigh, shin                         map[string]float64 // absolute angles
}

var farShift = pt{5, -4}

func pose(v map[string]float64) joints {
	s := joints{knee: map[string]pt{}, ankle: map[string]pt{}, hand: map[string]pt{},
		foot: map[string]float64{}, thigh: map[string]float64{}, shin: map[string]float64{}}
	s.a1 = v["s1"]
	s.a2 = s.a1 + v["s2"]
	s.a3 = s.a2 + v["s3"]
	s.headAngle = s.a3 + v["nk"]
	s.hip = pt{v["hx"], v["hy"]}
	s.hipJoint = s.hip.add(dir(s.a1+90, skeleton.FigHipOffset))
	s.mid1 = s.hip.add(dir(s.a1, skeleton.FigSpine1))
	s.mid2 = s.mid1.add(dir(s.a2, skeleton.FigSpine2))
	s.shoulder = s.mid2.add(dir(s.a3, skeleton.FigSpine3))
	s.head = s.shoulder.add(dir(s.headAngle, 19))
	for _, side := range []string{"n", "f"} {
		shift := pt{}
		if side == "f" {
			shift = farShift
		}
		th := s.a1 + v["th"+side]
		sh := th + v["sh"+side]
		s.thigh[side], s.shin[side] = th, sh
		s.foot[side] = sh + v["ft"+side]
		s.knee[side] = s.hipJoint.add(dir(th, skeleton.FigThigh)).add(shift)
		s.ankle[side] = s.knee[side].add(dir(sh, skeleton.FigShin))
		ua := s.a3 + v["ua"+side]
		s.hand[side] = s.shoulder.add(dir(ua, skeleton.FigUpperArm)).add(dir(ua+v["fa"+side], skeleton.FigForearm)).add(shift)
	}
	return s
}

// poseVars reads the custom properties each pose rule of the figures section of web/app.css
// sets, on top of its view's defaults.
func poseVars(tb testing.TB) map[string]map[string]float64 {
	tb.Helper()
	css := readFigureCSS(tb)
	rule := regexp.MustCompile(`(?m)^([^{}\n]*\[data-v=(lie|kn)\])\{([^}]*--hx[^}]*)\}`)
	decl := regexp.MustCompile(`--(\w+):(-?[\d.]+)(?:px|deg)`)
	base := map[string]map[string]float64{}
	out := map[string]map[string]float64{}
	for _, m := range rule.FindAllStringSubmatch(css, -1) {
		vals := map[string]float64{}
		for k, v := range base[m[2]] {
			vals[k] = v
		}
		for _, d := range decl.FindAllStringSubmatch(m[3], -1) {
			f, err := strconv.ParseFloat(d[2], 64)
			if err != nil {
				tb.Fatal(err)
			}
			vals[d[1]] = f
		}
		poses := regexp.MustCompile(`\.figure--([\w-]+)`).FindAllStringSubmatch(m[1], -1)
		if strings.HasPrefix(m[1], ".figure [data-v=") {
			base[m[2]] = vals
		}
		for _, p := range poses {
			out[p[1]] = vals
		}
	}
	return out
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.1f, want %.1f ± %.1f", what, got, want, tol)
	}
}

// normDeg maps an angle to (-180, 180].
func normDeg(a float64) float64 {
	a = math.Mod(a, 360)
	if a > 180 {
		a -= 360
	}
	if a <= -180 {
		a += 360
	}
	return a
}

// segDist is the distance from p to the segment a-b.
func segDist(p, a, b pt) float64 {
	d := b.sub(a)
	k := ((p.x-a.x)*d.x + (p.y-a.y)*d.y) / (d.x*d.x + d.y*d.y)
	k = math.Max(0, math.Min(1, k))
	return p.dist(a.add(pt{d.x * k, d.y * k}))
}

// backGap is how far the back surface is off the floor at a spine point
// (lying, the back is the floor side of the trunk's stroke).
func backGap(p pt) float64 { return skeleton.FigFloor - (p.y + skeleton.FigTrunkWidth/2) }

func TestFigurePosesMatchTheArticle(t *testing.T) {
	vars := poseVars(t)
	for _, p := range FigurePoses {
		if strings.HasPrefix(p, "rotate-") {
			continue // drawn from behind the head, not by the skeleton
		}
		if vars[p] == nil {
			t.Fatalf("the figures section of web/app.css has no joint angles for %s", p)
		}
	}
	lie := func(name string) joints { return pose(vars[name]) }
	const footY, handY = skeleton.FigFloor - 3.5, skeleton.FigFloor - 4.5

	// Lying: head and shoulders stay on the floor in every position.
	for _, name := range []string{"supine", "knee-left", "knee-right", "knees-both", "back-arch", "back-flat", "bridge"} {
		t.Run(name+"/head and shoulders down", func(t *testing.T) {
			s := lie(name)
			near(t, "gap under the shoulders", backGap(s.shoulder), 0, 2)
			near(t, "head bottom", s.head.y+skeleton.FigHeadRadius, skeleton.FigFloor, 1.5)
		})
	}
	// Feet flat on the floor, knees bent, wherever the article says so.
	flat := map[string][]string{
		"supine": {"n", "f"}, "back-arch": {"n", "f"}, "back-flat": {"n", "f"}, "bridge": {"n", "f"},
		"knee-left": {"n"}, "knee-right": {"f"},
	}
	for name, sides := range flat {
		for _, side := range sides {
			t.Run(name+"/foot flat "+side, func(t *testing.T) {
				s := lie(name)
				y := footY
				if side == "f" {
					y += farShift.y
				}
				near(t, "ankle height", s.ankle[side].y, y, 1)
				near(t, "foot angle", normDeg(s.foot[side]), 0, 3)
				if bend := math.Abs(normDeg(s.shin[side] - s.thigh[side])); bend < 60 || s.knee[side].y > s.hipJoint.y-10 {
					t.Errorf("knee bent %.0f° at y %.1f (hip joint %.1f), want a bent knee, raised", bend, s.knee[side].y, s.hipJoint.y)
				}
			})
		}
	}
	// Knee to chest: the knee drawn toward the chest, shin folded, held
	// by both hands; the hip stays down.
	hugged := map[string][]string{"knee-left": {"f"}, "knee-right": {"n"}, "knees-both": {"n", "f"}}
	for name, sides := range hugged {
		for _, side := range sides {
			t.Run(name+"/knee to chest "+side, func(t *testing.T) {
				s := lie(name)
				k := s.knee[side]
				mid := (s.hip.x + s.shoulder.x) / 2
				if k.x > mid {
					t.Errorf("knee at x %.1f is not over the chest half of the trunk (%.1f..%.1f)", k.x, s.shoulder.x, mid)
				}
				if gap := s.hipJoint.y - k.y; gap < 20 {
					t.Errorf("knee only %.1f above the hip joint", gap)
				}
				// folded: the shin comes back toward the feet, about level,
				// not pointing up (a leg "sticking up").
				if bend := math.Abs(normDeg(s.shin[side] - s.thigh[side])); bend < 110 {
					t.Errorf("knee bent %.0f°, want a folded knee (≥ 110°)", bend)
				}
				if a := normDeg(s.shin[side]); math.Abs(a) > 25 {
					t.Errorf("shin at %.0f° from level", a)
				}
				for _, hand := range []string{"n", "f"} {
					if d := s.hand[hand].dist(k); d > 10 {
						t.Errorf("hand %s is %.1f from the knee, want both hands on it", hand, d)
					}
				}
				near(t, "gap under the hips", backGap(s.hip), 0, 2)
			})
		}
	}
	t.Run("knees-both/legs together", func(t *testing.T) {
		s := lie("knees-both")
		if d := s.knee["n"].dist(s.knee["f"]); d > 4 {
			t.Errorf("knees %.1f apart in the drawing", d)
		}
	})
	// Flexibility: arch lifts the lower back a little, buttocks and
	// shoulders down; flat presses the whole back down.
	t.Run("back-arch/small gap", func(t *testing.T) {
		s := lie("back-arch")
		gap := math.Max(backGap(s.mid1), backGap(s.mid2))
		if gap < 3 || gap > 9 {
			t.Errorf("lower back %.1f off the floor, want a small but visible lift (3..9)", gap)
		}
		near(t, "gap under the buttocks", backGap(s.hip), 0, 1)
	})
	// The highlighted gap is traced along the arched back's underside.
	t.Run("back-arch/gap outline", func(t *testing.T) {
		s := lie("back-arch")
		m := regexp.MustCompile(`d="(M[^"]+)" data-a="gap"|data-a="gap" d="(M[^"]+)"`).FindStringSubmatch(svgMarkup(t, &Figure{Pose: "back-arch"}))
		if m == nil {
			t.Fatal("no gap outline in the markup")
		}
		d := m[1] + m[2]
		segs := [][2]pt{{s.hip, s.mid1}, {s.mid1, s.mid2}, {s.mid2, s.shoulder}}
		n := 0
		for _, xy := range regexp.MustCompile(`(-?[\d.]+) (-?[\d.]+)`).FindAllStringSubmatch(d, -1) {
			x, _ := strconv.ParseFloat(xy[1], 64)
			y, _ := strconv.ParseFloat(xy[2], 64)
			if y > skeleton.FigFloor-1 {
				continue // on the floor
			}
			best := math.Inf(1)
			for _, sg := range segs {
				best = math.Min(best, segDist(pt{x, y}, sg[0], sg[1]))
			}
			if best < skeleton.FigTrunkWidth/2 || best > skeleton.FigTrunkWidth/2+1.5 {
				t.Errorf("gap outline point %.1f,%.1f is %.1f from the spine, want just under the back (%.1f..%.1f)", x, y, best, skeleton.FigTrunkWidth/2.0, skeleton.FigTrunkWidth/2+1.5)
			}
			n++
		}
		if n < 5 {
			t.Errorf("gap outline has %d points off the floor", n)
		}
	})
	t.Run("back-flat/pressed flat", func(t *testing.T) {
		s := lie("back-flat")
		for i, p := range []pt{s.hip, s.mid1, s.mid2, s.shoulder} {
			near(t, fmt.Sprintf("gap under spine point %d", i), backGap(p), 0, 0.6)
		}
	})
	// Bridge: hips up, knees, hips and shoulders in one straight line.
	t.Run("bridge/straight line", func(t *testing.T) {
		s := lie("bridge")
		trunk := normDeg(s.a1 + 180) // hip toward shoulder, reversed
		for i, a := range []float64{s.a1, s.a2, s.a3} {
			near(t, fmt.Sprintf("spine segment %d against the trunk line", i+1), normDeg(a-s.a1), 0, 2)
		}
		near(t, "thigh against the trunk line", normDeg(s.thigh["n"]-trunk), 0, 3)
		if lift := backGap(s.hip); lift < 12 {
			t.Errorf("hips only %.1f off the floor", lift)
		}
		if s.knee["n"].y > s.hip.y {
			t.Errorf("knee below the hip")
		}
		if d := math.Abs(s.knee["n"].x - s.ankle["n"].x); d > 8 {
			t.Errorf("knee %.1f off the vertical over the ankle", d)
		}
	})

	// On hands and knees (frame facing right, before the mirror).
	const kneeY = skeleton.FigFloor - 5
	kn := map[string]joints{}
	for _, name := range []string{"all-fours", "cat-arch", "cat-sag"} {
		s := pose(vars[name])
		kn[name] = s
		t.Run(name+"/hands and knees", func(t *testing.T) {
			near(t, "knee height", s.knee["n"].y, kneeY, 1)
			near(t, "hand height", s.hand["n"].y, handY, 1)
			near(t, "hand under the shoulder", s.hand["n"].x, s.shoulder.x, 6)
			near(t, "knee under the hip", s.knee["n"].x, s.hipJoint.x, 6)
			all := kn["all-fours"]
			near(t, "hand planted (x)", s.hand["n"].x, all.hand["n"].x, 0.6)
			near(t, "knee planted (x)", s.knee["n"].x, all.knee["n"].x, 0.6)
		})
	}
	// signed distance of the mid-back above the hip-shoulder line (y up)
	bow := func(s joints) float64 {
		mid := pt{(s.mid1.x + s.mid2.x) / 2, (s.mid1.y + s.mid2.y) / 2}
		line := (s.hip.y + s.shoulder.y) / 2
		return line - mid.y
	}
	t.Run("all-fours/back flat", func(t *testing.T) {
		s := kn["all-fours"]
		near(t, "back bow", bow(s), 0, 1)
		near(t, "back slope", normDeg(s.a1), 0, 6)
	})
	t.Run("cat-arch/rounded up, head down", func(t *testing.T) {
		s := kn["cat-arch"]
		if b := bow(s); b < 6 {
			t.Errorf("back rounded up by %.1f, want ≥ 6", b)
		}
		if d := s.head.y - s.shoulder.y; d < 10 {
			t.Errorf("head only %.1f below the shoulder", d)
		}
	})
	t.Run("cat-sag/dipped, head up", func(t *testing.T) {
		s := kn["cat-sag"]
		if b := bow(s); b > -4 {
			t.Errorf("back dipped by %.1f, want ≥ 4", -b)
		}
		if d := s.shoulder.y - s.head.y; d < 10 {
			t.Errorf("head only %.1f above the shoulder", d)
		}
	})
}
