package player

import (
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/data"
)

func TestOneIsSingular(t *testing.T) {
	if got := roundsDone(0, 1); got != "0 of 1 round" {
		t.Errorf("roundsDone(0, 1) = %q", got)
	}
	if got := roundsDone(2, 5); got != "2 of 5 rounds" {
		t.Errorf("roundsDone(2, 5) = %q", got)
	}
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
		{
			scenario: "skipped through to the end",
			results:  []data.Result{{Name: "Bridge", Reps: 5, Holds: 5}},
			title:    "Nothing done",
			lead:     "You went through Evening routine in 4 min without doing a hold: every step was skipped. It is not kept in your history.",
			counts:   []string{"0 of 5 rounds"},
		},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			f := &Finished{Routine: "Evening routine", Results: c.results, Took: 4 * time.Minute, Again: "evening", Ended: c.ended, At: c.at,
				Finish: data.FinishFor(data.Record{}, nil)}
			html := uitest.RenderAt(t, f, "/session/evening")
			uitest.MustContain(t, html, ">"+c.title+"<", ">"+c.lead+"<", `href="/session/evening"`)
			uitest.MustContain(t, html, c.counts...)
			if kept := c.title != "Session ended" && c.title != "Nothing done"; strings.Contains(html, `id="note"`) != kept {
				t.Errorf("note box shown: %v, want %v", !kept, kept)
			}
		})
	}
}

// After "This hurts" the finished screen offers no other go: it says what
// to do now, the warning signs and when to see a healthcare professional
// (data.FinishFor).
func TestFinishedAfterThisHurtsOffersNoAgain(t *testing.T) {
	rec := data.Record{Stopped: data.StoppedHurt}
	results := []data.Result{{Name: "Bridge", Reps: 5, RepsDone: 1, Holds: 5, HoldsDone: 1}}
	f := &Finished{Routine: "Evening routine", Results: results, Took: time.Minute, Again: "evening", Record: rec, Finish: data.FinishFor(rec, nil)}
	html := uitest.RenderAt(t, f, "/session/evening")
	uitest.MustLack(t, html, `id="again"`)
	uitest.MustContain(t, html, `id="hurt-advice"`, ui.Text.HurtTitle, `id="hurt-professional"`, ui.Text.ProfessionalTitle, `id="hurt-emergency-list"`)
}

// Skipping through the short routine in half a minute says so: the time
// spent, not the plan time skipped over, and no "ended", as End was never
// pressed.
func TestSkippingThroughSaysWhatHappened(t *testing.T) {
	r := newPlayerRig(t, data.Short)
	r.click(r.p.onStart)
	for i := 0; i < 200 && r.p.phase == phaseRunning; i++ {
		r.run(100 * time.Millisecond)
		r.click(r.p.onSkip)
	}
	if r.p.phase != phaseFinished {
		t.Fatalf("after skipping every step the player is %v, want finished", r.p.phase)
	}
	html := app.HTMLString(r.p)
	took := r.p.run.Took()
	if took > 30*time.Second {
		t.Errorf("skipping through took %v by the player's count, want the 20-odd seconds spent", took)
	}
	uitest.MustContain(t, html, ">Nothing done<", "You went through Short routine in "+data.DurationText(took)+" without doing a hold")
	uitest.MustLack(t, html, "You ended")
}
