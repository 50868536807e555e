// Package data is Unknot's domain: what a routine is and how it is timed and
// dosed. It holds the exercise catalogue, routines compiled into timed plans,
// the state of a running session and the cues and speech it asks for, pacing,
// progression and daily doses, pain advice and warning signs, the session
// record with its validation, stats, streaks and the reminders' schedule.
//
// How records, checkpoints, settings and backups are kept and read is in
// package store (unknot/data/store), which imports this one; this package
// never imports it. It imports only the standard library (and uuid), never
// go-app or syscall/js, so every test here runs natively and fast (see
// layers_test.go). Nothing in this package reads a clock: callers pass the
// time in.
package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Side is the side of the body a hold works.
type Side string

// The sides a hold can work. SideNone is for symmetric exercises.
const (
	SideNone  Side = ""
	SideLeft  Side = "left"
	SideRight Side = "right"
	SideBoth  Side = "both"
)

// SideMode says how an exercise uses the sides of the body.
type SideMode string

// The side modes of the catalogue.
const (
	// SidesNone: the exercise is symmetric.
	SidesNone SideMode = "none"
	// SidesEach: every repetition works the left side, then the right.
	SidesEach SideMode = "each"
	// SidesEachThenBoth: every repetition works the left side, the right
	// side, then both together (the knee-to-chest stretch).
	SidesEachThenBoth SideMode = "each-then-both"
)

// Sides returns the sides one repetition works through, in order.
func (m SideMode) Sides() []Side {
	switch m {
	case SidesEach:
		return []Side{SideLeft, SideRight}
	case SidesEachThenBoth:
		return []Side{SideLeft, SideRight, SideBoth}
	default:
		return []Side{SideNone}
	}
}

// Range is an inclusive range of whole numbers.
type Range struct {
	Min, Max int
}

// Contains reports whether n lies in r.
func (r Range) Contains(n int) bool { return n >= r.Min && n <= r.Max }

// Hold says how long a held position lasts.
type Hold struct {
	// Default, Min and Max are the hold time; Min and Max equal Default when
	// the article gives one number.
	Default, Min, Max time.Duration
	// Breaths, when above zero, paces the hold in deep breaths instead of
	// seconds: Default is then the time those breaths take.
	Breaths int
	// Chosen is true when the article gives no hold time and Unknot chose
	// one; Note then says so in the app.
	Chosen bool
}

// Phase is one held position of a repetition, such as "lower back arched".
type Phase struct {
	// Pose names the figure shown while holding; "{side}" in it is replaced
	// by the side, so "knee-{side}" becomes "knee-left".
	Pose string
	// Do is the instruction to show and speak as the hold starts; "{side}"
	// is replaced by "left", "right" or "both".
	Do string
	// Cue is what is said, in a few words, in the place of Do on the
	// rounds after the first, when the person knows the move ("{side}" as
	// in Do); BothCue replaces it when both sides work together.
	Cue, BothCue string
	// BothPose, Both and BothRelease replace Pose, Do and Release when both
	// sides work together.
	BothPose, Both, BothRelease string
	// Release is what to do once the hold ends.
	Release string
	// Into is the time to move into the held position once the
	// instruction has been said; Out the time to come out of it after the
	// release. The plan adds them to the time the words take.
	Into, Out time.Duration
}

// ReleaseFor returns what to do once a hold on the given side ends.
func (p Phase) ReleaseFor(s Side) string {
	if s == SideBoth && p.BothRelease != "" {
		return p.BothRelease
	}
	return p.Release
}

// CueFor returns the short cue of p on the given side.
func (p Phase) CueFor(s Side) string {
	if s == SideBoth && p.BothCue != "" {
		return p.BothCue
	}
	return strings.ReplaceAll(p.Cue, "{side}", string(s))
}

// For returns the pose and instruction of p on the given side.
func (p Phase) For(s Side) (pose, do string) {
	if s == SideBoth && p.Both != "" {
		return p.BothPose, p.Both
	}
	return strings.ReplaceAll(p.Pose, "{side}", string(s)), strings.ReplaceAll(p.Do, "{side}", string(s))
}

// Frequency is how often the article says to do an exercise.
type Frequency struct {
	// TimesPerDay is how many sessions a day include it (2: morning and
	// evening).
	TimesPerDay int
	// Text says it in words.
	Text string
}

// Progression is a dose that rises over time, in repetitions a day.
type Progression struct {
	// Start and Target are repetitions a day.
	Start, Target int
	Text          string
}

