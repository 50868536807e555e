package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"unknot/data"
)

// TestEveryPositionHasAPicture checks that each exercise page shows a
// described picture for every position, in order, and that every step of
// every exercise in the player shows the picture of its position.
func TestEveryPositionHasAPicture(t *testing.T) {
	h := setup(t)
	cat := data.DefaultCatalogue()
	for _, e := range cat {
		t.Run(e.ID, func(t *testing.T) {
			tb := newTab(t)
			recordCues(t, tb)
			tb.open(t, h.base, "/exercise/"+e.ID)
			waitText(t, tb, "h1", e.Name)
			poses := e.Poses()
			got := eval[[]string](t, tb, `[...document.querySelectorAll(".positions .figure[role=img]")].map(f =>
				[...f.classList].find(c => c.startsWith("figure--") && c !== "figure--large") + "|" + (f.getAttribute("aria-label") ? "labelled" : "unlabelled")
				+ "|" + (f.querySelector("svg") ? "drawn" : "empty"))`)
			if len(got) != len(poses) {
				t.Fatalf("exercise page shows %d pictures, want %d (%v)", len(got), len(poses), poses)
			}
			for i, pose := range poses {
				if want := "figure--" + pose + "|labelled|drawn"; got[i] != want {
					t.Errorf("picture %d is %q, want %q", i+1, got[i], want)
				}
			}

			// The player, step by step: skip through every step and
			// check the picture each shows.
			plan := firstDayPlan(t, e.ID)
			tb.open(t, h.base, "/session/"+e.ID)
			pressStart(t, tb)
			act(t, tb, "pausing", chromedp.KeyEvent(" "))
			seen := 0
			for step := 0; step < plan.Steps-1; step++ {
				seg := plan.At(plan.StepStart(step)).Segment
				sel := fmt.Sprintf(`#player .figure--large.figure--%s[role=img][aria-label] svg`, seg.Pose)
				if !eval[bool](t, tb, `document.querySelector(`+jsString(sel)+`) !== null`) {
					t.Errorf("step %d (%s %q) does not show the %s picture", step, seg.Kind, seg.Text, seg.Pose)
				}
				seen++
				act(t, tb, "skipping", chromedp.KeyEvent(kb.ArrowRight))
			}
			if seen < 3 {
				t.Errorf("checked only %d steps", seen)
			}
		})
	}
}

// quote makes a JavaScript string literal of s.
