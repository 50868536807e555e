package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"unknot/data"
)

// endNow ends the running session with End and its confirmation.
func endNow(t *testing.T, tb *tab) {
	t.Helper()
	act(t, tb, "pressing End", chromedp.Click(chromedp.CSS("#end")))
	act(t, tb, "confirming", chromedp.Click(chromedp.CSS("#confirm-end")))
}

// TestSkipExercise skips the first exercise of the morning routine with
// the button and the second with Shift+→: each lands on the next exercise.
func TestSkipExercise(t *testing.T) {
	h := setup(t)
	tb := playerTab(t, h, data.Morning)
	pressStart(t, tb)
	n := len(firstDayPlan(t, data.Morning).Routine.Items)
	act(t, tb, "skipping the exercise", chromedp.Click(chromedp.CSS("#skip-exercise")))
	waitText(t, tb, "#step-of", fmt.Sprintf("Exercise 2 of %d", n))
	act(t, tb, "Shift+→", chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift)))
	waitText(t, tb, "#step-of", fmt.Sprintf("Exercise 3 of %d", n))
	if got := text(t, tb, "#phase"); got == "" {
		t.Error("no phase shown after skipping")
	}
	screenshot(t, tb, "skip-exercise-390x844")
}

// TestFinishedScreenAgrees ends sessions three ways and reads the heading
// and the line under it, which must say the same thing.
func TestFinishedScreenAgrees(t *testing.T) {
	h := setup(t)
	morning := firstDayPlan(t, data.Morning)
	n := len(morning.Routine.Items)

	t.Run("ended before any hold", func(t *testing.T) {
		tb := playerTab(t, h, data.Morning)
		pressStart(t, tb)
		advance(t, tb, 3*time.Second)
		endNow(t, tb)
		waitText(t, tb, "#finished-title", "Session ended")
		lead := text(t, tb, "#finished-lead")
		if !strings.Contains(lead, "before any hold was done") || strings.Contains(lead, "finished") {
			t.Errorf("lead %q, want it to say no hold was done", lead)
		}
		if recs := storedRecords(t, tb); len(recs) != 0 {
			t.Errorf("an empty session was kept: %+v", recs)
		}
		if left := eval[int](t, tb, `Object.keys(localStorage).filter((k) => k.startsWith("unknot.checkpoint")).length`); left != 0 {
			t.Error("its checkpoint is left, to be offered for resuming")
		}
		if eval[bool](t, tb, `!!document.getElementById("note")`) {
			t.Error("a note is asked for a session that is not kept")
		}
		// Home does not count it either (in another tab: this one's
		// clock stands still).
		home := tb.sibling(t)
		openHome(t, home, h.base)
		if got := text(t, home, "#today"); strings.Contains(got, "✓") || strings.Contains(got, "partly") {
			t.Errorf("Home counts the empty session: %q", got)
		}
	})

	t.Run("ended at the second exercise", func(t *testing.T) {
		tb := playerTab(t, h, data.Morning)
		pressStart(t, tb)
		// Through the first exercise, into the second, as the plan times it.
		var second time.Duration
		for _, seg := range morning.Segments {
			if seg.Item == 1 {
				second = seg.Start
				break
			}
		}
		advance(t, tb, second+5*time.Second)
		waitText(t, tb, "#step-of", fmt.Sprintf("Exercise 2 of %d", n))
		endNow(t, tb)
		waitText(t, tb, "#finished-title", "Session ended early")
		want := fmt.Sprintf("You ended Morning routine at exercise 2 of %d", n)
		if lead := text(t, tb, "#finished-lead"); !strings.HasPrefix(lead, want) {
			t.Errorf("lead %q, want %q…", lead, want)
		}
		screenshot(t, tb, "finished-ended-390x844")
	})

	t.Run("ran to the end with a skip", func(t *testing.T) {
		tb := playerTab(t, h, data.Morning)
		pressStart(t, tb)
		advance(t, tb, 15*time.Second)
		act(t, tb, "skipping the first exercise", chromedp.Click(chromedp.CSS("#skip-exercise")))
		advance(t, tb, morning.Total)
		waitText(t, tb, "#finished-title", "Done, with some skipped")
		lead := text(t, tb, "#finished-lead")
		if !strings.Contains(lead, "skipped part of Knee-to-chest stretch") || strings.Contains(lead, "ended") {
			t.Errorf("lead %q, want it to name the skipped exercise and not say ended", lead)
		}
		if recs := storedRecords(t, tb); len(recs) != 1 || recs[0].Complete {
			t.Errorf("stored %+v, want one session, not complete", recs)
		}
		screenshot(t, tb, "finished-skipped-390x844")
	})
}
