package guide

import (
	"strings"
	"testing"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/data"
)

func TestHomeNamesRoutinesExercisesAndSymptoms(t *testing.T) {
	html := uitest.RenderAt(t, &Home{}, "/")
	for _, e := range data.DefaultCatalogue() {
		uitest.MustContain(t, html, e.Name, `href="/exercise/`+e.ID+`"`)
	}
	for _, r := range data.BuiltinRoutines() {
		uitest.MustContain(t, html, r.Name, `href="/session/`+r.ID+`"`)
	}
	// The signs of a spasm have their own page, linked from home.
	uitest.MustContain(t, html, `href="/symptoms"`, "healthcare professional")
	for _, bad := range []string{"CBD", "oil drops", "Ayurvedic"} {
		if strings.Contains(html, bad) {
			t.Errorf("home page mentions %q", bad)
		}
	}
}

func TestExercisePageShowsEverything(t *testing.T) {
	for _, e := range data.DefaultCatalogue() {
		t.Run(e.ID, func(t *testing.T) {
			html := uitest.RenderAt(t, &ExercisePage{}, "/exercise/"+e.ID)
			uitest.MustContain(t, html, e.Name, e.Start, e.Feel, e.Caution, e.HoldText(), e.RepsRangeText(),
				e.Frequency.Text, `href="/session/`+e.ID+`"`)
			for _, s := range e.Steps {
				uitest.MustContain(t, html, s)
			}
			if e.Note != "" {
				uitest.MustContainWords(t, html, e.Note)
			}
			if strings.Contains(e.Note, "source article") {
				uitest.MustContain(t, html, `href="/safety#source"`)
			}
			// A hold the person may choose says where to choose it.
			if ui.HoldChoosable(e) {
				uitest.MustContain(t, html, `id="choose-hold"`, `href="/routines"`)
			}
			if e.Progression != nil {
				uitest.MustContain(t, html, e.Progression.Text)
			}
			for _, pose := range e.Poses() {
				uitest.MustContain(t, html, "figure--"+pose)
			}
		})
	}
}

func TestExercisePageUnknownID(t *testing.T) {
	html := uitest.RenderAt(t, &ExercisePage{}, "/exercise/no-such-thing")
	uitest.MustContain(t, html, ui.Text.NotFoundTitle, ui.Text.NotFoundExercise, `id="not-found-home"`, "/exercise/no-such-thing")
}
