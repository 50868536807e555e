package player

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// storedHistory reads the history the player saved.
func (r *playerRig) storedHistory() []data.Record {
	var recs []data.Record
	r.do(func(ctx app.Context) {
		h, _, err := store.LoadHistory(webapi.AppStorage(ctx), r.clock.Now())
		if err != nil {
			r.tb.Errorf("loading history: %v", err)
		}
		recs = h.Records
	})
	return recs
}

// storedCheckpoint reads the checkpoint the player saved.
func (r *playerRig) storedCheckpoint() (data.Checkpoint, bool) {
	var c data.Checkpoint
	var ok bool
	r.do(func(ctx app.Context) {
		var err error
		c, ok, err = store.LoadCheckpoint(webapi.AppStorage(ctx))
		if err != nil {
			r.tb.Errorf("loading checkpoint: %v", err)
		}
	})
	return c, ok
}

func TestSessionPlayerRecordsSessionWithPain(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.do(func(ctx app.Context) { r.p.onPainBefore(ctx, data.PainScore(3)) })
	r.click(r.p.onStart)
	if _, ok := r.storedCheckpoint(); !ok {
		t.Error("no checkpoint saved at the start")
	}
	r.run(r.p.plan.Total + time.Second)
	r.do(func(ctx app.Context) { r.p.onPainAfter(ctx, data.PainScore(6)) })
	r.do(func(ctx app.Context) { r.p.onNote(ctx, "  tight on the left  ") })

	recs := r.storedHistory()
	if len(recs) != 1 {
		t.Fatalf("stored %d sessions, want 1", len(recs))
	}
	got := recs[0]
	if !got.Complete || got.Routine != data.Evening || got.PainBefore == nil || *got.PainBefore != 3 ||
		got.PainAfter == nil || *got.PainAfter != 6 || got.Note != "tight on the left" {
		t.Errorf("stored %+v, want a complete evening session, pain 3 → 6, note trimmed", got)
	}
	if _, ok := r.storedCheckpoint(); ok {
		t.Error("checkpoint still there after the session was saved")
	}
	html := app.HTMLString(r.p)
	uitest.MustContain(t, html, ui.Text.Saved, `id="ease-off"`)
}

func TestSessionPlayerPartialSessionIsRecorded(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.click(r.p.onStart)
	// Ended a second after the first hold: a session with a hold done.
	var at time.Duration
	for _, s := range r.p.plan.Segments {
		if s.Kind == data.KindHold {
			at = s.End() + time.Second
			break
		}
	}
	r.run(at)
	r.click(r.p.onEnd)
	r.click(r.p.onConfirmEnd)
	recs := r.storedHistory()
	if len(recs) != 1 || recs[0].Complete {
		t.Fatalf("stored %+v, want one partial session", recs)
	}
	if recs[0].ActiveMS != at.Milliseconds() {
		t.Errorf("active time %d ms, want %d", recs[0].ActiveMS, at.Milliseconds())
	}
}

func TestSessionPlayerResumesFromCheckpoint(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.click(r.p.onStart)
	r.run(50 * time.Second)
	r.do(func(ctx app.Context) { r.p.onVisibility(ctx, app.Event{}) }) // no document natively: a tick
	r.p.checkpoint()                                                   // as pagehide would
	c, ok := r.storedCheckpoint()
	if !ok || c.Elapsed() != 50*time.Second {
		t.Fatalf("checkpoint at %v (found %v), want 50s", c.Elapsed(), ok)
	}
	// The tab is killed; a new player opens the resume address on the same
	// storage.
	// (A player mounted over a player would be updated in place: mount
	// something else first. Its dismount checkpoints at the same 50 s.)
	r.disp.Mount(ui.El("div"))
	r.disp.Consume()
	r.clock.Advance(time.Hour)
	// Meanwhile the person has lengthened the get-ready and the rests: the
	// session resumes on the plan it ran, not on one with the new pacing.
	// (The player is gone: the storage is written directly.)
	if _, err := store.UpdateSettings(webapi.MemoryStorage, func(s *data.Settings) { s.GetReadySeconds, s.RestSeconds = 20, 40 }); err != nil {
		t.Fatal(err)
	}
	p2 := &Player{cues: &uitest.RecordedCues{}, now: r.clock.Now}
	r.disp.Mount(p2)
	r.disp.Nav(&url.URL{Path: "/session/" + data.Evening, RawQuery: "resume=1"})
	r.disp.Consume()
	if p2.phase != phaseRunning || !p2.run.Session().Paused() {
		t.Fatalf("resumed player state %v paused %v (notice %q), want running and paused", p2.phase, p2.run.Session().Paused(), p2.notice)
	}
	if got := p2.run.Session().Elapsed(r.clock.Now()); got != 50*time.Second {
		t.Errorf("resumed at %v, want 50s", got)
	}
	if p2.plan.Total != r.p.plan.Total || p2.run.Pos().Index != r.p.run.Pos().Index {
		t.Errorf("resumed on a plan of %v at segment %d, want the one that ran: %v at segment %d",
			p2.plan.Total, p2.run.Pos().Index, r.p.plan.Total, r.p.run.Pos().Index)
	}
}

