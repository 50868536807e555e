package player

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/runner"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// playerLink connects a session player to its runner: the runner's clock,
// cues, store and screen are the player's, and its turns are the UI
// goroutine's.
type playerLink struct{ p *Player }

// newRunner returns a runner for the next session.
func (p *Player) newRunner() *runner.Runner {
	l := playerLink{p}
	return runner.New(runner.Config{
		Clock: l, Cues: l, Store: l, Screen: l,
		Do: l.do,
		// The deferred checkpoint and save run as go-app's async work,
		// which its tests wait for; the clock's loop never ends by
		// itself, so it is a goroutine of its own.
		Later:           l.later,
		CheckpointAfter: p.checkpointAfter,
		SaveAfter:       p.saveAfter,
	})
}

func (l playerLink) Now() time.Time { return l.p.clock() }

func (l playerLink) Sleep(d time.Duration, stop <-chan struct{}) bool {
	return runner.Sleep(d, stop)
}

// do runs fn quietly on the UI goroutine (the runner asks for redraws
// through Show and Finished).
func (l playerLink) do(fn func()) {
	if ctx := l.p.mounted; ctx != nil {
		l.p.quietly(ctx, func(app.Context) { fn() })
	}
}

func (l playerLink) later(fn func()) {
	if ctx := l.p.mounted; ctx != nil {
		ctx.Async(fn)
	}
}

func (l playerLink) Speaking() bool  { return l.p.cues.Speaking() }
func (l playerLink) Fire(c data.Cue) { l.p.fire(c) }
func (l playerLink) Hush()           { l.p.cues.Hush() }

// KeepAwake holds the screen on only when the person asked for it.
func (l playerLink) KeepAwake(on bool) { l.p.cues.KeepAwake(on && l.p.settings.KeepAwake) }

// Checkpoint saves the running session so a closed or killed tab loses
// nothing; the next launch offers to resume it. At a new step it first
// saves what waited to be saved (retrySaves), which may make room for it.
func (l playerLink) Checkpoint(s data.Session, now time.Time, step bool) {
	p := l.p
	if p.mounted == nil {
		return
	}
	failed := p.storeErr
	if step {
		p.retrySaves()
	}
	c := s.Checkpoint(p.stamp, p.painBefore, now)
	c.RecordID = p.rec.ID
	err := store.SaveCheckpoint(webapi.AppStorage(p.mounted), c)
	if err != nil {
		p.storeErr = err.Error()
	}
	webapi.HoldLive(c.RecordID)
	if step && p.storeErr != failed {
		p.Update()
	}
}

func (l playerLink) Save()    { l.p.store() }
func (l playerLink) Discard() { l.p.discard() }

// Show draws where the session stands: the countdown's new second and a
// new step write their own elements; a finished session redraws the
// finished screen, which says whether it was saved.
func (l playerLink) Show() {
	p := l.p
	if p.run == nil {
		return
	}
	if p.run.Finished() {
		if p.mounted != nil {
			p.Update()
		}
		return
	}
	p.setPos(p.run.Pos())
}

func (l playerLink) Finished() { l.p.finished() }
