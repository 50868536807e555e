package player

import (
	"fmt"
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

// playerRig mounts a Player on a routine with a fake clock and
// recorded cues.
type playerRig struct {
	tb    testing.TB
	disp  app.ClientDispatcher
	p     *Player
	cues  *uitest.RecordedCues
	clock *uitest.FakeClock
}

func newPlayerRig(tb testing.TB, routine string) *playerRig {
	tb.Helper()
	return newPlayerRigWith(tb, routine, true)
}

// newPlayerRigWith mounts a player on routine in fresh storage, the safety
// advice read already (accepted) or not: Start shows only once it is.
func newPlayerRigWith(tb testing.TB, routine string, accepted bool) *playerRig {
	tb.Helper()
	st := uitest.FreshStorage(tb)
	if accepted {
		s := data.DefaultSettings()
		s.SafetyAccepted = true
		if err := store.SaveSettings(st, s); err != nil {
			tb.Fatal(err)
		}
	}
	clock := &uitest.FakeClock{T: time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC)}
	cues := &uitest.RecordedCues{Clock: clock}
	p := &Player{cues: cues, now: clock.Now, checkpointAfter: time.Millisecond, saveAfter: time.Millisecond}
	disp := app.NewClientTester(p)
	disp.Nav(&url.URL{Path: "/session/" + routine})
	disp.Consume()
	tb.Cleanup(disp.Close)
	if p.loadErr != "" {
		tb.Fatalf("loading %q: %s", routine, p.loadErr)
	}
	return &playerRig{tb: tb, disp: disp, p: p, cues: cues, clock: clock}
}

// do runs fn on the UI goroutine with a real context.
func (r *playerRig) do(fn func(ctx app.Context)) {
	r.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: r.p, Function: fn})
	r.disp.Consume()
}

func (r *playerRig) click(h app.EventHandler) { r.do(func(ctx app.Context) { h(ctx, app.Event{}) }) }

// tickEvery is the step of the test clock between two looks at it.
const tickEvery = 100 * time.Millisecond

// run advances the clock by d in steps of tickEvery, ticking at each.
func (r *playerRig) run(d time.Duration) {
	for end := r.clock.Now().Add(d); r.clock.Now().Before(end); {
		r.clock.Advance(tickEvery)
		r.do(r.p.tick)
	}
}

func TestSessionPlayerRunsRoutineToFinish(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	if r.p.phase != phaseReady {
		t.Fatalf("state before Start = %v, want ready", r.p.phase)
	}
	r.click(r.p.onStart)
	if !r.cues.Awake {
		t.Error("screen not kept awake after Start")
	}
	r.run(r.p.plan.Total + time.Second)

	if r.p.phase != phaseFinished {
		t.Fatalf("state after the whole plan = %v, want finished", r.p.phase)
	}
	var want []string
	for _, s := range r.p.plan.Segments {
		want = append(want, s.Say)
	}
	got := r.cues.Said()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("spoken cues differ from the plan:\ngot  %d: %q\nwant %d: %q", len(got), got, len(want), want)
	}
	if r.cues.Awake {
		t.Error("screen still kept awake after the end")
	}
	for _, res := range r.p.run.Results() {
		if res.RepsDone != res.Reps {
			t.Errorf("%s: %d of %d reps done after a full run", res.Name, res.RepsDone, res.Reps)
		}
	}
	if r.cues.Count("beep tick") == 0 || r.cues.Count("beep done") != 1 {
		t.Errorf("ticks = %d, done tones = %d; want some ticks and one done tone", r.cues.Count("beep tick"), r.cues.Count("beep done"))
	}
}

func TestSessionPlayerPauseFreezesTimeAndCues(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.click(r.p.onStart)
	r.run(3 * time.Second)
	r.click(r.p.onPauseResume)
	before, events := r.p.run.Session().Elapsed(r.clock.Now()), len(r.cues.Events)
	if r.cues.Awake {
		t.Error("wake lock held while paused")
	}
	r.clock.Advance(10 * time.Minute)
	r.do(r.p.tick)
	if got := r.p.run.Session().Elapsed(r.clock.Now()); got != before {
		t.Errorf("elapsed moved while paused: got %v, want %v", got, before)
	}
	if len(r.cues.Events) != events {
		t.Errorf("cues fired while paused: %q", r.cues.Events[events:])
	}
	r.click(r.p.onPauseResume)
	r.run(time.Second)
	if got := r.p.run.Session().Elapsed(r.clock.Now()); got != before+time.Second {
		t.Errorf("elapsed after resuming for 1s: got %v, want %v", got, before+time.Second)
	}
}

