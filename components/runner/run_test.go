package runner_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"unknot/components/runner"
	"unknot/data"
)

// world is a fake clock and everything that happens on it: the runner's
// goroutines (its clock's loop and the waits before a deferred checkpoint
// or save), their sleeps, and the instants the voice falls quiet. Time
// moves only in advance, one event at a time, once every goroutine of the
// runner sleeps again or has ended: the real loop runs, with the sleeps it
// asks for, in lock-step with the test.
type world struct {
	tb    testing.TB
	mu    sync.Mutex
	now   time.Time
	alive int // goroutines started through Go or Later, not ended
	naps  []*nap
	quiet []time.Time // when the voice falls quiet: the runner is told
	r     *runner.Runner
}

// nap is one goroutine's sleep.
type nap struct {
	until time.Time
	wake  chan struct{}
	stop  <-chan struct{}
}

func (w *world) Now() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.now
}

func (w *world) Sleep(d time.Duration, stop <-chan struct{}) bool {
	w.mu.Lock()
	n := &nap{until: w.now.Add(d), wake: make(chan struct{}), stop: stop}
	w.naps = append(w.naps, n)
	w.mu.Unlock()
	select {
	case <-n.wake:
		return true
	case <-stop:
		w.mu.Lock()
		w.naps = slices.DeleteFunc(w.naps, func(m *nap) bool { return m == n })
		w.mu.Unlock()
		return false
	}
}

func (w *world) Go(fn func()) {
	w.mu.Lock()
	w.alive++
	w.mu.Unlock()
	go func() {
		defer func() {
			w.mu.Lock()
			w.alive--
			w.mu.Unlock()
		}()
		fn()
	}()
}

func closed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// settle waits until every goroutine of the runner sleeps on, or has
// ended.
func (w *world) settle() {
	w.tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		w.mu.Lock()
		asleep := 0
		for _, n := range w.naps {
			if !closed(n.stop) {
				asleep++
			}
		}
		done := asleep == w.alive && len(w.naps) == asleep
		w.mu.Unlock()
		if done {
			return
		}
		if time.Now().After(deadline) {
			w.tb.Fatal("the runner's goroutines never settled")
		}
		time.Sleep(20 * time.Microsecond)
	}
}

// advance moves the clock on by d, waking each sleep and telling the
// runner each time the voice falls quiet, in the order they fall due.
func (w *world) advance(d time.Duration) {
	w.tb.Helper()
	w.mu.Lock()
	target := w.now.Add(d)
	w.mu.Unlock()
	for {
		w.settle()
		w.mu.Lock()
		var first *nap
		for _, n := range w.naps {
			if !n.until.After(target) && (first == nil || n.until.Before(first.until)) {
				first = n
			}
		}
		quiet := -1
		for i, q := range w.quiet {
			if !q.After(target) && (first == nil || q.Before(first.until)) && (quiet < 0 || q.Before(w.quiet[quiet])) {
				quiet = i
			}
		}
		switch {
		case quiet >= 0:
			w.now = later(w.now, w.quiet[quiet])
			w.quiet = slices.Delete(w.quiet, quiet, quiet+1)
			w.mu.Unlock()
			w.r.Tick() // as the voice's end event does
		case first != nil:
			w.now = later(w.now, first.until)
			w.naps = slices.DeleteFunc(w.naps, func(m *nap) bool { return m == first })
			close(first.wake)
			w.mu.Unlock()
		default:
			w.now = target
			w.mu.Unlock()
			return
		}
	}
}

