package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// storedRecords decodes the history the page keeps in localStorage.
func storedRecords(t *testing.T, tb *tab) []data.Record {
	t.Helper()
	raw := eval[string](t, tb, `localStorage.getItem("unknot.history") || ""`)
	if raw == "" {
		return nil
	}
	st := &store.MemoryStorage{}
	if err := st.SetRaw(store.HistoryKey, raw); err != nil {
		t.Fatal(err)
	}
	h, status, err := store.LoadHistory(st, time.Now())
	if err != nil || !status.Writable() {
		t.Fatalf("the stored history does not load (%v): %v\n%s", status, err, raw)
	}
	return h.Records
}

func TestFinishedSessionIsSavedWithPain(t *testing.T) {
	h := setup(t)
	tb := playerTab(t, h, data.KneeToChest)
	tb.do(t, "pain before", chromedp.Click(chromedp.CSS("#pain-before-4")))
	runToTheEnd(t, tb)
	act(t, tb, "pain after", chromedp.Click(chromedp.CSS("#pain-after-7")))
	if got := text(t, tb, "#ease-off"); !strings.Contains(got, "Ease off") {
		t.Errorf("pain 4 → 7 but no ease-off advice: %q", got)
	}
	recs := storedRecords(t, tb)
	if len(recs) != 1 {
		t.Fatalf("stored %d sessions, want 1", len(recs))
	}
	r := recs[0]
	if !r.Complete || r.PainBefore == nil || *r.PainBefore != 4 || r.PainAfter == nil || *r.PainAfter != 7 || r.Zone == "" {
		t.Errorf("stored %+v, want complete, pain 4 → 7, a time zone", r)
	}
	// Its checkpoint stays until a later start finds the session in the
	// history (store.Repair), and is never offered to resume meanwhile.
	home := tb.sibling(t)
	home.open(t, h.base, "/")
	time.Sleep(500 * time.Millisecond)
	if got := text(t, home, "#resume-title"); got != "" {
		t.Errorf("a saved session is offered to resume: %q", got)
	}
	screenshot(t, tb, "finished-pain-390x844")
}

func TestFullStorageKeepsSessionAndRetries(t *testing.T) {
	h := setup(t)
	tb := playerTab(t, h, data.KneeToChest)
	pressStart(t, tb)
	fillStorage(t, tb)
	playOnVirtualTime(t, tb, 10*time.Minute)
	waitText(t, tb, "#finished-title", "Well done")
	if got := text(t, tb, "#save-error"); !strings.Contains(got, "not saved yet") || !strings.Contains(strings.ToLower(got), "full") {
		t.Errorf("with storage full the finished screen says %q, want a clear not-saved, storage-full error", got)
	}
	// The person frees space (here: the filler) and tries again.
	freeStorage(t, tb)
	act(t, tb, "retrying", chromedp.Click(chromedp.CSS("#retry")))
	waitText(t, tb, "#saved", "Saved to your history on this device.")
	if recs := storedRecords(t, tb); len(recs) != 1 || !recs[0].Complete {
		t.Errorf("after retrying, stored %+v, want the one complete session", recs)
	}
}

func TestTwoTabsKeepBothSessions(t *testing.T) {
	h := setup(t)
	a := newTab(t)
	b := a.sibling(t)
	for _, tb := range []*tab{a, b} {
		recordCues(t, tb)
		tb.open(t, h.base, "/session/"+data.KneeToChest)
	}
	// Both tabs are on the ready screen with the same (empty) history
	// loaded; both run and save.
	for _, tb := range []*tab{a, b} {
		pressStart(t, tb)
	}
	length := firstDayPlan(t, data.KneeToChest).Total + 30*time.Second
	advance(t, a, length)
	advance(t, b, length)
	waitText(t, a, "#finished-title", "Well done")
	waitText(t, b, "#finished-title", "Well done")
	recs := storedRecords(t, a)
	if len(recs) != 2 || recs[0].ID == recs[1].ID {
		t.Errorf("two tabs saved, storage holds %d sessions, want both", len(recs))
	}
}

