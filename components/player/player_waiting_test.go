package player

import (
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

// Start, while a session waits to be resumed, asks first and leaves the
// waiting session as it is; once nothing waits, Start starts.
func TestStartAsksWhileASessionWaits(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.do(func(ctx app.Context) { ctx.NewAction(ui.SafetyAcceptedAction) })
	r.disp.Consume()
	waiting := uitest.WaitingSession(t, webapi.MemoryStorage)
	r.click(r.p.onStart)
	if r.p.phase != phaseAsking {
		t.Fatalf("after Start: phase %v; want asking", r.p.phase)
	}
	r.disp.Consume()
	html := app.HTMLString(r.p)
	uitest.MustContain(t, html, `id="resume-ask"`, `id="resume-save"`, "Evening")
	// The date as every other screen writes it.
	uitest.MustContain(t, html, "started Tue 24 Nov 2026 at 18:00")
	if strings.Contains(html, `id="start"`) {
		t.Error("Start still offered while asking")
	}
	all, _ := store.LoadCheckpoints(webapi.MemoryStorage)
	if len(all) != 1 || all[0].RecordID != waiting.RecordID {
		t.Fatalf("checkpoints after Start: %d, want the waiting one alone", len(all))
	}

	// The person saves it (here straight into storage); the offer settles.
	store.ClearCheckpoint(webapi.MemoryStorage, waiting.RecordID)
	r.do(r.p.onSettled)
	r.disp.Consume()
	uitest.MustContain(t, app.HTMLString(r.p), `id="start"`)
	r.click(r.p.onStart)
	if r.p.phase != phaseRunning {
		t.Fatalf("state after Start with nothing waiting: %v, want running", r.p.phase)
	}
}

// Two sessions at once, as in two tabs: each checkpoints under its own
// key and neither writes over the other.
func TestTwoSessionsKeepTheirCheckpoints(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	other := uitest.WaitingSession(t, webapi.MemoryStorage) // the other tab's, meanwhile
	r.run(30 * time.Second)                                 // steps on: checkpoints
	r.p.checkpoint()
	all, _ := store.LoadCheckpoints(webapi.MemoryStorage)
	if len(all) != 2 {
		t.Fatalf("%d checkpoints, want the running session's and the other tab's", len(all))
	}
	if c, ok, _ := store.LoadCheckpointID(webapi.MemoryStorage, other.RecordID); !ok || c.ElapsedMS != other.ElapsedMS {
		t.Errorf("the other tab's checkpoint is %+v (found %v), want it untouched", c, ok)
	}
}
