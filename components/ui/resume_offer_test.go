package ui

import (
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
	"unknot/data/store"
)

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
	st := uitest.FreshStorage(t)
	c := uitest.WaitingSession(t, st)
	o, disp := offerRig(t)
	uitest.MustContain(t, app.HTMLString(o), `id="resume-save"`)
	// Another tab resumes it, finishes it and saves it with a note.
	plan, _ := data.Compile(c.Routine, data.DefaultCatalogue(), data.DefaultTiming())
	done := data.NewRecord(data.NewSession(plan, c.Started), c.Stamp(), c.Started.Add(plan.Total))
	done.ID, done.Note = c.RecordID, "better"
	if _, err := store.SaveRecord(st, done); err != nil {
		t.Fatal(err)
	}
	store.ClearCheckpoint(st, c.RecordID)

	clickOn(disp, o, o.onSave(0))
	uitest.MustContain(t, app.HTMLString(o), Text.Gone)
	h, _, _ := store.LoadHistory(st, time.Now())
	if len(h.Records) != 1 || !h.Records[0].Complete || h.Records[0].Note != "better" {
		t.Errorf("stored %+v, want the finished session with its note", h.Records)
	}
}

// Discard takes the checkpoint away at once and Undo puts it back as it
// was; every waiting session is offered.
func TestResumeOfferDiscardCanBeUndone(t *testing.T) {
	st := uitest.FreshStorage(t)
	first := uitest.WaitingSession(t, st)
	second := uitest.WaitingSession(t, st)
	key := store.CheckpointPrefix + first.RecordID
	raw, _ := st.GetRaw(key)
	o, disp := offerRig(t)
	html := app.HTMLString(o)
	uitest.MustContain(t, html, Text.Many, `id="resume-save"`, `id="resume-save-2"`)
	i := 0
	if o.items[1].c.RecordID == first.RecordID {
		i = 1
	}
	clickOn(disp, o, o.onDiscard(i))
	if _, ok := st.GetRaw(key); ok {
		t.Fatal("discarded checkpoint still stored")
	}
	uitest.MustContain(t, app.HTMLString(o), `id="resume-undo"`)
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
