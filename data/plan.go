package data

import (
	"fmt"
	"sort"
	"time"
)

// Kind is what a segment asks the person to do.
type Kind string

// The segment kinds, in the order a session meets them.
const (
	KindGetReady Kind = "get-ready" // the lead-in before the first exercise
	KindPosition Kind = "position"  // next exercise: move into its start position
	KindHold     Kind = "hold"      // hold a position (or one breath of it)
	KindRelease  Kind = "release"   // come out of a hold
	KindSwitch   Kind = "switch"    // come out of a hold and change sides
	KindRest     Kind = "rest"      // pause between exercises
	KindDone     Kind = "done"      // the routine is over; lasts no time
)

// Segment is one timed step of a plan.
type Segment struct {
	Kind Kind
	// Start is the offset from the start of the plan; Duration its length.
	Start, Duration time.Duration
	// Step groups segments that skip and back treat as one (the breaths of
	// one hold share a step).
	Step int
	// Item is the index of the routine item, -1 before the first and after
	// the last exercise.
	Item     int
	Exercise string
	// Rep is the repetition, 1 to Reps; 0 outside repetitions.
	Rep, Reps int
	Side      Side
	// Breath is the breath of a breath-paced hold, 1 to Breaths; Inhale
	// tells breathing in from breathing out.
	Breath, Breaths int
	Inhale          bool
	// Pose names the figure to show.
	Pose string
	// Title is the exercise (or "Get ready", "Rest", "Done"); Text the one
	// instruction to show; Say the words spoken as the segment starts; Next
	// a preview of what follows.
	Title, Text, Say, Next string
	// Countdown asks for beeps in the last seconds.
	Countdown bool
}

// End is the offset at which s ends.
func (s Segment) End() time.Duration { return s.Start + s.Duration }

// Plan is a routine compiled into a flat list of timed segments. The last
// segment is always KindDone.
type Plan struct {
	Routine  Routine
	Segments []Segment
	// Total is the length of the whole plan.
	Total time.Duration
	// Steps is the number of distinct steps.
	Steps int
	// Timing is the pacing the plan was compiled with.
	Timing Timing
}

// Compile turns a routine into a plan. It fails on an unknown exercise, a
// dose outside the catalogue's range or a timing that cannot be followed.
func Compile(r Routine, c Catalogue, t Timing) (Plan, error) {
	if err := checkPlan(r, c, t); err != nil {
		return Plan{}, err
	}
	b := &builder{timing: t}
	first, _, _, _ := r.Items[0].Resolve(c)
	b.add(Segment{Kind: KindGetReady, Item: -1, Pose: first.StartPose, Title: words.GetReady,
		Text: fmt.Sprintf(words.FirstUp, first.Name), Say: fmt.Sprintf(words.SayGetReady, first.Name),
		Duration: t.GetReady, Countdown: true})
	for i, it := range r.Items {
		e, reps, hold, _ := it.Resolve(c)
		if i > 0 && t.Rest > 0 {
			b.add(Segment{Kind: KindRest, Item: i, Exercise: e.ID, Pose: e.StartPose, Title: words.Rest,
				Text: fmt.Sprintf(words.UpNext, e.Name), Say: fmt.Sprintf(words.SayRest, e.Name),
				Duration: t.Rest, Countdown: true})
		}
		b.exercise(i, e, reps, hold)
	}
	b.add(Segment{Kind: KindDone, Item: -1, Pose: first.StartPose, Title: words.Done, Text: words.DoneText, Say: words.SayDone})
	b.linkNext()
	return Plan{Routine: r, Segments: b.segs, Total: b.at, Steps: b.step, Timing: t}, nil
}

// Length is how long a routine takes with timing t: the Total of its
// compiled plan, worked out without building the plan. Home and the
// routines page show the length of every routine as the app starts, where
// compiling each one (every segment and its words) was most of their
// drawing time. It fails where Compile fails.
func Length(r Routine, c Catalogue, t Timing) (time.Duration, error) {
	if err := checkPlan(r, c, t); err != nil {
		return 0, err
	}
	total := t.GetReady
	for i, it := range r.Items {
		e, reps, hold, _ := it.Resolve(c)
		if i > 0 {
			total += t.Rest
		}
		if e.Hold.Breaths > 0 {
			hold = time.Duration(e.Hold.Breaths) * (t.BreathIn + t.BreathOut)
		}
		// One repetition: every phase of every side, each followed by a
		// release or a switch of sides (as builder.exercise lays them out).
		var rep time.Duration
		sides := e.Sides.Sides()
		for si := range sides {
			for pi := range e.Phases {
				rep += hold + t.Release
				if switchesSide(sides, si, pi, len(e.Phases)) {
					rep += t.Switch - t.Release
				}
			}
		}
		total += t.Position + time.Duration(reps)*rep
	}
	return total, nil
}

// checkPlan reports why routine r cannot be compiled with timing t.
func checkPlan(r Routine, c Catalogue, t Timing) error {
	if err := r.Validate(c); err != nil {
		return err
	}
	return t.Validate()
}

// switchesSide reports whether the hold of phase pi on side si of sides,
// of phases phases, is followed by a switch to the next side rather than
// a release: after a side's last phase, when another single side follows
// (a hold on both sides starts from a release).
func switchesSide(sides []Side, si, pi, phases int) bool {
	return pi == phases-1 && si+1 < len(sides) && sides[si+1] != SideBoth
}

