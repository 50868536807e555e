package runner_test

import (
	"testing"
	"time"

	"unknot/components/runner"
	"unknot/data"
)

var t0 = time.Date(2026, 12, 2, 7, 30, 0, 0, time.UTC)

// voice is a fake voice on the test's clock: each line lasts its modelled
// time at rate, times slowness, after the lines before it.
type voice struct {
	now       *time.Time
	rate      float64
	slowness  float64
	quietTill time.Time
}

func (v *voice) say(text string) {
	if v.quietTill.Before(*v.now) {
		v.quietTill = *v.now
	}
	v.quietTill = v.quietTill.Add(time.Duration(float64(data.SpeakingTime(text, v.rate)) * v.slowness))
}

func (v *voice) Speaking() bool { return v.now.Before(v.quietTill) }

func plan(tb testing.TB) data.Plan {
	tb.Helper()
	r, _ := data.FindRoutine(data.DefaultCatalogue(), data.Short)
	p, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// play runs the short routine, looking at the clock every step, with a
// voice slowness times the model. It returns when each segment's cue
// fired (offset from the start) and how often the session waited.
func play(t *testing.T, slowness float64, step time.Duration) (fired []time.Duration, waits int, p data.Plan) {
	p = plan(t)
	now := t0
	v := &voice{now: &now, rate: p.Timing.Voice, slowness: slowness}
	s := data.NewSession(p, now)
	pos := s.At(now)
	v.say(data.StartCue(pos).Say)
	fired = append(fired, 0)
	wasWaiting := false
	for !pos.Done && now.Sub(t0) < 2*p.Total {
		now = now.Add(step)
		l := runner.At(s, pos, now, v)
		s, pos = l.Session, l.Pos
		if l.Waiting && !wasWaiting {
			waits++
		}
		wasWaiting = l.Waiting
		if l.Due && l.Cue.Tone != data.ToneTick {
			if v.Speaking() {
				t.Fatalf("at %v: %q given while the voice still speaks", now.Sub(t0), l.Cue.Say)
			}
			v.say(l.Cue.Say)
			fired = append(fired, now.Sub(t0))
		}
	}
	return fired, waits, p
}

func TestRunnerAtTheModelsSpeed(t *testing.T) {
	fired, waits, p := play(t, 1, 100*time.Millisecond)
	if waits != 0 || len(fired) != len(p.Segments) {
		t.Fatalf("got %d cues and %d waits, want %d cues and none", len(fired), waits, len(p.Segments))
	}
	for i, at := range fired {
		if d := at - p.Segments[i].Start; d < 0 || d >= 100*time.Millisecond {
			t.Errorf("segment %d: cue at %v, want at %v", i, at, p.Segments[i].Start)
		}
	}
}

func TestRunnerWaitsForASlowVoice(t *testing.T) {
	fired, waits, p := play(t, 1.6, 100*time.Millisecond)
	if waits == 0 || len(fired) != len(p.Segments) {
		t.Fatalf("got %d cues and %d waits, want %d cues and some waits", len(fired), waits, len(p.Segments))
	}
	for i := 1; i < len(fired); i++ {
		prev := p.Segments[i-1]
		got := fired[i] - fired[i-1]
		if prev.Kind == data.KindHold && (got < prev.Duration || got > prev.Duration+100*time.Millisecond) {
			t.Errorf("segment %d: a hold of %v lasted %v", i-1, prev.Duration, got)
		}
		if got < prev.Duration {
			t.Errorf("segment %d lasted %v, less than its %v", i-1, got, prev.Duration)
		}
	}
	if late := fired[len(fired)-1] - p.Total; late <= 0 {
		t.Errorf("the end came %v late, want the waits' time", late)
	}
}

// A voice that never ends holds each step at most data.MaxVoiceWait, and
// the plan then runs on late by exactly that.
func TestRunnerWaitIsBounded(t *testing.T) {
	p := plan(t)
	now := t0
	never := &voice{now: &now, rate: 1, slowness: 1, quietTill: t0.Add(time.Hour)}
	s := data.NewSession(p, now)
	pos := s.At(now)
	end := pos.Segment.End()
	for now = t0; now.Sub(t0) < end+data.MaxVoiceWait+time.Second; now = now.Add(100 * time.Millisecond) {
		l := runner.At(s, pos, now, never)
		s, pos = l.Session, l.Pos
		if wait := now.Sub(t0) - end; l.Waiting != (wait >= 0 && wait < data.MaxVoiceWait) {
			t.Fatalf("%v past the step's end: waiting %v", wait, l.Waiting)
		}
	}
	if got, want := s.Elapsed(now), now.Sub(t0)-data.MaxVoiceWait; got != want {
		t.Errorf("elapsed %v, want %v", got, want)
	}
}

// A look long after a step's end (a hidden tab) waits for no voice.
func TestRunnerLateLookLandsOnThePlan(t *testing.T) {
	p := plan(t)
	now := t0
	never := &voice{now: &now, rate: 1, slowness: 1, quietTill: t0.Add(time.Hour)}
	s := data.NewSession(p, t0)
	now = t0.Add(3 * time.Minute)
	l := runner.At(s, s.At(t0), now, never)
	if want := p.At(3 * time.Minute); l.Waiting || l.Pos.Index != want.Index || l.Pos.Left != want.Left || !l.Due {
		t.Errorf("got waiting %v at %d with %v left, want segment %d with %v left and its cue", l.Waiting, l.Pos.Index, l.Pos.Left, want.Index, want.Left)
	}
}

func TestNextLook(t *testing.T) {
	tests := []struct {
		left    time.Duration
		waiting bool
		want    time.Duration
	}{
		{4300 * time.Millisecond, false, 301 * time.Millisecond},
		{4 * time.Second, false, time.Second},
		{0, false, time.Second},
		{4300 * time.Millisecond, true, 250 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := (runner.Look{Pos: data.Position{Left: tt.left}, Waiting: tt.waiting}).NextLook(); got != tt.want {
			t.Errorf("%v left, waiting %v: got %v, want %v", tt.left, tt.waiting, got, tt.want)
		}
	}
}
