// Package skeleton is the exercise figure's side-view skeleton: the sizes
// of its bones and the joint angles of every pose. It is the one source of
// both: figure_draw.go draws bones of these sizes, and
// go generate ./components/ui writes the poses into the figures section of
// components/ui/figure.css and the drawing into components/ui/figure_svg.go.
//
// The angles come from where each pose puts the pelvis, the spine, the
// hands and the feet (two-bone inverse kinematics), so that feet and hands
// that should stay planted do. components/ui/figure_pose_test.go checks the result
// against the article by forward kinematics.
//
// Frames: SVG user units, y down, angles in degrees, positive = clockwise.
// Lying (data-v=lie) the head is on the left; on hands and knees (data-v=kn)
// the skeleton is computed facing right and mirrored by the markup.
package skeleton

import (
	"fmt"
	"math"
	"strings"
)

// Bone sizes, in SVG user units.
const (
	Spine1, Spine2, Spine3 = 16, 18, 20 // hip to shoulder
	UpperArm, Forearm      = 26, 25
	Thigh, Shin, Foot      = 46, 45, 13
	HipOffset              = 7 // thigh root, belly side of the spine line
	Floor                  = 124
	TrunkWidth             = 22 // stroke of the pelvis and waist
	HeadRadius             = 12
	HeadCentre             = 19 // the head's centre along the neck
)

// The same sizes as the computation's floats, with what it derives.
const (
	s1L, s2L, s3L = float64(Spine1), float64(Spine2), float64(Spine3)
	uaL, faL      = float64(UpperArm), float64(Forearm)
	thL, shL      = float64(Thigh), float64(Shin)
	hipOff        = float64(HipOffset)
	floor         = float64(Floor)
	headC, headR  = float64(HeadCentre), float64(HeadRadius)
	trunkHalf     = float64(TrunkWidth) / 2
	footY         = floor - 3.5
	handY         = floor - 4.5
	kneeY         = floor - 5 // kneeling: centre of the knee (shin width 10)
	farDX, farDY  = 5.0, -4.0 // far limbs are drawn shifted by this
)

type vec struct{ x, y float64 }

