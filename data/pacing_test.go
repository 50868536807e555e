package data_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"unknot/data"
)

// voiceSpeeds are the speeds the pacing is checked at: the slowest the
// settings allow, the default and the fastest; 0 is the voice off.
var voiceSpeeds = []float64{data.MinVoiceRate, data.DefaultSettings().VoiceRate, data.MaxVoiceRate, 0}

// pacingRoutines are the routines a person can run: the built-in ones,
// each exercise alone at every dose in the article's ranges, and the
// shapes the routine editor allows that change the pacing: every exercise
// after every other (the move between their start positions), and all five
// in one routine.
func pacingRoutines() []data.Routine {
	cat := data.DefaultCatalogue()
	routines := data.BuiltinRoutines()
	all := data.Routine{ID: "custom-all", Name: "All"}
	for _, e := range cat {
		all.Items = append(all.Items, data.RoutineItem{Exercise: e.ID})
		for reps := e.Reps.Min; reps <= e.Reps.Max; reps++ {
			for hold := e.Hold.Min; hold <= e.Hold.Max; hold += time.Second {
				routines = append(routines, data.Routine{ID: "custom-one", Name: e.Name,
					Items: []data.RoutineItem{{Exercise: e.ID, Reps: reps, Hold: hold}}})
			}
		}
		for _, f := range cat {
			routines = append(routines, data.Routine{ID: "custom-pair", Name: e.Name + ", " + f.Name,
				Items: []data.RoutineItem{{Exercise: e.ID}, {Exercise: f.ID}}})
		}
	}
	return append(routines, all)
}

// pacingTimings are the pacings the settings can give at voice speed v:
// the default, without rests, and the shortest and longest lead-in.
func pacingTimings(v float64) []data.Timing {
	var out []data.Timing
	for _, change := range []func(*data.Settings){
		func(s *data.Settings) {},
		func(s *data.Settings) { s.RestSeconds = data.MinRestSeconds },
		func(s *data.Settings) {
			s.GetReadySeconds, s.RestSeconds = data.MinGetReadySeconds, data.MaxRestSeconds
		},
		func(s *data.Settings) { s.GetReadySeconds = data.MaxGetReadySeconds },
	} {
		s := data.DefaultSettings()
		s.Voice, s.VoiceRate = v > 0, max(v, data.MinVoiceRate)
		change(&s)
		out = append(out, s.Timing())
	}
	return out
}

// forEveryPlan compiles every routine a person can run with every pacing
// and voice speed, and calls check with each plan.
func forEveryPlan(t *testing.T, check func(t *testing.T, p data.Plan, speed float64)) {
	cat := data.DefaultCatalogue()
	for _, v := range voiceSpeeds {
		for _, tm := range pacingTimings(v) {
			for _, r := range pacingRoutines() {
				p, err := data.Compile(r, cat, tm)
				if err != nil {
					t.Fatalf("%s at speed %g: %v", r.Name, v, err)
				}
				check(t, p, v)
			}
		}
	}
}

// TestEveryLineFitsItsStep: every line the voice says, at its modelled
// length at the person's speed, ends before the next step's cue, and no
// countdown tick sounds over it. The done line has no next step.
func TestEveryLineFitsItsStep(t *testing.T) {
	checked := 0
	forEveryPlan(t, func(t *testing.T, p data.Plan, speed float64) {
		for i, s := range p.Segments {
			if speed == 0 {
				if s.Speech != 0 {
					t.Fatalf("%s, voice off, segment %d: got %v of words, want none", p.Routine.Name, i, s.Speech)
				}
				continue
			}
			want := data.SpeakingTime(s.Say, speed)
			if s.Speech != want {
				t.Fatalf("%s at %g, segment %d: got speech %v, want the model's %v", p.Routine.Name, speed, i, s.Speech, want)
			}
			if s.Kind == data.KindDone {
				continue
			}
			checked++
			if want > s.Duration {
				t.Errorf("%s at speed %g, segment %d (%v): %q takes %v, has %v before the next cue",
					p.Routine.Name, speed, i, s.Kind, s.Say, want, s.Duration)
			}
			// No countdown tick while the words are said.
			for at := s.Start; s.Countdown && at < s.Start+want; at += 100 * time.Millisecond {
				if c, ok := data.CueBetween(p.At(at), p.At(at+100*time.Millisecond)); ok && c.Tone == data.ToneTick &&
					at+100*time.Millisecond < s.Start+want {
					t.Errorf("%s at speed %g, segment %d: a tick at %v, while %q is said until %v",
						p.Routine.Name, speed, i, at+100*time.Millisecond-s.Start, s.Say, want)
				}
			}
		}
	})
	t.Logf("%d spoken lines checked", checked)
}

