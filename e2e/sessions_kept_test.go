package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// storedCheckpoints reads every checkpoint the page keeps in localStorage,
// under the one key of earlier versions or a key per session, by key.
func storedCheckpoints(t *testing.T, tb *tab) map[string]data.Checkpoint {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify(Object.fromEntries(Object.keys(localStorage)
		.filter(k => k === "unknot.checkpoint" || k.startsWith("unknot.checkpoint."))
		.map(k => [k, localStorage.getItem(k)])))`)
	var byKey map[string]string
	if err := json.Unmarshal([]byte(raw), &byKey); err != nil {
		t.Fatalf("reading the checkpoints: %v (%s)", err, raw)
	}
	out := map[string]data.Checkpoint{}
	for k, v := range byKey {
		var c data.Checkpoint
		if err := json.Unmarshal([]byte(v), &c); err != nil {
			t.Fatalf("checkpoint %s does not decode: %v (%s)", k, err, v)
		}
		out[k] = c
	}
	return out
}

// offeredCheckpoints returns the checkpoints of tb's storage that the app
// offers to resume (store.LoadCheckpoints), read from a copy of it: a saved
// session's checkpoint stays until a later start, and is never offered.
func offeredCheckpoints(t *testing.T, tb *tab) map[string]data.Checkpoint {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify(Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])))`)
	var all map[string]string
	if err := json.Unmarshal([]byte(raw), &all); err != nil {
		t.Fatalf("reading the storage: %v", err)
	}
	st := &store.MemoryStorage{}
	for k, v := range all {
		if err := st.SetRaw(k, v); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := store.LoadCheckpoints(st)
	if err != nil {
		t.Fatalf("loading the checkpoints: %v", err)
	}
	out := map[string]data.Checkpoint{}
	for _, c := range cs {
		out[c.RecordID] = c
	}
	return out
}

// routinesOf lists the routine ids of checkpoints, sorted.
func routinesOf(cs map[string]data.Checkpoint) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Routine.ID)
	}
	sort.Strings(out)
	return out
}

// closable opens another tab in tb's browser context, sharing its storage,
// and returns it with a function that closes it as a killed tab goes: the
// browser lets go of everything it held.
func (tb *tab) closable(t *testing.T) (*tab, func()) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(tb.ctx)
	t.Cleanup(cancel)
	return watch(t, ctx), cancel
}

// interrupted runs routine in a new tab of home's browser context for
// elapsed, then closes the tab mid-session.
func interrupted(t *testing.T, h *harness, home *tab, routine string, elapsed time.Duration) {
	t.Helper()
	tb, kill := home.closable(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+routine)
	pressStart(t, tb)
	advance(t, tb, elapsed)
	kill()
}

// An interrupted session is still there, and offered, after another
// routine is started; the new one starts only once the person has said what
// becomes of it, and both are kept.
func TestInterruptedSessionSurvivesAnotherRoutine(t *testing.T) {
	h := setup(t)
	home := newTab(t)
	home.open(t, h.base, "/")
	interrupted(t, h, home, data.Evening, 45*time.Second)
	if got := routinesOf(storedCheckpoints(t, home)); len(got) != 1 || got[0] != data.Evening {
		t.Fatalf("checkpoints after the evening session was interrupted: %v, want the evening one", got)
	}
	before := storedCheckpoints(t, home)

	tb := home.sibling(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+data.KneeToChest)
	pressStart(t, tb)
	untilShown(t, tb, `document.getElementById("resume-ask")`, "Start began a session without asking about the waiting one")
	if got := routinesOf(storedCheckpoints(t, tb)); len(got) != 1 || got[0] != data.Evening {
		t.Fatalf("after pressing Start, checkpoints are %v, want only the evening one, untouched", got)
	}
	if eval[bool](t, tb, `document.getElementById("pause") !== null`) {
		t.Fatal("the new routine runs while the interrupted one waits")
	}
	if got := text(t, tb, "#resume .resume-item"); !strings.Contains(got, "Evening") {
		t.Errorf("the offer shows %q, want the evening session", got)
	}
	screenshot(t, tb, "ask-before-start-390x844")

	// Discard, then undo: the checkpoint comes back as it was.
	act(t, tb, "discarding", chromedp.Click(chromedp.CSS("#resume-discard")))
	untilShown(t, tb, `document.getElementById("resume-undo")`, "no Undo after discarding")
	if got := storedCheckpoints(t, tb); len(got) != 0 {
		t.Errorf("discarded, still stored: %v", routinesOf(got))
	}
	screenshot(t, tb, "discarded-undo-390x844")
	act(t, tb, "undoing", chromedp.Click(chromedp.CSS("#resume-undo")))
	untilShown(t, tb, `document.getElementById("resume-save")`, "the session did not come back after Undo")
	after := storedCheckpoints(t, tb)
	for k, c := range before {
		if got, ok := after[k]; !ok || got.ElapsedMS != c.ElapsedMS || !got.SavedAt.Equal(c.SavedAt) {
			t.Errorf("after Undo, %s is %+v, want %+v", k, got, c)
		}
	}

	// Saved as partial: Start comes back and starts the new routine.
	act(t, tb, "saving as partial", chromedp.Click(chromedp.CSS("#resume-save")))
	waitText(t, tb, "#resume-message", "Saved to your history on this device.")
	if recs := storedRecords(t, tb); len(recs) != 1 || recs[0].Routine != data.Evening || recs[0].Complete {
		t.Fatalf("stored %+v, want the evening session, partial", recs)
	}
	untilShown(t, tb, `document.getElementById("start")`, "no Start once nothing waits")
	tb.do(t, "pressing Start", chromedp.Click(chromedp.CSS("#start")))
	untilShown(t, tb, `document.getElementById("pause")`, "the routine did not start")
	if got := routinesOf(offeredCheckpoints(t, tb)); len(got) != 1 || got[0] != data.KneeToChest {
		t.Errorf("checkpoints that would be offered while the new routine runs: %v, want its own (the evening one is saved)", got)
	}
	playOnVirtualTime(t, tb, 10*time.Minute)
	waitText(t, tb, "#finished-title", "Well done")
	if recs := storedRecords(t, tb); len(recs) != 2 {
		t.Errorf("stored %d sessions, want the evening one and the new one", len(recs))
	}
}