func (a vec) add(b vec) vec     { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec     { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec { return vec{a.x * k, a.y * k} }
func (a vec) len() float64      { return math.Hypot(a.x, a.y) }
func (a vec) ang() float64      { return deg(math.Atan2(a.y, a.x)) }
func u(a float64) vec           { return vec{math.Cos(rad(a)), math.Sin(rad(a))} }
func rad(d float64) float64     { return d * math.Pi / 180 }
func deg(r float64) float64     { return r * 180 / math.Pi }
func rot(v vec, a float64) vec {
	c, s := math.Cos(rad(a)), math.Sin(rad(a))
	return vec{v.x*c - v.y*s, v.x*s + v.y*c}
}
func far(v vec) vec   { return v.add(vec{farDX, farDY}) }
func unfar(v vec) vec { return v.sub(vec{farDX, farDY}) }

// ik places a two-bone limb from root to target: the absolute angles of the
// two bones. bend +1 puts the middle joint clockwise of the root-target line.
func ik(name string, root, target vec, a, b, bend float64) (float64, float64) {
	d := target.sub(root)
	l := d.len()
	if l > a+b-0.01 {
		l = a + b - 0.01
	}
	if l < math.Abs(a-b)+0.01 {
		l = math.Abs(a-b) + 0.01
	}
	cosA := (a*a + l*l - b*b) / (2 * a * l)
	t1 := d.ang() - bend*deg(math.Acos(cosA))
	mid := root.add(u(t1).mul(a))
	t2 := target.sub(mid).ang()
	return t1, t2
}

// spine is the pelvis position and the absolute angles of the three spine
// segments; it gives the hip joint and the shoulder.
type spine struct {
	h          vec
	a1, a2, a3 float64
}

func (s spine) hipJoint() vec { return s.h.add(rot(vec{0, hipOff}, s.a1)) }
func (s spine) shoulder() vec {
	return s.h.add(u(s.a1).mul(s1L)).add(u(s.a2).mul(s2L)).add(u(s.a3).mul(s3L))
}

// spineFromHipJoint places the pelvis so that the hip joint is at j.
func spineFromHipJoint(j vec, a1, a2, a3 float64) spine {
	return spine{j.sub(rot(vec{0, hipOff}, a1)), a1, a2, a3}
}

type pose struct {
	view  string
	vars  []string
	sp    spine
	head  float64 // absolute angle of the head
	limbs map[string]float64
}

func (p *pose) set(k string, v float64) { p.limbs[k] = v }

// leg solves a leg with the ankle at target (screen coordinates) and the
// foot at absolute angle foot.
func (p *pose) leg(side string, ankle vec, bend, foot float64) {
	root := p.sp.hipJoint()
	if side == "f" {
		ankle = unfar(ankle)
	}
	t, s := ik(p.view+" leg "+side, root, ankle, thL, shL, bend)
	p.set("th"+side, t-p.sp.a1)
	p.set("sh"+side, s-t)
	p.set("ft"+side, foot-s)
}

// arm solves an arm with the hand (its centre) at target.
func (p *pose) arm(side string, hand vec, bend float64) {
	root := p.sp.shoulder()
	if side == "f" {
		hand = unfar(hand)
	}
	a, f := ik(p.view+" arm "+side, root, hand, uaL, faL, bend)
	p.set("ua"+side, a-p.sp.a3)
	p.set("fa"+side, f-a)
}

// knee is where the knee of a leg is drawn, for placing hands on it.
func (p *pose) knee(side string) vec {
	k := p.sp.hipJoint().add(u(p.sp.a1 + p.limbs["th"+side]).mul(thL))
	if side == "f" {
		k = far(k)
	}
	return k
}

// headOnFloor turns the head so it rests on the floor.
func (p *pose) headOnFloor() {
	s := p.sp.shoulder()
	// centre at floor-headR: s.y + headC*sin(a) = floor - headR
	p.head = 180 - deg(math.Asin((floor-headR-s.y)/headC))
}

// gapPath outlines the space between the floor and the back of a lying
// spine: the floor side of the trunk's round-capped strokes (width 22, 22,
// 23), traced where it is more than half a unit off the floor.
func gapPath(sp spine) string {
	p1 := sp.h.add(u(sp.a1).mul(s1L))
	p2 := p1.add(u(sp.a2).mul(s2L))
	segs := []struct {
		a, b vec
		r    float64
	}{{sp.h, p1, 11}, {p1, p2, 11}, {p2, sp.shoulder(), 11.5}}
	dist := func(p, a, b vec) float64 {
		d := b.sub(a)
		t := math.Max(0, math.Min(1, ((p.x-a.x)*d.x+(p.y-a.y)*d.y)/(d.x*d.x+d.y*d.y)))
		return p.sub(a.add(d.mul(t))).len()
	}
	var pts []string
	for x := sp.shoulder().x; x <= sp.h.x; x += 3 {
		y := floor
		for ; y > floor-20; y -= 0.05 {
			in := false
			for _, s := range segs {
				if dist(vec{x, y}, s.a, s.b) <= s.r {
					in = true
				}
			}
			if in {
				break
			}
		}
		y = math.Min(y+0.3, floor)
		pts = append(pts, f1(x)+" "+f1(y))
	}
	return "M" + strings.Join(pts, "L") + "Z"
}

// ref are the reference values the angles are wrapped around, so that
// every transition turns the short way (through the front of the body).
var ref = map[string]float64{}

func wrap(k string, v float64) float64 {
	r, ok := ref[k]
	if !ok {
		for v > 180 {
			v -= 360
		}
		for v <= -180 {
			v += 360
		}
		return v
	}
	for v-r > 180 {
		v -= 360
	}
	for v-r <= -180 {
		v += 360
	}
	return v
}

func (p *pose) css(sel string, setRef bool, keys []string) string {
	vals := map[string]float64{
		"s1": p.sp.a1, "s2": p.sp.a2 - p.sp.a1, "s3": p.sp.a3 - p.sp.a2,
		"nk": p.head - p.sp.a3,
	}
	for k, v := range p.limbs {
		vals[k] = v
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s{--hx:%spx;--hy:%spx", sel, f1(p.sp.h.x), f1(p.sp.h.y))
	for _, k := range keys {
		v, ok := vals[k]
		if !ok {
			continue
		}
		v = wrap(p.view+k, v)
		if setRef {
			ref[p.view+k] = v
		}
		fmt.Fprintf(&b, ";--%s:%sdeg", k, f1(v))
	}
	b.WriteString("}")
	return b.String()
}

func f1(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if s == "-0.0" {
		s = "0.0"
	}
	return strings.TrimSuffix(s, ".0")
}

var keys = []string{"s1", "s2", "s3", "nk", "uan", "fan", "uaf", "faf", "thn", "shn", "ftn", "thf", "shf", "ftf"}

func newPose(view string, sp spine) *pose {
	return &pose{view: view, sp: sp, limbs: map[string]float64{}}
}

// ---- lying ----

const (
	lieHX    = 128.0 // pelvis x when lying
	ankleX   = 56.0  // feet flat: ankle this far right of the hip joint
	farFootX = 3.0   // the far foot a little further along, to show it
)

// lying returns a pose lying on the back with the given spine angles, the
// back resting on the floor at the pelvis (raise lifts the pelvis).
func lying(a1, a2, a3 float64) *pose {
	sp := spine{vec{lieHX, floor - trunkHalf}, a1, a2, a3}
	return newPose("lie", sp)
}

// feetFlat plants a leg's foot on the floor, knee up.
func (p *pose) feetFlat(side string, hipJointX float64) {
	x := hipJointX + ankleX
	y := footY
	if side == "f" {
		x += farFootX
		y += farDY // behind: the far foot stands on the far edge of the mat
	}
	p.leg(side, vec{x, y}, 1, 0)
}

// armsBySide lays the arms along the body, hands on the floor by the hips.
func (p *pose) armsBySide(handX float64) {
	p.arm("n", vec{handX, floor - 6}, -1)
	p.arm("f", vec{handX + farDX, floor - 6 + farDY}, -1)
}

// hugKnee is where a hugged knee is drawn: over the lower chest, the thigh
// about 43° above the floor (hip bent about 137°).
var hugKnee = vec{lieHX - thL*math.Cos(rad(43)), floor - trunkHalf - hipOff - thL*math.Sin(rad(43))}

// hug pulls a leg's knee toward the chest: hip flexed, knee folded, the
// shin about level and the foot relaxed. Both sides put the knee at the
// same place on the screen, so that the hands can hold either.
func (p *pose) hug(side string) {
	j := p.sp.hipJoint()
	if side == "f" {
		j = far(j)
	}
	knee := j.add(u(hugKnee.sub(j).ang()).mul(thL))
	const sh = -8.0
	ankle := knee.add(u(sh).mul(shL))
	p.leg(side, ankle, 1, sh-28)
}

// holdKnee puts both hands on the front of a knee, just below it.
func (p *pose) holdKnee(side string) {
	k := p.knee(side)
	t := k.add(vec{5, -4})
	p.arm("n", t, -1)
	p.arm("f", t.add(vec{1, -1}), -1)
}

// Poses computes the figure's poses: the stylesheet rule of every pose's
// joint angles, in order, and the outline of the gap under the arched back.
func Poses() (rules []string, gap string) {
	ref = map[string]float64{}
	var out []string
	emit := func(sel string, p *pose, setRef bool) {
		out = append(out, p.css(sel, setRef, keys))
	}

	// supine: knees bent, feet flat, arms by the sides; a small natural
	// curve in the back.
	sup := lying(182, 179, 178)
	j := sup.sp.hipJoint()
	sup.feetFlat("n", j.x)
	sup.feetFlat("f", j.x)
	sup.armsBySide(lieHX - 4)
	sup.headOnFloor()
	emit(".figure [data-v=lie], .figure--supine [data-v=lie]", sup, true)

	for _, side := range []string{"left", "right", "both"} {
		p := lying(180, 180, 180)
		j := p.sp.hipJoint()
		switch side {
		case "left": // the far leg (the person's left) hugged
			p.feetFlat("n", j.x)
			p.hug("f")
			p.holdKnee("f")
		case "right":
			p.hug("n")
			p.feetFlat("f", j.x)
			p.holdKnee("n")
		default:
			p.hug("n")
			p.hug("f")
			p.holdKnee("n")
		}
		p.headOnFloor()
		sel := ".figure--knee-" + side + " [data-v=lie]"
		if side == "both" {
			sel = ".figure--knees-both [data-v=lie]"
		}
		emit(sel, p, false)
	}

	// back-arch: the pelvis tips forward and the lower back lifts a little
	// off the floor; buttocks and shoulder blades stay down.
	arch := lying(198, 186, 163)
	arch.feetFlat("n", j.x)
	arch.feetFlat("f", j.x)
	arch.armsBySide(lieHX - 4)
	arch.headOnFloor()
	emit(".figure--back-arch [data-v=lie]", arch, false)
	gap = gapPath(arch.sp)

	// back-flat: the whole back pressed flat.
	flat := lying(180, 180, 180)
	flat.feetFlat("n", j.x)
	flat.feetFlat("f", j.x)
	flat.armsBySide(lieHX - 4)
	flat.headOnFloor()
	emit(".figure--back-flat [data-v=lie]", flat, false)

	// bridge: feet planted where they were, knees over the ankles, hips
	// up so that knees, hips and shoulders are one straight line, the
	// shoulders and head on the floor.
	{
		ankle := vec{j.x + ankleX, footY}
		knee := vec{ankle.x - 4, 0}
		knee.y = ankle.y - math.Sqrt(shL*shL-16)
		// shoulder on the floor: spine line at floor-trunkHalf; find the
		// line angle a (rising to the right) with the thigh continuing it.
		var best spine
		for a := 5.0; a < 40; a += 0.01 {
			d := u(-a)
			// knee = shoulder + (s1+s2+s3)·d + hipOff·n + thL·d, n the belly normal
			n := rot(vec{0, hipOff}, 180-a) // belly side for a1 = 180-a
			sh := knee.sub(d.mul(thL + s1L + s2L + s3L)).sub(n)
			if sh.y >= floor-trunkHalf {
				best = spine{sh.add(d.mul(s1L + s2L + s3L)), 180 - a, 180 - a, 180 - a}
				break
			}
		}
		br := newPose("lie", best)
		br.leg("n", ankle, 1, 0)
		br.leg("f", vec{ankle.x + farFootX, ankle.y + farDY}, 1, 0)
		s := best.shoulder()
		br.arm("n", vec{s.x + 50, handY}, -1)
		br.arm("f", vec{s.x + 50 + farDX, handY + farDY}, -1)
		br.headOnFloor()
		emit(".figure--bridge [data-v=lie]", br, false)
	}

	// ---- on hands and knees (computed facing right) ----
	const kneeX = 105.0
	kneel := func(a1, a2, a3, head float64, hands vec) *pose {
		// the hip joint stays on the circle of the thigh around the
		// planted knee; pick the point that brings the shoulders over
		// the hands at a near-straight arm.
		var best *pose
		bestCost := math.Inf(1)
		for dx := -12.0; dx <= 12; dx += 0.05 {
			jn := vec{kneeX + dx, kneeY - math.Sqrt(thL*thL-dx*dx)}
			sp := spineFromHipJoint(jn, a1, a2, a3)
			s := sp.shoulder()
			cost := 4*math.Abs(s.sub(hands).len()-(uaL+faL-0.6)) + (s.x-hands.x)*(s.x-hands.x) + dx*dx
			if cost < bestCost {
				bestCost = cost
				best = newPose("kn", sp)
			}
		}
		p := best
		p.head = head
		ankle := vec{kneeX - shL, kneeY}
		p.leg("n", ankle, 1, 180)
		p.leg("f", far(ankle), 1, 180)
		p.arm("n", hands, -1)
		p.arm("f", far(hands), -1)
		return p
	}
	// all fours: back level, thighs upright, arms upright and nearly
	// straight: the back's slope is what brings the shoulders to that
	// height.
	var hands vec
	{
		jn := vec{kneeX, kneeY - thL}
		a := 0.0
		var sp spine
		for ; a < 20; a += 0.01 {
			sp = spineFromHipJoint(jn, a, a, a)
			if sp.shoulder().y >= handY-(uaL+faL-0.6) {
				break
			}
		}
		hands = vec{sp.shoulder().x, handY}
		p := kneel(a, a, a, a+14, hands)
		emit(".figure [data-v=kn], .figure--all-fours [data-v=kn]", p, true)
	}
	// cat arch: the back rounded up, the head dropped between the arms.
	emit(".figure--cat-arch [data-v=kn]", kneel(-32, 2, 34, 34+40, hands), false)
	// cat sag: the back and belly dipped, the head lifted.
	emit(".figure--cat-sag [data-v=kn]", kneel(27, 2, -16, -16-40, hands), false)

	return out, gap
}
