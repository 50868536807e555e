package data_test

import (
	"reflect"
	"testing"
	"time"

	"unknot/data"
)

// t0 is the instant every session test starts at.
var t0 = time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)

const (
	ms     = time.Millisecond
	sec    = time.Second
	minute = time.Minute
)

// In the morning plan with the default timing (see testdata/morning.golden):
// get ready 0–12 s, knee-to-chest position 12–29 s, the left knee's
// instruction 29–41 s, its hold 41–46 s, switch 46–55 s, the right knee's
// instruction 55–65 s, its hold 65–70 s, … the hold of both knees ends at
// 1m31s and knee-to-chest at 2m47s; the first bridge hold is breaths from
// 9m16s to 9m34s; the last release 14m37s–14m44s, and the plan ends at
// 14m44s.
const (
	kneeInstruct   = 29 * sec
	kneeLeftStart  = 41 * sec
	kneeLeftEnd    = 46 * sec
	kneeRightHold  = 65 * sec
	kneeBothEnd    = 91 * sec
	kneeEnd        = 2*minute + 47*sec
	bridgeHold     = 9*minute + 16*sec
	bridgeHoldEnd  = 9*minute + 34*sec
	lastStepStart  = 14*minute + 37*sec
	morningTotal   = 14*minute + 44*sec
	kneeLeftStep   = 3
	bridgeHoldStep = 69
)

// op is something done to a session at a time after t0.
type op struct {
	at time.Duration
	do string // pause, resume, skip or back
}

// run starts a morning session at t0 and applies ops in order.
func run(tb testing.TB, ops ...op) data.Session {
	tb.Helper()
	// The session's clock over a plan whose every step is known: the one
	// that says the whole instruction every round.
	s := data.NewSession(compile(tb, data.Morning, fullEveryRound()), t0)
	for _, o := range ops {
		now := t0.Add(o.at)
		switch o.do {
		case "pause":
			s = s.Pause(now)
		case "resume":
			s = s.Resume(now)
		case "skip":
			s = s.Skip(now)
		case "back":
			s = s.Back(now)
		default:
			tb.Fatalf("unknown op %q", o.do)
		}
	}
	return s
}