// freeze moves the clock on by d while nothing runs: a page the browser
// froze, or a device asleep.
func (w *world) freeze(d time.Duration) {
	w.settle()
	w.mu.Lock()
	w.now = w.now.Add(d)
	w.mu.Unlock()
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// line is one line given to the fake voice: when, when the voice began
// it, when it ends, and when it was cut off, if it was.
type line struct {
	text                 string
	at, start, stop, cut time.Time
}

// cues is a fake voice on the world's clock that takes time, like a real
// one: each line lasts its modelled time at the plan's rate, times
// slowness, after the lines before it. Hush cuts off what is being said.
// It also keeps every cue fired and whether the screen is held awake.
type cues struct {
	w        *world
	rate     float64
	slowness float64
	lines    []line
	fired    []fired
	awake    bool
}

// fired is a cue and when it fired.
type fired struct {
	cue data.Cue
	at  time.Time
}

func (c *cues) Speaking() bool {
	now := c.w.Now()
	return len(c.lines) > 0 && now.Before(c.lines[len(c.lines)-1].stop) && c.lines[len(c.lines)-1].cut.IsZero()
}

func (c *cues) Fire(cue data.Cue) {
	now := c.w.Now()
	c.fired = append(c.fired, fired{cue, now})
	if cue.Say == "" {
		return
	}
	start := now
	if c.Speaking() {
		start = c.lines[len(c.lines)-1].stop
	}
	stop := start.Add(time.Duration(float64(data.SpeakingTime(cue.Say, c.rate)) * c.slowness))
	c.lines = append(c.lines, line{text: cue.Say, at: now, start: start, stop: stop})
	c.w.mu.Lock()
	c.w.quiet = append(c.w.quiet, stop)
	c.w.mu.Unlock()
}

func (c *cues) Hush() {
	now := c.w.Now()
	for i := range c.lines {
		if l := &c.lines[i]; l.cut.IsZero() && now.Before(l.stop) {
			l.cut = now
		}
	}
	c.w.mu.Lock()
	c.w.quiet = nil
	c.w.mu.Unlock()
}

func (c *cues) KeepAwake(on bool) { c.awake = on }

// cuts counts the lines cut off.
func (c *cues) cuts() int {
	n := 0
	for _, l := range c.lines {
		if !l.cut.IsZero() {
			n++
		}
	}
	return n
}

// store keeps what the runner stored, and when.
type store struct {
	w           *world
	checkpoints []checkpoint
	saves       []time.Time
	discards    int
	screen      *screen
}

// checkpoint is a checkpoint taken: where the session stood, and whether
// it was a new step's.
type checkpoint struct {
	elapsed time.Duration
	step    int
	newStep bool
	at      time.Time
}

func (s *store) Checkpoint(ses data.Session, now time.Time, step bool) {
	s.checkpoints = append(s.checkpoints, checkpoint{ses.Elapsed(now), ses.At(now).Segment.Step, step, s.w.Now()})
}

func (s *store) Save() {
	if s.screen.finished.IsZero() {
		s.w.tb.Error("saved before the finished screen was drawn")
	}
	s.saves = append(s.saves, s.w.Now())
}

func (s *store) Discard() { s.discards++ }

// screen keeps when the runner asked for the end to be drawn.
type screen struct {
	w        *world
	shows    int
	finished time.Time
}

func (s *screen) Show()     { s.shows++ }
func (s *screen) Finished() { s.finished = s.w.Now() }

// rig is a runner on a world, with a fake voice slowness times the model.
type rig struct {
	w      *world
	r      *runner.Runner
	p      data.Plan
	cues   *cues
	store  *store
	screen *screen
	start  time.Time
	// collects are when the runner had the garbage collected.
	collects []time.Time
}

func newRig(tb testing.TB, routine string, slowness float64) *rig {
	tb.Helper()
	r, _ := data.FindRoutine(data.DefaultCatalogue(), routine)
	p, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
	if err != nil {
		tb.Fatal(err)
	}
	w := &world{tb: tb, now: t0}
	sc := &screen{w: w}
	g := &rig{w: w, p: p, start: t0, screen: sc,
		cues:  &cues{w: w, rate: p.Timing.Voice, slowness: slowness},
		store: &store{w: w, screen: sc},
	}
	g.r = runner.New(runner.Config{
		Clock: w, Cues: g.cues, Store: g.store, Screen: sc,
		Do: func(fn func()) { fn() },
		Go: w.Go, Later: w.Go,
		Collect: func() { g.collects = append(g.collects, w.Now()) },
	})
	w.r = g.r
	tb.Cleanup(func() {
		g.r.Stop()
		w.settle()
	})
	return g
}

// at is how long after the start t was.
func (g *rig) at(t time.Time) time.Duration { return t.Sub(g.start) }

// spoken is the cues fired that say something.
func (g *rig) spoken() []fired {
	var out []fired
	for _, f := range g.cues.fired {
		if f.cue.Say != "" {
			out = append(out, f)
		}
	}
	return out
}

// lateLook is how long after a step's end a look may come: the clock
// sleeps to a millisecond past the countdown's next second.
const lateLook = time.Millisecond

// At the model's speed a whole routine runs on the real loop's own sleeps:
// every line is heard to its end, each step starts on the plan's time, and
// nothing waits.
func TestRunPlaysAWholeRoutine(t *testing.T) {
	g := newRig(t, data.Evening, 1)
	g.r.Start(g.p, g.w.Now())
	if !g.cues.awake {
		t.Error("the screen is not held awake")
	}
	g.w.advance(g.p.Total + time.Second)
	if !g.r.Finished() || g.cues.awake {
		t.Fatalf("after the plan's %v: finished %v, screen held awake %v", g.p.Total, g.r.Finished(), g.cues.awake)
	}
	if n := g.cues.cuts(); n != 0 {
		t.Errorf("%d lines cut off", n)
	}
	said := g.spoken()
	if len(said) != len(g.p.Segments) {
		t.Fatalf("%d lines said, want %d", len(said), len(g.p.Segments))
	}
	for i, f := range said {
		seg := g.p.Segments[i]
		if f.cue.Say != seg.Say {
			t.Fatalf("line %d: %q, want %q", i, f.cue.Say, seg.Say)
		}
		if d := g.at(f.at) - seg.Start; d < 0 || d > lateLook {
			t.Errorf("line %d said %v after its step's start", i, d)
		}
		if l := g.cues.lines[i]; !l.start.Equal(l.at) {
			t.Errorf("line %d given while the line before was still being said", i)
		}
	}
}

// A voice half as slow again as the model: each step waits for the words
// before it, exactly until they end, and every step then lasts its full
// time, so the session ends late by exactly the waits.
func TestRunSlowVoiceDelaysTheNextStepByTheWait(t *testing.T) {
	g := newRig(t, data.Evening, 1.5)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(3 * g.p.Total)
	if !g.r.Finished() {
		t.Fatal("not finished in three times the plan's length")
	}
	if n := g.cues.cuts(); n != 0 {
		t.Errorf("%d lines cut off", n)
	}
	said, lines := g.spoken(), g.cues.lines
	if len(said) != len(g.p.Segments) {
		t.Fatalf("%d lines said, want %d", len(said), len(g.p.Segments))
	}
	var waits, holds time.Duration
	for i := 1; i < len(said); i++ {
		prev := g.p.Segments[i-1]
		due := said[i-1].at.Add(prev.Duration) // the plan's time for it
		wait := max(lines[i-1].stop.Sub(due), 0)
		if got := said[i].at.Sub(due); got < wait || got > wait+lateLook {
			t.Errorf("segment %d started %v after its time, want the voice's wait of %v", i, got, wait)
		}
		waits += wait
		if prev.Kind == data.KindHold {
			holds += wait
			if got := said[i].at.Sub(said[i-1].at) - wait; got < prev.Duration || got > prev.Duration+lateLook {
				t.Errorf("hold %d lasted %v, want %v", i-1, got, prev.Duration)
			}
		}
	}
	if waits == 0 {
		t.Fatal("a slow voice never held a step back")
	}
	if late := g.at(g.screen.finished) - g.p.Total; late < waits || late > waits+time.Duration(len(said))*lateLook {
		t.Errorf("the end came %v late, want the waits' %v", late, waits)
	}
}

// Skip, back and pause cut the voice off at once; a paused session stands
// still and its clock's loop ends; resuming says the step again.
func TestRunPersonCutsSpeech(t *testing.T) {
	g := newRig(t, data.Evening, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(2 * time.Second)
	for i, act := range []func(){
		func() { g.r.Move(data.Session.Skip) },
		func() { g.r.Move(data.Session.Back) },
		g.r.Pause,
	} {
		if !g.cues.Speaking() {
			t.Fatalf("action %d: the voice is not speaking", i)
		}
		act()
		if g.cues.cuts() != i+1 {
			t.Errorf("action %d: %d lines cut off, want %d", i, g.cues.cuts(), i+1)
		}
	}
	g.w.settle()
	if g.w.alive != 0 {
		t.Errorf("paused, %d goroutines still run", g.w.alive)
	}
	before, fires := g.r.Session().Elapsed(g.w.Now()), len(g.cues.fired)
	g.w.advance(10 * time.Minute)
	if got := g.r.Session().Elapsed(g.w.Now()); got != before || len(g.cues.fired) != fires || g.cues.awake {
		t.Errorf("paused 10 min: elapsed %v (was %v), %d cues fired, screen held awake %v", got, before, len(g.cues.fired)-fires, g.cues.awake)
	}
	g.r.Resume()
	if !g.cues.Speaking() || !g.cues.awake {
		t.Error("resumed, yet the step is not said again or the screen may sleep")
	}
	g.w.advance(time.Second)
	if got := g.r.Session().Elapsed(g.w.Now()); got != before+time.Second {
		t.Errorf("elapsed after 1 s resumed: %v, want %v", got, before+time.Second)
	}
}

// A page frozen for 22 s (the loop's sleep overdue) lands where the plan
// says at its first look, with the one cue of the step it lands on, even
// with a voice that never says it has finished.
func TestRunFreezeLandsOnTheStep(t *testing.T) {
	g := newRig(t, data.Morning, 1000)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(3 * time.Second)
	said := len(g.spoken())
	g.w.freeze(22 * time.Second)
	g.w.advance(0)
	want := g.p.At(25 * time.Second)
	if pos := g.r.Pos(); pos.Index != want.Index || pos.Left != want.Left {
		t.Errorf("after a 22 s freeze at segment %d with %v left, want %d with %v", pos.Index, pos.Left, want.Index, want.Left)
	}
	if n := len(g.spoken()) - said; n != 1 {
		t.Errorf("%d lines said on waking, want the step's one", n)
	}
	if got := g.r.Session().Elapsed(g.w.Now()); got != 25*time.Second {
		t.Errorf("elapsed %v, want 25s", got)
	}
}

// The end is drawn first; the session is saved SaveAfter later, once.
func TestRunSavesAfterTheEndIsDrawn(t *testing.T) {
	g := newRig(t, data.KneeToChest, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(g.p.Total + time.Second)
	if g.screen.finished.IsZero() || len(g.store.saves) != 1 {
		t.Fatalf("end drawn %v, %d saves; want the end drawn and one save", !g.screen.finished.IsZero(), len(g.store.saves))
	}
	if d := g.store.saves[0].Sub(g.screen.finished); d != runner.SaveAfter {
		t.Errorf("saved %v after the end was drawn, want %v", d, runner.SaveAfter)
	}
	if g.r.Unsaved() {
		t.Error("still unsaved after the save")
	}
}

// Saved at once (the page hides) before the deferred save: that one then
// does nothing.
func TestRunSaveNowBeforeTheDeferredSave(t *testing.T) {
	g := newRig(t, data.KneeToChest, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(g.p.Total)
	for !g.r.Finished() {
		g.w.advance(time.Millisecond)
	}
	if !g.r.Unsaved() || len(g.store.saves) != 0 {
		t.Fatalf("at the end: unsaved %v, %d saves; want unsaved and none", g.r.Unsaved(), len(g.store.saves))
	}
	g.r.SaveNow()
	g.w.advance(time.Second)
	if len(g.store.saves) != 1 {
		t.Errorf("%d saves, want the one", len(g.store.saves))
	}
}

// A session ended before any hold is dropped, not saved, unless the
// person stopped it because it hurt.
func TestRunEndedBeforeAnyHold(t *testing.T) {
	for _, reason := range []string{"", data.StoppedHurt} {
		g := newRig(t, data.KneeToChest, 1)
		g.r.Start(g.p, g.w.Now())
		g.w.advance(2 * time.Second)
		g.r.Finish(reason)
		g.w.advance(time.Second)
		if kept := reason != ""; len(g.store.saves) != btoi(kept) || g.store.discards != btoi(!kept) {
			t.Errorf("reason %q: %d saves, %d discards", reason, len(g.store.saves), g.store.discards)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// One checkpoint at the start, then one at each step, CheckpointAfter
// after the step shows, where that step stands. The end, a step of no
// length, is saved instead.
func TestRunCheckpointsEachStep(t *testing.T) {
	g := newRig(t, data.KneeToChest, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(g.p.Total + time.Second)
	cps := g.store.checkpoints
	if last := g.p.Segments[len(g.p.Segments)-1]; last.Duration != 0 || last.Step != g.p.Steps-1 {
		t.Fatalf("the plan ends on %+v, want the end: a step of no length", last)
	}
	if len(cps) != g.p.Steps-1 || cps[0].newStep || cps[0].elapsed != 0 {
		t.Fatalf("%d checkpoints (first %+v), want %d: one at the start and one per step after but the end", len(cps), cps[0], g.p.Steps-1)
	}
	for i, c := range cps[1:] {
		step := i + 1
		start := g.p.StepStart(step)
		if !c.newStep || c.step != step || c.elapsed < start+runner.CheckpointAfter || c.elapsed > start+runner.CheckpointAfter+lateLook {
			t.Errorf("checkpoint %d: %+v, want step %d at %v", i+1, c, step, start+runner.CheckpointAfter)
		}
	}
	// A pause checkpoints at once.
	g = newRig(t, data.KneeToChest, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(1500 * time.Millisecond)
	g.r.Pause()
	if c := g.store.checkpoints[len(g.store.checkpoints)-1]; c.elapsed != 1500*time.Millisecond {
		t.Errorf("pause checkpoint at %v, want 1.5s", c.elapsed)
	}
}

// The garbage is collected once, CollectAfter into the last step, so that
// the collector does not run in the turn that ends the session; a session
// ended before its last step, or paused then, is not collected for.
func TestRunCollectsBeforeTheEnd(t *testing.T) {
	g := newRig(t, data.Evening, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(g.p.Total + time.Second)
	if !g.r.Finished() || len(g.collects) != 1 {
		t.Fatalf("finished %v with %d collections, want one", g.r.Finished(), len(g.collects))
	}
	last := g.p.Steps - 2
	at := g.at(g.collects[0])
	if want := g.p.StepStart(last) + runner.CollectAfter; at < want || at > want+lateLook {
		t.Errorf("collected at %v, want %v: %v into the last step (which starts at %v)", at, want, runner.CollectAfter, g.p.StepStart(last))
	}
	if end := g.at(g.screen.finished); end-at < time.Second {
		t.Errorf("collected at %v, %v before the end: want the middle of the step", at, end-at)
	}

	g = newRig(t, data.Evening, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(10 * time.Second)
	g.r.Finish(data.StoppedHurt)
	g.w.advance(g.p.Total)
	if len(g.collects) != 0 {
		t.Errorf("a session stopped at 10 s collected %d times", len(g.collects))
	}

	g = newRig(t, data.Evening, 1)
	g.r.Start(g.p, g.w.Now())
	g.w.advance(g.p.StepStart(g.p.Steps-2) + runner.CollectAfter/2)
	g.r.Pause()
	g.w.advance(time.Minute)
	if len(g.collects) != 0 {
		t.Errorf("a session paused in its last step collected %d times", len(g.collects))
	}
}