func TestSessionSavedFromCheckpointAndAtTheEndIsOneRecord(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	r.run(20 * time.Second)
	// Another tab's home screen saves the live checkpoint as partial.
	c, ok := r.storedCheckpoint()
	if !ok {
		t.Fatal("no checkpoint")
	}
	r.do(func(ctx app.Context) {
		if _, err := store.SaveRecord(webapi.AppStorage(ctx), c.Record(r.p.plan)); err != nil {
			t.Fatal(err)
		}
	})
	// This tab carries on to the end and saves the whole session.
	r.run(r.p.plan.Total)
	recs := r.storedHistory()
	if len(recs) != 1 || !recs[0].Complete {
		t.Errorf("stored %d sessions (%+v), want one complete session", len(recs), recs)
	}
}

// Each step is checkpointed just after it shows, so a tab killed mid-step
// resumes at that step's start.
func TestSessionPlayerCheckpointsEachStep(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.click(r.p.onStart)
	start, _ := r.storedCheckpoint()
	// Run into the second step and a little past its start.
	second := r.p.plan.StepStart(1)
	r.run(second + 2*time.Second)
	deadline := time.Now().Add(5 * time.Second)
	for {
		time.Sleep(10 * time.Millisecond)
		r.disp.Consume()
		c, ok := r.storedCheckpoint()
		if ok && c.Elapsed() >= second && c.Elapsed() <= second+2*time.Second && c.Elapsed() != start.Elapsed() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("checkpoint at %v (found %v), want the second step, which starts at %v", c.Elapsed(), ok, second)
		}
	}
}

// finishNow plays the rest of the routine and its last tick, and draws the
// finished screen, without running what that tick started for later (the
// save, saveAfter on).
func (r *playerRig) finishNow() {
	r.run(r.p.plan.Total - time.Second)
	r.clock.Advance(2 * time.Second)
	r.disp.Dispatch(app.Dispatch{Mode: app.Next, Source: r.p, Function: r.p.tick})
	r.disp.ConsumeNext() // the tick, which asks for a redraw
	r.disp.ConsumeNext() // the redraw, queued before the save
	if r.p.phase != phaseFinished {
		r.tb.Fatalf("state after the last tick = %v, want finished", r.p.phase)
	}
}

// storedNow reads the stored history from the test's goroutine, without
// running what is waiting to run on the UI goroutine.
func (r *playerRig) storedNow() []data.Record {
	h, _, err := store.LoadHistory(webapi.AppStorage(r.p.mounted), r.clock.Now())
	if err != nil {
		r.tb.Errorf("loading history: %v", err)
	}
	return h.Records
}

// The end of the routine is shown at once; the session is saved just
// after, and the screen then says so.
func TestSessionPlayerShowsTheEndBeforeSaving(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.p.saveAfter = 200 * time.Millisecond
	r.click(r.p.onStart)
	r.finishNow()
	uitest.MustContain(t, app.HTMLString(r.p), `id="finished-title"`, text.Saving)
	if recs := r.storedNow(); len(recs) != 0 {
		t.Errorf("stored %d sessions before the finished screen was drawn, want none yet", len(recs))
	}
	if _, ok, err := store.LoadCheckpoint(webapi.AppStorage(r.p.mounted)); !ok || err != nil {
		t.Errorf("no checkpoint while the session is not saved yet (%v)", err)
	}
	r.disp.Consume() // the save
	if recs := r.storedHistory(); len(recs) != 1 || !recs[0].Complete {
		t.Fatalf("stored %+v, want the complete session", recs)
	}
	if _, ok := r.storedCheckpoint(); ok {
		t.Error("checkpoint still there after the session was saved")
	}
	html := app.HTMLString(r.p)
	uitest.MustContain(t, html, ui.Text.Saved)
	if strings.Contains(html, text.Saving) {
		t.Error("the finished screen still says it is saving")
	}
}

