package data

import "time"

// backGrace is how far into a step Back returns to the start of that step
// rather than to the step before.
const backGrace = 2 * time.Second

// Session is the state of one run through a plan. It reads no clock: every
// operation takes the current instant, which should carry a monotonic
// reading (time.Now does), so the session stays exact however irregularly
// it is asked. Operations return a new value and leave the old one intact.
type Session struct {
	Plan Plan
	// base is the elapsed plan time at the instant since; while running,
	// elapsed time grows from there with the clock.
	base    time.Duration
	since   time.Time
	running bool
	// waiting is set while the clock stands still for the voice (Wait);
	// since is then the instant the wait began.
	waiting bool
	// skipped marks the steps the person skipped, so they are not counted
	// as done.
	skipped []bool
	// jumped is the plan time Skip and Back moved over, forward less back:
	// time the person did not spend (see Active).
	jumped time.Duration
}

// NewSession starts p at the instant now.
func NewSession(p Plan, now time.Time) Session {
	return Session{Plan: p, since: now, running: true, skipped: make([]bool, p.Steps)}
}

// Elapsed is the plan time reached at now, at most the plan's Total.
func (s Session) Elapsed(now time.Time) time.Duration {
	e := s.base
	if s.running {
		e += now.Sub(s.since)
	}
	return min(max(e, 0), s.Plan.Total)
}

// Active is the time the person has spent in the session at now, pauses
// and what Skip jumped over left out, what Back went over again counted
// again: the session's length as lived, not the plan time reached.
func (s Session) Active(now time.Time) time.Duration {
	return max(s.Elapsed(now)-s.jumped, 0)
}

// At is the position at now.
func (s Session) At(now time.Time) Position { return s.Plan.At(s.Elapsed(now)) }

// Paused reports whether the session is paused.
func (s Session) Paused() bool { return !s.running && !s.waiting }

// Pause stops the clock at now. Pausing a paused session changes nothing;
// pausing one that waits for the voice ends the wait where it stands.
func (s Session) Pause(now time.Time) Session {
	if s.running || s.waiting {
		s.base, s.since, s.running, s.waiting = s.Elapsed(now), now, false, false
	}
	return s
}

// MaxVoiceWait is the longest Wait holds a session: a voice slower than
// the plan's model by more than this, or one that never says it has
// finished (some Android versions fire no end event), no longer holds the
// next step back.
const MaxVoiceWait = 8 * time.Second

// Wait stops the plan's clock at plan time at, a step's end the running
// session reached at or before now, because the voice is still saying the
// words of that step: the next step must not start over them. The clock
// stands still from the instant at was reached until Go.
func (s Session) Wait(at time.Duration, now time.Time) Session {
	if !s.running || at > s.Elapsed(now) {
		return s
	}
	reached := now.Add(at - s.Elapsed(now))
	s.base, s.since, s.running, s.waiting = at, reached, false, true
	return s
}

// Waiting reports whether the session waits for the voice, and since when.
func (s Session) Waiting() (bool, time.Time) { return s.waiting, s.since }

// Go ends a wait for the voice at now, or at the latest MaxVoiceWait after
// it began (a tab hidden meanwhile may ask long after): the plan's clock
// runs again, late by exactly the wait.
func (s Session) Go(now time.Time) Session {
	if s.waiting {
		end := s.since.Add(MaxVoiceWait)
		if now.Before(end) {
			end = now
		}
		s.since, s.running, s.waiting = end, true, false
	}
	return s
}

// Resume starts the clock again from where it was paused.
func (s Session) Resume(now time.Time) Session {
	if !s.running && !s.waiting {
		s.since, s.running = now, true
	}
	return s
}

// seek moves to the given plan time, keeping the paused or running state;
// a wait for the voice ends, as the person moved on.
func (s Session) seek(to time.Duration, now time.Time) Session {
	to = min(max(to, 0), s.Plan.Total)
	s.jumped += to - s.Elapsed(now)
	s.base, s.since = to, now
	if s.waiting {
		s.running, s.waiting = true, false
	}
	return s
}

// Skip jumps to the start of the next step and marks the current one as
// skipped. At the end it changes nothing.
func (s Session) Skip(now time.Time) Session {
	p := s.At(now)
	if p.Done {
		return s
	}
	s.skipped = append([]bool(nil), s.skipped...)
	s.skipped[p.Segment.Step] = true
	return s.seek(s.Plan.StepStart(p.Segment.Step+1), now)
}

// Back returns to the start of the current step, or to the previous step
// when the current one started less than two seconds ago. The step returned
// to is no longer counted as skipped.
func (s Session) Back(now time.Time) Session {
	p := s.At(now)
	step := p.Segment.Step
	if p.Elapsed-s.Plan.StepStart(step) < backGrace && step > 0 {
		step--
	}
	s.skipped = append([]bool(nil), s.skipped...)
	s.skipped[step] = false
	return s.seek(s.Plan.StepStart(step), now)
}

// Result is what was done of one routine item.
type Result struct {
	Exercise string
	Name     string
	// Reps is the number of repetitions planned; RepsDone those whose every
	// hold was completed, not skipped.
	Reps, RepsDone int
	// Holds and HoldsDone count single holds the same way.
	Holds, HoldsDone int
	// Hold is the length of one hold.
	Hold time.Duration
}

// Results says, per routine item, what was done by now.
func (s Session) Results(now time.Time) []Result {
	elapsed := s.Elapsed(now)
	var out []Result
	// done[rep] counts the completed holds of each repetition of the
	// current item.
	var done map[int]int
	flush := func() {
		if len(out) == 0 {
			return
		}
		r := &out[len(out)-1]
		perRep := r.Holds / r.Reps
		for _, n := range done {
			if n == perRep {
				r.RepsDone++
			}
		}
	}
	for i, seg := range s.Plan.Segments {
		switch {
		case seg.Kind == KindPosition:
			flush()
			out = append(out, Result{Exercise: seg.Exercise, Name: seg.Title, Reps: seg.Reps})
			done = map[int]int{}
		case seg.Kind == KindHold && s.Plan.Segments[i-1].Step != seg.Step:
			// The first segment of a hold; a hold paced in breaths spans
			// several segments of one step.
			r := &out[len(out)-1]
			r.Holds++
			// A hold ends with its last segment of the same step.
			end := i
			for end+1 < len(s.Plan.Segments) && s.Plan.Segments[end+1].Step == seg.Step {
				end++
			}
			r.Hold = s.Plan.Segments[end].End() - seg.Start
			if s.Plan.Segments[end].End() <= elapsed && !s.skipped[seg.Step] {
				r.HoldsDone++
				done[seg.Rep]++
			}
		}
	}
	flush()
	return out
}

// Complete reports whether every hold of the plan was done by now.
func (s Session) Complete(now time.Time) bool {
	for _, r := range s.Results(now) {
		if r.HoldsDone < r.Holds {
			return false
		}
	}
	return true
}
