package player

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
)

// web/cues.js writes a step's texts into the elements stepSlots names, in
// the same order: a text in the wrong element would tell the person the
// wrong thing to do.
func TestStepSlotsMatchCuesJS(t *testing.T) {
	m := regexp.MustCompile(`stepSlots: \[([^\]]*)\]`).FindStringSubmatch(uitest.ReadWeb(t, "cues.js"))
	if m == nil {
		t.Fatal("web/cues.js has no stepSlots list")
	}
	var js []string
	for _, q := range strings.Split(m[1], ",") {
		js = append(js, strings.Trim(strings.TrimSpace(q), `"`))
	}
	if strings.Join(js, " ") != strings.Join(stepSlots[:], " ") {
		t.Errorf("web/cues.js stepSlots = %q, components/player/step_view.go has %q", js, stepSlots)
	}
	// Every slot, and every other element showStep looks for, is drawn.
	html := app.HTMLString(&StepView{Counter: &Countdown{}})
	for _, id := range append(stepSlots[:], "step-figure", "step-progress", stepLive) {
		if !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("the step view has no element #%s", id)
		}
	}
}

// showStep takes its arguments in the order write passes them, and looks
// for the same elements the view draws.
func TestShowStepSignatureMatchesWrite(t *testing.T) {
	js := uitest.ReadWeb(t, "cues.js")
	// write passes: the view, its class, the figure's class and
	// description, seconds done and in all, the bar's name, the
	// announcement, then the texts.
	const want = "showStep(root, cls, figure, alt, done, total, label, live, ...texts) {"
	if !strings.Contains(js, want) {
		t.Errorf("web/cues.js has no %q", want)
	}
	for _, id := range []string{"step-figure", "step-progress", stepLive} {
		if !strings.Contains(js, `$("`+id+`")`) {
			t.Errorf("web/cues.js does not look for #%s", id)
		}
	}
}

// While the words turn to the other side, the side shown is not the one
// being left, as if it were still to do: it is done.
func TestWhereAtASwitch(t *testing.T) {
	switches := 0
	for _, r := range data.BuiltinRoutines() {
		plan, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range plan.Segments {
			where := whereText(s)
			for side, label := range text.SideLabel {
				named := strings.Contains(where, label) && !strings.Contains(where, label+" done")
				if s.Kind == data.KindSwitch && s.Side == data.Side(side) && named {
					t.Errorf("%s: %q under %q", r.Name, s.Text, where)
				}
			}
			if s.Kind == data.KindSwitch {
				switches++
				if want := text.SideDone[string(s.Side)]; !strings.Contains(where, want) {
					t.Errorf("%s: %q under %q, want %q", r.Name, s.Text, where, want)
				}
			}
		}
	}
	if switches == 0 {
		t.Fatal("no routine switches sides")
	}
}

// The step's figure is a figure from its first frame, drawn lying, before
// the first step names its pose: without the class every view of the
// drawing shows at once.
func TestStepFigureIsAFigureFromTheFirstFrame(t *testing.T) {
	html := app.HTMLString(&StepView{Counter: &Countdown{}})
	uitest.MustContain(t, html, `id="step-figure"`, `class="figure figure--supine figure--large"`)
}
