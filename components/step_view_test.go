package components

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// web/cues.js writes a step's texts into the elements stepSlots names, in
// the same order: a text in the wrong element would tell the person the
// wrong thing to do.
func TestStepSlotsMatchCuesJS(t *testing.T) {
	b, err := os.ReadFile("../web/cues.js")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`stepSlots: \[([^\]]*)\]`).FindSubmatch(b)
	if m == nil {
		t.Fatal("web/cues.js has no stepSlots list")
	}
	var js []string
	for _, q := range strings.Split(string(m[1]), ",") {
		js = append(js, strings.Trim(strings.TrimSpace(q), `"`))
	}
	if strings.Join(js, " ") != strings.Join(stepSlots[:], " ") {
		t.Errorf("web/cues.js stepSlots = %q, components/step_view.go has %q", js, stepSlots)
	}
	// Every slot, and every other element showStep looks for, is drawn.
	html := app.HTMLString(&StepView{Counter: &Countdown{}})
	for _, id := range append(stepSlots[:], "step-figure", "step-progress", stepLive) {
		if !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("the step view has no element #%s", id)
		}
	}
}
