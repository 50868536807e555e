package data_test

import (
	"testing"
	"time"

	"unknot/data"
)

func TestSkipExercise(t *testing.T) {
	plan := compile(t, data.Morning, data.DefaultTiming())
	tests := []struct {
		scenario string
		at       int64 // seconds after t0
		wantItem int   // the exercise it lands on; -1 for the end
	}{
		{"during the lead-in, the first exercise", 2, 1},
		{"moving into position", 12, 1},
		{"in the first hold", int64(kneeLeftStart/sec) + 1, 1},
		{"in the last step", int64(lastStepStart/sec) + 1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			now := t0.Add(sec * time.Duration(tt.at))
			before := data.NewSession(plan, t0)
			s := before.SkipExercise(now)
			p := s.At(now)
			if tt.wantItem < 0 {
				if !p.Done {
					t.Fatalf("landed on %+v, want the end", p.Segment)
				}
				return
			}
			if p.Segment.Item != tt.wantItem || p.Segment.Kind != data.KindPosition || p.Elapsed != p.Segment.Start {
				t.Fatalf("landed on %s %q (item %d) %v in, want the start of item %d's position", p.Segment.Kind, p.Segment.Title, p.Segment.Item, p.Elapsed-p.Segment.Start, tt.wantItem)
			}
			// Running on to the end from here, the skipped exercise has
			// no hold done and every other one all of them.
			for i, r := range s.Results(t0.Add(morningTotal + 100*sec)) {
				if i == 0 && r.HoldsDone != 0 {
					t.Errorf("%s: %d holds counted as done after skipping it", r.Name, r.HoldsDone)
				}
				if i > 0 && r.HoldsDone != r.Holds {
					t.Errorf("%s: %d of %d holds done, want all", r.Name, r.HoldsDone, r.Holds)
				}
			}
		})
	}
}