func TestClosedTabOffersResume(t *testing.T) {
	h := setup(t)
	home := newTab(t)
	home.open(t, h.base, "/")
	tb, kill := home.closable(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+data.Evening)
	pressStart(t, tb)
	advance(t, tb, 45*time.Second)
	cs := storedCheckpoints(t, tb)
	if len(cs) != 1 {
		t.Fatalf("%d checkpoints mid-session, want 1", len(cs))
	}
	for _, c := range cs {
		if c.Routine.ID != data.Evening || c.Elapsed() < 30*time.Second {
			t.Errorf("checkpoint %+v, want the evening routine at least 30 s in", c)
		}
	}

	// The tab dies: its clock stands still from here (the virtual time
	// budget is spent) and it is closed, as the system kills a tab. (A tab
	// left open holds its session's lock: that session runs elsewhere and
	// is not offered.) The app is opened again in another tab.
	kill()
	again, closeAgain := home.closable(t)
	again.open(t, h.base, "/")
	waitText(t, again, "#resume-title", "An unfinished session")
	again.do(t, "resuming", chromedp.Click(chromedp.CSS("#resume-go")))
	waitText(t, again, "#paused", "Paused")
	if got := text(t, again, "#player .player-title"); got == "" {
		t.Error("resumed player shows no exercise")
	}
	screenshot(t, again, "resumed-390x844")

	// While it is resumed there, the session holds its lock: another
	// tab offers it no more.
	other := home.sibling(t)
	other.open(t, h.base, "/")
	time.Sleep(500 * time.Millisecond)
	if got := text(t, other, "#resume-title"); got != "" {
		t.Errorf("a session resumed in one tab is offered in another: %q", got)
	}

	// That tab closed, the session waits again; saved as partial, the
	// offer turns into a saved session.
	closeAgain()
	third := home.sibling(t)
	third.open(t, h.base, "/")
	waitText(t, third, "#resume-title", "An unfinished session")
	act(t, third, "saving as partial", chromedp.Click(chromedp.CSS("#resume-save")))
	waitText(t, third, "#resume-message", "Saved to your history on this device.")
	if recs := storedRecords(t, third); len(recs) != 1 || recs[0].Complete {
		t.Errorf("saved as partial: stored %+v, want one partial session", recs)
	}
}

// "Do it again" on the finished screen opens the routine ready to start,
// with the session just done kept.
func TestDoItAgain(t *testing.T) {
	h := setup(t)
	tb := playerTab(t, h, data.KneeToChest)
	runToTheEnd(t, tb)
	act(t, tb, "doing it again", chromedp.Click(chromedp.CSS("#again")))
	untilShown(t, tb, `document.getElementById("start")`, "no Start button after Do it again")
	if recs := storedRecords(t, tb); len(recs) != 1 || !recs[0].Complete {
		t.Fatalf("stored %+v, want the session just done", recs)
	}
	runToTheEnd(t, tb)
	act(t, tb, "pain after", chromedp.Click(chromedp.CSS("#pain-after-2")))
	if recs := storedRecords(t, tb); len(recs) != 2 || recs[0].ID == recs[1].ID {
		t.Errorf("stored %d sessions after doing it again, want 2", len(recs))
	}
}

// runToTheEnd starts the open player's routine, a short one, and plays it
// to the finished screen on virtual time.
func runToTheEnd(t *testing.T, tb *tab) {
	t.Helper()
	pressStart(t, tb)
	playOnVirtualTime(t, tb, 10*time.Minute)
	waitText(t, tb, "#finished-title", "Well done")
}

// playerTab opens routine's player in a new tab whose cues are recorded.
func playerTab(t *testing.T, h *harness, routine string) *tab {
	t.Helper()
	tb := newTab(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+routine)
	return tb
}
