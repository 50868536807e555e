package data

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// checkpointSchema is the version of the stored checkpoint's shape.
const checkpointSchema = 1

// Checkpoint is a running session as saved to survive the tab being closed
// or killed. Save one at the start, at every step and when the page is
// hidden (visibilitychange, pagehide); on the next launch offer to resume
// it, save it as a partial session, or discard it.
type Checkpoint struct {
	Schema int `json:"schema"`
	// Routine is the routine run, with its doses, so that the same plan
	// can be compiled again.
	Routine Routine `json:"routine"`
	// PlanTotalMS (milliseconds) and PlanSteps describe the plan that was
	// running; Fits compares them with a plan compiled again.
	PlanTotalMS int64 `json:"planTotalMs"`
	PlanSteps   int   `json:"planSteps"`
	// Timing is the pacing the plan was compiled with (durations in
	// nanoseconds), so the same plan can be compiled again after the
	// person has changed their get-ready or rest times. Checkpoints saved
	// before it was kept have none (see TimingOr).
	Timing *Timing `json:"timing,omitempty"`
	// ElapsedMS is the plan time reached, in milliseconds.
	ElapsedMS int64 `json:"elapsedMs"`
	// JumpedMS is the plan time Skip and Back moved over, forward less
	// back, in milliseconds (Session.Active); 0 in checkpoints from before.
	JumpedMS int64 `json:"jumpedMs,omitempty"`
	// Skipped lists the steps skipped, by index.
	Skipped []int `json:"skipped,omitempty"`
	// Started is the instant the session started, in UTC; LocalDate,
	// LocalTime and Zone place it on the person's calendar (see Stamp).
	Started   time.Time `json:"started"`
	LocalDate string    `json:"localDate"`
	LocalTime string    `json:"localTime"`
	Zone      string    `json:"zone"`
	// PainBefore is the pain score given before the session, 0 to 10.
	PainBefore *int `json:"painBefore,omitempty"`
	// SavedAt is the instant of the checkpoint, in UTC.
	SavedAt time.Time `json:"savedAt"`
	// RecordID is the id the session's record will have, so that saving it
	// from the checkpoint ("save as partial", another tab) and saving it
	// at its end merge into one record instead of two.
	RecordID string `json:"recordId,omitempty"`
}

// Checkpoint saves the state of s at now. start is when and where the
// session started; painBefore the score given before it, or nil.
func (s Session) Checkpoint(start Stamp, painBefore *int, now time.Time) Checkpoint {
	c := Checkpoint{
		Schema:      checkpointSchema,
		Routine:     s.Plan.Routine,
		PlanTotalMS: s.Plan.Total.Milliseconds(),
		PlanSteps:   s.Plan.Steps,
		Timing:      &s.Plan.Timing,
		ElapsedMS:   s.Elapsed(now).Milliseconds(),
		JumpedMS:    s.jumped.Milliseconds(),
		Started:     start.At.Round(0).UTC().Truncate(time.Millisecond),
		LocalDate:   start.LocalDate,
		LocalTime:   start.LocalTime,
		Zone:        start.Zone,
		SavedAt:     now.Round(0).UTC().Truncate(time.Millisecond),
	}
	if painBefore != nil {
		c.PainBefore = PainScore(*painBefore)
	}
	for i, skipped := range s.skipped {
		if skipped {
			c.Skipped = append(c.Skipped, i)
		}
	}
	return c
}

// TimingOr is the pacing the session of c ran with, or t when c does not
// say (a checkpoint saved by an earlier version).
func (c Checkpoint) TimingOr(t Timing) Timing {
	if c.Timing != nil {
		return *c.Timing
	}
	return t
}

// Elapsed is the plan time c reached.
func (c Checkpoint) Elapsed() time.Duration { return time.Duration(c.ElapsedMS) * time.Millisecond }

// Active is the time the person had spent in the session when c was saved
// (Session.Active): what its record's ActiveMS says once saved.
func (c Checkpoint) Active() time.Duration {
	return max(time.Duration(c.ElapsedMS-c.JumpedMS)*time.Millisecond, 0)
}

