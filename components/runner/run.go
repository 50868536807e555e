package runner

import (
	"runtime"
	"time"

	"unknot/data"
)

// Cues is what the runner asks of the cues: a voice it waits for, a cue
// played through the channels the person switched on, speech cut off by
// the person alone, and the screen held awake while the clock runs.
type Cues interface {
	Voice
	// Fire plays cue c.
	Fire(c data.Cue)
	// Hush cuts off everything being said: the person skipped, went
	// back, paused or ended.
	Hush()
	// KeepAwake holds the screen on while the clock runs, or lets it
	// sleep again.
	KeepAwake(on bool)
}

// Store keeps the session where a closed or killed tab cannot lose it.
type Store interface {
	// Checkpoint keeps the running session s as it stands at now. step
	// is set for the checkpoint taken just after a new step shows: a
	// moment to save what waited to be saved as well.
	Checkpoint(s data.Session, now time.Time, step bool)
	// Save stores the finished session.
	Save()
	// Discard drops a finished session that is no session (no hold done)
	// and its checkpoint.
	Discard()
}

// Screen draws the session.
type Screen interface {
	// Show draws where the session stands now (Pos, Paused), or, once
	// it has finished, whether it was saved.
	Show()
	// Finished draws the end of the session, before its save.
	Finished()
}

// Clock is the runner's time.
type Clock interface {
	Now() time.Time
	// Sleep waits d and reports true, or reports false as soon as stop
	// is closed.
	Sleep(d time.Duration, stop <-chan struct{}) bool
}

// Config is what a Runner runs with.
type Config struct {
	Clock  Clock
	Cues   Cues
	Store  Store
	Screen Screen
	// Do runs fn in turn with everything else that touches the runner
	// (the UI goroutine). Every method of the Runner must run there.
	Do func(fn func())
	// Go runs the clock's loop on a goroutine of its own; Later runs
	// the wait before a deferred checkpoint or save. Both default to a
	// go statement.
	Go, Later func(fn func())
	// CheckpointAfter is how long after a step starts its checkpoint is
	// taken; SaveAfter how long after the end the session is saved.
	CheckpointAfter, SaveAfter time.Duration
	// Collect runs the garbage collector; it defaults to runtime.GC. The
	// runner calls it CollectAfter into the session's last step (see
	// CollectAfter).
	Collect func()
}

// CheckpointAfter is how long after a step starts its checkpoint is
// taken: encoding it and writing the storage took as long as drawing the
// step, in the same turn.
const CheckpointAfter = 60 * time.Millisecond

// CollectAfter is how long into the session's last step the runner has
// the garbage collected. A session allocates little, so Go's first
// collection came late, and in a 19-minute routine it fell in the turn
// that ends the session, set off by the finished screen's render: the end
// came 52 ms after the plan's in make bench. Collected in the middle of
// the last step, away from any cue, it came 37 ms after (the timer alone)
// and 39 ms after (a full make bench) (docs/performance.md).
const CollectAfter = 500 * time.Millisecond

// SaveAfter is how long after the end a session is saved: once the
// finished screen is drawn (at the next frame, 16 ms on). Saving first, in
// the same turn, put reading and rewriting the history between the end of
// the routine and the screen that says so.
const SaveAfter = 50 * time.Millisecond

// Runner runs a session: its clock (a goroutine that sleeps until the
// countdown's next second and then looks), the cue due at each look, the
// wait for the voice, a checkpoint at each step and the save once it has
// finished. It never reads the wall clock or touches a browser: all of that
// comes through its Config.
type Runner struct {
	cfg      Config
	session  data.Session
	pos      data.Position
	step     int  // the step last checkpointed
	on       bool // a session is running or paused
	finished bool
	stopped  string
	results  []data.Result
	took     time.Duration
	end      time.Time
	// unsaved is set from the end until the session is saved; saves
	// counts the saves asked for, so only the latest runs.
	unsaved bool
	saves   int
	// stop, closed, stops the running clock loop.
	stop chan struct{}
}

// New returns a runner with nothing running.
func New(cfg Config) *Runner {
	if cfg.Go == nil {
		cfg.Go = func(fn func()) { go fn() }
	}
	if cfg.Later == nil {
		cfg.Later = cfg.Go
	}
	if cfg.CheckpointAfter == 0 {
		cfg.CheckpointAfter = CheckpointAfter
	}
	if cfg.SaveAfter == 0 {
		cfg.SaveAfter = SaveAfter
	}
	if cfg.Collect == nil {
		cfg.Collect = runtime.GC
	}
	return &Runner{cfg: cfg}
}