// Two tabs running two routines at once: the second starts without being
// asked about the first (it runs in a tab), and each keeps its own
// checkpoint.
func TestTwoTabsRunningTwoSessionsKeepBoth(t *testing.T) {
	h := setup(t)
	a := playerTab(t, h, data.Evening)
	pressStart(t, a)
	untilShown(t, a, `document.getElementById("pause")`, "the first tab did not start")
	b := a.sibling(t)
	recordCues(t, b)
	b.open(t, h.base, "/session/"+data.KneeToChest)
	pressStart(t, b)
	untilShown(t, b, `document.getElementById("pause")`, "the second tab did not start")
	if eval[bool](t, b, `document.getElementById("resume-ask") !== null`) {
		t.Error("the second tab asked about the session running in the first")
	}
	advance(t, a, 30*time.Second)
	advance(t, b, 30*time.Second)
	got := routinesOf(storedCheckpoints(t, a))
	if len(got) != 2 || got[0] != data.Evening || got[1] != data.KneeToChest {
		t.Errorf("checkpoints with two sessions running: %v, want both", got)
	}
}

// A tab whose offer was drawn before another tab resumed and finished the
// session cannot turn the finished one, with its pain score and note, into
// a partial one.
func TestStaleSaveAsPartialKeepsTheFinishedSession(t *testing.T) {
	h := setup(t)
	home := newTab(t)
	home.open(t, h.base, "/")
	interrupted(t, h, home, data.KneeToChest, 20*time.Second)

	stale := home.sibling(t)
	stale.open(t, h.base, "/")
	waitText(t, stale, "#resume-title", "An unfinished session")

	other := home.sibling(t)
	recordCues(t, other)
	other.open(t, h.base, "/")
	waitText(t, other, "#resume-title", "An unfinished session")
	other.do(t, "resuming", chromedp.Click(chromedp.CSS("#resume-go")))
	waitText(t, other, "#paused", "Paused")
	other.do(t, "carrying on", chromedp.Click(chromedp.CSS("#pause")))
	advance(t, other, firstDayPlan(t, data.KneeToChest).Total)
	waitText(t, other, "#finished-title", "Well done")
	if t.Failed() {
		t.Fatalf("the resumed session did not finish: %q", text(t, other, "main"))
	}
	act(t, other, "pain after", chromedp.Click(chromedp.CSS("#pain-after-3")))
	act(t, other, "writing a note", chromedp.SendKeys(chromedp.CSS("#note"), "easier on the left"))
	act(t, other, "leaving the note", chromedp.Evaluate[chromedp.Void](`document.getElementById("note").blur()`))
	recs := storedRecords(t, other)
	if len(recs) != 1 || !recs[0].Complete || recs[0].Note != "easier on the left" {
		t.Fatalf("the finished tab stored %+v, want the complete session with its note", recs)
	}

	act(t, stale, "saving the stale offer as partial", chromedp.Click(chromedp.CSS("#resume-save")))
	recs = storedRecords(t, stale)
	if len(recs) != 1 {
		t.Fatalf("stored %d sessions, want the one", len(recs))
	}
	r := recs[0]
	if !r.Complete || r.PainAfter == nil || *r.PainAfter != 3 || r.Note != "easier on the left" {
		t.Errorf("after the stale Save as partial, stored %+v, want the complete session, pain after 3, its note", r)
	}
	if got := text(t, stale, "#resume-message"); !strings.Contains(got, "no longer waiting") {
		t.Errorf("the stale tab says %q, want that the session is no longer waiting", got)
	}
	screenshot(t, stale, "stale-offer-390x844")
}

