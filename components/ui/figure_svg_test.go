//go:build !wasm

package ui

import (
	"os"
	"testing"

	"unknot/components/skeleton"
)

// TestFigureSVGIsCurrent checks that the markup the app carries is what the
// drawing code (figure_draw.go) makes.
func TestFigureSVGIsCurrent(t *testing.T) {
	for _, view := range skeleton.FigureViews {
		if got, want := FigureSVG(view), skeleton.FigureMarkup(view); got != want {
			t.Errorf("figure_svg.go is out of date for view %q: run make gen", view)
		}
	}
}

// TestPoseAnglesAreCurrent checks that the poses' joint angles in the
// stylesheet are the ones package skeleton computes for its bone sizes.
func TestPoseAnglesAreCurrent(t *testing.T) {
	css, err := os.ReadFile("../../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	got, err := skeleton.Rules(string(css))
	if err != nil {
		t.Fatal(err)
	}
	rules, _ := skeleton.Poses()
	if want := skeleton.RulesText(rules); got != want {
		t.Errorf("the poses in web/app.css (components/ui/figure.css) are out of date: run make gen\n got:\n%s\nwant:\n%s", got, want)
	}
}
