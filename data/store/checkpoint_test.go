package store_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

func TestCheckpointRoundTrip(t *testing.T) {
	s, c := datatest.CheckpointTaken(t)
	taken := datatest.CheckpointStart.Add(100 * time.Second)
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"routine", c.Routine.ID, data.Morning},
		{"elapsed", c.Elapsed(), datatest.CheckpointElapsed},
		{"skipped", len(c.Skipped), 1},
		{"local date", c.LocalDate, "2025-04-24"},
		{"local time", c.LocalTime, "08:30"},
		{"zone", c.Zone, datatest.London},
		{"pain before", *c.PainBefore, 4},
		{"saved at", c.SavedAt, taken},
		{"fits its plan", c.Fits(s.Plan), true},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, ch.got, ch.want)
		}
	}

	st := &store.MemoryStorage{}
	back := saveAndLoad(t, st, c)
	if !reflect.DeepEqual(back, c) {
		t.Errorf("loaded: got %+v, want %+v", back, c)
	}

	// Reopened an hour later: paused where it was, with the same results.
	later := taken.Add(time.Hour)
	r := data.RestoreSession(s.Plan, back, later)
	if !r.Paused() {
		t.Errorf("Paused(): got false, want true")
	}
	if got, want := r.Elapsed(later), s.Elapsed(taken); got != want {
		t.Errorf("Elapsed: got %v, want %v", got, want)
	}
	if got, want := r.Results(later), s.Results(taken); !reflect.DeepEqual(got, want) {
		t.Errorf("Results: got %+v, want %+v", got, want)
	}
	r = r.Resume(later)
	if got, want := r.Elapsed(later.Add(5*time.Second)), datatest.CheckpointElapsed+5*time.Second; got != want {
		t.Errorf("after resuming: got %v, want %v", got, want)
	}
	// Skip and Back work on a restored session.
	r = r.Skip(later.Add(6 * time.Second)).Back(later.Add(7 * time.Second))
	if r.Elapsed(later.Add(7*time.Second)) <= 0 {
		t.Errorf("skip and back: elapsed went to zero")
	}

	store.ClearCheckpoint(st, c.RecordID)
	if _, ok, err := store.LoadCheckpoint(st); ok || err != nil {
		t.Errorf("after ClearCheckpoint: got %v, %v, want none", ok, err)
	}
}

func TestLoadCheckpointDamaged(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	good := datatest.MustJSON(t, c)
	cases := []struct {
		scenario, raw, want string
	}{
		{"not JSON", `{"schema":1,`, "it is cut short"},
		{"a list", `[]`, "the value is a list, must be an object"},
		{"unknown field", strings.Replace(good, `"schema":1`, `"schema":1,"colour":"red"`, 1), `unknown field "colour"`},
		{"newer schema", strings.Replace(good, `"schema":1`, `"schema":2`, 1), "schema is 2, this version reads 1"},
		{"bad start", strings.Replace(good, `"started":"2025-04-24T07:30:00Z"`, `"started":"now"`, 1), `start "now" is not a date and time`},
		{"no time saved", strings.Replace(good, `"savedAt":"2025-04-24T07:31:40Z"`, `"savedAt":""`, 1), "time saved is missing"},
		{"pain out of range", strings.Replace(good, `"painBefore":4`, `"painBefore":40`, 1), "pain before is 40, must be 0 to 10"},
		{"past the end", strings.Replace(good, `"elapsedMs":104000`, `"elapsedMs":99999999`, 1), "time reached is 99999999 ms"},
		{"skipped step out of range", strings.Replace(good, `"skipped":[3]`, `"skipped":[3,5000]`, 1), "skipped step 5000 is not one of the plan's"},
		{"unknown exercise", strings.Replace(good, `"exercise":"bridge"`, `"exercise":"plank"`, 1), `routine exercise 4: "plank" is not an exercise Unknot knows`},
		{"wrong type", strings.Replace(good, `"planSteps":`, `"planSteps":"many","x":`, 1), "plan steps is text, must be a whole number"},
		{"rest too long", strings.Replace(good, `"rest":15000000000`, `"rest":900000000000`, 1), "its pacing: the rest between exercises must be between"},
	}
	for _, ch := range cases {
		t.Run(ch.scenario, func(t *testing.T) {
			if ch.raw == good {
				t.Fatalf("the edit did not apply to %s", good)
			}
			st := &store.MemoryStorage{}
			st.SetRaw(store.CheckpointKey, ch.raw)
			got, ok, err := store.LoadCheckpoint(st)
			if ok || !reflect.DeepEqual(got, data.Checkpoint{}) {
				t.Errorf("got %+v, %v, want nothing", got, ok)
			}
			if !errors.Is(err, store.ErrCheckpoint) || !strings.Contains(err.Error(), ch.want) {
				t.Errorf("error: got %v, want one wrapping ErrCheckpoint containing %q", err, ch.want)
			}
			if raw, _ := st.GetRaw(store.CheckpointKey); raw != ch.raw {
				t.Errorf("the checkpoint changed: got %q, want %q", raw, ch.raw)
			}
		})
	}
}

