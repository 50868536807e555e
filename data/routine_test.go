package data_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

// itemIDs lists the exercise ids of r, in order.
func itemIDs(r data.Routine) []string {
	var ids []string
	for _, it := range r.Items {
		ids = append(ids, it.Exercise)
	}
	return ids
}

func TestBuiltinRoutinesValidate(t *testing.T) {
	c := data.DefaultCatalogue()
	seen := map[string]bool{}
	for _, r := range data.BuiltinRoutines() {
		t.Run(r.ID, func(t *testing.T) {
			if err := r.Validate(c); err != nil {
				t.Errorf("got %v, want nil", err)
			}
			if seen[r.ID] {
				t.Errorf("routine id %q is used twice", r.ID)
			}
			seen[r.ID] = true
			if _, ok := c.Exercise(r.ID); ok {
				t.Errorf("routine id %q is also an exercise id", r.ID)
			}
			for _, it := range r.Items {
				if _, ok := c.Exercise(it.Exercise); !ok {
					t.Errorf("got unknown exercise %q, want only catalogue exercises", it.Exercise)
				}
			}
		})
	}
}

func TestBuiltinRoutineContents(t *testing.T) {
	tests := []struct {
		scenario string
		id       string
		want     []string
	}{
		{"morning has all five", data.Morning, []string{data.KneeToChest, data.Rotation, data.Flexibility, data.Bridge, data.CatStretch}},
		{"evening has the three twice-daily stretches", data.Evening, []string{data.KneeToChest, data.Rotation, data.CatStretch}},
		{"short has two stretches", data.Short, []string{data.KneeToChest, data.Rotation}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			if got := itemIDs(datatest.Routine(t, tt.id)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRoutinesFollowFrequency checks that every exercise appears in as many
// of the daily routines (morning and evening) as the article says to do it a
// day. The short routine replaces a session, so it does not count.
func TestRoutinesFollowFrequency(t *testing.T) {
	count := map[string]int{}
	for _, id := range []string{data.Morning, data.Evening} {
		for _, it := range datatest.Routine(t, id).Items {
			count[it.Exercise]++
		}
	}
	for _, e := range data.DefaultCatalogue() {
		if got, want := count[e.ID], e.Frequency.TimesPerDay; got != want {
			t.Errorf("%s: got %v routines, want %v", e.ID, got, want)
		}
	}
}

func TestFindRoutine(t *testing.T) {
	c := data.DefaultCatalogue()
	tests := []struct {
		scenario string
		id       string
		ok       bool
		name     string
		items    []string
	}{
		{"morning", data.Morning, true, "Morning routine", []string{data.KneeToChest, data.Rotation, data.Flexibility, data.Bridge, data.CatStretch}},
		{"evening", data.Evening, true, "Evening routine", []string{data.KneeToChest, data.Rotation, data.CatStretch}},
		{"short", data.Short, true, "Short routine", []string{data.KneeToChest, data.Rotation}},
		{"single knee-to-chest", data.KneeToChest, true, "Knee-to-chest stretch", []string{data.KneeToChest}},
		{"single rotation", data.Rotation, true, "Lower-back rotational stretch", []string{data.Rotation}},
		{"single flexibility", data.Flexibility, true, "Lower-back flexibility exercise", []string{data.Flexibility}},
		{"single bridge", data.Bridge, true, "Bridge", []string{data.Bridge}},
		{"single cat stretch", data.CatStretch, true, "Cat stretch", []string{data.CatStretch}},
		{"unknown", "push-ups", false, "", nil},
		{"empty", "", false, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			r, ok := data.FindRoutine(c, tt.id)
			if ok != tt.ok {
				t.Fatalf("got %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if r.ID != tt.id || r.Name != tt.name {
				t.Errorf("got %q %q, want %q %q", r.ID, r.Name, tt.id, tt.name)
			}
			if got := itemIDs(r); !reflect.DeepEqual(got, tt.items) {
				t.Errorf("got %v, want %v", got, tt.items)
			}
			if err := r.Validate(c); err != nil {
				t.Errorf("got %v, want nil", err)
			}
		})
	}
}

func TestSingleRoutine(t *testing.T) {
	e := exercise(t, data.Bridge)
	got := data.SingleRoutine(e)
	want := data.Routine{ID: e.ID, Name: e.Name, Summary: e.Summary, Items: []data.RoutineItem{{Exercise: e.ID}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestResolve(t *testing.T) {
	c := data.DefaultCatalogue()
	const s = time.Second
	tests := []struct {
		scenario string
		item     data.RoutineItem
		reps     int
		hold     time.Duration
		err      []string // the error must contain all of these
	}{
		{"knee defaults", data.RoutineItem{Exercise: data.KneeToChest}, 2, 5 * s, nil},
		{"rotation defaults", data.RoutineItem{Exercise: data.Rotation}, 2, 5 * s, nil},
		{"flexibility defaults", data.RoutineItem{Exercise: data.Flexibility}, 5, 5 * s, nil},
		{"bridge defaults", data.RoutineItem{Exercise: data.Bridge}, 5, 18 * s, nil},
		{"cat defaults", data.RoutineItem{Exercise: data.CatStretch}, 3, 5 * s, nil},
		{"knee at most reps", data.RoutineItem{Exercise: data.KneeToChest, Reps: 3}, 3, 5 * s, nil},
		{"rotation shortest hold", data.RoutineItem{Exercise: data.Rotation, Hold: 5 * s}, 2, 5 * s, nil},
		{"flexibility at target", data.RoutineItem{Exercise: data.Flexibility, Reps: 30}, 30, 5 * s, nil},
		{"cat longest hold and most reps", data.RoutineItem{Exercise: data.CatStretch, Reps: 5, Hold: 10 * s}, 5, 10 * s, nil},
		{"unknown exercise", data.RoutineItem{Exercise: "push-up"}, 0, 0, []string{`unknown exercise "push-up"`}},
		{"knee too many reps", data.RoutineItem{Exercise: data.KneeToChest, Reps: 4}, 0, 0, []string{"Knee-to-chest stretch", "4 rounds", "1 to 3"}},
		{"knee one rep, fewer than the suggested start", data.RoutineItem{Exercise: data.KneeToChest, Reps: 1}, 1, 5 * s, nil},
		{"bridge one rep", data.RoutineItem{Exercise: data.Bridge, Reps: 1}, 1, 18 * s, nil},
		{"negative reps", data.RoutineItem{Exercise: data.Bridge, Reps: -1}, 0, 0, []string{"Bridge", "-1 rounds", "1 to 30"}},
		{"flexibility past target", data.RoutineItem{Exercise: data.Flexibility, Reps: 31}, 0, 0, []string{"Lower-back flexibility exercise", "31 rounds", "1 to 30"}},
		{"what is left of a day's bridges", data.RoutineItem{Exercise: data.Bridge, Reps: 3}, 3, 18 * s, nil},
		{"rotation hold too long", data.RoutineItem{Exercise: data.Rotation, Hold: 11 * s}, 0, 0, []string{"Lower-back rotational stretch", "a hold of 11 s", "5 s to 10 s"}},
		{"rotation hold too short", data.RoutineItem{Exercise: data.Rotation, Hold: 4 * s}, 0, 0, []string{"Lower-back rotational stretch", "a hold of 4 s", "5 s to 10 s"}},
		{"knee hold fixed by article", data.RoutineItem{Exercise: data.KneeToChest, Hold: 6 * s}, 0, 0, []string{"Knee-to-chest stretch", "always 5 s, not 6 s"}},
		{"bridge hold is breaths", data.RoutineItem{Exercise: data.Bridge, Hold: 20 * s}, 0, 0, []string{"Bridge", "always 18 s, not 20 s"}},
		{"negative hold", data.RoutineItem{Exercise: data.CatStretch, Hold: -s}, 0, 0, []string{"Cat stretch", "a hold of -1 s", "5 s to 10 s"}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			e, reps, hold, err := tt.item.Resolve(c)
			if tt.err == nil {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				if e.ID != tt.item.Exercise {
					t.Errorf("exercise: got %v, want %v", e.ID, tt.item.Exercise)
				}
			} else {
				if err == nil {
					t.Fatalf("got nil, want an error containing %q", tt.err)
				}
				for _, want := range tt.err {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("got %q, want it to contain %q", err, want)
					}
				}
			}
			if reps != tt.reps || hold != tt.hold {
				t.Errorf("got %v reps of %v, want %v reps of %v", reps, hold, tt.reps, tt.hold)
			}
		})
	}
}

func TestRoutineValidateRejects(t *testing.T) {
	c := data.DefaultCatalogue()
	tests := []struct {
		scenario string
		r        data.Routine
		want     string
	}{
		{"no id", data.Routine{Name: "Mine", Items: []data.RoutineItem{{Exercise: data.Bridge}}}, "a routine needs an id and a name"},
		{"no name", data.Routine{ID: "mine", Items: []data.RoutineItem{{Exercise: data.Bridge}}}, "a routine needs an id and a name"},
		{"no items", data.Routine{ID: "mine", Name: "Mine"}, `routine "Mine" has no exercises`},
		{"unknown exercise", data.Routine{ID: "mine", Name: "Mine", Items: []data.RoutineItem{{Exercise: data.Bridge}, {Exercise: "plank"}}}, `routine "Mine": unknown exercise "plank"`},
		{"dose out of range", data.Routine{ID: "mine", Name: "Mine", Items: []data.RoutineItem{{Exercise: data.CatStretch, Reps: 6}}}, `routine "Mine": Cat stretch: 6 rounds is outside the safe range of 1 to 5`},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			err := tt.r.Validate(c)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDefaultTimingValidates(t *testing.T) {
	if err := data.DefaultTiming().Validate(); err != nil {
		t.Errorf("got %v, want nil", err)
	}
}

func TestTimingValidate(t *testing.T) {
	const s = time.Second
	tests := []struct {
		scenario string
		change   func(tm *data.Timing)
		want     string // empty: valid
	}{
		{"shortest get ready", func(tm *data.Timing) { tm.GetReady = 3 * s }, ""},
		{"longest get ready", func(tm *data.Timing) { tm.GetReady = 60 * s }, ""},
		{"get ready too short", func(tm *data.Timing) { tm.GetReady = 3*s - 1 }, "the get-ready time must be between 3 s and 60 s, not 2.999999999 s"},
		{"get ready too long", func(tm *data.Timing) { tm.GetReady = 61 * s }, "the get-ready time must be between 3 s and 60 s, not 61 s"},
		{"no time to get into position", func(tm *data.Timing) { tm.Position = 0 }, "the time to get into position must be between 3 s and 60 s, not 0 s"},
		{"position too long", func(tm *data.Timing) { tm.Position = 2 * time.Minute }, "the time to get into position must be between 3 s and 60 s, not 120 s"},
		{"shortest release", func(tm *data.Timing) { tm.Release = 2 * s }, ""},
		{"release too short", func(tm *data.Timing) { tm.Release = s }, "the release time must be between 2 s and 30 s, not 1 s"},
		{"release too long", func(tm *data.Timing) { tm.Release = 31 * s }, "the release time must be between 2 s and 30 s, not 31 s"},
		{"switch too short", func(tm *data.Timing) { tm.Switch = s }, "the time to switch sides must be between 2 s and 30 s, not 1 s"},
		{"switch too long", func(tm *data.Timing) { tm.Switch = 31 * s }, "the time to switch sides must be between 2 s and 30 s, not 31 s"},
		{"no rest", func(tm *data.Timing) { tm.Rest = 0 }, ""},
		{"longest rest", func(tm *data.Timing) { tm.Rest = 5 * time.Minute }, ""},
		{"negative rest", func(tm *data.Timing) { tm.Rest = -s }, "the rest between exercises must be between 0 s and 300 s, not -1 s"},
		{"rest too long", func(tm *data.Timing) { tm.Rest = 5*time.Minute + 1 }, "the rest between exercises must be between 0 s and 300 s, not 300.000000001 s"},
		{"breath in too short", func(tm *data.Timing) { tm.BreathIn = s }, "the breath in must be between 2 s and 10 s, not 1 s"},
		{"breath in too long", func(tm *data.Timing) { tm.BreathIn = 11 * s }, "the breath in must be between 2 s and 10 s, not 11 s"},
		{"breath out too short", func(tm *data.Timing) { tm.BreathOut = s }, "the breath out must be between 2 s and 10 s, not 1 s"},
		{"longest breath out", func(tm *data.Timing) { tm.BreathOut = 10 * s }, ""},
		{"zero timing", func(tm *data.Timing) { *tm = data.Timing{} }, "the get-ready time must be between 3 s and 60 s, not 0 s"},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			tm := data.DefaultTiming()
			tt.change(&tm)
			err := tm.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("got %v, want nil", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}