func TestSessionPlanLayout(t *testing.T) {
	// Guards the constants above, which the other tests rely on.
	p := compile(t, data.Morning, fullEveryRound())
	checks := []struct {
		name      string
		got, want time.Duration
	}{
		{"left hold start", p.StepStart(kneeLeftStep), kneeLeftStart},
		{"left hold end", p.StepStart(kneeLeftStep + 1), kneeLeftEnd},
		{"bridge hold start", p.StepStart(bridgeHoldStep), bridgeHold},
		{"bridge hold end", p.StepStart(bridgeHoldStep + 1), bridgeHoldEnd},
		{"last step", p.StepStart(p.Steps - 2), lastStepStart},
		{"total", p.Total, morningTotal},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if s := p.At(kneeLeftStart).Segment; s.Kind != data.KindHold || s.Side != data.SideLeft || s.Exercise != data.KneeToChest {
		t.Errorf("got %v %v %v at %v, want the left knee hold", s.Kind, s.Side, s.Exercise, kneeLeftStart)
	}
	if s := p.At(bridgeHold).Segment; s.Exercise != data.Bridge || s.Breath != 1 || !s.Inhale {
		t.Errorf("got %v breath %d at %v, want the first bridge breath", s.Exercise, s.Breath, bridgeHold)
	}
}

func TestSessionTimeline(t *testing.T) {
	tests := []struct {
		scenario string
		ops      []op
		at       time.Duration // when to look, after t0
		want     time.Duration // the elapsed plan time then
		paused   bool
	}{
		{"at the start", nil, 0, 0, false},
		{"elapsed grows with time", nil, 3 * sec, 3 * sec, false},
		{"before the start counts as zero", nil, -5 * sec, 0, false},
		{"a long gap lands exactly", nil, 3*minute + 30*sec + 250*ms, 3*minute + 30*sec + 250*ms, false},
		{"hidden for 20 minutes ends at the total", nil, 20 * minute, morningTotal, false},
		{"never past the total", nil, 24 * time.Hour, morningTotal, false},

		{"pause freezes", []op{{3 * sec, "pause"}}, 10 * sec, 3 * sec, true},
		{"pausing twice is harmless", []op{{3 * sec, "pause"}, {5 * sec, "pause"}}, 10 * sec, 3 * sec, true},
		{"resume continues exactly", []op{{3 * sec, "pause"}, {30 * sec, "resume"}}, 31 * sec, 4 * sec, false},
		{"resuming twice is harmless", []op{{3 * sec, "pause"}, {30 * sec, "resume"}, {40 * sec, "resume"}}, 41 * sec, 14 * sec, false},
		{"resume while running changes nothing", []op{{5 * sec, "resume"}}, 6 * sec, 6 * sec, false},
		{"paused through a long gap", []op{{30 * sec, "pause"}, {10*minute + 30*sec, "resume"}}, 10*minute + 35*sec, 35 * sec, false},
		{"paused at the end", []op{{20 * minute, "pause"}}, 30 * minute, morningTotal, true},
		{"resumed after the end", []op{{20 * minute, "pause"}, {25 * minute, "resume"}}, 30 * minute, morningTotal, false},

		{"skip mid-hold goes to the next step", []op{{kneeLeftStart + 2*sec, "skip"}}, kneeLeftStart + 2*sec, kneeLeftEnd, false},
		{"and runs on from there", []op{{kneeLeftStart + 2*sec, "skip"}}, kneeLeftStart + 3*sec, kneeLeftEnd + sec, false},
		{"skip while paused stays paused", []op{{kneeLeftStart + 2*sec, "pause"}, {30 * sec, "skip"}}, 60 * sec, kneeLeftEnd, true},
		{"skip at a step's start", []op{{kneeLeftStart, "skip"}}, kneeLeftStart, kneeLeftEnd, false},
		{"skip mid-breath skips the whole hold", []op{{bridgeHold + 9*sec, "skip"}}, bridgeHold + 9*sec, bridgeHoldEnd, false},
		{"skip the last step ends", []op{{lastStepStart + sec, "skip"}}, lastStepStart + sec, morningTotal, false},
		{"skip at the end changes nothing", []op{{20 * minute, "skip"}}, 20 * minute, morningTotal, false},

		{"back at 0 stays at 0", []op{{0, "back"}}, 0, 0, false},
		{"back in the first step returns to 0", []op{{sec, "back"}}, sec, 0, false},
		{"back late in the first step returns to 0", []op{{5 * sec, "back"}}, 5 * sec, 0, false},
		{"back at a step's start goes to the previous step", []op{{kneeLeftStart, "back"}}, kneeLeftStart, kneeInstruct, false},
		{"back within 2 s goes to the previous step", []op{{kneeLeftStart + 2*sec - 1, "back"}}, kneeLeftStart + 2*sec - 1, kneeInstruct, false},
		{"back at 2 s goes to the current step's start", []op{{kneeLeftStart + 2*sec, "back"}}, kneeLeftStart + 2*sec, kneeLeftStart, false},
		{"back later goes to the current step's start", []op{{kneeLeftStart + 4*sec, "back"}}, kneeLeftStart + 4*sec, kneeLeftStart, false},
		{"back twice quickly goes two steps", []op{{kneeLeftStart + 4*sec, "back"}, {kneeLeftStart + 5*sec, "back"}}, kneeLeftStart + 5*sec, kneeInstruct, false},
		{"back mid-breath goes to the hold's start", []op{{bridgeHold + 9*sec, "back"}}, bridgeHold + 9*sec, bridgeHold, false},
		{"back while paused stays paused", []op{{kneeLeftStart + 4*sec, "pause"}, {30 * sec, "back"}}, 60 * sec, kneeLeftStart, true},
		{"back from the end goes to the last step", []op{{20 * minute, "back"}}, 20 * minute, lastStepStart, false},
		{"skip then back returns to the skipped step", []op{{kneeLeftStart + 2*sec, "skip"}, {kneeLeftStart + 3*sec, "back"}}, kneeLeftStart + 3*sec, kneeLeftStart, false},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			s := run(t, tt.ops...)
			now := t0.Add(tt.at)
			if got := s.Elapsed(now); got != tt.want {
				t.Errorf("elapsed: got %v, want %v", got, tt.want)
			}
			if got := s.Paused(); got != tt.paused {
				t.Errorf("paused: got %v, want %v", got, tt.paused)
			}
			if got, want := s.At(now), s.Plan.At(tt.want); got.Index != want.Index || got.Elapsed != want.Elapsed || got.Done != want.Done {
				t.Errorf("position: got %d at %v, want %d at %v", got.Index, got.Elapsed, want.Index, want.Elapsed)
			}
		})
	}
}

