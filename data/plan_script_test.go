package data_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

// The plan read as it runs: where a session stands at a time, what comes
// next, why a routine will not compile, and the golden scripts.

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