func TestSessionPlayerHiddenTabDoesNotReplayCues(t *testing.T) {
	r := newPlayerRig(t, data.Morning)
	r.click(r.p.onStart)
	r.run(time.Second)
	said := len(r.cues.Said())
	// The tab was hidden for five minutes: no tick ran meanwhile.
	r.clock.Advance(5 * time.Minute)
	r.do(r.p.tick)
	want := r.p.plan.At(5*time.Minute + time.Second)
	if r.p.run.Pos().Index != want.Index || r.p.run.Pos().Left != want.Left {
		t.Errorf("after 5 min hidden at segment %d with %v left, want %d with %v", r.p.run.Pos().Index, r.p.run.Pos().Left, want.Index, want.Left)
	}
	if got := len(r.cues.Said()) - said; got != 1 {
		t.Errorf("cues spoken on return = %d, want exactly 1 (the current step)", got)
	}
}

func TestSessionPlayerSkipBackAndEnd(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	r.click(r.p.onSkip) // past get ready
	r.click(r.p.onSkip) // past position
	r.click(r.p.onSkip) // past the instruction
	if k := r.p.run.Pos().Segment.Kind; k != data.KindHold {
		t.Fatalf("after three skips at %s, want hold", k)
	}
	if got, want := r.cues.Said()[len(r.cues.Said())-1], r.p.run.Pos().Segment.Say; got != want {
		t.Errorf("skip announced %q, want %q", got, want)
	}
	r.click(r.p.onBack)
	if k := r.p.run.Pos().Segment.Kind; k != data.KindInstruct {
		t.Errorf("back right after a skip landed on %s, want the instruction", k)
	}
	r.click(r.p.onEnd)
	if r.p.phase != phaseConfirming || !r.p.run.Session().Paused() {
		t.Fatal("End did not ask for confirmation with the session paused")
	}
	r.click(r.p.onConfirmEnd)
	if r.p.phase != phaseFinished {
		t.Fatalf("state after confirming End = %v, want finished", r.p.phase)
	}
	if r.p.run.Session().Complete(r.clock.Now()) {
		t.Error("a session ended early reports complete")
	}
}

func TestSessionPlayerCueSettings(t *testing.T) {
	r := newPlayerRig(t, data.Bridge)
	r.p.settings.Voice, r.p.settings.Vibration = false, false
	r.click(r.p.onStart)
	r.run(30 * time.Second)
	if n := len(r.cues.Said()); n != 0 {
		t.Errorf("voice off but %d texts spoken", n)
	}
	if n := r.cues.Count("vibrate"); n != 0 {
		t.Errorf("vibration off but %d vibrations", n)
	}
	if n := r.cues.Count("beep"); n == 0 {
		t.Error("beeps on but none sounded")
	}
}

func TestSessionPlayerNoVoiceFallsBackToBeeps(t *testing.T) {
	r := newPlayerRig(t, data.Bridge)
	r.cues.NoVoice = true
	r.click(r.p.onStart)
	r.run(5 * time.Second)
	if !r.p.noVoice {
		t.Error("player did not notice the missing voice")
	}
	if r.cues.Count("beep") == 0 {
		t.Error("no beeps without a voice")
	}
}

func TestSessionPlayerToggleIsRemembered(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.do(func(ctx app.Context) { r.p.onToggle(ctx, ui.VoiceOn) })
	var got data.Settings
	r.do(func(ctx app.Context) {
		var err error
		got, err = store.LoadSettings(webapi.AppStorage(ctx))
		if err != nil {
			t.Errorf("loading settings: %v", err)
		}
	})
	if got.Voice {
		t.Error("voice switched off but stored settings still say on")
	}
}