// TestSessionMonotonicClock checks a session driven by time.Now, whose
// readings carry the monotonic clock.
func TestSessionMonotonicClock(t *testing.T) {
	start := time.Now()
	s := data.NewSession(compile(t, data.Evening, data.DefaultTiming()), start)
	if got := s.Elapsed(start.Add(90 * sec)); got != 90*sec {
		t.Errorf("got %v, want %v", got, 90*sec)
	}
}

func TestSessionElapsedNeverExceedsTotal(t *testing.T) {
	sessions := map[string]data.Session{
		"running":             run(t),
		"skipped to the end":  run(t, op{lastStepStart, "skip"}),
		"paused after skips":  run(t, op{lastStepStart, "skip"}, op{lastStepStart, "skip"}, op{lastStepStart, "pause"}),
		"back then long wait": run(t, op{20 * minute, "back"}),
	}
	for name, s := range sessions {
		t.Run(name, func(t *testing.T) {
			for d := time.Duration(0); d <= 2*time.Hour; d += 7 * sec {
				if got := s.Elapsed(t0.Add(d)); got > s.Plan.Total || got < 0 {
					t.Fatalf("at %v: got %v, want 0 to %v", d, got, s.Plan.Total)
				}
			}
		})
	}
}

func TestSessionSkipAtEndChangesNothing(t *testing.T) {
	tests := []struct {
		scenario string
		s        data.Session
	}{
		{"running past the end", run(t)},
		{"paused at the end", run(t, op{lastStepStart + sec, "skip"}, op{lastStepStart + sec, "pause"})},
		{"skipped to the end", run(t, op{lastStepStart + sec, "skip"})},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			now := t0.Add(time.Hour)
			if got := tt.s.Skip(now); !reflect.DeepEqual(got, tt.s) {
				t.Errorf("got %+v, want %+v", got, tt.s)
			}
		})
	}
}

// result returns the result for the exercise with the given id.
func result(tb testing.TB, rs []data.Result, id string) data.Result {
	tb.Helper()
	for _, r := range rs {
		if r.Exercise == id {
			return r
		}
	}
	tb.Fatalf("no result for %s in %v", id, rs)
	return data.Result{}
}

func TestResultsAfterFullRun(t *testing.T) {
	s := run(t)
	end := t0.Add(s.Plan.Total)
	tests := []struct {
		id          string
		name        string
		reps, holds int
		hold        time.Duration
	}{
		{data.KneeToChest, "Knee-to-chest stretch", 2, 6, 5 * sec},
		{data.Rotation, "Lower-back rotational stretch", 2, 4, 5 * sec},
		{data.Flexibility, "Lower-back flexibility exercise", 5, 10, 5 * sec},
		{data.Bridge, "Bridge", 5, 5, 18 * sec},
		{data.CatStretch, "Cat stretch", 3, 6, 5 * sec},
	}
	rs := s.Results(end)
	if len(rs) != len(tests) {
		t.Fatalf("got %d results, want %d", len(rs), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			want := data.Result{Exercise: tt.id, Name: tt.name, Reps: tt.reps, RepsDone: tt.reps, Holds: tt.holds, HoldsDone: tt.holds, Hold: tt.hold}
			if rs[i] != want {
				t.Errorf("got %+v, want %+v", rs[i], want)
			}
		})
	}
	if !s.Complete(end) {
		t.Errorf("complete: got false, want true")
	}
	// The plan ends with a release, so the last hold is done before it.
	lastHold := s.Plan.Segments[len(s.Plan.Segments)-3]
	if lastHold.Kind != data.KindHold {
		t.Fatalf("got %v, want the last hold", lastHold.Kind)
	}
	if !s.Complete(t0.Add(lastHold.End())) {
		t.Errorf("complete as the last hold ends: got false, want true")
	}
	if s.Complete(t0.Add(lastHold.End() - 1)) {
		t.Errorf("complete 1 ns before the last hold ends: got true, want false")
	}
}

