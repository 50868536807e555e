package data_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
		// The lengths of every step are in the golden scripts.
		{"morning", data.Morning, data.DefaultTiming(), 14*time.Minute + 44*time.Second, 5},
		{"evening", data.Evening, data.DefaultTiming(), 7*time.Minute + 36*time.Second, 3},
		{"morning without rests", data.Morning, noRest(), 13*time.Minute + 44*time.Second, 5},
		{"single bridge", data.Bridge, data.DefaultTiming(), 3*time.Minute + 37*time.Second, 1},
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
		{4, "Gently pull your right knee to your chest. Tighten your stomach and press your back down."},
		{7, "Gently pull both knees to your chest. Tighten your stomach and press your back down."},
		{9, "Relax. Lower both feet back to the floor."},
		{10, "Round 2 of 2. Gently pull your left knee to your chest. Tighten your stomach and press your back down."},
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
		if want := fmt.Sprintf("Round %d of 5. %s", rep, do); len(told) != 1 || told[0].Kind != data.KindInstruct || told[0].Say != want {
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

func TestPlanAt(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	last := len(p.Segments) - 1
	type atCase struct {
		scenario string
		at       time.Duration
		index    int
		elapsed  time.Duration
		left     time.Duration
		done     bool
	}
	// The get-ready lasts 12 s: its words, with the stop rule, take 8.3 s
	// at the default speed, then the countdown's 3 s.
	const getReady = 12 * time.Second
	tests := []atCase{
		{"start", 0, 0, 0, getReady, false},
		{"1 ns in", 1, 0, 1, getReady - 1, false},
		{"negative time counts as zero", -time.Minute, 0, 0, getReady, false},
		{"1 ns before the end", p.Total - 1, last - 1, p.Total - 1, 1, false},
		{"at the end", p.Total, last, p.Total, 0, true},
		{"1 ns past the end", p.Total + 1, last, p.Total, 0, true},
		{"long past the end", p.Total + time.Hour, last, p.Total, 0, true},
	}
	// Every boundary between two segments, and a nanosecond either side.
	for i := 1; i < last; i++ {
		s := p.Segments[i]
		name := fmt.Sprintf("segment %d (%v) ", i, s.Kind)
		tests = append(tests,
			atCase{name + "1 ns before", s.Start - 1, i - 1, s.Start - 1, 1, false},
			atCase{name + "at start", s.Start, i, s.Start, s.Duration, false},
			atCase{name + "1 ns after", s.Start + 1, i, s.Start + 1, s.Duration - 1, false},
		)
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			got := p.At(tt.at)
			if got.Index != tt.index || got.Elapsed != tt.elapsed || got.Left != tt.left || got.Done != tt.done {
				t.Errorf("got index %d, elapsed %v, left %v, done %v, want %d, %v, %v, %v",
					got.Index, got.Elapsed, got.Left, got.Done, tt.index, tt.elapsed, tt.left, tt.done)
			}
			if want := p.Segments[tt.index]; got.Segment.Start != want.Start || got.Segment.Kind != want.Kind {
				t.Errorf("got segment %v at %v, want %v at %v", got.Segment.Kind, got.Segment.Start, want.Kind, want.Start)
			}
		})
	}
}

