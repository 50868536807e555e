package skeleton

import (
	"regexp"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/svg"
)

// archGap outlines the space under the arched back, as the poses put it.
func archGap() string {
	_, gap := Poses()
	return gap
}

// FigureViews are the markups figure_svg.go holds: every view together,
// then each view alone.
var FigureViews = []string{"", "lie", "kn", "rot"}

// This file draws the figure: the skeleton, its views, arrows and markers,
// as SVG markup. It is built natively only. go generate (make gen) writes
// its output into figure_svg.go, which is what the app carries: drawing in
// the browser slowed a cold launch, and the drawing code made app.wasm
// bigger than the markup it makes.

// FigureMarkup writes the drawing with one view, or all of them. The root
// is written here: go-app prints an attribute whose value is "true" bare,
// and a bare aria-hidden does not hide anything.
func FigureMarkup(view string) string {
	var b strings.Builder
	b.WriteString(`<svg viewBox="` + FigViewBox + `" preserveAspectRatio="xMidYMid meet" focusable="false" aria-hidden="true">`)
	for _, part := range figureParts(view) {
		app.PrintHTML(&b, part)
	}
	b.WriteString("</svg>")
	return SortAttributes(b.String())
}

var (
	tagPattern  = regexp.MustCompile(`<([a-zA-Z]+)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*>`)
	attrPattern = regexp.MustCompile(`([\w:-]+)(?:="([^"]*)")?`)
)

// SortAttributes writes every tag's attributes in order: go-app prints
// them in map order, which differs from run to run.
func SortAttributes(html string) string {
	return tagPattern.ReplaceAllStringFunc(html, func(tag string) string {
		m := tagPattern.FindStringSubmatch(tag)
		attrs := attrPattern.FindAllString(m[2], -1)
		if len(attrs) == 0 {
			return tag
		}
		sort.Strings(attrs)
		return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
	})
}

// Sizes of the side-view skeleton, in SVG user units, from package
// skeleton, which also computes the joint angles of every pose for them
// (go generate writes those into the figures part of the stylesheet, components/ui/figure.css), and
// figure_pose_test.go checks the poses they give against the article.
const (
	FigSpine1, FigSpine2, FigSpine3 = Spine1, Spine2, Spine3
	FigUpperArm, FigForearm         = UpperArm, Forearm
	FigThigh, FigShin, figFoot      = Thigh, Shin, Foot
	FigHipOffset                    = HipOffset
	FigFloor                        = Floor
	FigTrunkWidth                   = TrunkWidth
	FigHeadRadius                   = HeadRadius
)

// The picture's frame: every pose fits in it, lying poses nearly filling
// its width. Kneeling is drawn at figKneelScale so that the tallest cat
// pose fits the same frame.
const (
	FigViewBox    = "32 42 176 90"
	figKneelScale = 0.84
)

// part is one moving piece of the skeleton, drawn in its own frame: from
// its joint at (0,0) along +x. Its transform comes from the stylesheet.
func part(key string, children ...app.UI) app.HTMLElem {
	return svg.El("g").DataSet("p", key).Body(children...)
}

// bone is a part holding one limb segment from x0 to length, with an
// optional round end (hand). A halo bone is the same shape drawn wider in
// the background colour, under the near limbs, to separate them from the
// body behind.
func bone(key string, x0, length, width, end float64, halo bool) app.UI {
	grow := 0.0
	if halo {
		grow = 2
	}
	body := []app.UI{svg.Line(x0, 0, length, 0, width+2*grow)}
	if end > 0 {
		body = append(body, svg.Circle(length, 0, end+grow))
	}
	g := part(key, body...)
	if halo {
		g = g.DataSet("h", "")
	}
	return g
}

// limbs draws the arm (upper arm, forearm and hand) or the leg (thigh,
// shin, foot) of one side: "n" near, "f" far. Near limbs get halos first.
func limbs(side string, arm bool) []app.UI {
	var ui []app.UI
	for _, halo := range []bool{true, false} {
		if halo && side != "n" {
			continue
		}
		if arm {
			ui = append(ui,
				bone("ua"+side, 0, FigUpperArm, 9, 0, halo),
				bone("fa"+side, 0, FigForearm, 8, 4.5, halo),
			)
			continue
		}
		ui = append(ui,
			bone("th"+side, 0, FigThigh, 12.5, 0, halo),
			bone("sh"+side, 0, FigShin, 10, 0, halo),
			bone("ft"+side, -3, figFoot, 7, 0, halo),
		)
	}
	return ui
}

// sideView is the skeleton seen from the side, lying (data-v=lie) or on
// hands and knees (data-v=kn, drawn facing right and mirrored).
//
// Lying, the head is on the left, so the viewer sees the person's right
// side: the right limbs are "near" (body colour, in front, with a halo) and
// the left limbs "far" (lighter, behind, shifted up and right). The leg that
// moves is drawn in the accent colour and marked with an L or R badge.
func sideView(view string) app.UI {
	body := []app.UI{}
	body = append(body, limbs("f", true)...)
	body = append(body, limbs("f", false)...)
	body = append(body,
		bone("s1", 0, FigSpine1, FigTrunkWidth, 0, false),
		bone("s2", 0, FigSpine2, FigTrunkWidth, 0, false),
		bone("s3", 0, FigSpine3, 23, 0, false),
		part("hd",
			svg.Line(0, 0, 9, 0, 11),
			svg.Circle(HeadCentre, 0, FigHeadRadius),
			svg.Circle(18.5, 10.5, 3.2), // nose: the face is on the belly side
		),
	)
	body = append(body, limbs("n", false)...)
	body = append(body, limbs("n", true)...)
	g := svg.El("g").Body(body...)
	if view == "kn" {
		// mirrored about x=120 and scaled about the floor below it
		k := figKneelScale
		g = g.Attr("transform", "matrix("+svg.Num(-k)+" 0 0 "+svg.Num(k)+" "+svg.Num(120*(1+k))+" "+svg.Num(FigFloor*(1-k))+")")
	}
	return svg.El("g").DataSet("v", view).Body(g)
}