func TestSaveCheckpointRefuses(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	t.Run("not valid", func(t *testing.T) {
		bad := c
		bad.ElapsedMS = -1
		st := &store.MemoryStorage{}
		if err := store.SaveCheckpoint(st, bad); err == nil || !strings.Contains(err.Error(), "time reached is -1 ms") {
			t.Errorf("got %v, want an error about the time reached", err)
		}
		if len(st.Keys()) != 0 {
			t.Errorf("keys: got %v, want none", st.Keys())
		}
	})
	t.Run("storage full", func(t *testing.T) {
		st := &store.MemoryStorage{Limit: 50}
		if err := store.SaveCheckpoint(st, c); !errors.Is(err, store.ErrStorageFull) {
			t.Errorf("got %v, want an error wrapping ErrStorageFull", err)
		}
	})
}

// A checkpoint keeps the pacing its plan was compiled with, so the session
// resumes on the same plan after the settings changed; one saved before
// checkpoints kept it uses the pacing it is given.
func TestCheckpointKeepsItsPacing(t *testing.T) {
	slow := data.DefaultTiming()
	slow.GetReady, slow.Rest = 30*time.Second, 45*time.Second
	p := datatest.CheckpointPlan(t, data.Morning, slow)
	s := data.NewSession(p, datatest.CheckpointStart)
	c := s.Checkpoint(data.NewStamp(datatest.CheckpointStart, "UTC"), nil, datatest.CheckpointStart.Add(200*time.Second))
	c.RecordID = datatest.CheckpointRecordID
	st := &store.MemoryStorage{}
	back := saveAndLoad(t, st, c)
	// The settings now say the defaults.
	tm := back.TimingOr(data.DefaultTiming())
	if tm != slow {
		t.Fatalf("the checkpoint's pacing is %+v, want %+v", tm, slow)
	}
	again := datatest.CheckpointPlan(t, data.Morning, tm)
	if !back.Fits(again) {
		t.Error("the plan compiled again with the checkpoint's pacing does not fit it")
	}
	if back.Fits(datatest.CheckpointPlan(t, data.Morning, data.DefaultTiming())) {
		t.Error("a plan with other pacing fits the checkpoint: the test shows nothing")
	}
	if got, want := data.RestoreSession(again, back, datatest.CheckpointStart).At(datatest.CheckpointStart).Index, s.At(datatest.CheckpointStart.Add(200*time.Second)).Index; got != want {
		t.Errorf("restored at segment %d, want %d", got, want)
	}

	// Saved by an earlier version: no pacing, the one given is used.
	raw := datatest.MustJSON(t, back)
	i := strings.Index(raw, `"timing":{`)
	j := strings.Index(raw[i:], "}")
	old := raw[:i] + raw[i+j+2:]
	if strings.Contains(old, "timing") {
		t.Fatalf("could not remove the pacing from %s", raw)
	}
	st = &store.MemoryStorage{}
	st.SetRaw(store.CheckpointKey, old)
	legacy, ok, err := store.LoadCheckpoint(st)
	if !ok || err != nil {
		t.Fatalf("loading a checkpoint without pacing: %v, %v (%s)", ok, err, old)
	}
	if got := legacy.TimingOr(slow); got != slow {
		t.Errorf("without pacing TimingOr gave %+v, want what it was given", got)
	}
}

// saveAndLoad stores c in st and reads it back.
func saveAndLoad(t *testing.T, st store.Storage, c data.Checkpoint) data.Checkpoint {
	t.Helper()
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	back, ok, err := store.LoadCheckpoint(st)
	if !ok || err != nil {
		t.Fatalf("LoadCheckpoint: got %v, %v, want a checkpoint", ok, err)
	}
	return back
}
