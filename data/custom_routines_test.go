package data_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestFindRoutineIn(t *testing.T) {
	c := data.DefaultCatalogue()
	mine := datatest.DeskBreak()
	shadow := mine.Clone()
	shadow.ID, shadow.Name = data.Morning, "Not the morning routine"
	custom := []data.Routine{shadow, mine}
	tests := []struct {
		scenario, id, name string
		ok                 bool
	}{
		{"built-in", data.Evening, "Evening routine", true},
		{"short", data.Short, "Short routine", true},
		{"single exercise", data.Bridge, "Bridge", true},
		{"custom", mine.ID, "Desk break", true},
		{"built-in wins over a custom routine with its id", data.Morning, "Morning routine", true},
		{"unknown", "custom-nope", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			r, ok := data.FindRoutineIn(c, custom, tt.id)
			if ok != tt.ok || r.Name != tt.name {
				t.Errorf("got %q, %v, want %q, %v", r.Name, ok, tt.name, tt.ok)
			}
		})
	}
	r, _ := data.FindRoutineIn(c, custom, mine.ID)
	r.Items[0].Reps = 99
	if custom[1].Items[0].Reps == 99 {
		t.Error("the routine found shares its items with the list")
	}
}

func TestNewCustomRoutine(t *testing.T) {
	r := data.NewCustomRoutine("  Lunch  ")
	id, ok := strings.CutPrefix(r.ID, data.CustomIDPrefix)
	if u, err := uuid.Parse(id); !ok || err != nil || u.String() != id {
		t.Errorf("id %q, want %s<uuid>", r.ID, data.CustomIDPrefix)
	}
	if !data.IsCustom(r.ID) || data.IsCustom(data.Morning) {
		t.Error("IsCustom does not tell custom ids from built-in ones")
	}
	if r.Name != "Lunch" || len(r.Items) != 0 {
		t.Errorf("got %+v, want the name trimmed and no exercises", r)
	}
	if data.NewCustomRoutine("x").ID == data.NewCustomRoutine("x").ID {
		t.Error("two new routines have the same id")
	}
}

func TestDuplicateRoutine(t *testing.T) {
	orig := datatest.Routine(t, data.Morning)
	d := data.DuplicateRoutine(orig)
	if d.ID == orig.ID || !data.IsCustom(d.ID) {
		t.Errorf("id %q, want a new custom id", d.ID)
	}
	if d.Name != "Morning routine (copy)" {
		t.Errorf("name %q", d.Name)
	}
	if !reflect.DeepEqual(d.Items, orig.Items) {
		t.Errorf("items %+v, want %+v", d.Items, orig.Items)
	}
	if err := data.ValidateCustomRoutine(d); err != nil {
		t.Errorf("the copy is not valid: %v", err)
	}
	d.Items[0].Reps = 3
	if orig.Items[0].Reps == 3 {
		t.Error("the copy shares its items with the original")
	}
	long := orig.Clone()
	long.Name = strings.Repeat("é", data.MaxNameRunes)
	if n := len([]rune(data.DuplicateRoutine(long).Name)); n != data.MaxNameRunes {
		t.Errorf("copy of a %d-character name has %d characters, want %d", data.MaxNameRunes, n, data.MaxNameRunes)
	}
}