func TestResultsPartway(t *testing.T) {
	tests := []struct {
		scenario        string
		ops             []op
		at              time.Duration
		id              string
		holds, reps     int // done
		othersUntouched bool
		complete        bool
	}{
		{"at the start", nil, 0, data.KneeToChest, 0, 0, true, false},
		{"1 ns before the first hold ends", nil, kneeLeftEnd - 1, data.KneeToChest, 0, 0, true, false},
		{"as the first hold ends", nil, kneeLeftEnd, data.KneeToChest, 1, 0, true, false},
		{"1 ns before a repetition is done", nil, kneeBothEnd - 1, data.KneeToChest, 2, 0, true, false},
		{"a repetition is done with its last hold", nil, kneeBothEnd, data.KneeToChest, 3, 1, true, false},
		{"knee-to-chest finished", nil, kneeEnd, data.KneeToChest, 6, 2, true, false},
		{"a breath hold counts once it ends", nil, bridgeHoldEnd - 1, data.Bridge, 0, 0, false, false},
		{"a breath hold ends with its last breath", nil, bridgeHoldEnd, data.Bridge, 1, 1, false, false},
		{"a skipped hold is not counted", []op{{kneeLeftStart + 2*sec, "skip"}}, 2 * time.Hour, data.KneeToChest, 5, 1, false, false},
		{"a skipped breath hold is not counted", []op{{bridgeHold + 16*sec, "skip"}}, 2 * time.Hour, data.Bridge, 4, 4, false, false},
		{"a step skipped from its start is not counted", []op{{kneeLeftStart, "skip"}}, 2 * time.Hour, data.KneeToChest, 5, 1, false, false},
		{"skipping a release costs nothing", []op{{kneeLeftEnd + 2*sec, "skip"}}, 2 * time.Hour, data.KneeToChest, 6, 2, false, true},
		{"back onto a skipped step un-skips it", []op{{kneeLeftStart + 2*sec, "skip"}, {kneeLeftStart + 3*sec, "back"}}, 2 * time.Hour, data.KneeToChest, 6, 2, false, true},
		{"back to the current step keeps the skip", []op{{kneeLeftStart + 2*sec, "skip"}, {kneeLeftEnd + 4*sec, "back"}}, 2 * time.Hour, data.KneeToChest, 5, 1, false, false},
		{"back to a completed hold un-counts it until redone", []op{{kneeLeftEnd + sec, "back"}}, kneeLeftEnd + sec, data.KneeToChest, 0, 0, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			s := run(t, tt.ops...)
			rs := s.Results(t0.Add(tt.at))
			r := result(t, rs, tt.id)
			if r.HoldsDone != tt.holds || r.RepsDone != tt.reps {
				t.Errorf("got %d holds, %d reps done, want %d, %d", r.HoldsDone, r.RepsDone, tt.holds, tt.reps)
			}
			if got := s.Complete(t0.Add(tt.at)); got != tt.complete {
				t.Errorf("complete: got %v, want %v", got, tt.complete)
			}
			if !tt.othersUntouched {
				return
			}
			for _, o := range rs {
				if o.Exercise != tt.id && (o.HoldsDone != 0 || o.RepsDone != 0) {
					t.Errorf("%s: got %d holds, %d reps done, want none", o.Exercise, o.HoldsDone, o.RepsDone)
				}
			}
		})
	}
}

// TestSessionValueSemantics checks that operations return a new session and
// leave the old one as it was, the record of skipped steps included.
func TestSessionValueSemantics(t *testing.T) {
	end := t0.Add(2 * time.Hour)
	s0 := run(t)

	paused := s0.Pause(t0.Add(5 * sec))
	if s0.Paused() || !paused.Paused() {
		t.Errorf("pause: got old paused %v, new paused %v, want false, true", s0.Paused(), paused.Paused())
	}
	if got := s0.Elapsed(t0.Add(10 * sec)); got != 10*sec {
		t.Errorf("pause moved the old session: got %v, want %v", got, 10*sec)
	}
	resumed := paused.Resume(t0.Add(20 * sec))
	if !paused.Paused() || resumed.Paused() {
		t.Errorf("resume: got old paused %v, new paused %v, want true, false", paused.Paused(), resumed.Paused())
	}

	skipped := s0.Skip(t0.Add(kneeLeftStart + 2*sec))
	if got := s0.Elapsed(t0.Add(kneeLeftStart + 2*sec)); got != kneeLeftStart+2*sec {
		t.Errorf("skip moved the old session: got %v, want %v", got, kneeLeftStart+2*sec)
	}
	if !s0.Complete(end) {
		t.Errorf("skip marked a step in the old session: got incomplete, want complete")
	}
	if skipped.Complete(end) {
		t.Errorf("skip: got complete, want the skipped hold missing")
	}

	// Two sessions skipping different steps from one ancestor share nothing.
	other := s0.Skip(t0.Add(kneeRightHold + sec))
	if got := result(t, skipped.Results(end), data.KneeToChest).HoldsDone; got != 5 {
		t.Errorf("a sibling's skip leaked: got %d holds done, want 5", got)
	}
	if got := result(t, other.Results(end), data.KneeToChest).HoldsDone; got != 5 {
		t.Errorf("got %d holds done, want 5", got)
	}

	back := skipped.Back(t0.Add(kneeLeftStart + 3*sec))
	if !back.Complete(end) {
		t.Errorf("back: got incomplete, want the un-skipped hold counted")
	}
	if skipped.Complete(end) {
		t.Errorf("back un-skipped the step in the old session")
	}
	if got := skipped.Elapsed(t0.Add(kneeLeftStart + 3*sec)); got != kneeLeftEnd+sec {
		t.Errorf("back moved the old session: got %v, want %v", got, kneeLeftEnd+sec)
	}
}

