package player

import (
	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// askFirst runs start, unless sessions wait to be resumed that run in no
// tab: then the ready screen offers them (resume, save as partial or
// discard each) in place of Start, which comes back once none waits.
// Whether a session runs in another tab the browser says a moment later,
// so start may run then, outside the click; the click has already set up
// the audio.
func (p *Player) askFirst(ctx app.Context, start func()) {
	waiting, _ := store.LoadCheckpoints(webapi.AppStorage(ctx))
	if len(waiting) == 0 {
		start()
		return
	}
	ask := func(running map[string]bool) {
		for _, c := range waiting {
			if !running[c.RecordID] {
				// Only a player still starting asks: a late answer
				// finds one running, or gone elsewhere, and asks nothing.
				if p.to(phaseAsking) {
					p.offered = true
					p.focusSoon("resume")
				}
				return
			}
		}
		if p.phase == phaseStarting {
			start()
		}
	}
	webapi.RunningElsewhere(func(ids map[string]bool, known bool) {
		// On the UI goroutine: the answer can come at once (no Web Locks)
		// or from the browser's promise.
		p.quietly(p.mounted, func(ctx app.Context) {
			ask(ids)
			p.Update()
		})
	})
}

// onSettled shows Start again once no session waits, with the routine
// planned again: a session saved as partial, or one discarded, changes
// what today's doses leave.
func (p *Player) onSettled(ctx app.Context) {
	if p.phase != phaseAsking {
		return // the offer settled on its own, with nothing asked
	}
	p.dosesHold(webapi.AppStorage(ctx))
	p.ready()
	p.focusSoon("start")
	p.Update()
}

// waitingCheckpoint reads the checkpoint a resume address names: the
// session whose record id is id, or, for an address from before sessions
// had their own checkpoints ("?resume=1"), the latest one. When that
// session is no longer waiting it says so.
func waitingCheckpoint(st store.Storage, id string) (data.Checkpoint, bool, error) {
	if uuid.Validate(id) != nil {
		return store.LoadCheckpoint(st)
	}
	c, ok, err := store.LoadCheckpointID(st, id)
	if err == nil && !ok {
		return c, false, errGone
	}
	return c, ok, err
}

// errGone says that a session is no longer waiting to be resumed.
var errGone = goneError{}

type goneError struct{}

func (goneError) Error() string { return ui.Text.Gone }
