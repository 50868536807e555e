package ui

//go:generate go run ../internal/figuregen
//go:generate go run ../internal/cssgen

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Figure draws the exercise figure in one position.
//
// The drawing is inline SVG whose shape is the same for every pose: the pose
// only changes the class of the wrapper, and the figures section of
// components/ui/figure.css moves the joints (CSS transforms driven by custom properties). Changing Pose on a mounted
// Figure therefore animates the person from one position to the next.
//
// The SVG goes into the page as markup (app.Raw), which the browser parses
// in one call; built node by node, its ~50 elements cost go-app a JavaScript
// call per element and attribute, which was most of the time Home (five
// figures) took to draw. go-app compares raw markup by value, so a pose
// change leaves the SVG nodes in place.
//
// SVG children carry data-v / data-p / data-a attributes instead of classes,
// a choice from when go-app built them: go-app v9 sets classes through the
// className property, which is read-only on SVG elements.
type Figure struct {
	app.Compo

	Pose  string // one of FigurePoses; an unknown pose is drawn as "supine"
	Label string // accessible description; when empty FigureAlt(Pose) is used
	Large bool   // the big version for the session player
}

// FigurePoses lists every pose id a Figure can draw.
var FigurePoses = []string{
	"supine",
	"knee-left",
	"knee-right",
	"knees-both",
	"rotate-left",
	"rotate-right",
	"back-arch",
	"back-flat",
	"bridge",
	"all-fours",
	"cat-arch",
	"cat-sag",
}

var figureAlts = map[string]string{
	"supine":       "Lying on the back, knees bent, feet flat on the floor",
	"knee-left":    "Lying on the back, left knee pulled to the chest with both hands",
	"knee-right":   "Lying on the back, right knee pulled to the chest with both hands",
	"knees-both":   "Lying on the back, both knees pulled to the chest with both hands",
	"rotate-left":  "Lying on the back, shoulders flat, both bent knees rolled to the left",
	"rotate-right": "Lying on the back, shoulders flat, both bent knees rolled to the right",
	"back-arch":    "Lying on the back, knees bent, lower back lifted slightly off the floor",
	"back-flat":    "Lying on the back, knees bent, lower back pressed flat to the floor",
	"bridge":       "Hips lifted so knees, hips and shoulders form a straight line, shoulders and head on the floor",
	"all-fours":    "On hands and knees, hands under the shoulders, knees under the hips, back flat",
	"cat-arch":     "On hands and knees, back rounded up toward the ceiling, head dropped",
	"cat-sag":      "On hands and knees, back and belly sagging toward the floor, head lifted",
}

// FigureAlt returns a short description of a pose, for use as alt text.
// An unknown pose is described as "supine", the pose it is drawn as.
func FigureAlt(pose string) string {
	return figureAlts[FigurePose(pose)]
}

// FigurePose maps an unknown pose id to the neutral start position.
func FigurePose(pose string) string {
	if _, ok := figureAlts[pose]; ok {
		return pose
	}
	return "supine"
}

// Render draws the wrapper and the drawing. The server's pre-rendered page
// (shown while app.wasm loads) has the wrapper only, which keeps the
// drawing's place: parsing and drawing the figures' SVG nodes there doubled
// the time every launch took before app.wasm was even requested.
func (f *Figure) Render() app.UI {
	pose := FigurePose(f.Pose)
	label := f.Label
	if label == "" {
		label = FigureAlt(pose)
	}
	class := "figure figure--" + pose
	if f.Large {
		class += " figure--large"
	}
	return Elx("div[role=img]", app.If(!app.IsServer, app.Raw(f.SVG()))).
		Class(class).
		Aria("label", label)
}

// SVG is the drawing the figure shows in the browser, as markup. The large
// figure of the player has every view, so that it can move from any pose
// to any other; the others have the view of their pose only.
func (f *Figure) SVG() string {
	if f.Large {
		return FigureSVG("")
	}
	return FigureSVG(poseView(FigurePose(f.Pose)))
}

// poseView is the view a pose is drawn in: lying seen from the side
// ("lie"), on hands and knees from the side ("kn"), or lying seen from
// behind the head ("rot").
func poseView(pose string) string {
	switch pose {
	case "all-fours", "cat-arch", "cat-sag":
		return "kn"
	case "rotate-left", "rotate-right":
		return "rot"
	}
	return "lie"
}
