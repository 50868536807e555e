package data_test

import (
	"reflect"
	"testing"
	"time"

	"unknot/data"
)

func TestExerciseDescriptions(t *testing.T) {
	tests := []struct {
		id    string
		hold  string
		reps  string
		poses []string
	}{
		{data.KneeToChest, "5 seconds", "2 to 3 times each: left knee, right knee, both knees", []string{"supine", "knee-left", "knee-right", "knees-both"}},
		{data.Rotation, "5 to 10 seconds", "2 to 3 times on each side", []string{"supine", "rotate-left", "rotate-right"}},
		{data.Flexibility, "5 seconds", "5 to 30 rounds a day", []string{"supine", "back-arch", "back-flat"}},
		{data.Bridge, "3 deep breaths", "5 to 30 rounds a day", []string{"supine", "bridge"}},
		{data.CatStretch, "5 seconds (chosen by Unknot; the source article gives none)", "3 to 5 times", []string{"all-fours", "cat-arch", "cat-sag"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e := exercise(t, tt.id)
			if got := e.HoldText(); got != tt.hold {
				t.Errorf("hold: got %q, want %q", got, tt.hold)
			}
			if got := e.RepsRangeText(); got != tt.reps {
				t.Errorf("reps: got %q, want %q", got, tt.reps)
			}
			if got := e.Poses(); !reflect.DeepEqual(got, tt.poses) {
				t.Errorf("poses: got %v, want %v", got, tt.poses)
			}
		})
	}
}

// TestPlanPosesAreListed checks that every pose a plan shows is one an
// exercise lists, so a figure can be drawn for each.
func TestPlanPosesAreListed(t *testing.T) {
	listed := map[string]bool{}
	for _, e := range data.DefaultCatalogue() {
		for _, p := range e.Poses() {
			listed[p] = true
		}
	}
	for _, id := range []string{data.Morning, data.Evening} {
		for i, s := range compile(t, id, data.DefaultTiming()).Segments {
			if !listed[s.Pose] {
				t.Errorf("%s segment %d: got pose %q, want one of %v", id, i, s.Pose, listed)
			}
		}
	}
}

func TestDurationText(t *testing.T) {
	tests := []struct {
		scenario string
		d        time.Duration
		want     string
	}{
		{"zero", 0, "0 s"},
		{"seconds", 45 * time.Second, "45 s"},
		{"rounds to the second", 44*time.Second + 600*time.Millisecond, "45 s"},
		{"just under a minute", 59*time.Second + 400*time.Millisecond, "59 s"},
		{"rounds up to a minute", 59*time.Second + 500*time.Millisecond, "1 min"},
		{"a minute", time.Minute, "1 min"},
		{"rounds down below half a minute", time.Minute + 29*time.Second, "1 min"},
		{"rounds up at half a minute", time.Minute + 30*time.Second, "2 min"},
		{"the evening routine", 3*time.Minute + 54*time.Second, "4 min"},
		{"the morning routine", 8*time.Minute + 4*time.Second, "8 min"},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			if got := data.DurationText(tt.d); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// The routine editor's label says "a day" where the article doses per day.
func TestRoundsLabel(t *testing.T) {
	tests := []struct{ id, want string }{
		{data.KneeToChest, "Rounds (1 to 3)"},
		{data.Flexibility, "Rounds a day (1 to 30)"},
		{data.Bridge, "Rounds a day (1 to 30)"},
		{data.CatStretch, "Rounds (1 to 5)"},
	}
	for _, tt := range tests {
		if got := exercise(t, tt.id).RoundsLabel(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.id, got, tt.want)
		}
	}
}