// Session is the session as it stands.
func (r *Runner) Session() data.Session { return r.session }

// Pos is where the session stood at the last look.
func (r *Runner) Pos() data.Position { return r.pos }

// Running reports whether a session is on, running or paused.
func (r *Runner) Running() bool { return r.on }

// Finished reports whether the session has finished (or was ended).
func (r *Runner) Finished() bool { return r.finished }

// Results are what the finished session did; Took how long it ran; End
// when it ended; Stopped why the person stopped it, if they said.
func (r *Runner) Results() []data.Result { return r.results }
func (r *Runner) Took() time.Duration    { return r.took }
func (r *Runner) End() time.Time         { return r.end }
func (r *Runner) Stopped() string        { return r.stopped }

// Unsaved reports whether the finished session waits to be saved.
func (r *Runner) Unsaved() bool { return r.unsaved }

// Start starts plan now, from its first step, says the first step and
// starts the clock.
func (r *Runner) Start(plan data.Plan, now time.Time) {
	r.reset()
	r.session = data.NewSession(plan, now)
	r.pos = r.session.At(now)
	r.step, r.on = r.pos.Segment.Step, true
	r.cfg.Screen.Show()
	r.cfg.Store.Checkpoint(r.session, now, false)
	r.cfg.Cues.Fire(data.StartCue(r.pos))
	r.cfg.Cues.KeepAwake(true)
	r.startClock()
}

// Restore takes up s, a session restored paused from its checkpoint.
func (r *Runner) Restore(s data.Session, now time.Time) {
	r.reset()
	r.session = s
	r.pos = s.At(now)
	r.step, r.on = r.pos.Segment.Step, true
	r.cfg.Screen.Show()
}

// Reset stops the clock and forgets the session, as before Start.
func (r *Runner) Reset() { r.reset() }

func (r *Runner) reset() {
	r.halt()
	// saves carries on: a save asked for before is not this session's.
	*r = Runner{cfg: r.cfg, saves: r.saves}
}

// Tick looks at the clock: it fires the cue that is due, checkpoints a new
// step just after it shows, and finishes the session at its end. A paused
// or finished session does nothing.
func (r *Runner) Tick() {
	if !r.on || r.session.Paused() {
		return
	}
	look := At(r.session, r.pos, r.cfg.Clock.Now(), r.cfg.Cues)
	r.session = look.Session
	if look.Waiting {
		return // the voice is still saying the step before
	}
	cur := look.Pos
	if look.Due {
		r.cfg.Cues.Fire(look.Cue)
	}
	if cur.Segment.Step != r.step && !cur.Done {
		r.step = cur.Segment.Step
		r.checkpointSoon()
		if r.step == r.session.Plan.Steps-2 { // the last before the end, which lasts no time
			r.collectSoon()
		}
	}
	r.pos = cur
	r.cfg.Screen.Show()
	if cur.Done {
		r.Finish("")
	}
}

// NextLook is how long the clock sleeps after a look: until the
// countdown's next second, or a short poll while a step waits for the
// voice.
func (r *Runner) NextLook() time.Duration {
	waiting, _ := r.session.Waiting()
	return Look{Pos: r.pos, Waiting: waiting}.NextLook()
}

// Pause cuts the voice off, stops the clock and checkpoints.
func (r *Runner) Pause() {
	if !r.on || r.session.Paused() {
		return
	}
	now := r.cfg.Clock.Now()
	r.cfg.Cues.Hush()
	r.session = r.session.Pause(now)
	r.cfg.Screen.Show()
	r.halt()
	r.cfg.Cues.KeepAwake(false)
	r.cfg.Store.Checkpoint(r.session, now, false)
}

// Resume runs a paused session on from where it stands, saying its step
// again.
func (r *Runner) Resume() {
	if !r.on || !r.session.Paused() {
		return
	}
	now := r.cfg.Clock.Now()
	r.session = r.session.Resume(now)
	r.pos = r.session.At(now)
	r.cfg.Screen.Show()
	r.cfg.Cues.Fire(data.StartCue(r.pos))
	r.cfg.Cues.KeepAwake(true)
	r.startClock()
}