// Stamp is when and where the session of c started.
func (c Checkpoint) Stamp() Stamp {
	return Stamp{At: c.Started, LocalDate: c.LocalDate, LocalTime: c.LocalTime, Zone: c.Zone}
}

// Fits reports whether p is the plan c was taken from: the same routine,
// length and number of steps. When it is not (the app or its pacing
// changed), resuming would start at another place: offer to save the
// session as partial instead.
func (c Checkpoint) Fits(p Plan) bool {
	return c.Routine.ID == p.Routine.ID && c.PlanTotalMS == p.Total.Milliseconds() && c.PlanSteps == p.Steps
}

// RestoreSession rebuilds the session of c on plan p, paused at the plan time
// c reached, with its skipped steps; Resume carries on from there. A time
// past the end of p is the end; skipped steps that p does not have are
// dropped.
func RestoreSession(p Plan, c Checkpoint, now time.Time) Session {
	s := Session{Plan: p, since: now, skipped: make([]bool, p.Steps)}
	s.base = min(max(c.Elapsed(), 0), p.Total)
	s.jumped = time.Duration(c.JumpedMS) * time.Millisecond
	for _, i := range c.Skipped {
		if i >= 0 && i < p.Steps {
			s.skipped[i] = true
		}
	}
	return s
}

// Record is the session of c saved as it stood, ended when c was saved:
// the "save as partial" choice. p is the plan of c.
func (c Checkpoint) Record(p Plan) Record {
	r := NewRecord(RestoreSession(p, c, c.SavedAt), c.Stamp(), c.SavedAt)
	if c.RecordID != "" {
		r.ID = c.RecordID
	}
	if c.PainBefore != nil {
		r.PainBefore = PainScore(*c.PainBefore)
	}
	return r
}

// Validate reports the first thing wrong with c, or nil.
func (c Checkpoint) Validate() error {
	if c.Schema != checkpointSchema {
		return fmt.Errorf("schema is %d, this version reads %d", c.Schema, checkpointSchema)
	}
	if err := checkRoutine(c.Routine); err != nil {
		return err
	}
	switch {
	case c.PlanTotalMS <= 0 || c.PlanTotalMS > MaxActiveMS:
		return fmt.Errorf("plan length is %d ms, must be 1 to %d", c.PlanTotalMS, MaxActiveMS)
	case c.PlanSteps < 1 || c.PlanSteps > MaxCount*MaxLogs:
		return fmt.Errorf("plan steps are %d, must be 1 to %d", c.PlanSteps, MaxCount*MaxLogs)
	case c.ElapsedMS < 0 || c.ElapsedMS > c.PlanTotalMS:
		return fmt.Errorf("time reached is %d ms, must be 0 to the plan's %d", c.ElapsedMS, c.PlanTotalMS)
	case c.JumpedMS < -c.PlanTotalMS || c.JumpedMS > c.ElapsedMS:
		return fmt.Errorf("time skipped is %d ms, must be no more than the %d reached, nor below minus the plan's %d", c.JumpedMS, c.ElapsedMS, c.PlanTotalMS)
	case len(c.Skipped) > c.PlanSteps:
		return fmt.Errorf("%d steps skipped of %d", len(c.Skipped), c.PlanSteps)
	}
	if c.Timing != nil {
		if err := c.Timing.Validate(); err != nil {
			return fmt.Errorf("its pacing: %w", err)
		}
	}
	for _, i := range c.Skipped {
		if i < 0 || i >= c.PlanSteps {
			return fmt.Errorf("skipped step %d is not one of the plan's %d", i, c.PlanSteps)
		}
	}
	if err := checkStamp("start", c.Started, c.LocalDate, c.LocalTime, c.Zone); err != nil {
		return err
	}
	if c.RecordID != "" && uuid.Validate(c.RecordID) != nil {
		return fmt.Errorf("record id %q is not a uuid", Clip(c.RecordID))
	}
	if err := checkPain("pain before", c.PainBefore); err != nil {
		return err
	}
	return CheckInstant("time saved", c.SavedAt)
}
