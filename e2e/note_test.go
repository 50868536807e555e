package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
)

// TestNoteIsNeverLost types a note on the finished screen and, without
// leaving the box, reloads the page or goes back: the note is in the
// history either way. The tab's clock stands still meanwhile (its virtual
// time budget is spent), so only saving as the page goes can keep it.
func TestNoteIsNeverLost(t *testing.T) {
	h := setup(t)
	for _, leave := range []struct{ name, js string }{
		{"reload", "location.reload()"},
		// Back within the app: the player was opened from the exercise
		// page by its link, as a person would.
		{"back", "history.back()"},
	} {
		t.Run(leave.name, func(t *testing.T) {
			tb := newTab(t)
			recordCues(t, tb)
			tb.open(t, h.base, "/exercise/"+data.KneeToChest)
			click(t, tb, `a[href="/session/`+data.KneeToChest+`"]`)
			runToTheEnd(t, tb)
			note := "Left side tight, " + leave.name
			tb.do(t, "typing a note", chromedp.Click(chromedp.CSS("#note")), chromedp.SendKeys(chromedp.CSS("#note"), note))
			// The tab's clock stands still: it cannot load a page any
			// more, so the history is read in another tab of the app.
			eval[bool](t, tb, "("+leave.js+", true)")
			time.Sleep(time.Second)
			other := tb.sibling(t)
			other.open(t, h.base, "/")
			recs := storedRecords(t, other)
			if len(recs) != 1 || recs[0].Note != note {
				t.Fatalf("after %s the history holds %+v, want the session with the note %q", leave.name, recs, note)
			}
		})
	}

	// Typing and pausing saves the note on its own, and the screen says so.
	tb := playerTab(t, h, data.KneeToChest)
	runToTheEnd(t, tb)
	tb.do(t, "typing a note", chromedp.Click(chromedp.CSS("#note")), chromedp.SendKeys(chromedp.CSS("#note"), "Easier today"))
	advance(t, tb, time.Second)
	waitText(t, tb, "#saved", "Saved to your history on this device.")
	if recs := storedRecords(t, tb); len(recs) != 1 || recs[0].Note != "Easier today" {
		t.Errorf("a second after typing the history holds %+v, want the note", recs)
	}
}
