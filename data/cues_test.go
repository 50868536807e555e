package data_test

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"unknot/data"
)

// find returns the index of the first segment of p that matches, failing the
// test when none does.
func find(tb testing.TB, p data.Plan, match func(s data.Segment) bool) int {
	tb.Helper()
	for i, s := range p.Segments {
		if match(s) {
			return i
		}
	}
	tb.Fatalf("no segment matches")
	return -1
}

func kind(k data.Kind) func(data.Segment) bool {
	return func(s data.Segment) bool { return s.Kind == k }
}

func breath(n int, inhale bool) func(data.Segment) bool {
	return func(s data.Segment) bool { return s.Breath == n && s.Inhale == inhale }
}

func TestCueOnSegmentChange(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	tests := []struct {
		scenario string
		index    int
		tone     data.Tone
		vibrate  []int
	}{
		{"position", find(t, p, kind(data.KindPosition)), data.ToneStep, []int{150}},
		{"hold", find(t, p, kind(data.KindHold)), data.ToneHold, []int{250}},
		{"switch", find(t, p, kind(data.KindSwitch)), data.ToneSwitch, []int{80, 80, 80, 80, 80}},
		{"release", find(t, p, kind(data.KindRelease)), data.ToneRelease, []int{80, 80, 80}},
		{"rest", find(t, p, kind(data.KindRest)), data.ToneStep, []int{150}},
		{"first inhale of a breath hold", find(t, p, breath(1, true)), data.ToneHold, []int{250}},
		{"first exhale", find(t, p, breath(1, false)), data.ToneBreath, nil},
		{"second inhale", find(t, p, breath(2, true)), data.ToneBreath, nil},
		{"last exhale", find(t, p, breath(3, false)), data.ToneBreath, nil},
		{"done", len(p.Segments) - 1, data.ToneDone, []int{400, 150, 400}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			s := p.Segments[tt.index]
			cue, ok := data.CueBetween(p.At(s.Start-250*ms), p.At(s.Start))
			if !ok {
				t.Fatalf("got no cue, want one")
			}
			want := data.Cue{Tone: tt.tone, Say: s.Say, Vibrate: tt.vibrate}
			if !reflect.DeepEqual(cue, want) {
				t.Errorf("got %+v, want %+v", cue, want)
			}
		})
	}
}

func TestStartCue(t *testing.T) {
	p := compile(t, data.Evening, data.DefaultTiming())
	want := data.Cue{Tone: data.ToneStep, Say: "Get ready. First, Knee-to-chest stretch. If your pain gets sharply worse, stop.", Vibrate: []int{150}}
	if got := data.StartCue(p.At(0)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestCueTicksAndSilence(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	hold := p.Segments[find(t, p, kind(data.KindHold))].Start       // a 5 s countdown
	rest := p.Segments[find(t, p, kind(data.KindRest))].Start       // a 15 s countdown
	release := p.Segments[find(t, p, kind(data.KindRelease))].Start // 4 s, no countdown
	breath := p.Segments[find(t, p, breath(1, true))].Start         // 3 s, no countdown
	tick := data.Cue{Tone: data.ToneTick}
	tests := []struct {
		scenario string
		from, to time.Duration
		want     *data.Cue // nil: no cue
	}{
		{"5 s left to 4 s left", hold + 750*ms, hold + sec, nil},
		{"4 s left to 3 s left", hold + 1750*ms, hold + 2*sec, &tick},
		{"still 3", hold + 2*sec, hold + 2250*ms, nil},
		{"3 s left to 2 s left", hold + 2750*ms, hold + 3*sec, &tick},
		{"2 s left to 1 s left", hold + 3750*ms, hold + 4*sec, &tick},
		{"still 1", hold + 4*sec, hold + 4750*ms, nil},
		{"jump from 5 to 1 gives one tick", hold, hold + 4500*ms, &tick},
		{"long countdown: 14 to 12", rest + 2*sec - 1, rest + 3*sec, nil},
		{"long countdown: 4 to 3", rest + 12*sec - 1, rest + 12*sec, &tick},
		{"release has no countdown", release + 2750*ms, release + 3*sec, nil},
		{"breaths have no countdown", breath + 1750*ms, breath + 2*sec, nil},
		{"nothing changed", hold + 500*ms, hold + 500*ms, nil},
		{"time going back within a segment", hold + 3*sec, hold, nil},
		{"done to done", p.Total, p.Total + time.Hour, nil},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			cue, ok := data.CueBetween(p.At(tt.from), p.At(tt.to))
			switch {
			case tt.want == nil && ok:
				t.Errorf("got %+v, want no cue", cue)
			case tt.want != nil && !ok:
				t.Errorf("got no cue, want %+v", *tt.want)
			case tt.want != nil && !reflect.DeepEqual(cue, *tt.want):
				t.Errorf("got %+v, want %+v", cue, *tt.want)
			}
		})
	}
}