// TestSessionWaitsForTheVoice: a wait holds the plan's clock at the step's
// end from the instant it was reached, and Go moves the rest of the plan
// later by exactly the wait, never by more than MaxVoiceWait.
func TestSessionWaitsForTheVoice(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	end := p.StepStart(kneeLeftStep) // the left knee's instruction ends
	tests := []struct {
		scenario string
		noticed  time.Duration // when the player saw the step end
		goAt     time.Duration // when the voice finished
		look     time.Duration // when to look
		want     time.Duration // elapsed plan time then
	}{
		{"noticed at once, 1.5 s of words left", end, end + 1500*ms, end + 2*sec, end + 500*ms},
		{"noticed late: the wait starts at the step's end", end + 300*ms, end + 1500*ms, end + 2*sec, end + 500*ms},
		{"waiting, the clock stands still", end + 300*ms, 0, end + 5*sec, end},
		{"a voice that never finishes holds no longer than the limit", end, end + minute, end + minute, end + minute - data.MaxVoiceWait},
		{"a hidden tab asks late: only the limit counts", end + 10*sec, end + 10*minute, end + 10*minute, end + 10*minute - data.MaxVoiceWait},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			s := data.NewSession(p, t0).Wait(end, t0.Add(tt.noticed))
			if waiting, since := s.Waiting(); !waiting || !since.Equal(t0.Add(end)) || s.Paused() {
				t.Fatalf("got waiting %v since %v, paused %v, want waiting since %v, not paused", waiting, since.Sub(t0), s.Paused(), end)
			}
			if tt.goAt > 0 {
				s = s.Go(t0.Add(tt.goAt))
			}
			if got := s.Elapsed(t0.Add(tt.look)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if got := s.At(t0.Add(tt.look)); got.Index != p.At(tt.want).Index {
				t.Errorf("got segment %d, want %d", got.Index, p.At(tt.want).Index)
			}
		})
	}
	// Skip, back and pause end a wait; a wait before its step ends does nothing.
	w := data.NewSession(p, t0).Wait(end, t0.Add(end))
	if s := w.Skip(t0.Add(end + sec)); s.Paused() || s.Elapsed(t0.Add(end+2*sec)) != p.StepStart(kneeLeftStep+1)+sec {
		t.Errorf("skip while waiting: got paused %v, elapsed %v", s.Paused(), s.Elapsed(t0.Add(end+2*sec)))
	}
	if s := w.Pause(t0.Add(end + sec)); !s.Paused() || s.Resume(t0.Add(end+5*sec)).Elapsed(t0.Add(end+6*sec)) != end+sec {
		t.Errorf("pause while waiting: got paused %v", s.Paused())
	}
	if s := data.NewSession(p, t0).Wait(end, t0.Add(end-sec)); func() bool { w, _ := s.Waiting(); return w }() {
		t.Errorf("a wait for a step's end not reached yet: got waiting")
	}
}

// Active is the time spent: pauses and what Skip jumped over left out, and
// what Back went over again counted again.
func TestSessionActive(t *testing.T) {
	p := compile(t, data.Morning, fullEveryRound())
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	s := data.NewSession(p, t0)
	check := func(what string, now, want time.Duration) {
		t.Helper()
		if got := s.Active(at(now)); got != want {
			t.Errorf("%s, at %v: active %v, want %v", what, now, got, want)
		}
	}
	check("running", 3*time.Second, 3*time.Second)
	s = s.Skip(at(3 * time.Second)) // the lead-in skipped 3 s in
	check("after a skip", 10*time.Second, 10*time.Second)
	s = s.Pause(at(10 * time.Second))
	check("paused a minute", 70*time.Second, 10*time.Second)
	s = s.Resume(at(70 * time.Second))
	s = s.Back(at(71 * time.Second)) // 8 s into the step: back to its start
	check("back over 8 s", 71*time.Second, 11*time.Second)
	check("running again", 80*time.Second, 20*time.Second)
	if e := s.Elapsed(at(80 * time.Second)); e != 21*time.Second {
		t.Errorf("the plan time reached is %v, want 21 s (not the 20 s spent)", e)
	}
}