// Leaving the finished screen (or the page hiding) before the save saves
// at once.
func TestSessionPlayerSavesWhenLeftBeforeTheSave(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.p.saveAfter = 200 * time.Millisecond
	r.click(r.p.onStart)
	r.finishNow()
	r.p.OnDismount()
	if recs := r.storedNow(); len(recs) != 1 || !recs[0].Complete {
		t.Fatalf("stored %+v on leaving, want the complete session", recs)
	}
	r.disp.Consume() // the save that was due: nothing left to do
	if recs := r.storedNow(); len(recs) != 1 {
		t.Errorf("stored %d sessions, want the one", len(recs))
	}
}

// "Do it again" before the save keeps the session that just ended.
func TestSessionPlayerSavesWhenStartedAgainBeforeTheSave(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.p.saveAfter = 200 * time.Millisecond
	r.click(r.p.onStart)
	r.finishNow()
	// The address again, as the finished screen's link opens it, before
	// the save that is due has run.
	r.p.OnNav(r.p.mounted)
	if recs := r.storedNow(); len(recs) != 1 || !recs[0].Complete {
		t.Fatalf("stored %+v after starting again, want the complete session", recs)
	}
	r.disp.Consume()
}

// playToTheEnd runs the rig's session until it finishes, at most for twice
// its plan's length.
func (r *playerRig) playToTheEnd() time.Duration {
	r.tb.Helper()
	start := r.clock.Now()
	r.click(r.p.onStart)
	for r.p.phase == phaseRunning && r.clock.Now().Sub(start) < 2*r.p.plan.Total {
		r.run(time.Second)
	}
	if r.p.phase != phaseFinished {
		r.tb.Fatalf("the session did not finish in twice its length")
	}
	return r.clock.Now().Sub(start)
}

// TestSessionPlayerSavesWaitingSessionAtTheNextStep: a session that a full
// storage refused earlier, kept to be saved later, is saved by itself at
// the next step of a new session.
func TestSessionPlayerSavesWaitingSessionAtTheNextStep(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	waiting := data.NewRecord(data.NewSession(r.p.plan, r.clock.Now().Add(-time.Hour)), data.NewStamp(r.clock.Now().Add(-time.Hour), "UTC"), r.clock.Now().Add(-50*time.Minute))
	if err := store.KeepPending(webapi.MemoryStorage, waiting); err != nil {
		t.Fatal(err)
	}
	r.click(r.p.onStart)
	if !store.HasPending(webapi.MemoryStorage) {
		t.Fatal("the waiting session was saved before a step passed")
	}
	r.run(r.p.plan.StepStart(1) + time.Second)
	deadline := time.Now().Add(5 * time.Second)
	for store.HasPending(webapi.MemoryStorage) {
		if time.Now().After(deadline) {
			t.Fatal("the waiting session was not saved at the next step")
		}
		time.Sleep(10 * time.Millisecond)
		r.disp.Consume()
	}
	h, _, err := store.LoadHistory(webapi.MemoryStorage, r.clock.Now())
	if err != nil || len(h.Records) != 1 || h.Records[0].ID != waiting.ID {
		t.Errorf("history %+v (%v), want the waiting session", h.Records, err)
	}
}

// A double tap on Start starts one session: both taps can reach the UI
// goroutine before the screen has dropped the button.
func TestSessionPlayerStartsOnceOnADoubleTap(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	tap := app.Dispatch{Mode: app.Update, Source: r.p, Function: func(ctx app.Context) { r.p.onStart(ctx, app.Event{}) }}
	r.disp.Dispatch(tap)
	r.disp.Dispatch(tap)
	r.disp.Consume()
	r.run(20 * time.Second)
	all, err := store.LoadCheckpoints(webapi.MemoryStorage)
	if err != nil || len(all) != 1 {
		t.Fatalf("after a double tap on Start storage holds %d checkpoints (%v), want the one session's", len(all), err)
	}
	if all[0].RecordID != r.p.rec.ID {
		t.Errorf("the checkpoint is session %s, the player runs %s", all[0].RecordID, r.p.rec.ID)
	}
	if r.p.phase != phaseRunning {
		t.Errorf("after a double tap on Start the player is %v; want the session running and no question", r.p.phase)
	}
}