// TestCueAfterJump checks that a player that was not called for a while
// (a hidden tab) announces only where it is now, not what it missed.
func TestCueAfterJump(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	tests := []struct {
		scenario string
		from, to time.Duration
	}{
		{"over many segments", 30 * sec, 3*minute + 30*sec},
		{"into the middle of a breath hold", 10 * sec, bridgeHold + 7*sec},
		{"past the end", 30 * sec, p.Total + 10*minute},
		{"back from the end", p.Total, 20 * sec},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			cur := p.At(tt.to)
			cue, ok := data.CueBetween(p.At(tt.from), cur)
			if !ok {
				t.Fatalf("got no cue, want one")
			}
			if cue.Say != cur.Segment.Say {
				t.Errorf("got %q, want %q", cue.Say, cur.Segment.Say)
			}
			if cue.Tone == data.ToneTick {
				t.Errorf("got a tick, want the segment's cue")
			}
		})
	}
}

// expectedTicks is how many ticks a player sounds through p: one for each
// of the last three whole seconds of every countdown, the one at its start
// left out.
func expectedTicks(p data.Plan) int {
	n := 0
	for _, s := range p.Segments {
		if s.Countdown {
			n += max(0, min(3, int(s.Duration/time.Second)-1))
		}
	}
	return n
}

// TestCueSimulation plays whole routines the way the player does: a ticker
// reads the session's position and asks for the cue since the last tick.
func TestCueSimulation(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		scenario string
		id       string
		tick     func() time.Duration
		ticks    int // -1: not checked
	}{
		{"morning at 250 ms", data.Morning, func() time.Duration { return 250 * ms }, 93},
		{"evening at 250 ms", data.Evening, func() time.Duration { return 250 * ms }, 57},
		{"morning at 1 s", data.Morning, func() time.Duration { return sec }, 93},
		// A throttled timer fires late and unevenly, but never misses a
		// segment: ticks are under 2 s and no segment is shorter than 3 s.
		{"morning, irregular", data.Morning, func() time.Duration { return 100*ms + time.Duration(rng.Int64N(int64(1900*ms))) }, -1},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			s := data.NewSession(compile(t, tt.id, data.DefaultTiming()), t0)
			prev := s.At(t0)
			said := []string{data.StartCue(prev).Say}
			ticks := 0
			now := t0
			for !prev.Done {
				now = now.Add(tt.tick())
				cur := s.At(now)
				if cue, ok := data.CueBetween(prev, cur); ok {
					if cue.Tone == data.ToneTick {
						ticks++
						if cue.Say != "" || cue.Vibrate != nil {
							t.Errorf("got tick %+v, want a bare tick", cue)
						}
					} else {
						said = append(said, cue.Say)
					}
				}
				prev = cur
			}
			var want []string
			for _, seg := range s.Plan.Segments {
				want = append(want, seg.Say)
			}
			if !reflect.DeepEqual(said, want) {
				t.Errorf("got %d spoken texts, want %d", len(said), len(want))
				for i := range max(len(said), len(want)) {
					var g, w string
					if i < len(said) {
						g = said[i]
					}
					if i < len(want) {
						w = want[i]
					}
					if g != w {
						t.Fatalf("text %d: got %q, want %q", i, g, w)
					}
				}
			}
			if tt.ticks >= 0 {
				if ticks != tt.ticks {
					t.Errorf("ticks: got %v, want %v", ticks, tt.ticks)
				}
				if want := expectedTicks(s.Plan); ticks != want {
					t.Errorf("ticks: got %v, want %v from the plan", ticks, want)
				}
			}
		})
	}
}

// Every tone a plan's cues sound is listed, once, so the player can give
// each a sound.
func TestTonesListsEveryCue(t *testing.T) {
	listed := map[data.Tone]int{}
	for _, tone := range data.Tones() {
		listed[tone]++
	}
	for tone, n := range listed {
		if n != 1 || tone == data.ToneNone {
			t.Errorf("tone %q: listed %d times, want once and not none", tone, n)
		}
	}
	for _, r := range data.BuiltinRoutines() {
		p := compile(t, r.ID, data.DefaultTiming())
		for i, s := range p.Segments {
			prev := p.At(s.Start - ms)
			if i == 0 {
				prev = data.Position{Index: -1}
			}
			if cue, ok := data.CueBetween(prev, p.At(s.Start)); ok && cue.Tone != data.ToneNone && listed[cue.Tone] == 0 {
				t.Errorf("%s segment %d: tone %q is not in Tones", r.ID, i, cue.Tone)
			}
		}
	}
}