// rotationView is the lower-back rotation seen from behind the head, as the
// person sees it when lifting the head: the person's left is on the left.
// The knees point up (rup) and cross-fade while turning into the legs
// rolled to the left (rsl) or right (rsr, the mirror image).
func rotationView() app.UI {
	// leg draws a thigh and a shin (x1,y1 hip, x2,y2 knee, x3,y3 foot)
	// over a halo in the background colour.
	leg := func(x1, y1, x2, y2, x3, y3 float64) []app.UI {
		return []app.UI{
			svg.El("g").DataSet("h", "").Body(
				svg.Line(x2, y2, x3, y3, 15), svg.Line(x1, y1, x2, y2, 18)),
			svg.Line(x2, y2, x3, y3, 11),
			svg.Line(x1, y1, x2, y2, 14),
		}
	}
	rolled := func() []app.UI {
		return append(leg(113, 88, 76, 84, 96, 68), leg(127, 85, 86, 73, 106, 58)...)
	}
	return svg.El("g").DataSet("v", "rot").Body(
		svg.Path("M40 131H200L174 54H66Z").DataSet("p", "rmat"),
		svg.Line(98, 108, 54, 112, 8),
		svg.Line(142, 108, 186, 112, 8),
		svg.Circle(50, 112, 4.5),
		svg.Circle(190, 112, 4.5),
		svg.Path("M101 106H139L133 88H107Z").Attr("stroke-width", "8").Attr("stroke-linejoin", "round"),
		svg.Line(99, 106, 141, 106, 18),
		svg.El("g").DataSet("p", "rpel").Body(svg.Line(109, 88, 131, 88, 16)),
		svg.El("g").DataSet("p", "rup").Body(append(leg(113, 88, 114, 56, 114, 59), leg(127, 88, 126, 56, 126, 59)...)...),
		svg.El("g").DataSet("p", "rsl").Body(rolled()...),
		svg.El("g").DataSet("p", "rsr").Body(
			svg.El("g").Attr("transform", "matrix(-1 0 0 1 240 0)").Body(rolled()...)),
		svg.Circle(120, 118, 13).DataSet("h", ""),
		svg.Circle(120, 118, 11),
	)
}

// badge is the round "L" / "R" marker.
func badge(key, letter string, x, y float64) app.UI {
	return svg.El("g").DataSet("a", key).Body(
		svg.Circle(x, y, 9),
		svg.El("text").
			Attr("x", svg.Num(x)).Attr("y", svg.Num(y+4.5)).
			Attr("text-anchor", "middle").
			Attr("font-size", "13").
			Attr("font-weight", "700").
			Body(app.Text(letter)),
	)
}

// arrow is a movement arrow: a path and its head.
func arrow(key, d, head string) app.UI {
	return svg.El("g").DataSet("a", key).Body(svg.Path(d), svg.Path(head))
}

// marks are the arrows and side markers; the stylesheet shows the ones
// that belong to the current pose.
func marks() app.UI {
	return svg.El("g").Body(
		arrow("hug", "M138 56Q120 44 102 54", "M108 47L100 55L111 58"),
		badge("l", "L", 79, 57),
		badge("r", "R", 79, 57),
		arrow("up", "M104 90V72", "M98 78L104 71L110 78"),
		// the space under the arched back, traced from the pose by
		// package skeleton; drawn over the near arm so it shows
		svg.Path(archGap()).DataSet("a", "gap"),
		arrow("down", "M104 72V90", "M98 84L104 91L110 84"),
		arrow("lift", "M132 80V60", "M126 66L132 59L138 66"),
		arrow("hump", "M116 57V44", "M110 50L116 43L122 50"),
		arrow("sag", "M111 95V113", "M105 107L111 114L117 107"),
		arrow("rl", "M136 52Q96 36 62 64", "M59 53L61 65L72 61"),
		arrow("rr", "M104 52Q144 36 178 64", "M181 53L179 65L168 61"),
		badge("rotl", "L", 48, 76),
		badge("rotr", "R", 192, 76),
	)
}

// figureParts are the drawing's elements with one view (lie, kn or rot),
// or every view when view is "".
func figureParts(view string) []app.UI {
	parts := []app.UI{}
	if view != "rot" {
		// the rotation view has a mat of its own
		parts = append(parts, svg.El("rect").DataSet("p", "mat").
			Attr("x", "36").Attr("y", svg.Num(FigFloor)).
			Attr("width", "168").Attr("height", "7").Attr("rx", "3.5"))
	}
	if view == "" || view == "lie" {
		parts = append(parts, sideView("lie"))
	}
	if view == "" || view == "kn" {
		parts = append(parts, sideView("kn"))
	}
	if view == "" || view == "rot" {
		parts = append(parts, rotationView())
	}
	return append(parts, marks())
}