// Two tabs save 50 sessions each, both starting at the same wall-clock
// instant and each save in its own turn, so their reads and writes of the
// history interleave: every one of the 100 is kept.
func TestTwoTabsSavingAtTheSameMomentKeepEverySession(t *testing.T) {
	h := setup(t)
	a := newTab(t)
	a.open(t, h.base, "/")
	b := a.sibling(t)
	for _, tb := range []*tab{b} {
		tb.open(t, h.base, "/")
	}
	const each = 50
	at := time.Now().Add(2 * time.Second).UnixMilli()
	var wg sync.WaitGroup
	ids := make([][]string, 2)
	errs := make([]error, 2)
	for i, tb := range []*tab{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
			defer cancel()
			ids[i], errs[i] = chromedp.Run(ctx, chromedp.Evaluate[[]string](
				fmt.Sprintf("window.unknotSaveSessions(%d, %d)", each, at), chromedp.EvalAwaitPromise))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil || len(ids[i]) != each {
			t.Fatalf("tab %d saved %d sessions: %v", i+1, len(ids[i]), err)
		}
	}
	// Right after both loops, before the last storage events: how many
	// each tab's view is missing shows the race happened.
	missing := func(tb *tab) int {
		have := map[string]bool{}
		for _, r := range storedRecords(t, tb) {
			have[r.ID] = true
		}
		n := 0
		for _, list := range ids {
			for _, id := range list {
				if !have[id] {
					n++
				}
			}
		}
		return n
	}
	t.Logf("right after both loops, tab a is missing %d sessions, tab b %d", missing(a), missing(b))
	// The storage events of the last writes reach the other tab a moment
	// later; give them up to 10 s.
	deadline := time.Now().Add(10 * time.Second)
	for missing(a)+missing(b) > 0 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	for name, tb := range map[string]*tab{"a": a, "b": b} {
		if n := missing(tb); n > 0 {
			t.Errorf("tab %s's storage is missing %d of the %d sessions saved", name, n, 2*each)
		}
	}
	fresh := a.sibling(t)
	fresh.open(t, h.base, "/history")
	if got := len(storedRecords(t, fresh)); got != 2*each {
		t.Errorf("a tab opened afterwards finds %d sessions, want %d", got, 2*each)
	}
}

// Found by the crash soak (seed 7): once the ready screen's offer had
// settled, a session that came to wait after it (its tab killed since, so
// its lock was gone) left the person with neither the offer nor Start.
// Start asks again, about that session.
func TestStartAsksAboutASessionThatWaitsSinceTheOffer(t *testing.T) {
	h := setup(t)
	home := newTab(t)
	home.open(t, h.base, "/")
	// A session runs in a tab, which holds its lock; another is
	// interrupted.
	running, kill := home.closable(t)
	recordCues(t, running)
	running.open(t, h.base, "/session/"+data.Evening)
	pressStart(t, running)
	untilShown(t, running, `document.getElementById("pause")`, "the evening routine did not start")
	interrupted(t, h, home, data.KneeToChest, 20*time.Second)
	if got := routinesOf(storedCheckpoints(t, home)); len(got) != 2 {
		t.Fatalf("checkpoints %v, want the running evening session's and the interrupted one's", got)
	}

	tb := home.sibling(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+data.Rotation)
	pressStart(t, tb)
	// The offer lists every checkpoint, then leaves out those of sessions
	// running in a tab once the browser says which.
	untilShown(t, tb, `document.getElementById("resume-discard") && !/Evening/.test(document.getElementById("resume").textContent)`,
		"Start did not ask about the interrupted session alone")
	if got := text(t, tb, "#resume"); !strings.Contains(got, "Knee") || strings.Contains(got, "Evening") {
		t.Fatalf("the offer shows %q, want the interrupted knee-to-chest session only (the evening routine runs)", got)
	}
	act(t, tb, "discarding", chromedp.Click(chromedp.CSS("#resume-discard")))
	untilShown(t, tb, `document.getElementById("start")`, "no Start once nothing waits")

	// The running session's tab is killed: that session waits now, once
	// the browser has let go of its lock.
	kill()
	for i := 0; eval[int](t, home, `navigator.locks.query().then((s) => s.held.filter((l) => l.name.startsWith("unknot.running.")).length)`) > 0; i++ {
		if i == 200 {
			t.Fatal("the killed tab's session still holds its lock after 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.do(t, "pressing Start", chromedp.Click(chromedp.CSS("#start")))
	untilShown(t, tb, `document.getElementById("resume-save") || document.getElementById("pause")`,
		"after Start, neither the offer of the session that waits now nor a running session")
	if got := text(t, tb, "#resume"); !strings.Contains(got, "Evening") || eval[bool](t, tb, `document.getElementById("pause") !== null`) {
		t.Errorf("after Start the offer shows %q (running: %v), want the evening session that waits since its tab was killed",
			got, eval[bool](t, tb, `document.getElementById("pause") !== null`))
	}
}