func TestSessionPlayerUnknownRoutine(t *testing.T) {
	p := &Player{cues: &uitest.RecordedCues{}, now: time.Now}
	disp := app.NewClientTester(p)
	defer disp.Close()
	disp.Nav(&url.URL{Path: "/session/nope"})
	disp.Consume()
	if p.loadErr != ui.Text.NotFoundRoutine {
		t.Errorf("loadErr = %q, want %q", p.loadErr, ui.Text.NotFoundRoutine)
	}
}

func TestSessionPlayerDoseCanBeChanged(t *testing.T) {
	r := newPlayerRig(t, data.Morning)
	total := r.p.plan.Total
	bridge := -1
	for i, it := range r.p.routine.Items {
		if it.Exercise == data.Bridge {
			bridge = i
		}
	}
	if r.p.routine.Items[bridge].Reps != 5 {
		t.Fatalf("first-day bridge dose %d, want the article's 5", r.p.routine.Items[bridge].Reps)
	}
	// On a first day More stops at the article's 5 a day, and says why.
	r.click(r.p.onDose(bridge, 1))
	if r.p.routine.Items[bridge].Reps != 5 || r.p.plan.Total != total {
		t.Errorf("after More on a first day: %d reps, plan %v (was %v); want the article's 5, unchanged", r.p.routine.Items[bridge].Reps, r.p.plan.Total, total)
	}
	uitest.MustContain(t, app.HTMLString(r.p), fmt.Sprintf(`id="stops-%d"`, bridge), "+ stops at 5: 5 a day to start; it rises as your pain allows.")
	// Fewer than the article's start is allowed, down to one (issue 17).
	for range 10 {
		r.click(r.p.onDose(bridge, -1))
	}
	if r.p.routine.Items[bridge].Reps != data.MinReps || r.p.plan.Total >= total {
		t.Errorf("after Fewer ten times: %d reps, plan %v; want %d and a shorter plan than %v", r.p.routine.Items[bridge].Reps, r.p.plan.Total, data.MinReps, total)
	}
}

func TestSessionPlayerAsksForSafetyFirst(t *testing.T) {
	r := newPlayerRigWith(t, data.Evening, false)
	html := app.HTMLString(r.p)
	uitest.MustContain(t, html, `id="safety-gate"`)
	if strings.Contains(html, `id="start"`) {
		t.Error("Start offered before the safety advice was accepted")
	}
	r.do(func(ctx app.Context) { ctx.NewAction(ui.SafetyAcceptedAction) })
	r.disp.Consume()
	html = app.HTMLString(r.p)
	uitest.MustContain(t, html, `id="start"`)
	if strings.Contains(html, `id="safety-gate"`) {
		t.Error("safety gate still shown after it was accepted")
	}
}

func TestSessionPlayerCountdownFollowsTheClock(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.click(r.p.onStart)
	r.run(3*time.Second + 50*time.Millisecond)
	want := r.p.plan.At(3*time.Second + 50*time.Millisecond).SecondsLeft()
	if r.p.counter.Seconds != want {
		t.Errorf("countdown %d, want %d", r.p.counter.Seconds, want)
	}
	// The number itself is written into the element in the browser
	// (Countdown.Show), which e2e's TestRoutineRunsToTheEndOnVirtualTime
	// reads; here the element must be on the page.
	uitest.MustContain(t, app.HTMLString(r.p), `id="count"`)
	if got := r.p.run.NextLook(); got <= 0 || got > time.Second+time.Millisecond {
		t.Errorf("next wake in %v, want within the next second", got)
	}
}

