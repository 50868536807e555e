package data_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"unknot/data"
)

// exercise returns the catalogue entry with the given id, failing the test
// when there is none.
func exercise(tb testing.TB, id string) data.Exercise {
	tb.Helper()
	e, ok := data.DefaultCatalogue().Exercise(id)
	if !ok {
		tb.Fatalf("exercise %q is not in the catalogue", id)
	}
	return e
}

// strs collects every string reachable from v: fields, slices, pointers.
func strs(v reflect.Value) []string {
	switch v.Kind() {
	case reflect.String:
		return []string{v.String()}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return strs(v.Elem())
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out = append(out, strs(v.Field(i))...)
			}
		}
		return out
	case reflect.Slice, reflect.Array:
		var out []string
		for i := range v.Len() {
			out = append(out, strs(v.Index(i))...)
		}
		return out
	}
	return nil
}

func TestDefaultCatalogueValidates(t *testing.T) {
	c := data.DefaultCatalogue()
	if err := c.Validate(); err != nil {
		t.Fatalf("got %v, want nil", err)
	}
	for _, e := range c {
		t.Run(e.ID, func(t *testing.T) {
			if err := e.Validate(); err != nil {
				t.Errorf("got %v, want nil", err)
			}
		})
	}
}

func TestDefaultCatalogueIDs(t *testing.T) {
	c := data.DefaultCatalogue()
	// The article's five exercises, in its order.
	want := []string{data.KneeToChest, data.Rotation, data.Flexibility, data.Bridge, data.CatStretch}
	var got []string
	seen := map[string]bool{}
	for _, e := range c {
		if seen[e.ID] {
			t.Errorf("id %q is used twice", e.ID)
		}
		seen[e.ID] = true
		got = append(got, e.ID)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, ok := c.Exercise("push-up"); ok {
		t.Errorf("got an exercise for an unknown id, want none")
	}
}

// TestDefaultCatalogueFreshCopies guards the catalogue against callers that
// edit what they are given.
func TestDefaultCatalogueFreshCopies(t *testing.T) {
	a := data.DefaultCatalogue()
	a[0].Steps[0] = "changed"
	a[0].Phases[0].Do = "changed"
	a[2].Progression.Target = 99
	b := data.DefaultCatalogue()
	if b[0].Steps[0] == "changed" || b[0].Phases[0].Do == "changed" || b[2].Progression.Target == 99 {
		t.Errorf("got a catalogue sharing memory with an earlier one, want a fresh copy")
	}
}

// TestCatalogueMatchesArticle pins every number of the source article
// (/work/shared/seed/back-muscle-cramp-exercises.txt) to the catalogue.
func TestCatalogueMatchesArticle(t *testing.T) {
	const s = time.Second
	tests := []struct {
		scenario    string
		id          string
		hold        data.Hold
		reps        data.Range
		defaultReps int
		sides       data.SideMode
		poses       []string // phase poses, in order
		bothPose    string   // pose when both sides work together, if any
		timesPerDay int
		progression *data.Progression // Start and Target only
		// steps are phrases the steps must contain, where the article
		// gives the number in its steps or the line after them.
		steps []string
	}{
		{
			scenario: "knee-to-chest: 5 s, 2 to 3 times, each knee then both, twice a day",
			id:       data.KneeToChest,
			hold:     data.Hold{Default: 5 * s, Min: 5 * s, Max: 5 * s},
			reps:     data.Range{Min: 2, Max: 3}, defaultReps: 2,
			sides:       data.SidesEachThenBoth,
			poses:       []string{"knee-{side}"},
			bothPose:    "knees-both",
			timesPerDay: 2,
			steps:       []string{"5 seconds", "2 to 3 times", "both knees"},
		},
		{
			scenario: "rotation: 5 to 10 s, 2 to 3 times each side, twice a day",
			id:       data.Rotation,
			hold:     data.Hold{Default: 5 * s, Min: 5 * s, Max: 10 * s}, // the default is where a new person starts (issue 23)
			reps:     data.Range{Min: 2, Max: 3}, defaultReps: 2,
			sides:       data.SidesEach,
			poses:       []string{"rotate-{side}"},
			timesPerDay: 2,
			steps:       []string{"5 to 10 seconds", "2 to 3 times on each side"},
		},
		{
			scenario: "flexibility: 5 s per position, arch then flat, 5 to 30 a day",
			id:       data.Flexibility,
			hold:     data.Hold{Default: 5 * s, Min: 5 * s, Max: 5 * s},
			reps:     data.Range{Min: 5, Max: 30}, defaultReps: 5,
			sides:       data.SidesNone,
			poses:       []string{"back-arch", "back-flat"},
			timesPerDay: 1,
			progression: &data.Progression{Start: 5, Target: 30},
			steps:       []string{"5 seconds", "5 repetitions a day", "30"},
		},
		{
			scenario: "bridge: three deep breaths, 5 to 30 a day",
			id:       data.Bridge,
			hold:     data.Hold{Default: 18 * s, Min: 18 * s, Max: 18 * s, Breaths: 3},
			reps:     data.Range{Min: 5, Max: 30}, defaultReps: 5,
			sides:       data.SidesNone,
			poses:       []string{"bridge"},
			timesPerDay: 1,
			progression: &data.Progression{Start: 5, Target: 30},
			steps:       []string{"three deep breaths", "5 repetitions a day", "30"},
		},
		{
			scenario: "cat stretch: 3 to 5 times, twice a day, hold chosen by Unknot",
			id:       data.CatStretch,
			hold:     data.Hold{Default: 5 * s, Min: 5 * s, Max: 10 * s, Chosen: true},
			reps:     data.Range{Min: 3, Max: 5}, defaultReps: 3,
			sides:       data.SidesNone,
			poses:       []string{"cat-arch", "cat-sag"},
			timesPerDay: 2,
			steps:       []string{"3 to 5 times"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			e := exercise(t, tt.id)
			if e.Hold != tt.hold {
				t.Errorf("hold: got %+v, want %+v", e.Hold, tt.hold)
			}
			if e.Reps != tt.reps {
				t.Errorf("reps: got %v, want %v", e.Reps, tt.reps)
			}
			if e.DefaultReps != tt.defaultReps {
				t.Errorf("default reps: got %v, want %v", e.DefaultReps, tt.defaultReps)
			}
			if e.Sides != tt.sides {
				t.Errorf("sides: got %v, want %v", e.Sides, tt.sides)
			}
			var poses []string
			for _, p := range e.Phases {
				poses = append(poses, p.Pose)
				if p.BothPose != tt.bothPose {
					t.Errorf("both pose: got %q, want %q", p.BothPose, tt.bothPose)
				}
			}
			if !reflect.DeepEqual(poses, tt.poses) {
				t.Errorf("phase poses: got %v, want %v", poses, tt.poses)
			}
			if e.Frequency.TimesPerDay != tt.timesPerDay {
				t.Errorf("times per day: got %v, want %v", e.Frequency.TimesPerDay, tt.timesPerDay)
			}
			if tt.timesPerDay == 2 && !strings.Contains(strings.ToLower(e.Frequency.Text), "twice a day") {
				t.Errorf("frequency text: got %q, want it to say twice a day", e.Frequency.Text)
			}
			switch {
			case tt.progression == nil && e.Progression != nil:
				t.Errorf("progression: got %+v, want none", *e.Progression)
			case tt.progression != nil && e.Progression == nil:
				t.Errorf("progression: got none, want %d→%d", tt.progression.Start, tt.progression.Target)
			case tt.progression != nil:
				p := e.Progression
				if p.Start != tt.progression.Start || p.Target != tt.progression.Target {
					t.Errorf("progression: got %d→%d, want %d→%d", p.Start, p.Target, tt.progression.Start, tt.progression.Target)
				}
				if !strings.Contains(p.Text, "5") || !strings.Contains(p.Text, "30") {
					t.Errorf("progression text: got %q, want it to name 5 and 30", p.Text)
				}
			}
			all := strings.Join(e.Steps, "\n")
			for _, phrase := range tt.steps {
				if !strings.Contains(all, phrase) {
					t.Errorf("steps: got %q, want them to mention %q", all, phrase)
				}
			}
			if tt.hold.Chosen && e.Note == "" {
				t.Errorf("note: got none, want one explaining the chosen hold")
			}
		})
	}
}

// TestBridgeBreathsMatchTiming checks that the bridge's hold time is the
// time its three breaths take at the default pacing, since the plan paces
// the hold by Timing and Results reports the time the breaths took.
func TestBridgeBreathsMatchTiming(t *testing.T) {
	e := exercise(t, data.Bridge)
	tm := data.DefaultTiming()
	if got, want := e.Hold.Default, time.Duration(e.Hold.Breaths)*(tm.BreathIn+tm.BreathOut); got != want {
		t.Errorf("got %v, want %v", got, want)
	}
	if !strings.Contains(e.Note, "three deep breaths") {
		t.Errorf("note: got %q, want it to explain the breath pacing", e.Note)
	}
}

func TestCatStretchNoteExplainsChosenHold(t *testing.T) {
	e := exercise(t, data.CatStretch)
	for _, want := range []string{"no hold time", "5 seconds", "10"} {
		if !strings.Contains(e.Note, want) {
			t.Errorf("got %q, want it to contain %q", e.Note, want)
		}
	}
	for _, e := range data.DefaultCatalogue() {
		if e.ID != data.CatStretch && e.Hold.Chosen {
			t.Errorf("%s: got a chosen hold, want the article's", e.ID)
		}
	}
}

// TestCatalogueHasNoAdvert checks that the article's advert for CBD oil
// drops leaked into no text of the app.
func TestCatalogueHasNoAdvert(t *testing.T) {
	advert := regexp.MustCompile(`(?i)cbd|ayurved|chondroprotect|\boils?\b|\bdrops\b`)
	texts := strs(reflect.ValueOf(data.DefaultCatalogue()))
	texts = append(texts, strs(reflect.ValueOf(data.BuiltinRoutines()))...)
	texts = append(texts, data.Symptoms...)
	texts = append(texts, data.Advice...)
	texts = append(texts, data.Disclaimer)
	for _, id := range []string{data.Morning, data.Evening} {
		p := compile(t, id, data.DefaultTiming())
		texts = append(texts, strs(reflect.ValueOf(p.Segments))...)
	}
	if len(texts) < 100 {
		t.Fatalf("got %d texts, want the whole catalogue", len(texts))
	}
	for _, s := range texts {
		if m := advert.FindString(s); m != "" {
			t.Errorf("got %q in %q, want no advert", m, s)
		}
	}
}

func TestSideModeSides(t *testing.T) {
	tests := []struct {
		mode data.SideMode
		want []data.Side
	}{
		{data.SidesNone, []data.Side{data.SideNone}},
		{data.SidesEach, []data.Side{data.SideLeft, data.SideRight}},
		{data.SidesEachThenBoth, []data.Side{data.SideLeft, data.SideRight, data.SideBoth}},
		{"", []data.Side{data.SideNone}}, // unknown modes are symmetric
	}
	for _, tt := range tests {
		t.Run(string(tt.mode), func(t *testing.T) {
			if got := tt.mode.Sides(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHoldCount(t *testing.T) {
	tests := []struct {
		id   string
		want int
	}{
		{data.KneeToChest, 3}, // left, right, both
		{data.Rotation, 2},    // left, right
		{data.Flexibility, 2}, // arched, flat
		{data.Bridge, 1},
		{data.CatStretch, 2}, // rounded, sagging
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if got := exercise(t, tt.id).HoldCount(); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPhaseFor(t *testing.T) {
	knee := exercise(t, data.KneeToChest).Phases[0]
	flex := exercise(t, data.Flexibility).Phases[0]
	tests := []struct {
		scenario string
		phase    data.Phase
		side     data.Side
		pose, do string
	}{
		{"left side fills in {side}", knee, data.SideLeft, "knee-left", "Gently pull your left knee to your chest. Tighten your stomach and press your back down."},
		{"right side fills in {side}", knee, data.SideRight, "knee-right", "Gently pull your right knee to your chest. Tighten your stomach and press your back down."},
		{"both sides use the both texts", knee, data.SideBoth, "knees-both", "Gently pull both knees to your chest. Tighten your stomach and press your back down."},
		{"symmetric phase is unchanged", flex, data.SideNone, "back-arch", flex.Do},
		{"both without both texts falls back", flex, data.SideBoth, "back-arch", flex.Do},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			pose, do := tt.phase.For(tt.side)
			if pose != tt.pose || do != tt.do {
				t.Errorf("got %q, %q, want %q, %q", pose, do, tt.pose, tt.do)
			}
		})
	}
}

func TestRangeContains(t *testing.T) {
	r := data.Range{Min: 2, Max: 3}
	for n, want := range map[int]bool{1: false, 2: true, 3: true, 4: false} {
		if got := r.Contains(n); got != want {
			t.Errorf("%v.Contains(%d): got %v, want %v", r, n, got, want)
		}
	}
}

func TestExerciseValidateRejects(t *testing.T) {
	tests := []struct {
		scenario string
		base     string // id of the catalogue entry to break
		breakIt  func(e *data.Exercise)
		want     string // the error must contain this
	}{
		{"capital letters in id", data.KneeToChest, func(e *data.Exercise) { e.ID = "Knee" }, "id must be lower-case words joined by hyphens"},
		{"trailing hyphen in id", data.KneeToChest, func(e *data.Exercise) { e.ID = "knee-" }, "id must be lower-case words joined by hyphens"},
		{"space in id", data.KneeToChest, func(e *data.Exercise) { e.ID = "knee chest" }, "id must be lower-case words joined by hyphens"},
		{"empty id", data.KneeToChest, func(e *data.Exercise) { e.ID = "" }, "id must be lower-case words joined by hyphens"},
		{"no name", data.KneeToChest, func(e *data.Exercise) { e.Name = "" }, "name, summary, start, feel and caution are all needed"},
		{"no summary", data.KneeToChest, func(e *data.Exercise) { e.Summary = "" }, "name, summary, start, feel and caution are all needed"},
		{"no start", data.KneeToChest, func(e *data.Exercise) { e.Start = "" }, "name, summary, start, feel and caution are all needed"},
		{"no feel", data.KneeToChest, func(e *data.Exercise) { e.Feel = "" }, "name, summary, start, feel and caution are all needed"},
		{"no caution", data.KneeToChest, func(e *data.Exercise) { e.Caution = "" }, "name, summary, start, feel and caution are all needed"},
		{"no start pose", data.KneeToChest, func(e *data.Exercise) { e.StartPose = "" }, "no start pose"},
		{"one step", data.KneeToChest, func(e *data.Exercise) { e.Steps = e.Steps[:1] }, "needs at least two steps, has 1"},
		{"no phases", data.KneeToChest, func(e *data.Exercise) { e.Phases = nil }, "needs at least one phase"},
		{"zero hold", data.KneeToChest, func(e *data.Exercise) { e.Hold = data.Hold{} }, "hold must satisfy 0 < min (0s) <= default (0s) <= max (0s)"},
		{"default hold below min", data.Rotation, func(e *data.Exercise) { e.Hold.Default = 4 * time.Second }, "hold must satisfy 0 < min (5s) <= default (4s) <= max (10s)"},
		{"default hold above max", data.Rotation, func(e *data.Exercise) { e.Hold.Default = 11 * time.Second }, "hold must satisfy 0 < min (5s) <= default (11s) <= max (10s)"},
		{"negative breaths", data.Bridge, func(e *data.Exercise) { e.Hold.Breaths = -1 }, "breaths cannot be negative"},
		{"zero minimum reps", data.KneeToChest, func(e *data.Exercise) { e.Reps.Min = 0 }, "reps range 0–3 is not valid"},
		{"minimum reps above maximum", data.KneeToChest, func(e *data.Exercise) { e.Reps = data.Range{Min: 4, Max: 3} }, "reps range 4–3 is not valid"},
		{"default reps above range", data.KneeToChest, func(e *data.Exercise) { e.DefaultReps = 4 }, "default reps 4 outside 2–3"},
		{"default reps of zero", data.KneeToChest, func(e *data.Exercise) { e.DefaultReps = 0 }, "default reps 0 outside 2–3"},
		{"no times per day", data.KneeToChest, func(e *data.Exercise) { e.Frequency.TimesPerDay = 0 }, "frequency is missing"},
		{"no frequency text", data.KneeToChest, func(e *data.Exercise) { e.Frequency.Text = "" }, "frequency is missing"},
		{"chosen hold without note", data.CatStretch, func(e *data.Exercise) { e.Note = "" }, "a chosen hold time must be explained in Note"},
		{"unknown side mode", data.KneeToChest, func(e *data.Exercise) { e.Sides = "sideways" }, `unknown side mode "sideways"`},
		{"zero side mode", data.KneeToChest, func(e *data.Exercise) { e.Sides = "" }, `unknown side mode ""`},
		{"phase without pose", data.KneeToChest, func(e *data.Exercise) { e.Phases[0].Pose = "" }, "phase 1 needs a pose, an instruction and a release"},
		{"phase without instruction", data.KneeToChest, func(e *data.Exercise) { e.Phases[0].Do = "" }, "phase 1 needs a pose, an instruction and a release"},
		{"second phase without release", data.Flexibility, func(e *data.Exercise) { e.Phases[1].Release = "" }, "phase 2 needs a pose, an instruction and a release"},
		{"both sides without both instruction", data.KneeToChest, func(e *data.Exercise) { e.Phases[0].Both = "" }, "phase 1 needs a pose and an instruction for both sides together"},
		{"both sides without both pose", data.KneeToChest, func(e *data.Exercise) { e.Phases[0].BothPose = "" }, "phase 1 needs a pose and an instruction for both sides together"},
		{"progression starts below reps", data.Flexibility, func(e *data.Exercise) { e.Progression.Start = 4 }, "progression 4→30 must rise within reps 5–30"},
		{"progression ends above reps", data.Flexibility, func(e *data.Exercise) { e.Progression.Target = 31 }, "progression 5→31 must rise within reps 5–30"},
		{"progression does not rise", data.Flexibility, func(e *data.Exercise) { e.Progression.Start = 30 }, "progression 30→30 must rise within reps 5–30"},
		{"progression without text", data.Bridge, func(e *data.Exercise) { e.Progression.Text = "" }, "progression 5→30 must rise within reps 5–30"},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			e := exercise(t, tt.base)
			tt.breakIt(&e)
			err := e.Validate()
			if err == nil {
				t.Fatalf("got nil, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err, tt.want)
			}
			if prefix := "exercise " + `"` + e.ID + `": `; !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("got %q, want it to start with %q", err, prefix)
			}
		})
	}
}

func TestCatalogueValidateRejects(t *testing.T) {
	broken := data.DefaultCatalogue()
	broken[3].Steps = nil
	tests := []struct {
		scenario string
		c        data.Catalogue
		want     string
	}{
		{"nil", nil, "catalogue is empty"},
		{"empty", data.Catalogue{}, "catalogue is empty"},
		{"duplicate id", append(data.DefaultCatalogue(), exercise(t, data.Rotation)), `exercise id "lower-back-rotation" is used twice`},
		{"same exercise twice in a row", data.Catalogue{exercise(t, data.Bridge), exercise(t, data.Bridge)}, `exercise id "bridge" is used twice`},
		{"broken entry", broken, `exercise "bridge": needs at least two steps, has 0`},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			err := tt.c.Validate()
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}