func TestSecondsLeft(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	var hold data.Segment // the first 5 s hold
	for _, s := range p.Segments {
		if s.Kind == data.KindHold && s.Duration == 5*time.Second {
			hold = s
			break
		}
	}
	tests := []struct {
		scenario string
		at       time.Duration
		want     int
	}{
		{"at the start of a 5 s hold", hold.Start, 5},
		{"1 ns into it", hold.Start + 1, 5},
		{"1 ns before 1 s in", hold.Start + time.Second - 1, 5},
		{"1 s in", hold.Start + time.Second, 4},
		{"halfway", hold.Start + 2500*time.Millisecond, 3},
		{"1 s before the end", hold.End() - time.Second, 1},
		{"in its last ns", hold.End() - 1, 1},
		{"at the end of the plan", p.Total, 0},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			if got := p.At(tt.at).SecondsLeft(); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if got := (data.Position{}).SecondsLeft(); got != 0 {
		t.Errorf("zero position: got %v, want 0", got)
	}
}

func TestStepStart(t *testing.T) {
	p := compile(t, data.Morning, data.DefaultTiming())
	first := map[int]time.Duration{}
	for _, s := range p.Segments {
		if _, ok := first[s.Step]; !ok {
			first[s.Step] = s.Start
		}
	}
	if len(first) != p.Steps {
		t.Fatalf("got %d distinct steps, want %d", len(first), p.Steps)
	}
	for step := range p.Steps {
		if got := p.StepStart(step); got != first[step] {
			t.Errorf("step %d: got %v, want %v", step, got, first[step])
		}
	}
	tests := []struct {
		scenario string
		step     int
		want     time.Duration
	}{
		{"before the first step", -1, 0},
		{"the done step", p.Steps - 1, p.Total},
		{"past the last step", p.Steps, p.Total},
		{"far past the last step", p.Steps + 100, p.Total},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			if got := p.StepStart(tt.step); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPlanNext(t *testing.T) {
	for _, tm := range []struct {
		scenario string
		timing   data.Timing
	}{{"with rests", data.DefaultTiming()}, {"without rests", noRest()}} {
		t.Run(tm.scenario, func(t *testing.T) {
			p := compile(t, data.Morning, tm.timing)
			segs := p.Segments
			last := len(segs) - 1
			for i, s := range segs {
				switch {
				case s.Kind == data.KindPosition && (segs[i-1].Kind == data.KindGetReady || segs[i-1].Kind == data.KindRest):
					// A get-ready or rest screen names the exercise to come
					// once, in its text, and previews nothing more.
					if prev := segs[i-1]; !strings.Contains(prev.Text, s.Title) || prev.Next != "" {
						t.Errorf("segment %d (%v) before %s: got text %q and next %q, want the text to name it and no next", i-1, prev.Kind, s.Title, prev.Text, prev.Next)
					}
				case s.Kind == data.KindPosition:
					// Whatever else comes before a new exercise names it.
					if got := segs[i-1].Next; got != s.Title {
						t.Errorf("segment %d (%v) before %s: got next %q, want %q", i-1, segs[i-1].Kind, s.Title, got, s.Title)
					}
				case s.Kind == data.KindRest:
					if got := segs[i-1].Next; got != "Rest" {
						t.Errorf("segment %d before a rest: got next %q, want %q", i-1, got, "Rest")
					}
				}
			}
			if got := segs[last-1].Next; got != "Finish" {
				t.Errorf("last segment before done: got next %q, want %q", got, "Finish")
			}
			if got := segs[last].Next; got != "" {
				t.Errorf("done: got next %q, want none", got)
			}
			// Within an exercise the preview is the next instruction, an
			// instruction previews its hold's length, and the breaths of a
			// hold all preview what follows the hold.
			for i, s := range segs[:last] {
				n := segs[i+1]
				if n.Step == s.Step || n.Kind == data.KindPosition || n.Kind == data.KindRest || n.Kind == data.KindDone {
					continue
				}
				if s.Kind == data.KindInstruct {
					want := "Hold for " + data.SecondsText(n.Duration)
					if n.Breaths > 0 {
						want = fmt.Sprintf("Hold for %d deep breaths", n.Breaths)
					}
					if s.Next != want {
						t.Errorf("segment %d: got next %q, want %q", i, s.Next, want)
					}
					continue
				}
				if s.Next != n.Text {
					t.Errorf("segment %d: got next %q, want %q", i, s.Next, n.Text)
				}
			}
			for _, g := range stepGroups(exerciseSegments(p, data.Bridge)) {
				for _, s := range g {
					if s.Next != g[len(g)-1].Next {
						t.Errorf("breath %d: got next %q, want %q", s.Breath, s.Next, g[len(g)-1].Next)
					}
				}
			}
		})
	}
}

func TestCompileRejects(t *testing.T) {
	item := func(id string, reps int, hold time.Duration) data.Routine {
		return data.Routine{ID: "mine", Name: "Mine", Items: []data.RoutineItem{{Exercise: id, Reps: reps, Hold: hold}}}
	}
	badTiming := data.DefaultTiming()
	badTiming.BreathIn = time.Second
	tests := []struct {
		scenario string
		r        data.Routine
		timing   data.Timing
		want     string
	}{
		{"unknown exercise", item("plank", 0, 0), data.DefaultTiming(), `routine "Mine": unknown exercise "plank"`},
		{"too many reps", item(data.KneeToChest, 4, 0), data.DefaultTiming(), `routine "Mine": Knee-to-chest stretch: 4 rounds is outside the safe range of 1 to 3`},
		{"no reps", item(data.Flexibility, -1, 0), data.DefaultTiming(), `routine "Mine": Lower-back flexibility exercise: -1 rounds is outside the safe range of 1 to 30`},
		{"hold too long", item(data.Rotation, 0, 11*time.Second), data.DefaultTiming(), `routine "Mine": Lower-back rotational stretch: a hold of 11 s is outside the range of 5 s to 10 s`},
		{"no items", data.Routine{ID: "mine", Name: "Mine"}, data.DefaultTiming(), `routine "Mine" has no exercises`},
		{"bad timing", datatest.Routine(t, data.Morning), badTiming, "the breath in must be between 2 s and 10 s, not 1 s"},
		{"zero timing", datatest.Routine(t, data.Evening), data.Timing{}, "the get-ready time must be between 3 s and 60 s, not 0 s"},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			p, err := data.Compile(tt.r, data.DefaultCatalogue(), tt.timing)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			if p.Segments != nil || p.Total != 0 {
				t.Errorf("got a plan of %d segments, want none", len(p.Segments))
			}
			if n, err := data.Length(tt.r, data.DefaultCatalogue(), tt.timing); err == nil || err.Error() != tt.want || n != 0 {
				t.Errorf("Length: got %v, %v, want 0, %v", n, err, tt.want)
			}
		})
	}
}

// formatPlan writes p as a readable script: one block per segment.
func formatPlan(p data.Plan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %d segments, %d steps, %v\n", p.Routine.Name, len(p.Segments), p.Steps, p.Total)
	for i, s := range p.Segments {
		fmt.Fprintf(&b, "\n%3d %8v +%-4v %-9s step %d, item %d", i, s.Start, s.Duration, s.Kind, s.Step, s.Item)
		if s.Rep > 0 {
			fmt.Fprintf(&b, ", rep %d/%d", s.Rep, s.Reps)
		}
		if s.Side != data.SideNone {
			fmt.Fprintf(&b, ", %s", s.Side)
		}
		if s.Breath > 0 {
			dir := "out"
			if s.Inhale {
				dir = "in"
			}
			fmt.Fprintf(&b, ", breath %d/%d %s", s.Breath, s.Breaths, dir)
		}
		if s.Countdown {
			b.WriteString(", countdown")
		}
		if s.Speech > 0 {
			fmt.Fprintf(&b, ", words %v", s.Speech)
		}
		fmt.Fprintf(&b, "\n    pose:  %s\n    title: %s\n    text:  %s\n    say:   %s\n    next:  %s\n", s.Pose, s.Title, s.Text, s.Say, s.Next)
	}
	return b.String()
}

// TestPlanGolden keeps the full script of each built-in routine in
// testdata/, so a change in what Unknot shows or says is seen in review.
// Run `go test ./data/ -run Golden -update` to rewrite them.
func TestPlanGolden(t *testing.T) {
	for _, id := range []string{data.Morning, data.Evening} {
		t.Run(id, func(t *testing.T) {
			got := formatPlan(compile(t, id, data.DefaultTiming()))
			path := filepath.Join("testdata", id+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("got %v, want the golden file (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("the plan differs from %s; run with -update and review the diff.\ngot:\n%s", path, got)
			}
		})
	}
}

// Length gives a plan's Total without compiling it: for the built-in
// routines, for each exercise alone at the ends of its ranges and for all
// five in one routine, with the default pacing and with pacings whose times
// are all different, so that no time can stand in for another.
func TestLengthMatchesCompile(t *testing.T) {
	cat := data.DefaultCatalogue()
	routines := data.BuiltinRoutines()
	all := data.Routine{ID: "custom-all", Name: "All"}
	for _, e := range cat {
		all.Items = append(all.Items, data.RoutineItem{Exercise: e.ID})
		for _, reps := range []int{e.Reps.Min, e.Reps.Max} {
			for _, hold := range []time.Duration{e.Hold.Min, e.Hold.Max} {
				it := data.RoutineItem{Exercise: e.ID, Reps: reps}
				if e.Hold.Breaths == 0 {
					it.Hold = hold
				}
				routines = append(routines, data.Routine{ID: "custom-one", Name: e.Name, Items: []data.RoutineItem{it}})
			}
		}
	}
	routines = append(routines, all)
	odd := data.Timing{GetReady: 7 * time.Second, Position: 11 * time.Second, Release: 3 * time.Second,
		Switch: 13 * time.Second, Rest: 17 * time.Second, BreathIn: 2 * time.Second, BreathOut: 9 * time.Second}
	noRest := odd
	noRest.Rest = 0
	for _, timing := range []data.Timing{data.DefaultTiming(), odd, noRest} {
		for _, r := range routines {
			p, err := data.Compile(r, cat, timing)
			if err != nil {
				t.Fatalf("%s: %v", r.Name, err)
			}
			got, err := data.Length(r, cat, timing)
			if err != nil || got != p.Total {
				t.Errorf("%s (%d items, %+v): Length = %v, %v; the plan's Total is %v", r.Name, len(r.Items), r.Items[0], got, err, p.Total)
			}
		}
	}
}
