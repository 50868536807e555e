package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
)

// box is where an element of the running player is, and whether its text
// is cut: more to it than its box shows.
type box struct {
	ID                       string
	Left, Top, Right, Bottom float64
	Cut                      bool
	Shown                    bool
}

// playerBoxes measures the running player's parts that must be read from
// the floor (the step's title, the count or Paused, the phase, the round
// and side, the instruction, the figure) and its controls.
func playerBoxes(t *testing.T, tb *tab) []box {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify(
		["step-title", "paused", "count", "phase", "where", "instruction", "next", "step-figure", "back", "pause", "skip", "skip-exercise", "end", "hurt"]
		.map((id) => document.getElementById(id)).filter((e) => e)
		.map((e) => {
			const r = e.getBoundingClientRect(), s = getComputedStyle(e);
			// Letters made transparent are out of sight (the Next line
			// when it does not fit), though a screen reader reads them.
			const clear = /^rgba\(.*,\s*0\)$/.test(s.color) || s.color === "transparent";
			const shown = s.display !== "none" && s.visibility !== "hidden" && !clear && r.width > 0 && r.height > 0 && e.textContent.trim() !== "" || e.id === "step-figure";
			return {ID: e.id, Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom, Shown: shown,
				Cut: e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1};
		}))`)
	var out []box
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkFits fails when a part of the running player is outside the w × h
// screen, cut, or over another part, or the figure is under minFigure px.
// It returns the ids of the parts shown.
func checkFits(t *testing.T, tb *tab, where string, w, h, minFigure float64) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	var shown []box
	for _, b := range playerBoxes(t, tb) {
		if !b.Shown {
			continue
		}
		shown = append(shown, b)
		ids[b.ID] = true
		if b.Left < -0.5 || b.Top < -0.5 || b.Right > w+0.5 || b.Bottom > h+0.5 {
			t.Errorf("%s: #%s at (%.0f, %.0f)–(%.0f, %.0f) is not inside the %.0f×%.0f screen", where, b.ID, b.Left, b.Top, b.Right, b.Bottom, w, h)
		}
		if b.Cut && b.ID != "step-figure" {
			t.Errorf("%s: #%s is cut: its text is larger than its box", where, b.ID)
		}
		if b.ID == "step-figure" && b.Bottom-b.Top < minFigure {
			t.Errorf("%s: the figure is %.0f px tall, want at least %.0f", where, b.Bottom-b.Top, minFigure)
		}
	}
	for i, a := range shown {
		for _, b := range shown[i+1:] {
			if a.Left < b.Right-0.5 && b.Left < a.Right-0.5 && a.Top < b.Bottom-0.5 && b.Top < a.Bottom-0.5 {
				t.Errorf("%s: #%s and #%s overlap", where, a.ID, b.ID)
			}
		}
	}
	return ids
}

// TestPlayerFitsEverySize runs the morning routine at phone sizes, with
// larger text, in both themes, on a phone on its side and on a desktop: at
// the lead-in, a starting position, an instruction being said and after
// it, a hold, a switch of sides and paused, every part that is read from
// the floor is inside the screen, whole and clear of the others, and the
// figure stays large.
func TestPlayerFitsEverySize(t *testing.T) {
	h := setup(t)
	plan := firstDayPlan(t, data.Morning)
	var instruct, hold, sw data.Segment
	for _, s := range plan.Segments {
		switch {
		case s.Kind == data.KindInstruct && instruct.Step == 0:
			instruct = s
		case s.Kind == data.KindHold && hold.Step == 0:
			hold = s
		case s.Kind == data.KindSwitch && sw.Step == 0:
			sw = s
		}
	}
	// The moments looked at, in plan time.
	moments := []struct {
		name string
		at   time.Duration
	}{
		{"lead-in", time.Second},
		{"starting position", plan.Segments[1].Start + time.Second},
		{"instruction said", instruct.Start + time.Second},
		{"instruction, moving", instruct.Start + instruct.Speech + 500*time.Millisecond},
		{"hold", hold.Start + time.Second},
		{"switch", sw.Start + time.Second},
	}
	// The "Next" line gives way first on a short screen, so it may be out
	// of sight there; where the layout has room for it (nextShows), it shows.
	sizes := []struct {
		name      string
		w, h      int64
		mobile    bool
		large     bool
		minFigure float64
		nextShows bool
	}{
		{"320x568", 320, 568, true, false, 96, false},
		{"320x568-large", 320, 568, true, true, 96, false},
		{"375x667", 375, 667, true, false, 120, false},
		{"375x667-large", 375, 667, true, true, 120, false},
		{"667x375-landscape", 667, 375, true, false, 96, true},
		{"1280x800", 1280, 800, false, false, 120, true},
	}
	for _, sz := range sizes {
		for _, theme := range []string{"light", "dark"} {
			t.Run(sz.name+"-"+theme, func(t *testing.T) {
				tb := startMorningAt(t, h, sz.w, sz.h, sz.mobile, sz.large, theme)
				var done time.Duration
				for _, m := range moments {
					advance(t, tb, m.at-done)
					done = m.at
					shown := checkFits(t, tb, m.name, float64(sz.w), float64(sz.h), sz.minFigure)
					if m.name != "lead-in" && sz.nextShows && !shown["next"] {
						t.Errorf("%s: the Next line is out of sight, with room for it", m.name)
					}
					if m.name == "hold" {
						screenshot(t, tb, "fit-hold-"+sz.name+"-"+theme)
					}
					if m.name == "instruction, moving" {
						// The plan's clock waits at a step's end for a voice
						// slower than its model: it may be a little behind.
						for try := 0; try < 8 && eval[string](t, tb, `document.getElementById("count").textContent`) == ""; try++ {
							advance(t, tb, 250*time.Millisecond)
							done += 250 * time.Millisecond
						}
						if eval[string](t, tb, `document.getElementById("count").textContent`) == "" {
							t.Errorf("%s: no count of the time left to move into position", m.name)
						}
					}
				}
				act(t, tb, "pausing", chromedp.Click(chromedp.CSS("#pause")))
				waitText(t, tb, "#paused", "Paused")
				if shown := eval[bool](t, tb, `getComputedStyle(document.getElementById("count")).display !== "none"`); shown {
					t.Error("paused: the count still shows beside Paused")
				}
				shown := checkFits(t, tb, "paused", float64(sz.w), float64(sz.h), sz.minFigure)
				screenshot(t, tb, "fit-paused-"+sz.name+"-"+theme)
				if sz.name == "375x667" && !shown["next"] {
					// Out of sight, the line is still there for a screen
					// reader: in the accessibility tree, with its words.
					if !eval[bool](t, tb, `(n => n.hasAttribute("data-cut") && n.textContent.trim() !== "" &&
						getComputedStyle(n).visibility === "visible" && getComputedStyle(n).display !== "none")(document.getElementById("next"))`) {
						t.Error("paused: the Next line out of sight is not marked data-cut with its words kept for a screen reader")
					}
					// The screen grows (a window widened, a tablet turned):
					// the Next line put out of sight comes back.
					tb.do(t, "growing the screen", chromedp.EmulateViewport(1280, 800))
					untilShown(t, tb, `!document.getElementById("next").hasAttribute("data-cut")`, "the Next line stays out of sight on a larger screen")
					checkFits(t, tb, "paused, on a larger screen", 1280, 800, 120)
				}
				if errs := tb.errors(); len(errs) > 0 {
					t.Errorf("console errors: %s", strings.Join(errs, "\n"))
				}
			})
		}
	}
}

// TestStartIsInReach: at 375×667 the ready screen's Start is on the first
// screen, at its foot, however long the plan; before the first session the
// safety advice comes first, at the top, its button within the first
// screen and a half, and no Start until it is read.
func TestStartIsInReach(t *testing.T) {
	h := setup(t)
	const w, ht = 375, 667
	tb := newTab(t)
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(w, ht, chromedp.EmulateMobile, chromedp.EmulateTouch))
	tb.open(t, h.base, "/session/"+data.Morning)
	untilShown(t, tb, `document.getElementById("safety-gate")`, "no safety advice before the first session")
	if eval[bool](t, tb, `!!document.getElementById("start")`) {
		t.Error("Start is offered before the safety advice is read")
	}
	order := eval[bool](t, tb, `(() => {
		const gate = document.getElementById("safety-gate"), lead = document.querySelector("#player .lead");
		return !!gate && !!lead && (gate.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
	})()`)
	if !order {
		t.Error("the safety advice does not come before the routine's description")
	}
	if bottom := eval[float64](t, tb, `document.getElementById("safety-accept").getBoundingClientRect().bottom + scrollY`); bottom > 1.5*ht {
		t.Errorf("the safety advice's button ends %.0f px down, want within a screen and a half (%.0f)", bottom, 1.5*ht)
	}
	screenshot(t, tb, "ready-gate-375x667")
	act(t, tb, "reading the safety advice", chromedp.Click(chromedp.CSS("#safety-accept")))
	untilShown(t, tb, `document.getElementById("start")`, "no Start once the advice is read")
	for _, where := range []string{"top", "bottom"} {
		if where == "bottom" {
			eval[bool](t, tb, `(window.scrollTo(0, document.body.scrollHeight), true)`)
			time.Sleep(200 * time.Millisecond)
		}
		r := eval[[]float64](t, tb, `(r => [r.top, r.bottom])(document.getElementById("start").getBoundingClientRect())`)
		if r[0] < 0 || r[1] > ht {
			t.Errorf("scrolled to the %s, Start is at %.0f–%.0f, not on the %d px screen", where, r[0], r[1], ht)
		}
	}
	screenshot(t, tb, "ready-start-375x667")
	if page := eval[float64](t, tb, `document.body.scrollHeight`); page < 1.5*ht {
		t.Errorf("the ready screen is %.0f px: too short to show that Start stays in reach", page)
	}
}