// A new second only writes the countdown's number and a new step only the
// step view: the player itself is redrawn by neither.
func TestSessionPlayerRedrawsOnlyOnNewSteps(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.p.settings.Voice = false // the live region announces each step
	r.click(r.p.onStart)
	tick := func(d time.Duration) {
		r.clock.Advance(d)
		r.p.quietly(r.p.mounted, r.p.tick)
		r.disp.Consume()
	}
	tick(1500 * time.Millisecond) // well inside the lead-in
	first := r.p.stepView.view
	if first.Instruction != r.p.plan.Segments[0].Text {
		t.Fatalf("step view says %q, want the first step's %q", first.Instruction, r.p.plan.Segments[0].Text)
	}
	// A change that only a redraw would show.
	r.p.notice = "redrawn"
	tick(time.Second)
	if html := app.HTMLString(r.p); strings.Contains(html, "redrawn") {
		t.Error("a new second redrew the whole player")
	}
	if got, want := r.p.counter.Seconds, r.p.plan.At(2500*time.Millisecond).SecondsLeft(); got != want {
		t.Errorf("countdown %d, want %d", got, want)
	}
	// Into the next step.
	tick(r.p.plan.StepStart(1) - r.p.run.Pos().Elapsed + 100*time.Millisecond)
	if html := app.HTMLString(r.p); strings.Contains(html, "redrawn") {
		t.Error("a new step redrew the whole player")
	}
	next := r.p.stepView.view
	if want := r.p.plan.Segments[r.p.run.Pos().Index]; next.Title != want.Title || next.Instruction != want.Text ||
		next.Live == first.Live || !strings.Contains(next.Class, "kind-"+string(want.Kind)) {
		t.Errorf("step view after the step changed: %+v, want step %d: %+v", next, r.p.run.Pos().Index, want)
	}
	// Pausing tells the live region.
	r.click(r.p.onPauseResume)
	if live := r.p.stepView.view.Live; !strings.HasPrefix(live, text.Paused) {
		t.Errorf("paused, the live region says %q", live)
	}
}

// With the app's voice on, a screen reader is not told each step as well
// (two voices at once); it is when the voice is off or cannot speak, and
// a pause is announced either way.
func TestSessionPlayerLiveRegionLeavesStepsToTheVoice(t *testing.T) {
	for _, c := range []struct {
		name           string
		voice, noVoice bool
		announced      bool
	}{
		{"voice on", true, false, false},
		{"voice off", false, false, true},
		{"voice on, no voice in the browser", true, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newPlayerRig(t, data.Evening)
			r.p.settings.Voice = c.voice
			r.cues.NoVoice = c.noVoice
			r.click(r.p.onStart)
			// The first step, at once: the voice was tried at Start.
			if live := r.p.stepView.view.Live; (live != "") != c.announced {
				t.Errorf("at Start the live region says %q", live)
			}
			r.run(r.p.plan.StepStart(1) + 2*time.Second)
			seg := r.p.plan.Segments[r.p.run.Pos().Index]
			live := r.p.stepView.view.Live
			if c.announced && !strings.Contains(live, seg.Text) {
				t.Errorf("the live region says %q, want the step %q", live, seg.Text)
			}
			if !c.announced && live != "" {
				t.Errorf("the live region says %q while the app's voice says the step", live)
			}
			if c.voice && !c.noVoice && len(r.cues.Said()) == 0 {
				t.Error("the voice said nothing")
			}
			r.click(r.p.onPauseResume)
			if live := r.p.stepView.view.Live; !strings.HasPrefix(live, text.Paused) || !strings.Contains(live, seg.Text) {
				t.Errorf("paused, the live region says %q", live)
			}
			r.click(r.p.onPauseResume)
			if live := r.p.stepView.view.Live; (live != "") == !c.announced {
				t.Errorf("resumed, the live region says %q", live)
			}
		})
	}
}