func TestRoutineEdits(t *testing.T) {
	base := data.NewCustomRoutine("Edit me").AddItem(data.KneeToChest).AddItem(data.Bridge).AddItem(data.CatStretch)
	ids := func(r data.Routine) string { return strings.Join(itemIDs(r), ",") }
	const k, b, cat = data.KneeToChest, data.Bridge, data.CatStretch
	tests := []struct {
		scenario string
		edit     func(data.Routine) data.Routine
		want     string
	}{
		{"move down", func(r data.Routine) data.Routine { return r.MoveItem(0, 1) }, b + "," + k + "," + cat},
		{"move up", func(r data.Routine) data.Routine { return r.MoveItem(2, 1) }, k + "," + cat + "," + b},
		{"move last to first", func(r data.Routine) data.Routine { return r.MoveItem(2, 0) }, cat + "," + k + "," + b},
		{"move past the end does nothing", func(r data.Routine) data.Routine { return r.MoveItem(2, 3) }, k + "," + b + "," + cat},
		{"move before the start does nothing", func(r data.Routine) data.Routine { return r.MoveItem(0, -1) }, k + "," + b + "," + cat},
		{"remove middle", func(r data.Routine) data.Routine { return r.RemoveItem(1) }, k + "," + cat},
		{"remove out of range does nothing", func(r data.Routine) data.Routine { return r.RemoveItem(5) }, k + "," + b + "," + cat},
		{"add", func(r data.Routine) data.Routine { return r.AddItem(data.Rotation) }, k + "," + b + "," + cat + "," + data.Rotation},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			before := ids(base)
			if got := ids(tt.edit(base)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if ids(base) != before {
				t.Error("the edit changed the original routine")
			}
		})
	}
	if it := base.Items[1]; it.Reps != 0 || it.Hold != 0 {
		t.Errorf("added bridge has dose %d × %v, want none of its own", it.Reps, it.Hold)
	}
	d := base.SetDose(2, 5, 10*time.Second)
	if it := d.Items[2]; it.Reps != 5 || it.Hold != 10*time.Second || base.Items[2].Reps != 0 {
		t.Errorf("SetDose: got %+v, original %+v", it, base.Items[2])
	}
}

func TestPutAndDeleteRoutine(t *testing.T) {
	a, b := datatest.DeskBreak(), data.DuplicateRoutine(datatest.Routine(t, data.Evening))
	list := data.PutRoutine(nil, a)
	list = data.PutRoutine(list, b)
	renamed := a.Clone()
	renamed.Name = "Desk stretch"
	list2 := data.PutRoutine(list, renamed)
	if len(list2) != 2 || list2[0].Name != "Desk stretch" || list[0].Name != "Desk break" {
		t.Errorf("put: got %v (original %v)", list2, list)
	}
	list3 := data.DeleteRoutine(list2, a.ID)
	if len(list3) != 1 || list3[0].ID != b.ID || len(list2) != 2 {
		t.Errorf("delete: got %v (original %v)", list3, list2)
	}
}

func TestShortRoutineTakesTodaysDosesAndIsShort(t *testing.T) {
	c := data.DefaultCatalogue()
	short := datatest.Routine(t, data.Short)
	for _, it := range short.Items {
		if it.Reps != 0 || it.Hold != 0 {
			t.Errorf("%s has a dose of its own (%d × %v); it should take today's suggested dose", it.Exercise, it.Reps, it.Hold)
		}
	}
	s, err := data.Compile(short, c, data.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	e, err := data.Compile(datatest.Routine(t, data.Evening), c, data.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	if s.Total >= e.Total {
		t.Errorf("short routine lasts %v, evening %v: want it shorter", s.Total, e.Total)
	}
}

// TestCheckCustomRoutineRefusesEveryBuiltInID: a routine of one's own may
// take no id that FindRoutine finds among the built-ins (a routine's or an
// exercise's), and may take one it does not.
func TestCheckCustomRoutineRefusesEveryBuiltInID(t *testing.T) {
	cat := data.DefaultCatalogue()
	ids := []string{}
	for _, r := range data.BuiltinRoutines() {
		ids = append(ids, r.ID)
	}
	for _, e := range cat {
		ids = append(ids, e.ID)
	}
	own := data.NewCustomRoutine("Desk break").AddItem(data.CatStretch)
	for _, id := range append(ids, own.ID, "gentle-start") {
		r := own
		r.ID = id
		_, builtIn := data.FindRoutine(cat, id)
		err := data.CheckCustomRoutine(r)
		if builtIn && (err == nil || !strings.Contains(err.Error(), "taken by a built-in")) {
			t.Errorf("a routine of one's own takes the built-in id %q: %v", id, err)
		}
		if !builtIn && err != nil {
			t.Errorf("id %q, no built-in's, is refused: %v", id, err)
		}
	}
}