// TestEveryHoldIsToldThenTimedToTheArticle: each hold comes straight after
// its instruction, which lasts its words (or a reading time with the voice
// off) and the time to move into it, and the hold lasts exactly the dose.
func TestEveryHoldIsToldThenTimedToTheArticle(t *testing.T) {
	cat := data.DefaultCatalogue()
	forEveryPlan(t, func(t *testing.T, p data.Plan, speed float64) {
		segs := p.Segments
		for i := 0; i < len(segs); i++ {
			s := segs[i]
			if s.Kind != data.KindHold {
				continue
			}
			name := fmt.Sprintf("%s at speed %g, segment %d", p.Routine.Name, speed, i)
			told := segs[i-1]
			if told.Kind != data.KindInstruct || told.Step != s.Step-1 || told.Text != s.Text ||
				told.Rep != s.Rep || told.Side != s.Side || told.Item != s.Item {
				t.Fatalf("%s: the hold %q follows %v %q, want its instruction", name, s.Text, told.Kind, told.Text)
			}
			e, _, hold, _ := p.Routine.Items[s.Item].Resolve(cat)
			ph := phaseOf(t, e, s)
			need := 5 * time.Second // the reading time with no voice
			if speed > 0 {
				need = data.SpeakingTime(told.Say, speed)
			}
			if told.Duration < need+ph.Into {
				t.Errorf("%s: the instruction %q lasts %v, want at least %v to say it and %v to move", name, told.Say, told.Duration, need, ph.Into)
			}
			// The hold: every segment of its step.
			var d time.Duration
			j := i
			for ; j < len(segs) && segs[j].Step == s.Step; j++ {
				d += segs[j].Duration
			}
			want := hold
			if e.Hold.Breaths > 0 {
				want = time.Duration(e.Hold.Breaths) * (p.Timing.BreathIn + p.Timing.BreathOut)
			}
			if d != want {
				t.Errorf("%s: the hold lasts %v, want the article's %v", name, d, want)
			}
			if s.Say != "Hold." && s.Say != "Breathe in." {
				t.Errorf("%s: the hold starts with %q, want a short go-cue", name, s.Say)
			}
			if r := segs[j]; (r.Kind != data.KindRelease && r.Kind != data.KindSwitch) || r.Duration < ph.Out {
				t.Errorf("%s: after the hold comes %v of %v, want a release of at least %v", name, r.Kind, r.Duration, ph.Out)
			}
			i = j - 1
		}
	})
}

// phaseOf finds the phase of e that segment s holds.
func phaseOf(tb testing.TB, e data.Exercise, s data.Segment) data.Phase {
	tb.Helper()
	for _, ph := range e.Phases {
		if _, do := ph.For(s.Side); do == s.Text {
			return ph
		}
	}
	tb.Fatalf("%s: no phase says %q", e.ID, s.Text)
	return data.Phase{}
}

// TestMovingBetweenPositionsTakesTime: a change of start position (lying
// down to all fours) gets more time than staying on one's back.
func TestMovingBetweenPositionsTakesTime(t *testing.T) {
	positionAfter := func(first, second string) time.Duration {
		r := data.Routine{ID: "custom-pair", Name: "Pair", Items: []data.RoutineItem{{Exercise: first}, {Exercise: second}}}
		p, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Segments {
			if s.Kind == data.KindPosition && s.Item == 1 {
				return s.Duration - s.Speech
			}
		}
		t.Fatalf("no position for the second exercise")
		return 0
	}
	// Both bridge and cat stretch have lines of a similar length.
	lying, kneeling := positionAfter(data.KneeToChest, data.Bridge), positionAfter(data.KneeToChest, data.CatStretch)
	if kneeling <= lying+2*time.Second {
		t.Errorf("time to move beyond the words: lying to all fours %v, lying to lying %v; want the first longer", kneeling, lying)
	}
}

// TestSpokenWordsReadWell: lines read aloud as they are meant: "round" in
// one sense per line, no symbols a voice spells out, numbers as words or
// plain digits, the article's cautions said.
func TestSpokenWordsReadWell(t *testing.T) {
	odd := regexp.MustCompile(`[–—·/×%()\[\]{}]|\d ?[a-z]\b`)
	said := map[string]bool{}
	forEveryPlan(t, func(t *testing.T, p data.Plan, speed float64) {
		if speed != 1.5 {
			return
		}
		for _, s := range p.Segments {
			said[s.Say] = true
		}
	})
	all := strings.Join(keys(said), "\n")
	for line := range said {
		lower := strings.ToLower(line)
		if strings.HasPrefix(line, "Round ") && strings.Count(lower, "round") > 1 {
			t.Errorf("%q: round in two senses", line)
		}
		if m := odd.FindString(line); m != "" {
			t.Errorf("%q: %q reads badly aloud", line, m)
		}
		if strings.Contains(line, "{side}") || strings.Contains(line, "  ") {
			t.Errorf("%q: a template left unfilled", line)
		}
	}
	for _, caution := range []string{"Gently pull your left knee", "Slowly roll your knees", "as far as is comfortable",
		"Tighten your stomach and buttocks", "Slowly lower your hips", "Slowly arch your back", "Lower your foot"} {
		if !strings.Contains(all, caution) {
			t.Errorf("no spoken line says %q", caution)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestNewPersonsRotationHolds: the 5 s rotation hold a new person starts
// with is told and timed like the 10 s one at the top of the range.
func TestNewPersonsRotationHolds(t *testing.T) {
	for _, hold := range []time.Duration{5 * time.Second, 10 * time.Second} {
		r := data.Routine{ID: "custom-one", Name: "Rotation", Items: []data.RoutineItem{{Exercise: data.Rotation, Hold: hold}}}
		p, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range p.Segments {
			if s.Kind == data.KindHold && (s.Duration != hold || p.Segments[i-1].Kind != data.KindInstruct || s.Speech > 2*time.Second) {
				t.Errorf("hold of %v: got %v after %v, saying %q (%v)", hold, s.Duration, p.Segments[i-1].Kind, s.Say, s.Speech)
			}
		}
	}
}