// TestSessionPlayerHearsEveryLine plays whole routines with a voice that
// takes time: at the model's speed every line starts on its step and ends
// before the next, with nothing cut off; with a voice half as slow again,
// each step waits for the words before it (never cutting them off), every
// hold still lasts its full time, and the session ends late by the waits.
func TestSessionPlayerHearsEveryLine(t *testing.T) {
	for _, slowness := range []float64{1, 1.5} {
		t.Run(fmt.Sprintf("voice %gx the model", slowness), func(t *testing.T) {
			r := newPlayerRig(t, data.Evening)
			r.cues.Slowness = slowness
			took := r.playToTheEnd()
			if n := r.cues.Count("hush"); n != 0 {
				t.Errorf("speech was cut off %d times", n)
			}
			segs := r.p.plan.Segments
			lines := r.cues.Lines
			if len(lines) != len(segs) {
				t.Fatalf("got %d lines, want %d", len(lines), len(segs))
			}
			begin := lines[0].At
			var late time.Duration
			for i, l := range lines {
				if l.Text != segs[i].Say {
					t.Fatalf("line %d: got %q, want %q", i, l.Text, segs[i].Say)
				}
				if l.Start != l.At {
					t.Errorf("line %d %q was given while %q was still being said", i, l.Text, lines[i-1].Text)
				}
				if slowness == 1 {
					if d := l.At.Sub(begin) - segs[i].Start; d < 0 || d > tickEvery {
						t.Errorf("line %d said %v after its step's start", i, d)
					}
				}
				if i > 0 && segs[i-1].Kind == data.KindHold && segs[i].Step != segs[i-1].Step {
					// From a hold's go-cue to its release: the article's time.
					first := i - 1
					for first > 0 && segs[first-1].Step == segs[i-1].Step {
						first--
					}
					want := segs[i].Start - segs[first].Start
					if got := l.At.Sub(lines[first].At); got < want || got > want+tickEvery {
						t.Errorf("hold at line %d lasted %v, want %v", first, got, want)
					}
				}
				if i > 0 {
					late = l.At.Sub(begin) - segs[i].Start
				}
			}
			if slowness == 1 && late > tickEvery {
				t.Errorf("a voice at the model's speed made the session %v late", late)
			}
			if slowness > 1 && (late <= 0 || took < r.p.plan.Total+late) {
				t.Errorf("a slow voice: the end came %v late after %v; want it late by the waits", late, took)
			}
		})
	}
}

// TestSessionPlayerCutsSpeechOnlyForThePerson: skip, back and pause cut the
// words off at once; the steps that follow one another do not.
func TestSessionPlayerCutsSpeechOnlyForThePerson(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	r.click(r.p.onStart)
	r.run(2 * time.Second)
	for i, h := range []app.EventHandler{r.p.onSkip, r.p.onBack, r.p.onPauseResume} {
		if !r.cues.Speaking() {
			t.Fatalf("action %d: the voice is not speaking", i)
		}
		r.click(h)
		if r.cues.Count("hush") != i+1 {
			t.Errorf("action %d: got %d hushes, want %d", i, r.cues.Count("hush"), i+1)
		}
	}
	if r.cues.Speaking() {
		t.Errorf("paused, yet the voice goes on")
	}
	r.click(r.p.onPauseResume) // resume says the step again
	if !r.cues.Speaking() {
		t.Errorf("resumed, yet the step is not said again")
	}
}

// TestSessionPlayerHiddenTabLandsOnItsStep: a voice that never says it has
// finished (as on some Android versions) holds no step back once the page
// comes back from being hidden: it lands where the plan says.
func TestSessionPlayerHiddenTabLandsOnItsStep(t *testing.T) {
	r := newPlayerRig(t, data.Morning)
	r.cues.Slowness = 1000
	start := r.clock.Now()
	r.click(r.p.onStart)
	r.run(time.Second)
	r.clock.Advance(5 * time.Minute)
	r.do(r.p.tick)
	want := r.p.plan.At(5*time.Minute + time.Second)
	if r.p.run.Pos().Index != want.Index || r.p.run.Pos().Left != want.Left {
		t.Errorf("after 5 min hidden at segment %d with %v left, want %d with %v", r.p.run.Pos().Index, r.p.run.Pos().Left, want.Index, want.Left)
	}
	// In view, the same voice holds the next step back for at most
	// data.MaxVoiceWait, then the plan runs on late by exactly that.
	at := r.p.run.Pos().Segment.End()
	r.run(r.p.run.Pos().Left + data.MaxVoiceWait/2)
	if r.p.run.Pos().Index != want.Index {
		t.Errorf("a step started while the voice still spoke, %v into the wait", data.MaxVoiceWait/2)
	}
	r.run(data.MaxVoiceWait)
	if got, want := r.p.run.Session().Elapsed(r.clock.Now()), r.clock.Now().Sub(start)-data.MaxVoiceWait; got != want || r.p.run.Pos().Segment.Start != at {
		t.Errorf("after the longest wait: elapsed %v at segment start %v, want %v at %v", got, r.p.run.Pos().Segment.Start, want, at)
	}
}

