//go:build !wasm

package ui

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"unknot/components/skeleton"
)

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
