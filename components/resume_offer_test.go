package components

import (
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// waitingSession stores the checkpoint of an evening session interrupted
// 40 s in and returns it.
func waitingSession(tb testing.TB, st store.Storage) data.Checkpoint {
	tb.Helper()
	r, _ := data.FindRoutine(data.DefaultCatalogue(), data.Evening)
	plan, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Date(2026, 11, 24, 18, 0, 0, 0, time.UTC)
	c := data.NewSession(plan, start).Checkpoint(data.NewStamp(start, "UTC"), nil, start.Add(40*time.Second))
	c.RecordID = data.NewRecordID()
	if err := store.SaveCheckpoint(st, c); err != nil {
		tb.Fatal(err)
	}
	return c
}

// Start, while a session waits to be resumed, asks first and leaves the
// waiting session as it is; once nothing waits, Start starts.
func TestStartAsksWhileASessionWaits(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.do(func(ctx app.Context) { ctx.NewAction(safetyAcceptedAction) })
	r.disp.Consume()
	waiting := waitingSession(t, memoryStorage)
	r.click(r.p.onStart)
	if r.p.state != stateReady || !r.p.asking {
		t.Fatalf("after Start: state %v, asking %v; want still ready and asking", r.p.state, r.p.asking)
	}
	r.disp.Consume()
	html := app.HTMLString(r.p)
	mustContain(t, html, `id="resume-ask"`, `id="resume-save"`, "Evening")
	// The date as every other screen writes it.
	mustContain(t, html, "started Tue 24 Nov 2026 at 18:00")
	if strings.Contains(html, `id="start"`) {
		t.Error("Start still offered while asking")
	}
	all, _ := store.LoadCheckpoints(memoryStorage)
	if len(all) != 1 || all[0].RecordID != waiting.RecordID {
		t.Fatalf("checkpoints after Start: %d, want the waiting one alone", len(all))
	}

	// The person saves it (here straight into storage); the offer settles.
	store.ClearCheckpoint(memoryStorage, waiting.RecordID)
	r.do(r.p.onSettled)
	r.disp.Consume()
	mustContain(t, app.HTMLString(r.p), `id="start"`)
	r.click(r.p.onStart)
	if r.p.state != stateRunning {
		t.Fatalf("state after Start with nothing waiting: %v, want running", r.p.state)
	}
}

// Two sessions at once, as in two tabs: each checkpoints under its own
// key and neither writes over the other.
func TestTwoSessionsKeepTheirCheckpoints(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	other := waitingSession(t, memoryStorage) // the other tab's, meanwhile
	r.run(30 * time.Second)                   // steps on: checkpoints
	r.p.checkpoint()
	all, _ := store.LoadCheckpoints(memoryStorage)
	if len(all) != 2 {
		t.Fatalf("%d checkpoints, want the running session's and the other tab's", len(all))
	}
	if c, ok, _ := store.LoadCheckpointID(memoryStorage, other.RecordID); !ok || c.ElapsedMS != other.ElapsedMS {
		t.Errorf("the other tab's checkpoint is %+v (found %v), want it untouched", c, ok)
	}
}

// offerRig mounts a ResumeOffer over the test storage.
func offerRig(t *testing.T) (*ResumeOffer, app.ClientDispatcher) {
	t.Helper()
	o := &ResumeOffer{}
	disp := app.NewClientTester(o)
	t.Cleanup(disp.Close)
	disp.Consume()
	return o, disp
}

// clickOn runs handler h of o on the UI goroutine.
func clickOn(disp app.ClientDispatcher, o app.Composer, h app.EventHandler) {
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: o, Function: func(ctx app.Context) { h(ctx, app.Event{}) }})
	disp.Consume()
}

// The offer reads the checkpoint again before acting: when another tab
// finished the session meanwhile, Save as partial says so and changes
// nothing.
func TestResumeOfferSaysWhenTheSessionIsGone(t *testing.T) {
	st := freshStorage(t)
	c := waitingSession(t, st)
	o, disp := offerRig(t)
	mustContain(t, app.HTMLString(o), `id="resume-save"`)
	// Another tab resumes it, finishes it and saves it with a note.
	plan, _ := data.Compile(c.Routine, data.DefaultCatalogue(), data.DefaultTiming())
	done := data.NewRecord(data.NewSession(plan, c.Started), c.Stamp(), c.Started.Add(plan.Total))
	done.ID, done.Note = c.RecordID, "better"
	if _, err := store.SaveRecord(st, done); err != nil {
		t.Fatal(err)
	}
	store.ClearCheckpoint(st, c.RecordID)

	clickOn(disp, o, o.onSave(0))
	mustContain(t, app.HTMLString(o), resumeText.Gone)
	h, _, _ := store.LoadHistory(st, time.Now())
	if len(h.Records) != 1 || !h.Records[0].Complete || h.Records[0].Note != "better" {
		t.Errorf("stored %+v, want the finished session with its note", h.Records)
	}
}

// Discard takes the checkpoint away at once and Undo puts it back as it
// was; every waiting session is offered.
func TestResumeOfferDiscardCanBeUndone(t *testing.T) {
	st := freshStorage(t)
	first := waitingSession(t, st)
	second := waitingSession(t, st)
	key := store.CheckpointPrefix + first.RecordID
	raw, _ := st.GetRaw(key)
	o, disp := offerRig(t)
	html := app.HTMLString(o)
	mustContain(t, html, resumeText.Many, `id="resume-save"`, `id="resume-save-2"`)
	i := 0
	if o.items[1].c.RecordID == first.RecordID {
		i = 1
	}
	clickOn(disp, o, o.onDiscard(i))
	if _, ok := st.GetRaw(key); ok {
		t.Fatal("discarded checkpoint still stored")
	}
	mustContain(t, app.HTMLString(o), `id="resume-undo"`)
	if len(o.items) != 1 || o.items[0].c.RecordID != second.RecordID {
		t.Errorf("after discarding one, offered %d, want the other", len(o.items))
	}
	clickOn(disp, o, o.onUndo)
	if back, _ := st.GetRaw(key); back != raw {
		t.Errorf("after Undo: %q, want %q", back, raw)
	}
	if len(o.items) != 2 {
		t.Errorf("after Undo, offered %d sessions, want 2", len(o.items))
	}
}
