package components

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// renderAt mounts c, navigates it to path and returns its HTML.
func renderAt(tb testing.TB, c app.Composer, path string) string {
	tb.Helper()
	disp := app.NewClientTester(c)
	defer disp.Close()
	disp.Nav(&url.URL{Path: path})
	disp.Consume()
	return app.HTMLString(c)
}

// mustContain fails for every want missing from html.
func mustContain(tb testing.TB, html string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			tb.Errorf("page lacks %q", w)
		}
	}
}

func TestHomeNamesRoutinesExercisesAndSymptoms(t *testing.T) {
	html := renderAt(t, &Home{}, "/")
	for _, e := range data.DefaultCatalogue() {
		mustContain(t, html, e.Name, `href="/exercise/`+e.ID+`"`)
	}
	for _, r := range data.BuiltinRoutines() {
		mustContain(t, html, r.Name, `href="/session/`+r.ID+`"`)
	}
	// The signs of a spasm have their own page, linked from home.
	mustContain(t, html, `href="/symptoms"`, "healthcare professional")
	for _, bad := range []string{"CBD", "oil drops", "Ayurvedic"} {
		if strings.Contains(html, bad) {
			t.Errorf("home page mentions %q", bad)
		}
	}
}

func TestExercisePageShowsEverything(t *testing.T) {
	for _, e := range data.DefaultCatalogue() {
		t.Run(e.ID, func(t *testing.T) {
			html := renderAt(t, &ExercisePage{}, "/exercise/"+e.ID)
			mustContain(t, html, e.Name, e.Start, e.Feel, e.Caution, e.HoldText(), e.RepsRangeText(),
				e.Frequency.Text, `href="/session/`+e.ID+`"`)
			for _, s := range e.Steps {
				mustContain(t, html, s)
			}
			if e.Note != "" {
				mustContain(t, html, e.Note)
			}
			if e.Progression != nil {
				mustContain(t, html, e.Progression.Text)
			}
			for _, pose := range e.Poses() {
				mustContain(t, html, "figure--"+pose)
			}
		})
	}
}

func TestExercisePageUnknownID(t *testing.T) {
	html := renderAt(t, &ExercisePage{}, "/exercise/no-such-thing")
	mustContain(t, html, text.NotFound, `href="/"`)
}

func TestFinishedSaysWhatWasDone(t *testing.T) {
	cases := []struct {
		scenario string
		results  []data.Result
		title    string
		counts   []string
	}{
		{
			scenario: "all done",
			results:  []data.Result{{Name: "Bridge", Reps: 5, RepsDone: 5, Holds: 5, HoldsDone: 5}},
			title:    text.WellDone,
			counts:   []string{"5 of 5 rounds"},
		},
		{
			scenario: "ended early",
			results: []data.Result{
				{Name: "Knee-to-chest stretch", Reps: 2, RepsDone: 2, Holds: 6, HoldsDone: 6},
				{Name: "Cat stretch", Reps: 3, RepsDone: 1, Holds: 6, HoldsDone: 3},
			},
			title:  text.StoppedEarly,
			counts: []string{"2 of 2 rounds", "1 of 3 rounds"},
		},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			f := &Finished{Routine: "Evening routine", Results: c.results, Took: 4 * time.Minute, Again: "evening"}
			html := renderAt(t, f, "/session/evening")
			mustContain(t, html, c.title, "Evening routine", "4 min", `href="/session/evening"`)
			mustContain(t, html, c.counts...)
		})
	}
}
