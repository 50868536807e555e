package data_test

import (
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestRestoreSessionClamps(t *testing.T) {
	p := datatest.CheckpointPlan(t, data.Evening, data.DefaultTiming())
	_, c := datatest.CheckpointTaken(t)
	c.ElapsedMS = (p.Total + time.Hour).Milliseconds()
	c.Skipped = []int{-1, 0, 9999}
	now := datatest.CheckpointStart.Add(time.Hour)
	r := data.RestoreSession(p, c, now)
	if got := r.Elapsed(now); got != p.Total {
		t.Errorf("Elapsed: got %v, want the plan's %v", got, p.Total)
	}
	if !r.At(now).Done {
		t.Errorf("At: got not done, want done")
	}
	if got := r.Results(now)[0].HoldsDone; got != 6 {
		t.Errorf("knee-to-chest holds done: got %d, want 6 (only the get-ready step was skipped)", got)
	}
}

func TestCheckpointFits(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	slow := datatest.FullTiming()
	slow.Rest = 30 * time.Second
	cases := []struct {
		scenario string
		plan     data.Plan
		want     bool
	}{
		{"the same plan", datatest.CheckpointPlan(t, data.Morning, datatest.FullTiming()), true},
		{"another pacing", datatest.CheckpointPlan(t, data.Morning, slow), false},
		{"short cues on later rounds", datatest.CheckpointPlan(t, data.Morning, data.DefaultTiming()), false},
		{"another routine", datatest.CheckpointPlan(t, data.Evening, datatest.FullTiming()), false},
	}
	for _, ch := range cases {
		if got := c.Fits(ch.plan); got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, got, ch.want)
		}
	}
}

func TestCheckpointRecord(t *testing.T) {
	s, c := datatest.CheckpointTaken(t)
	r := c.Record(s.Plan)
	if err := r.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"partial", r.Complete, false},
		{"start", r.Start, datatest.CheckpointStart},
		{"end is when it was saved", r.End, c.SavedAt},
		// The time spent: the plan time reached less the 4 s of the first
		// hold skipped 42 s in.
		{"active", r.Active(), datatest.CheckpointElapsed - 4*time.Second},
		{"local date", r.LocalDate, "2025-04-24"},
		{"pain before", *r.PainBefore, 4},
		{"knee-to-chest left hold skipped", r.Exercises[0].HoldsDone, 2},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, ch.got, ch.want)
		}
	}
}
