package data_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// compile compiles the routine with the given id, failing the test on error.
func compile(tb testing.TB, id string, tm data.Timing) data.Plan {
	tb.Helper()
	p, err := data.Compile(datatest.Routine(tb, id), data.DefaultCatalogue(), tm)
	if err != nil {
		tb.Fatalf("compile %s: got %v, want nil", id, err)
	}
	return p
}

// noRest is the default timing without rests between exercises.
func noRest() data.Timing {
	tm := data.DefaultTiming()
	tm.Rest = 0
	return tm
}

// exerciseSegments returns the segments of the exercise with the given id,
// the rest before it left out.
func exerciseSegments(p data.Plan, id string) []data.Segment {
	var out []data.Segment
	for _, s := range p.Segments {
		if s.Exercise == id && s.Kind != data.KindRest {
			out = append(out, s)
		}
	}
	return out
}

// actions leaves out of segs the instructions that come before each hold,
// for tests of what the person does.
func actions(segs []data.Segment) []data.Segment {
	var out []data.Segment
	for _, s := range segs {
		if s.Kind != data.KindInstruct {
			out = append(out, s)
		}
	}
	return out
}

// stepGroups splits segs into runs sharing a step.
func stepGroups(segs []data.Segment) [][]data.Segment {
	var out [][]data.Segment
	for i, s := range segs {
		if i == 0 || s.Step != segs[i-1].Step {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

func TestPlanShape(t *testing.T) {
	tests := []struct {
		scenario string
		id       string
		timing   data.Timing
		total    time.Duration
		items    int
	}{
		// The lengths of every step are in the golden scripts. With the
		// whole instruction said every round, a session is longer by the
		// words the later rounds said again.
		{"morning", data.Morning, data.DefaultTiming(), 12*time.Minute + 18*time.Second, 5},
		{"evening", data.Evening, data.DefaultTiming(), 6*time.Minute + 6*time.Second, 3},
		{"morning without rests", data.Morning, noRest(), 11*time.Minute + 18*time.Second, 5},
		{"single bridge", data.Bridge, data.DefaultTiming(), 3*time.Minute + 5*time.Second, 1},
		{"morning, full instructions every round", data.Morning, fullEveryRound(), 14*time.Minute + 44*time.Second, 5},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			p := compile(t, tt.id, tt.timing)
			segs := p.Segments
			if p.Routine.ID != tt.id {
				t.Errorf("routine: got %v, want %v", p.Routine.ID, tt.id)
			}
			if p.Total != tt.total {
				t.Errorf("total: got %v, want %v", p.Total, tt.total)
			}
			if first := segs[0]; first.Kind != data.KindGetReady || first.Start != 0 || first.Step != 0 || first.Item != -1 {
				t.Errorf("first: got %v at %v, step %d, item %d, want get-ready at 0, step 0, item -1", first.Kind, first.Start, first.Step, first.Item)
			}
			last := segs[len(segs)-1]
			if last.Kind != data.KindDone || last.Duration != 0 || last.Start != p.Total || last.Item != -1 {
				t.Errorf("last: got %v of %v at %v, item %d, want done of 0s at %v, item -1", last.Kind, last.Duration, last.Start, last.Item, p.Total)
			}
			if last.Step != p.Steps-1 {
				t.Errorf("last step: got %v, want %v", last.Step, p.Steps-1)
			}
			var sum time.Duration
			positions, rests := 0, 0
			for i, s := range segs {
				sum += s.Duration
				if i > 0 {
					prev := segs[i-1]
					if s.Start != prev.End() {
						t.Errorf("segment %d starts at %v, want %v (end of %d)", i, s.Start, prev.End(), i-1)
					}
					if d := s.Step - prev.Step; d != 0 && d != 1 {
						t.Errorf("segment %d: step goes from %d to %d, want +0 or +1", i, prev.Step, s.Step)
					}
					if s.Step == prev.Step && (s.Kind != data.KindHold || s.Breath == 0) {
						t.Errorf("segment %d: %v shares step %d, want only breaths to share a step", i, s.Kind, s.Step)
					}
				}
				if s.Duration <= 0 && s.Kind != data.KindDone {
					t.Errorf("segment %d: got %v of %v, want a positive duration", i, s.Kind, s.Duration)
				}
				if s.Title == "" || s.Text == "" || s.Say == "" || s.Pose == "" {
					t.Errorf("segment %d: got title %q, text %q, say %q, pose %q, want all set", i, s.Title, s.Text, s.Say, s.Pose)
				}
				switch s.Kind {
				case data.KindPosition:
					positions++
				case data.KindRest:
					rests++
				}
			}
			if sum != p.Total {
				t.Errorf("sum of durations: got %v, want %v", sum, p.Total)
			}
			if positions != tt.items {
				t.Errorf("positions: got %v, want %v", positions, tt.items)
			}
			wantRests := tt.items - 1
			if tt.timing.Rest == 0 {
				wantRests = 0
			}
			if rests != wantRests {
				t.Errorf("rests: got %v, want %v", rests, wantRests)
			}
		})
	}
}

func TestPlanKneeToChestOrder(t *testing.T) {
	type seg struct {
		kind data.Kind
		side data.Side
		rep  int
		pose string
	}
	hold := func(side data.Side, rep int, pose string) seg { return seg{data.KindHold, side, rep, pose} }
	want := []seg{
		{data.KindPosition, data.SideNone, 0, "supine"},
		hold(data.SideLeft, 1, "knee-left"),
		{data.KindSwitch, data.SideLeft, 1, "supine"},
		hold(data.SideRight, 1, "knee-right"),
		{data.KindRelease, data.SideRight, 1, "supine"},
		hold(data.SideBoth, 1, "knees-both"),
		{data.KindRelease, data.SideBoth, 1, "supine"},
		hold(data.SideLeft, 2, "knee-left"),
		{data.KindSwitch, data.SideLeft, 2, "supine"},
		hold(data.SideRight, 2, "knee-right"),
		{data.KindRelease, data.SideRight, 2, "supine"},
		hold(data.SideBoth, 2, "knees-both"),
		{data.KindRelease, data.SideBoth, 2, "supine"},
	}
	all := exerciseSegments(compile(t, data.Morning, data.DefaultTiming()), data.KneeToChest)
	segs := actions(all)
	if len(segs) != len(want) {
		t.Fatalf("got %d segments, want %d", len(segs), len(want))
	}
	// Holds last the article's time; the rest at least the pacing's.
	durations := map[data.Kind]time.Duration{data.KindPosition: 10 * time.Second, data.KindHold: 5 * time.Second,
		data.KindSwitch: 4 * time.Second, data.KindRelease: 4 * time.Second}
	for i, s := range segs {
		got := seg{s.Kind, s.Side, s.Rep, s.Pose}
		if got != want[i] {
			t.Errorf("segment %d: got %+v, want %+v", i, got, want[i])
		}
		if s.Duration < durations[s.Kind] || (s.Kind == data.KindHold && s.Duration != durations[s.Kind]) {
			t.Errorf("segment %d (%v): got %v, want %v", i, s.Kind, s.Duration, durations[s.Kind])
		}
		if s.Reps != 2 || s.Item != 0 || s.Title != "Knee-to-chest stretch" {
			t.Errorf("segment %d: got reps %d, item %d, title %q, want 2, 0, Knee-to-chest stretch", i, s.Reps, s.Item, s.Title)
		}
		if s.Countdown != (s.Kind == data.KindHold) {
			t.Errorf("segment %d: got countdown %v for %v", i, s.Countdown, s.Kind)
		}
		if s.Kind == data.KindHold && s.Say != "Hold." {
			t.Errorf("segment %d: a hold starts with %q, want the go-cue Hold.", i, s.Say)
		}
	}
	for i := range all[1:] {
		if all[i+1].Step != all[i].Step+1 {
			t.Errorf("segment %d: got step %d, want %d", i+1, all[i+1].Step, all[i].Step+1)
		}
	}
	// What is said while the person moves into each hold, and as they
	// come out of it.
	says := []struct {
		i    int
		want string
	}{
		{0, "Knee-to-chest stretch. Lie on your back on a mat or carpet, knees bent, feet flat on the floor."},
		{1, "Round 1 of 2. Gently pull your left knee to your chest. Tighten your stomach and press your back down."},
		{3, "Relax. Lower your foot back to the floor. Now the right side."},
		// Said in full for the first side: a short cue for the others.
		{4, "Your right knee to your chest."},
		{7, "Both knees to your chest."},
		{9, "Relax."}, // "Lower both feet back to the floor." on screen
		// From the second round on, a short cue that keeps the side.
		{10, "Round 2 of 2. Your left knee to your chest."},
		{13, "Your right knee to your chest."},
		{16, "Both knees to your chest."},
	}
	for _, tt := range says {
		if got := all[tt.i].Say; got != tt.want {
			t.Errorf("segment %d says: got %q, want %q", tt.i, got, tt.want)
		}
	}
	if got, want := all[3].Text, "Lower your foot back to the floor. Then switch to the right side."; got != want {
		t.Errorf("the switch shows %q, want %q", got, want)
	}
}

func TestPlanRotationSides(t *testing.T) {
	segs := actions(exerciseSegments(compile(t, data.Evening, data.DefaultTiming()), data.Rotation))
	type seg struct {
		kind data.Kind
		side data.Side
		rep  int
		pose string
		dur  time.Duration
	}
	const s = time.Second
	var want []seg
	// Only the holds have a fixed length (dur 0: set by the words).
	want = append(want, seg{data.KindPosition, data.SideNone, 0, "supine", 0})
	for rep := 1; rep <= 2; rep++ {
		want = append(want,
			seg{data.KindHold, data.SideLeft, rep, "rotate-left", 5 * s},
			seg{data.KindSwitch, data.SideLeft, rep, "supine", 0},
			seg{data.KindHold, data.SideRight, rep, "rotate-right", 5 * s},
			seg{data.KindRelease, data.SideRight, rep, "supine", 0},
		)
	}
	if len(segs) != len(want) {
		t.Fatalf("got %d segments, want %d", len(segs), len(want))
	}
	for i, sg := range segs {
		d := sg.Duration
		if sg.Kind != data.KindHold {
			d = 0
		}
		if got := (seg{sg.Kind, sg.Side, sg.Rep, sg.Pose, d}); got != want[i] {
			t.Errorf("segment %d: got %+v, want %+v", i, got, want[i])
		}
		if sg.Kind == data.KindSwitch && !strings.HasSuffix(sg.Text, "Then switch to the right side.") {
			t.Errorf("segment %d: got %q, want it to say to switch to the right", i, sg.Text)
		}
	}
	if got, want := segs[1].Text, "Slowly roll your knees to the left, as far as is comfortable. Keep your shoulders down."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPlanTwoPhaseExercises(t *testing.T) {
	tests := []struct {
		scenario string
		id       string
		reps     int
		poses    [2]string
	}{
		{"flexibility arches then flattens", data.Flexibility, 5, [2]string{"back-arch", "back-flat"}},
		{"cat rounds then sags", data.CatStretch, 3, [2]string{"cat-arch", "cat-sag"}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			all := exerciseSegments(compile(t, data.Morning, data.DefaultTiming()), tt.id)
			segs := actions(all)
			if got, want := len(segs), 1+4*tt.reps; got != want {
				t.Fatalf("got %d segments, want %d", got, want)
			}
			for rep := 1; rep <= tt.reps; rep++ {
				four := segs[1+4*(rep-1) : 1+4*rep]
				kinds := []data.Kind{four[0].Kind, four[1].Kind, four[2].Kind, four[3].Kind}
				wantKinds := []data.Kind{data.KindHold, data.KindRelease, data.KindHold, data.KindRelease}
				if fmt.Sprint(kinds) != fmt.Sprint(wantKinds) {
					t.Errorf("rep %d: got %v, want %v", rep, kinds, wantKinds)
				}
				if four[0].Pose != tt.poses[0] || four[2].Pose != tt.poses[1] {
					t.Errorf("rep %d: got poses %q, %q, want %q, %q", rep, four[0].Pose, four[2].Pose, tt.poses[0], tt.poses[1])
				}
				for _, s := range four {
					if s.Rep != rep || s.Side != data.SideNone {
						t.Errorf("rep %d: got rep %d, side %q, want %d, none", rep, s.Rep, s.Side, rep)
					}
				}
				if four[0].Duration != 5*time.Second || four[2].Duration != 5*time.Second {
					t.Errorf("rep %d: got holds of %v and %v, want 5s", rep, four[0].Duration, four[2].Duration)
				}
				// The instructions before the two holds: only the
				// first names the round.
				first, second := all[1+6*(rep-1)], all[1+6*(rep-1)+3]
				if first.Kind != data.KindInstruct || second.Kind != data.KindInstruct {
					t.Fatalf("rep %d: got %v and %v before the holds, want instructions", rep, first.Kind, second.Kind)
				}
				wantSay := fmt.Sprintf("Round %d of %d. ", rep, tt.reps)
				if !strings.HasPrefix(first.Say, wantSay) || strings.HasPrefix(second.Say, "Round") {
					t.Errorf("rep %d: got %q and %q, want only the first to start %q", rep, first.Say, second.Say, wantSay)
				}
			}
		})
	}
}

func TestPlanBridgeBreaths(t *testing.T) {
	segs := exerciseSegments(compile(t, data.Morning, data.DefaultTiming()), data.Bridge)
	groups := stepGroups(segs)
	// position, then for each of 5 reps: an instruction, one hold step and
	// one release.
	if got, want := len(groups), 1+5*3; got != want {
		t.Fatalf("got %d steps, want %d", got, want)
	}
	const do = "Tighten your stomach and buttocks, and lift your hips into a straight line."
	for rep := 1; rep <= 5; rep++ {
		told, hold, release := groups[1+3*(rep-1)], groups[2+3*(rep-1)], groups[3*rep]
		// The whole instruction the first time, a short cue after it;
		// the screen shows the whole one every time.
		say := do
		if rep > 1 {
			say = "Hips up."
		}
		if want := fmt.Sprintf("Round %d of 5. %s", rep, say); len(told) != 1 || told[0].Kind != data.KindInstruct || told[0].Say != want || told[0].Text != do {
			t.Errorf("rep %d: got %+v before the hold, want one instruction saying %q", rep, told, want)
		}
		if len(hold) != 6 {
			t.Fatalf("rep %d: got %d segments in the hold, want 6 (3 breaths in and out)", rep, len(hold))
		}
		var total time.Duration
		for i, s := range hold {
			breath, inhale := i/2+1, i%2 == 0
			if s.Kind != data.KindHold || s.Breath != breath || s.Inhale != inhale || s.Breaths != 3 || s.Rep != rep {
				t.Errorf("rep %d, segment %d: got %v breath %d/%d inhale %v rep %d, want hold breath %d/3 inhale %v rep %d",
					rep, i, s.Kind, s.Breath, s.Breaths, s.Inhale, s.Rep, breath, inhale, rep)
			}
			if s.Duration != 3*time.Second || s.Countdown || s.Pose != "bridge" || s.Text != do {
				t.Errorf("rep %d, segment %d: got %v, countdown %v, pose %q, text %q", rep, i, s.Duration, s.Countdown, s.Pose, s.Text)
			}
			total += s.Duration
			var want string
			switch {
			case inhale:
				want = "Breathe in."
			default:
				want = "And out."
			}
			if s.Say != want {
				t.Errorf("rep %d, segment %d: got %q, want %q", rep, i, s.Say, want)
			}
		}
		if total != exercise(t, data.Bridge).Hold.Default {
			t.Errorf("rep %d: got a hold of %v, want %v", rep, total, exercise(t, data.Bridge).Hold.Default)
		}
		if len(release) != 1 || release[0].Kind != data.KindRelease || release[0].Rep != rep {
			t.Errorf("rep %d: got %+v after the hold, want one release", rep, release)
		}
	}
}

// TestPlanBreathTiming checks that breaths follow the timing, not the
// catalogue's default hold.
func TestPlanBreathTiming(t *testing.T) {
	tm := data.DefaultTiming()
	tm.BreathIn, tm.BreathOut = 4*time.Second, 6*time.Second
	segs := exerciseSegments(compile(t, data.Bridge, tm), data.Bridge)
	hold := stepGroups(segs)[2]
	var total time.Duration
	for _, s := range hold {
		total += s.Duration
	}
	if total != 30*time.Second {
		t.Errorf("got %v, want 30s", total)
	}
}

func TestPlanCustomDose(t *testing.T) {
	r := data.Routine{ID: "mine", Name: "Mine", Items: []data.RoutineItem{
		{Exercise: data.KneeToChest, Reps: 3},
		{Exercise: data.Rotation, Hold: 5 * time.Second},
	}}
	p, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
	if err != nil {
		t.Fatalf("got %v, want nil", err)
	}
	holds := map[string]int{}
	for _, s := range p.Segments {
		if s.Kind != data.KindHold {
			continue
		}
		holds[s.Exercise]++
		if s.Exercise == data.Rotation && (s.Duration != 5*time.Second || s.Say != "Hold.") {
			t.Errorf("rotation hold: got %v saying %q, want 5s", s.Duration, s.Say)
		}
	}
	if holds[data.KneeToChest] != 9 || holds[data.Rotation] != 4 {
		t.Errorf("got %v holds, want 9 knee-to-chest and 4 rotation", holds)
	}
}

// fullEveryRound is the default pacing with the whole instruction said on
// every round (Settings.FullInstructions).
func fullEveryRound() data.Timing {
	t := data.DefaultTiming()
	t.ShortCues = false
	return t
}
