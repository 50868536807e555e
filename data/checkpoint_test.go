package data_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
)

// cpPlan compiles a built-in routine with the given timing.
func cpPlan(tb testing.TB, id string, tm data.Timing) data.Plan {
	tb.Helper()
	cat := data.DefaultCatalogue()
	r, ok := data.FindRoutine(cat, id)
	if !ok {
		tb.Fatalf("no routine %q", id)
	}
	p, err := data.Compile(r, cat, tm)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// cpElapsed is the plan time reached 100 s into cpTaken's session: the skip
// jumped 4 s ahead.
const cpElapsed = 104 * time.Second

// cpStart is when the checkpointed session starts: 08:30 in London.
var cpStart = time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)

// cpTaken runs a morning session with a skip 21 s in, during the first
// hold (20–25 s), and returns it with its checkpoint 100 s in, when the plan
// has reached cpElapsed.
func cpTaken(tb testing.TB) (data.Session, data.Checkpoint) {
	tb.Helper()
	p := cpPlan(tb, data.Morning, data.DefaultTiming())
	s := data.NewSession(p, cpStart).Skip(cpStart.Add(21 * time.Second))
	stamp := data.NewStamp(cpStart.In(histLoc(tb, london)), london)
	c := s.Checkpoint(stamp, data.PainScore(4), cpStart.Add(100*time.Second))
	c.RecordID = cpRecordID
	return s, c
}

// cpRecordID is the record id cpTaken's session will have.
const cpRecordID = "5d0f3c2a-1b4e-4c6d-8e9f-0a1b2c3d4e5f"

func TestCheckpointRoundTrip(t *testing.T) {
	s, c := cpTaken(t)
	taken := cpStart.Add(100 * time.Second)
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"routine", c.Routine.ID, data.Morning},
		{"elapsed", c.Elapsed(), cpElapsed},
		{"skipped", len(c.Skipped), 1},
		{"local date", c.LocalDate, "2025-04-24"},
		{"local time", c.LocalTime, "08:30"},
		{"zone", c.Zone, london},
		{"pain before", *c.PainBefore, 4},
		{"saved at", c.SavedAt, taken},
		{"fits its plan", c.Fits(s.Plan), true},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, ch.got, ch.want)
		}
	}

	st := &data.MemoryStorage{}
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
	if got, want := r.Elapsed(later.Add(5*time.Second)), cpElapsed+5*time.Second; got != want {
		t.Errorf("after resuming: got %v, want %v", got, want)
	}
	// Skip and Back work on a restored session.
	r = r.Skip(later.Add(6 * time.Second)).Back(later.Add(7 * time.Second))
	if r.Elapsed(later.Add(7*time.Second)) <= 0 {
		t.Errorf("skip and back: elapsed went to zero")
	}

	data.ClearCheckpoint(st, c.RecordID)
	if _, ok, err := data.LoadCheckpoint(st); ok || err != nil {
		t.Errorf("after ClearCheckpoint: got %v, %v, want none", ok, err)
	}
}

func TestRestoreSessionClamps(t *testing.T) {
	p := cpPlan(t, data.Evening, data.DefaultTiming())
	_, c := cpTaken(t)
	c.ElapsedMS = (p.Total + time.Hour).Milliseconds()
	c.Skipped = []int{-1, 0, 9999}
	now := cpStart.Add(time.Hour)
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
	_, c := cpTaken(t)
	slow := data.DefaultTiming()
	slow.Rest = 30 * time.Second
	cases := []struct {
		scenario string
		plan     data.Plan
		want     bool
	}{
		{"the same plan", cpPlan(t, data.Morning, data.DefaultTiming()), true},
		{"another pacing", cpPlan(t, data.Morning, slow), false},
		{"another routine", cpPlan(t, data.Evening, data.DefaultTiming()), false},
	}
	for _, ch := range cases {
		if got := c.Fits(ch.plan); got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, got, ch.want)
		}
	}
}

func TestCheckpointRecord(t *testing.T) {
	s, c := cpTaken(t)
	r := c.Record(s.Plan)
	if err := r.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"partial", r.Complete, false},
		{"start", r.Start, cpStart},
		{"end is when it was saved", r.End, c.SavedAt},
		{"active", r.Active(), cpElapsed},
		{"local date", r.LocalDate, "2025-04-24"},
		{"pain before", *r.PainBefore, 4},
		{"knee-to-chest left hold skipped", r.Exercises[0].HoldsDone, 5},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.scenario, ch.got, ch.want)
		}
	}
}