// builder accumulates segments with their start offsets and steps.
type builder struct {
	timing Timing
	segs   []Segment
	at     time.Duration
	step   int
}

// add appends s at the current offset as a new step.
func (b *builder) add(s Segment) {
	b.addTo(s, true)
}

// addTo appends s, starting a new step when newStep is set.
func (b *builder) addTo(s Segment, newStep bool) {
	if newStep {
		b.step++
	}
	s.Start, s.Step = b.at, b.step-1
	b.at += s.Duration
	b.segs = append(b.segs, s)
}

// exercise adds the segments of one routine item: move into position, then
// every hold of every repetition and side with the transitions between them.
func (b *builder) exercise(item int, e Exercise, reps int, hold time.Duration) {
	t := b.timing
	base := Segment{Item: item, Exercise: e.ID, Title: e.Name, Reps: reps}
	pos := base
	pos.Kind, pos.Pose, pos.Text, pos.Duration, pos.Countdown = KindPosition, e.StartPose, e.Start, t.Position, true
	pos.Say = e.Name + ". " + e.Start
	b.add(pos)
	sides := e.Sides.Sides()
	for rep := 1; rep <= reps; rep++ {
		for si, side := range sides {
			for pi, ph := range e.Phases {
				s := base
				s.Rep, s.Side = rep, side
				s.Pose, s.Text = ph.For(side)
				s.Say = s.Text
				if si == 0 && pi == 0 {
					s.Say = fmt.Sprintf(words.SayRep, rep, reps) + " " + s.Text
				}
				b.hold(s, e.Hold.Breaths, hold)
				tr := base
				tr.Rep, tr.Side, tr.Pose = rep, side, e.StartPose
				tr.Kind, tr.Text, tr.Duration = KindRelease, ph.ReleaseFor(side), t.Release
				tr.Say = tr.Text
				if switchesSide(sides, si, pi, len(e.Phases)) {
					tr.Kind, tr.Duration = KindSwitch, t.Switch
					tr.Text = ph.Release + " " + fmt.Sprintf(words.SwitchTo, sides[si+1])
					tr.Say = tr.Text
				}
				b.add(tr)
			}
		}
	}
}

// hold adds one hold: a single counted-down segment, or one segment per
// breath in and per breath out when the hold is paced in breaths.
func (b *builder) hold(s Segment, breaths int, d time.Duration) {
	s.Kind = KindHold
	if breaths == 0 {
		s.Duration, s.Countdown = d, true
		s.Say += " " + fmt.Sprintf(words.SayHold, int(d/time.Second))
		b.add(s)
		return
	}
	s.Breaths = breaths
	for i := 1; i <= breaths; i++ {
		in, out := s, s
		in.Breath, in.Inhale, in.Duration = i, true, b.timing.BreathIn
		out.Breath, out.Duration = i, b.timing.BreathOut
		in.Say = fmt.Sprintf(words.BreatheIn, i, breaths)
		if i == 1 {
			in.Say = s.Say + " " + in.Say
		}
		out.Say = words.BreatheOut
		b.addTo(in, i == 1)
		b.addTo(out, false)
	}
}

// linkNext fills in each segment's preview of the next step.
func (b *builder) linkNext() {
	for i := range b.segs {
		for j := i + 1; j < len(b.segs); j++ {
			n := b.segs[j]
			if n.Step == b.segs[i].Step {
				continue
			}
			switch {
			case n.Kind == KindDone:
				b.segs[i].Next = words.NextDone
			case n.Item != b.segs[i].Item || n.Kind == KindPosition:
				// A new exercise is previewed by its name, also from
				// the rest before it, which already carries its item.
				b.segs[i].Next = n.Title
			default:
				b.segs[i].Next = n.Text
			}
			break
		}
	}
}

// Position is where a session stands at some elapsed time.
type Position struct {
	// Index is the index of Segment in the plan.
	Index   int
	Segment Segment
	// Elapsed is the time since the start of the plan, at most its Total;
	// Left is the time left in the segment.
	Elapsed, Left time.Duration
	Done          bool
}

// SecondsLeft is the countdown to show: the time left rounded up to whole
// seconds, so a countdown shows 5 for the whole first second of a 5 s hold
// and reaches 0 only when the segment ends.
func (p Position) SecondsLeft() int {
	return int((p.Left + time.Second - 1) / time.Second)
}

// At returns the position at the given elapsed time. Times before zero count
// as zero; times at or past the end are the done segment.
func (p Plan) At(elapsed time.Duration) Position {
	if elapsed < 0 {
		elapsed = 0
	}
	last := len(p.Segments) - 1
	if elapsed >= p.Total {
		return Position{Index: last, Segment: p.Segments[last], Elapsed: p.Total, Done: true}
	}
	// The first segment ending after elapsed; zero-length segments never
	// qualify, so a boundary belongs to the segment that starts there.
	i := sort.Search(last, func(i int) bool { return p.Segments[i].End() > elapsed })
	s := p.Segments[i]
	return Position{Index: i, Segment: s, Elapsed: elapsed, Left: s.End() - elapsed}
}

// StepStart returns the offset at which step n starts; n past the last step
// gives the plan's Total.
func (p Plan) StepStart(n int) time.Duration {
	i := sort.Search(len(p.Segments), func(i int) bool { return p.Segments[i].Step >= n })
	if i == len(p.Segments) {
		return p.Total
	}
	return p.Segments[i].Start
}