// TestSessionPlayerCountsOnlyTimedSteps: an instruction shows no number,
// so the hold's countdown starts with its go-cue and shows its full time.
func TestSessionPlayerCountsOnlyTimedSteps(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	segs := r.p.plan.Segments
	for i := 1; i < len(segs) && segs[i].Kind != data.KindRelease; i++ {
		r.run(segs[i].Start - r.p.run.Pos().Elapsed + 50*time.Millisecond)
		want := int(segs[i].Duration / time.Second)
		if segs[i].Kind == data.KindInstruct {
			want = Blank
		}
		if r.p.run.Pos().Index != i || r.p.counter.Seconds != want {
			t.Errorf("segment %d (%v): countdown %d, want %d", r.p.run.Pos().Index, segs[i].Kind, r.p.counter.Seconds, want)
		}
	}
}

// Safari, and so every iPhone browser, has no navigator.vibrate: the
// player's vibration switch says what happens instead, and only there.
func TestSessionPlayerSaysWhenTheBrowserCannotVibrate(t *testing.T) {
	for _, noVibrate := range []bool{false, true} {
		uitest.FreshStorage(t)
		p := &Player{cues: &uitest.RecordedCues{NoVibrate: noVibrate}, now: time.Now}
		disp := app.NewClientTester(p)
		disp.Nav(&url.URL{Path: "/session/" + data.Bridge})
		disp.Consume()
		html := app.HTMLString(p)
		disp.Close()
		if got := strings.Contains(html, `id="cue-vibration-note"`); got != noVibrate {
			t.Errorf("browser without vibration %v: note shown %v", noVibrate, got)
		}
		if noVibrate {
			uitest.MustContain(t, html, ui.Text.NoVibration)
		}
	}
}

// A tap on Start while the safety advice stands in its place starts
// nothing: the phase allows no start from there.
func TestSessionPlayerStartsNothingBeforeTheSafetyAdvice(t *testing.T) {
	r := newPlayerRigWith(t, data.Evening, false)
	r.click(r.p.onStart)
	if r.p.phase != phaseGate || r.cues.Count("unlock") != 0 {
		t.Errorf("Start under the safety advice: phase %v, audio unlocked %d times; want the gate and nothing started", r.p.phase, r.cues.Count("unlock"))
	}
}

// An instruction shows no number while it is said, then counts the time
// left to move into position; the hold's count starts at its go-cue.
func TestInstructionCountsTheMoveOnceSaid(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	var in data.Segment
	for _, s := range r.p.plan.Segments {
		if s.Kind == data.KindInstruct {
			in = s
			break
		}
	}
	if in.Speech <= 0 || in.Duration-in.Speech < time.Second {
		t.Fatalf("the first instruction is said in %v of its %v: no time to count", in.Speech, in.Duration)
	}
	r.run(in.Start + in.Speech/2 - r.p.run.Pos().Elapsed)
	if got := r.p.counter.Seconds; got != Blank {
		t.Errorf("while the instruction is said the count shows %d, want none", got)
	}
	r.run(in.Speech/2 + 500*time.Millisecond)
	pos := r.p.run.Pos()
	if pos.Segment.Kind != data.KindInstruct {
		t.Fatalf("at %v the session is at %v, want the instruction", pos.Elapsed, pos.Segment.Kind)
	}
	if got, want := r.p.counter.Seconds, pos.SecondsLeft(); got != want || got <= 0 {
		t.Errorf("once the instruction is said the count shows %d, want the %d s left to move", got, want)
	}
}

// With Voice on and no voice on the device, the session is paced for
// reading, as with Voice off, and the ready screen says so.
func TestNoVoicePlansForReading(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	voiced := r.p.plan.Total
	r.cues.NoVoice = true
	r.reload(data.Evening)
	read := data.DefaultSettings()
	read.Voice = false
	want, err := data.Compile(r.p.routine, data.DefaultCatalogue(), read.Timing())
	if err != nil {
		t.Fatal(err)
	}
	if r.p.plan.Total != want.Total || r.p.plan.Total == voiced {
		t.Errorf("with no voice the plan takes %v, want %v as with Voice off (with a voice: %v)", r.p.plan.Total, want.Total, voiced)
	}
	uitest.MustContain(t, app.HTMLString(r.p), text.NoVoice)
}