// Exercise is one entry of the catalogue.
type Exercise struct {
	ID      string
	Name    string
	Summary string
	// StartPose and Start describe the starting position.
	StartPose string
	Start     string
	// Steps are the ordered instructions.
	Steps []string
	// Feel is what the person should feel.
	Feel string
	Hold Hold
	// Reps is the range of repetitions per session the article allows;
	// RepsText names the unit ("times on each side"); DefaultReps is the
	// starting choice.
	Reps        Range
	DefaultReps int
	RepsText    string
	Sides       SideMode
	// Phases are the holds of one repetition on one side, in order.
	Phases      []Phase
	Frequency   Frequency
	Progression *Progression
	// Note explains a choice Unknot made where the article is silent.
	Note    string
	Caution string
}

// HoldCount is the number of holds one repetition takes across all sides.
func (e Exercise) HoldCount() int { return len(e.Phases) * len(e.Sides.Sides()) }

// Validate reports the first thing wrong with e, or nil.
func (e Exercise) Validate() error {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("exercise %q: %s", e.ID, fmt.Sprintf(format, a...))
	}
	switch {
	case !isID(e.ID):
		return fail("id must be lower-case words joined by hyphens")
	case e.Name == "" || e.Summary == "" || e.Start == "" || e.Feel == "" || e.Caution == "":
		return fail("name, summary, start, feel and caution are all needed")
	case e.StartPose == "":
		return fail("no start pose")
	case len(e.Steps) < 2:
		return fail("needs at least two steps, has %d", len(e.Steps))
	case len(e.Phases) == 0:
		return fail("needs at least one phase")
	case e.Hold.Min <= 0 || e.Hold.Min > e.Hold.Default || e.Hold.Default > e.Hold.Max:
		return fail("hold must satisfy 0 < min (%v) <= default (%v) <= max (%v)", e.Hold.Min, e.Hold.Default, e.Hold.Max)
	case e.Hold.Breaths < 0:
		return fail("breaths cannot be negative")
	case e.Reps.Min < 1 || e.Reps.Min > e.Reps.Max:
		return fail("reps range %d–%d is not valid", e.Reps.Min, e.Reps.Max)
	case !e.Reps.Contains(e.DefaultReps):
		return fail("default reps %d outside %d–%d", e.DefaultReps, e.Reps.Min, e.Reps.Max)
	case e.Frequency.TimesPerDay < 1 || e.Frequency.Text == "":
		return fail("frequency is missing")
	case e.Hold.Chosen && e.Note == "":
		return fail("a chosen hold time must be explained in Note")
	}
	switch e.Sides {
	case SidesNone, SidesEach, SidesEachThenBoth:
	default:
		return fail("unknown side mode %q", e.Sides)
	}
	for i, p := range e.Phases {
		if p.Pose == "" || p.Do == "" || p.Release == "" {
			return fail("phase %d needs a pose, an instruction and a release", i+1)
		}
		if p.Into <= 0 || p.Out <= 0 {
			return fail("phase %d needs the time to move into its position and out of it", i+1)
		}
		if e.Sides == SidesEachThenBoth && (p.Both == "" || p.BothPose == "" || p.BothRelease == "") {
			return fail("phase %d needs a pose and an instruction for both sides together", i+1)
		}
	}
	if p := e.Progression; p != nil {
		if p.Start < e.Reps.Min || p.Target > e.Reps.Max || p.Start >= p.Target || p.Text == "" {
			return fail("progression %d→%d must rise within reps %d–%d", p.Start, p.Target, e.Reps.Min, e.Reps.Max)
		}
	}
	return nil
}

// Catalogue is the set of exercises the app knows, in display order.
type Catalogue []Exercise

// Exercise returns the exercise with the given id.
func (c Catalogue) Exercise(id string) (Exercise, bool) {
	for _, e := range c {
		if e.ID == id {
			return e, true
		}
	}
	return Exercise{}, false
}

// Validate checks every exercise and that ids are unique.
func (c Catalogue) Validate() error {
	if len(c) == 0 {
		return errors.New("catalogue is empty")
	}
	seen := map[string]bool{}
	for _, e := range c {
		if err := e.Validate(); err != nil {
			return err
		}
		if seen[e.ID] {
			return fmt.Errorf("exercise id %q is used twice", e.ID)
		}
		seen[e.ID] = true
	}
	return nil
}