// Move applies back or skip (op) now, cutting the voice off, and says
// where it lands; past the last step the session finishes.
func (r *Runner) Move(op func(data.Session, time.Time) data.Session) {
	if !r.on {
		return
	}
	now := r.cfg.Clock.Now()
	r.cfg.Cues.Hush()
	r.session = op(r.session, now)
	r.pos = r.session.At(now)
	r.cfg.Screen.Show()
	if r.pos.Done {
		r.Finish("")
		return
	}
	r.cfg.Cues.Fire(data.StartCue(r.pos))
}

// Finish ends the session now, stopped for the reason given ("" when it
// ran to its end or the person just ended it). The end is drawn first and
// saved just after (SaveAfter), unless no hold was done and the person
// gave no reason: that is no session, and it is dropped.
func (r *Runner) Finish(reason string) {
	if !r.on {
		return
	}
	now := r.cfg.Clock.Now()
	r.halt()
	r.session = r.session.Pause(now)
	r.cfg.Cues.KeepAwake(false)
	r.results, r.took, r.end = r.session.Results(now), r.session.Active(now), now
	r.on, r.finished, r.stopped = false, true, reason
	keep := data.HoldsDone(r.results) || reason != ""
	r.unsaved = keep
	r.cfg.Screen.Finished()
	if !keep {
		r.cfg.Store.Discard()
		return
	}
	r.SaveSoon(r.cfg.SaveAfter)
}

// SaveSoon saves the finished session after d, unless it was saved
// meanwhile or another save was asked for since (a note being typed: only
// its last keystroke's save runs).
func (r *Runner) SaveSoon(d time.Duration) {
	r.unsaved = true
	r.saves++
	n := r.saves
	r.later(d, func() {
		if n == r.saves && r.unsaved {
			r.SaveNow()
			r.cfg.Screen.Show()
		}
	})
}

// SaveNow saves the finished session at once.
func (r *Runner) SaveNow() {
	r.unsaved = false
	r.cfg.Store.Save()
}

// Keep checkpoints a session that is on, at once: the page may not come
// back.
func (r *Runner) Keep() {
	if r.on {
		r.cfg.Store.Checkpoint(r.session, r.cfg.Clock.Now(), false)
	}
}

// checkpointSoon checkpoints just after the new step is on the screen.
func (r *Runner) checkpointSoon() {
	r.later(r.cfg.CheckpointAfter, func() {
		if r.on {
			r.cfg.Store.Checkpoint(r.session, r.cfg.Clock.Now(), true)
		}
	})
}

// collectSoon collects the garbage CollectAfter into the last step, if the
// session still runs then.
func (r *Runner) collectSoon() {
	r.later(CollectAfter, func() {
		if r.on && !r.session.Paused() {
			r.cfg.Collect()
		}
	})
}

// later runs fn in turn (Do) after d.
func (r *Runner) later(d time.Duration, fn func()) {
	r.cfg.Later(func() {
		if r.cfg.Clock.Sleep(d, nil) {
			r.cfg.Do(fn)
		}
	})
}

// Stop stops the clock, leaving the session as it stands.
func (r *Runner) Stop() { r.halt() }

func (r *Runner) halt() {
	if r.stop != nil {
		close(r.stop)
		r.stop = nil
	}
}

// startClock starts the clock's loop; any earlier one stops.
func (r *Runner) startClock() {
	r.halt()
	stop := make(chan struct{})
	r.stop = stop
	first := r.NextLook()
	// The loop keeps its own copy of the clock and the way back to the
	// UI goroutine: a Reset there rewrites the runner while this sleeps.
	clock, do := r.cfg.Clock, r.cfg.Do
	r.cfg.Go(func() { r.loop(clock, do, stop, first) })
}

// loop sleeps d, looks (Tick, in turn), and sleeps until the next look,
// until stop is closed. The sleep is worked out in turn after each look.
func (r *Runner) loop(clock Clock, do func(func()), stop chan struct{}, d time.Duration) {
	next := make(chan time.Duration, 1)
	for {
		if !clock.Sleep(d, stop) {
			return
		}
		do(func() {
			select {
			case <-stop:
				return // stopped while this waited its turn
			default:
			}
			r.Tick()
			next <- r.NextLook()
		})
		select {
		case <-stop:
			return
		case d = <-next:
		}
	}
}

// Sleep is Clock.Sleep on the real clock.
func Sleep(d time.Duration, stop <-chan struct{}) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-stop:
		return false
	}
}
