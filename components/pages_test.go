package components

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
)

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
				mustContainWords(t, html, e.Note)
			}
			if strings.Contains(e.Note, "source article") {
				mustContain(t, html, `href="/safety#source"`)
			}
			// A hold the person may choose says where to choose it.
			if holdChoosable(e) {
				mustContain(t, html, `id="choose-hold"`, `href="/routines"`)
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
		// ended and at are what the player passes when End was pressed.
		ended  bool
		at     int
		title  string
		lead   string
		counts []string
	}{
		{
			scenario: "all done",
			results:  []data.Result{{Name: "Bridge", Reps: 5, RepsDone: 5, Holds: 5, HoldsDone: 5}},
			title:    "Well done",
			lead:     "You finished Evening routine in 4 min.",
			counts:   []string{"5 of 5 rounds"},
		},
		{
			scenario: "ended early",
			results: []data.Result{
				{Name: "Knee-to-chest stretch", Reps: 2, RepsDone: 2, Holds: 6, HoldsDone: 6},
				{Name: "Cat stretch", Reps: 3, RepsDone: 1, Holds: 6, HoldsDone: 3},
			},
			ended:  true,
			at:     2,
			title:  "Session ended early",
			lead:   "You ended Evening routine at exercise 2 of 2, after 4 min.",
			counts: []string{"2 of 2 rounds", "1 of 3 rounds"},
		},
		{
			scenario: "ran to the end with a skip",
			results: []data.Result{
				{Name: "Knee-to-chest stretch", Reps: 2, RepsDone: 2, Holds: 6, HoldsDone: 6},
				{Name: "Cat stretch", Reps: 3, RepsDone: 0, Holds: 6, HoldsDone: 0},
				{Name: "Bridge", Reps: 5, RepsDone: 5, Holds: 5, HoldsDone: 5},
			},
			title:  "Done, with some skipped",
			lead:   "You went through Evening routine in 4 min and skipped part of Cat stretch.",
			counts: []string{"2 of 2 rounds", "0 of 3 rounds", "5 of 5 rounds"},
		},
		{
			scenario: "ended before any hold",
			results:  []data.Result{{Name: "Bridge", Reps: 5, Holds: 5}},
			ended:    true,
			at:       1,
			title:    "Session ended",
			lead:     "You ended Evening routine after 4 min, before any hold was done. It is not kept in your history.",
			counts:   []string{"0 of 5 rounds"},
		},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			f := &Finished{Routine: "Evening routine", Results: c.results, Took: 4 * time.Minute, Again: "evening", Ended: c.ended, At: c.at}
			html := renderAt(t, f, "/session/evening")
			mustContain(t, html, ">"+c.title+"<", ">"+c.lead+"<", `href="/session/evening"`)
			mustContain(t, html, c.counts...)
			if kept := c.title != "Session ended"; strings.Contains(html, `id="note"`) != kept {
				t.Errorf("note box shown: %v, want %v", !kept, kept)
			}
		})
	}
}
