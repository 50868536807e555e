package data

import (
	"fmt"
	"sort"
	"time"
)

// Kind is what a segment asks the person to do.
type Kind string

// The segment kinds, in the order a session meets them. Every hold is
// told first (KindInstruct, untimed by the hold's clock), then started by
// a short go-cue and timed to the article's length (KindHold), then ended
// by a release (KindRelease or KindSwitch).
const (
	KindGetReady Kind = "get-ready" // the lead-in before the first exercise
	KindPosition Kind = "position"  // next exercise: move into its start position
	KindInstruct Kind = "instruct"  // hear what the hold asks and move into it
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
	// Speech is how long Say takes at the plan's voice speed, by
	// SpeakingTime; zero when no voice speaks. The segment lasts at least
	// this long, and its countdown stays quiet until the words are said.
	Speech time.Duration
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
//
// Holds last exactly their dose. Everything around them lasts as long as
// its words take to say at t.Voice (SpeakingTime) plus the time to move,
// rounded up to whole seconds, and at least what t asks for; with no voice
// an instruction stays up for readingTime instead of its words.
func Compile(r Routine, c Catalogue, t Timing) (Plan, error) {
	if err := checkPlan(r, c, t); err != nil {
		return Plan{}, err
	}
	b := &builder{timing: t}
	first, _, _, _ := r.Items[0].Resolve(c)
	b.countdown(Segment{Kind: KindGetReady, Item: -1, Pose: first.StartPose, Title: words.GetReady,
		Text: fmt.Sprintf(words.FirstUp, first.Name), Say: fmt.Sprintf(words.SayGetReady, first.Name)}, t.GetReady)
	pose := ""
	for i, it := range r.Items {
		e, reps, hold, _ := it.Resolve(c)
		if i > 0 && t.Rest > 0 {
			b.countdown(Segment{Kind: KindRest, Item: i, Exercise: e.ID, Pose: e.StartPose, Title: words.Rest,
				Text: fmt.Sprintf(words.UpNext, e.Name), Say: fmt.Sprintf(words.SayRest, e.Name)}, t.Rest)
		}
		b.exercise(i, e, reps, hold, moveTime(pose, e.StartPose))
		pose = e.StartPose
	}
	b.add(Segment{Kind: KindDone, Item: -1, Pose: first.StartPose, Title: words.Done, Text: words.DoneText, Say: words.SayDone})
	b.linkNext()
	return Plan{Routine: r, Segments: b.segs, Total: b.at, Steps: b.step, Timing: t}, nil
}

// Length is how long a routine takes with timing t: the Total of its
// compiled plan. It fails where Compile fails.
func Length(r Routine, c Catalogue, t Timing) (time.Duration, error) {
	p, err := Compile(r, c, t)
	return p.Total, err
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

// readingTime is how long an instruction is shown before its hold starts
// when no voice says it: long enough to read a sentence or two from the
// floor.
const readingTime = 5 * time.Second

// moveTime is the time to get from the start position of one exercise to
// that of the next: from standing or sitting at the start of a session,
// between two floor positions (lying down to all fours), or none to
// speak of when both start alike.
func moveTime(from, to string) time.Duration {
	switch from {
	case "":
		return 8 * time.Second
	case to:
		return 2 * time.Second
	}
	return 6 * time.Second
}

// wholeSeconds rounds d up to whole seconds, so that the countdown a
// segment shows starts at a whole number.
func wholeSeconds(d time.Duration) time.Duration {
	return (d + time.Second - 1) / time.Second * time.Second
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
	s.Start, s.Step, s.Speech = b.at, b.step-1, b.spoken(s.Say)
	b.at += s.Duration
	b.segs = append(b.segs, s)
}

// spoken is how long the voice takes to say text; with no voice, zero.
func (b *builder) spoken(text string) time.Duration {
	if b.timing.Voice == 0 {
		return 0
	}
	return SpeakingTime(text, b.timing.Voice)
}

// told is how long an instruction needs before anything else starts: the
// time to say it, or to read it when no voice says it, then move time.
func (b *builder) told(s *Segment, atLeast, move time.Duration) {
	need := readingTime
	if b.timing.Voice > 0 {
		need = SpeakingTime(s.Say, b.timing.Voice)
	}
	s.Duration = max(atLeast, wholeSeconds(need+move))
	b.add(*s)
}

// countdown adds a segment counted down over at least d whose words end
// before the countdown's ticks begin.
func (b *builder) countdown(s Segment, d time.Duration) {
	s.Countdown = true
	s.Duration = max(d, wholeSeconds(b.spoken(s.Say))+countdownTicks*time.Second)
	b.add(s)
}

// exercise adds the segments of one routine item: move into position (move
// is the time to get there from the last one), then every hold of every
// repetition and side: its instruction, the hold, and its release.
func (b *builder) exercise(item int, e Exercise, reps int, hold time.Duration, move time.Duration) {
	t := b.timing
	base := Segment{Item: item, Exercise: e.ID, Title: e.Name, Reps: reps}
	pos := base
	pos.Kind, pos.Pose, pos.Text = KindPosition, e.StartPose, e.Start
	pos.Say = e.Name + ". " + e.Start
	b.told(&pos, t.Position, move)
	sides := e.Sides.Sides()
	for rep := 1; rep <= reps; rep++ {
		for si, side := range sides {
			for pi, ph := range e.Phases {
				s := base
				s.Rep, s.Side = rep, side
				s.Pose, s.Text = ph.For(side)
				in := s
				in.Kind, in.Say = KindInstruct, s.Text
				if (rep > 1 || si > 0) && t.ShortCues {
					// The move is known once said for the first side
					// of the first round: a short cue that keeps the
					// side, the whole instruction on screen.
					in.Say = ph.CueFor(side)
				}
				if si == 0 && pi == 0 {
					in.Say = fmt.Sprintf(words.SayRep, rep, reps) + " " + in.Say
				}
				b.told(&in, 0, ph.Into)
				b.hold(s, e.Hold.Breaths, hold)
				tr := base
				tr.Rep, tr.Side, tr.Pose = rep, side, e.StartPose
				tr.Kind, tr.Text = KindRelease, ph.ReleaseFor(side)
				atLeast := t.Release
				tr.Say = words.Relax + " " + ph.ReleaseFor(side)
				if (rep > 1 || si > 0) && t.ShortCues {
					// As with the instruction: once said in full, the
					// release is "Relax.", the whole of it on screen.
					tr.Say = words.Relax
				}
				if switchesSide(sides, si, pi, len(e.Phases)) {
					tr.Kind, atLeast = KindSwitch, t.Switch
					tr.Text += " " + fmt.Sprintf(words.SwitchTo, sides[si+1])
					// Said as well as shown: with the phone on the
					// floor the switch is heard, not read.
					tr.Say += " " + fmt.Sprintf(words.SaySide, sides[si+1])
				}
				tr.Duration = max(atLeast, wholeSeconds(b.spoken(tr.Say)+ph.Out))
				b.add(tr)
			}
		}
	}
}

// hold adds one hold, timed to exactly d: a single counted-down segment
// started by a go-cue, or one segment per breath in and per breath out
// when the hold is paced in breaths.
func (b *builder) hold(s Segment, breaths int, d time.Duration) {
	s.Kind = KindHold
	if breaths == 0 {
		s.Duration, s.Countdown, s.Say = d, true, words.Hold
		b.add(s)
		return
	}
	s.Breaths = breaths
	for i := 1; i <= breaths; i++ {
		in, out := s, s
		in.Breath, in.Inhale, in.Duration, in.Say = i, true, b.timing.BreathIn, words.BreatheIn
		out.Breath, out.Duration, out.Say = i, b.timing.BreathOut, words.BreatheOut
		b.addTo(in, i == 1)
		b.addTo(out, false)
	}
}

// linkNext fills in each segment's preview of the next step. An
// instruction previews its hold by its length, as the hold shows the same
// instruction.
func (b *builder) linkNext() {
	for i := range b.segs {
		cur := b.segs[i]
		if cur.Kind == KindGetReady || cur.Kind == KindRest {
			// Their text already names the exercise to come: a
			// preview would say it a second time.
			continue
		}
		for j := i + 1; j < len(b.segs); j++ {
			n := b.segs[j]
			if n.Step == cur.Step {
				continue
			}
			switch {
			case n.Kind == KindDone:
				b.segs[i].Next = words.NextDone
			case cur.Kind == KindInstruct && n.Breaths > 0:
				b.segs[i].Next = fmt.Sprintf(words.NextBreaths, n.Breaths)
			case cur.Kind == KindInstruct:
				b.segs[i].Next = fmt.Sprintf(words.NextHold, SecondsText(b.holdLength(j)))
			case n.Item != cur.Item || n.Kind == KindPosition:
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

// holdLength is the length of the hold whose first segment is j.
func (b *builder) holdLength(j int) time.Duration {
	d := time.Duration(0)
	for k := j; k < len(b.segs) && b.segs[k].Step == b.segs[j].Step; k++ {
		d += b.segs[k].Duration
	}
	return d
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