func TestLoadCheckpointDamaged(t *testing.T) {
	_, c := cpTaken(t)
	good := mustJSON(t, c)
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
		{"skipped step out of range", strings.Replace(good, `"skipped":[2]`, `"skipped":[2,5000]`, 1), "skipped step 5000 is not one of the plan's"},
		{"unknown exercise", strings.Replace(good, `"exercise":"bridge"`, `"exercise":"plank"`, 1), `routine exercise 4: "plank" is not an exercise Unknot knows`},
		{"wrong type", strings.Replace(good, `"planSteps":`, `"planSteps":"many","x":`, 1), "plan steps is text, must be a whole number"},
		{"rest too long", strings.Replace(good, `"rest":15000000000`, `"rest":900000000000`, 1), "its pacing: the rest between exercises must be between"},
	}
	for _, ch := range cases {
		t.Run(ch.scenario, func(t *testing.T) {
			if ch.raw == good {
				t.Fatalf("the edit did not apply to %s", good)
			}
			st := &data.MemoryStorage{}
			st.SetRaw(data.CheckpointKey, ch.raw)
			got, ok, err := data.LoadCheckpoint(st)
			if ok || !reflect.DeepEqual(got, data.Checkpoint{}) {
				t.Errorf("got %+v, %v, want nothing", got, ok)
			}
			if !errors.Is(err, data.ErrCheckpoint) || !strings.Contains(err.Error(), ch.want) {
				t.Errorf("error: got %v, want one wrapping ErrCheckpoint containing %q", err, ch.want)
			}
			if raw, _ := st.GetRaw(data.CheckpointKey); raw != ch.raw {
				t.Errorf("the checkpoint changed: got %q, want %q", raw, ch.raw)
			}
		})
	}
}

func TestSaveCheckpointRefuses(t *testing.T) {
	_, c := cpTaken(t)
	t.Run("not valid", func(t *testing.T) {
		bad := c
		bad.ElapsedMS = -1
		st := &data.MemoryStorage{}
		if err := data.SaveCheckpoint(st, bad); err == nil || !strings.Contains(err.Error(), "time reached is -1 ms") {
			t.Errorf("got %v, want an error about the time reached", err)
		}
		if len(st.Keys()) != 0 {
			t.Errorf("keys: got %v, want none", st.Keys())
		}
	})
	t.Run("storage full", func(t *testing.T) {
		st := &data.MemoryStorage{Limit: 50}
		if err := data.SaveCheckpoint(st, c); !errors.Is(err, data.ErrStorageFull) {
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
	p := cpPlan(t, data.Morning, slow)
	s := data.NewSession(p, cpStart)
	c := s.Checkpoint(data.NewStamp(cpStart, "UTC"), nil, cpStart.Add(200*time.Second))
	c.RecordID = cpRecordID
	st := &data.MemoryStorage{}
	back := saveAndLoad(t, st, c)
	// The settings now say the defaults.
	tm := back.TimingOr(data.DefaultTiming())
	if tm != slow {
		t.Fatalf("the checkpoint's pacing is %+v, want %+v", tm, slow)
	}
	again := cpPlan(t, data.Morning, tm)
	if !back.Fits(again) {
		t.Error("the plan compiled again with the checkpoint's pacing does not fit it")
	}
	if back.Fits(cpPlan(t, data.Morning, data.DefaultTiming())) {
		t.Error("a plan with other pacing fits the checkpoint: the test shows nothing")
	}
	if got, want := data.RestoreSession(again, back, cpStart).At(cpStart).Index, s.At(cpStart.Add(200*time.Second)).Index; got != want {
		t.Errorf("restored at segment %d, want %d", got, want)
	}

	// Saved by an earlier version: no pacing, the one given is used.
	raw := mustJSON(t, back)
	i := strings.Index(raw, `"timing":{`)
	j := strings.Index(raw[i:], "}")
	old := raw[:i] + raw[i+j+2:]
	if strings.Contains(old, "timing") {
		t.Fatalf("could not remove the pacing from %s", raw)
	}
	st = &data.MemoryStorage{}
	st.SetRaw(data.CheckpointKey, old)
	legacy, ok, err := data.LoadCheckpoint(st)
	if !ok || err != nil {
		t.Fatalf("loading a checkpoint without pacing: %v, %v (%s)", ok, err, old)
	}
	if got := legacy.TimingOr(slow); got != slow {
		t.Errorf("without pacing TimingOr gave %+v, want what it was given", got)
	}
}

// saveAndLoad stores c in st and reads it back.
func saveAndLoad(t *testing.T, st data.Storage, c data.Checkpoint) data.Checkpoint {
	t.Helper()
	if err := data.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	back, ok, err := data.LoadCheckpoint(st)
	if !ok || err != nil {
		t.Fatalf("LoadCheckpoint: got %v, %v, want a checkpoint", ok, err)
	}
	return back
}
