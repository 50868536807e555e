package data_test

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"unknot/data"
)

// routinesNow is the moment the tests set damaged routines aside.
var routinesNow = time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)

// deskBreak is a valid custom routine.
func deskBreak() data.Routine {
	r := data.NewCustomRoutine("  Desk break ")
	r = r.AddItem(data.CatStretch)
	r = r.AddItem(data.Rotation)
	return r
}

// rawStore returns a memory storage holding raw under the routines key.
func rawStore(tb testing.TB, raw string) *data.MemoryStorage {
	tb.Helper()
	st := &data.MemoryStorage{}
	if err := st.SetRaw(data.RoutinesKey, raw); err != nil {
		tb.Fatal(err)
	}
	return st
}

// storedText returns the text under the routines key.
func storedText(tb testing.TB, st *data.MemoryStorage) string {
	tb.Helper()
	s, _ := st.GetRaw(data.RoutinesKey)
	return s
}

// plainStorage hides the raw methods of a MemoryStorage, as the browser's
// JSON-only storage would.
type plainStorage struct{ m *data.MemoryStorage }

func (p plainStorage) Set(k string, v any) error { return p.m.Set(k, v) }
func (p plainStorage) Get(k string, v any) error { return p.m.Get(k, v) }
func (p plainStorage) Del(k string)              { p.m.Del(k) }

func TestCustomRoutinesRoundTrip(t *testing.T) {
	st := &data.MemoryStorage{}
	got, err := data.LoadCustomRoutines(st)
	if err != nil || len(got) != 0 {
		t.Fatalf("empty store: got %v, %v, want none and nil", got, err)
	}
	want := []data.Routine{deskBreak(), data.DuplicateRoutine(routine(t, data.Morning))}
	if err := data.SaveCustomRoutines(st, want); err != nil {
		t.Fatalf("saving: got %v, want nil", err)
	}
	if s := storedText(t, st); !strings.HasPrefix(s, `{"schema":1,"routines":[`) {
		t.Errorf("stored text %q, want the schema 1 envelope", s)
	}
	got, err = data.LoadCustomRoutines(st)
	if err != nil {
		t.Fatalf("loading: got %v, want nil", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if err := data.SaveCustomRoutines(st, nil); err != nil {
		t.Fatalf("saving none: %v", err)
	}
	if s := storedText(t, st); s != `{"schema":1,"routines":[]}` {
		t.Errorf("no routines stored as %q", s)
	}
}

func TestSaveCustomRoutinesRefusesInvalid(t *testing.T) {
	good := deskBreak()
	with := func(f func(*data.Routine)) data.Routine {
		r := good.Clone()
		f(&r)
		return r
	}
	many := make([]data.Routine, data.MaxRoutines+1)
	for i := range many {
		many[i] = deskBreak()
	}
	tests := []struct {
		scenario string
		routines []data.Routine
		want     string
	}{
		{"no name", []data.Routine{with(func(r *data.Routine) { r.Name = "  " })}, "give the routine a name"},
		{"no exercises", []data.Routine{with(func(r *data.Routine) { r.Items = nil })}, "add at least one exercise to “Desk break”"},
		{"too many reps", []data.Routine{good.SetDose(0, 7, 5*time.Second)}, "Cat stretch: 7 rounds is outside the safe range of 1 to 5"},
		{"no reps", []data.Routine{good.SetDose(1, -1, 5*time.Second)}, "Lower-back rotational stretch: -1 rounds is outside the safe range of 1 to 3"},
		{"hold too long", []data.Routine{good.SetDose(0, 3, 12*time.Second)}, "Cat stretch: a hold of 12 s is outside the range of 5 s to 10 s"},
		{"fixed hold changed", []data.Routine{good.AddItem(data.KneeToChest).SetDose(2, 2, 8*time.Second)}, "Knee-to-chest stretch: the hold is always 5 s, not 8 s"},
		{"unknown exercise", []data.Routine{good.AddItem("push-ups")}, `"push-ups" is not an exercise Unknot knows`},
		{"built-in id", []data.Routine{with(func(r *data.Routine) { r.ID = data.Morning })}, `id "morning" is taken by a built-in routine or exercise`},
		{"exercise id", []data.Routine{with(func(r *data.Routine) { r.ID = data.Bridge })}, `id "bridge" is taken`},
		{"id with capitals", []data.Routine{with(func(r *data.Routine) { r.ID = "Custom-1" })}, "must be lower-case letters and digits joined by hyphens"},
		{"name too long", []data.Routine{with(func(r *data.Routine) { r.Name = strings.Repeat("a", data.MaxNameRunes+1) })}, "routine name is 101 characters long, at most 100"},
		{"same id twice", []data.Routine{good, good}, "routines 1 and 2 have the same id"},
		{"too many", many, fmt.Sprintf("at most %d routines", data.MaxRoutines)},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &data.MemoryStorage{}
			err := data.SaveCustomRoutines(st, tt.routines)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if _, ok := st.GetRaw(data.RoutinesKey); ok {
				t.Error("something was written")
			}
		})
	}
}

func TestDamagedRoutinesAreKept(t *testing.T) {
	valid := `{"id":"custom-1","name":"Fine","items":[{"exercise":"bridge"}]}`
	tests := []struct {
		scenario string
		raw      string
		keep     int    // routines still readable
		want     string // in the error
	}{
		{"not JSON", `{"schema":1,"routines":[`, 0, "it is cut short"},
		{"not an object", `[1,2]`, 0, "the value is a list, must be an object"},
		{"no schema", `{"routines":[]}`, 0, "it has no schema number"},
		{"schema not a number", `{"schema":"one","routines":[]}`, 0, `its schema "one" is not a whole number`},
		{"schema 0", `{"schema":0,"routines":[]}`, 0, "its schema 0 is not one Unknot knows"},
		{"routines not a list", `{"schema":1,"routines":{}}`, 0, "its routines are not a list"},
		{"unknown field", `{"schema":1,"routines":[],"extra":1}`, 0, `it has an unknown field "extra"`},
		{"one routine out of range", `{"schema":1,"routines":[` + valid + `,{"id":"custom-2","name":"Too much","items":[{"exercise":"cat-stretch","reps":9}]}]}`, 1,
			"routine 2 (“Too much”): Cat stretch: 9 rounds is outside the safe range of 1 to 5"},
		{"one routine with an unknown field", `{"schema":1,"routines":[{"id":"custom-2","name":"X","items":[],"colour":"red"},` + valid + `]}`, 1,
			`routine 1: unknown field "colour"`},
		{"the same id twice", `{"schema":1,"routines":[` + valid + `,` + valid + `]}`, 1, `id "custom-1" is also used by routine 1`},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := rawStore(t, tt.raw)
			got, err := data.LoadCustomRoutines(st)
			if !errors.Is(err, data.ErrRoutinesDamaged) {
				t.Fatalf("got %v, want ErrRoutinesDamaged", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err, tt.want)
			}
			if len(got) != tt.keep {
				t.Errorf("got %d readable routines, want %d", len(got), tt.keep)
			}
			err = data.SaveCustomRoutines(st, []data.Routine{deskBreak()})
			if !errors.Is(err, data.ErrRoutinesDamaged) {
				t.Errorf("saving over damaged routines: got %v, want ErrRoutinesDamaged", err)
			}
			if s := storedText(t, st); s != tt.raw {
				t.Fatalf("stored text changed to %q", s)
			}

			key, err := data.SetAsideCustomRoutines(st, routinesNow)
			if err != nil {
				t.Fatalf("setting aside: %v", err)
			}
			if want := data.RoutinesAsidePrefix + "1745479800000"; key != want {
				t.Errorf("copy under %q, want %q", key, want)
			}
			if s, _ := st.GetRaw(key); s != tt.raw {
				t.Errorf("copy is %q, want the exact text %q", s, tt.raw)
			}
			if err := data.SaveCustomRoutines(st, []data.Routine{deskBreak()}); err != nil {
				t.Errorf("saving after setting aside: %v", err)
			}
			again, _ := data.SetAsideCustomRoutines(rawStore(t, tt.raw), routinesNow)
			if again != key {
				t.Errorf("same text set aside in a fresh store under %q, want %q", again, key)
			}
		})
	}
}

func TestSetAsideReusesAnIdenticalCopy(t *testing.T) {
	st := rawStore(t, `broken`)
	k1, err := data.SetAsideCustomRoutines(st, routinesNow)
	if err != nil {
		t.Fatal(err)
	}
	st.SetRaw(data.RoutinesKey, `broken`)
	k2, err := data.SetAsideCustomRoutines(st, routinesNow.Add(time.Hour))
	if err != nil || k2 != k1 {
		t.Errorf("got %q, %v, want the first copy %q", k2, err, k1)
	}
	if n := len(data.KeysWithPrefix(st, data.RoutinesAsidePrefix)); n != 1 {
		t.Errorf("got %d copies, want 1", n)
	}
	if k, err := data.SetAsideCustomRoutines(st, routinesNow); k != "" || err != nil {
		t.Errorf("nothing stored: got %q, %v, want \"\", nil", k, err)
	}
}

func TestSetAsideWithoutRawStorage(t *testing.T) {
	m := rawStore(t, `not json`)
	st := plainStorage{m}
	if _, err := data.LoadCustomRoutines(st); !errors.Is(err, data.ErrRoutinesDamaged) {
		t.Fatalf("got %v, want ErrRoutinesDamaged", err)
	}
	if _, err := data.SetAsideCustomRoutines(st, routinesNow); err == nil {
		t.Fatal("got nil, want an error: the text cannot be copied")
	}
	if s := storedText(t, m); s != `not json` {
		t.Errorf("stored text changed to %q", s)
	}
	// JSON that is damaged in its content can be copied through Get.
	m = rawStore(t, `{"schema":1,"routines":[{"id":"x"}]}`)
	key, err := data.SetAsideCustomRoutines(plainStorage{m}, routinesNow)
	if err != nil {
		t.Fatalf("got %v, want nil", err)
	}
	if s, _ := m.GetRaw(key); s != `{"schema":1,"routines":[{"id":"x"}]}` {
		t.Errorf("copy is %q", s)
	}
}

func TestNewerRoutinesAreNeverWritten(t *testing.T) {
	raw := `{"schema":2,"routines":[{"id":"custom-1","name":"Fine","items":[{"exercise":"bridge"}],"tempo":"slow"},{"id":"custom-2","name":"Odd","items":[{"exercise":"yoga"}]}],"folders":[]}`
	st := rawStore(t, raw)
	got, err := data.LoadCustomRoutines(st)
	if !errors.Is(err, data.ErrRoutinesNewer) || !strings.Contains(err.Error(), "newer version of Unknot (schema 2)") {
		t.Fatalf("got %v, want ErrRoutinesNewer naming schema 2", err)
	}
	if len(got) != 1 || got[0].ID != "custom-1" {
		t.Errorf("got %+v, want the one routine this version can read", got)
	}
	if err := data.SaveCustomRoutines(st, nil); !errors.Is(err, data.ErrRoutinesNewer) {
		t.Errorf("saving: got %v, want ErrRoutinesNewer", err)
	}
	if s := storedText(t, st); s != raw {
		t.Errorf("stored text changed to %q", s)
	}
	st = rawStore(t, `{"schema":3,"routines":"elsewhere"}`)
	if got, err := data.LoadCustomRoutines(st); !errors.Is(err, data.ErrRoutinesNewer) || len(got) != 0 {
		t.Errorf("newer shape: got %v, %v, want none and ErrRoutinesNewer", got, err)
	}
}

func TestSaveCustomRoutinesStorageFull(t *testing.T) {
	st := &data.MemoryStorage{Limit: 50}
	err := data.SaveCustomRoutines(st, []data.Routine{deskBreak()})
	if !errors.Is(err, data.ErrStorageFull) {
		t.Errorf("got %v, want ErrStorageFull", err)
	}
}

func TestRoutinesGoldenV1(t *testing.T) {
	// testdata/routines-v1.json was written by schema 1. It must always
	// load, whatever the current schema.
	raw, err := os.ReadFile("testdata/routines-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	st := rawStore(t, strings.TrimSpace(string(raw)))
	got, err := data.LoadCustomRoutines(st)
	if err != nil {
		t.Fatalf("got %v, want nil", err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d routines, want 2", len(got))
	}
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"first name", got[0].Name, "Desk break"},
		{"first hold", got[0].Items[0].Hold, 7 * time.Second},
		{"second default dose", got[1].Items[0], data.RoutineItem{Exercise: data.KneeToChest}},
		{"second bridge reps", got[1].Items[1].Reps, 8},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, c.got, c.want)
		}
	}
	if err := data.SaveCustomRoutines(st, got); err != nil {
		t.Fatalf("saving them back: %v", err)
	}
	again, _ := data.LoadCustomRoutines(st)
	if !reflect.DeepEqual(again, got) {
		t.Errorf("after saving: got %+v, want %+v", again, got)
	}
}

func TestFindRoutineIn(t *testing.T) {
	c := data.DefaultCatalogue()
	mine := deskBreak()
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
	orig := routine(t, data.Morning)
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
	a, b := deskBreak(), data.DuplicateRoutine(routine(t, data.Evening))
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
	short := routine(t, data.Short)
	for _, it := range short.Items {
		if it.Reps != 0 || it.Hold != 0 {
			t.Errorf("%s has a dose of its own (%d × %v); it should take today's suggested dose", it.Exercise, it.Reps, it.Hold)
		}
	}
	s, err := data.Compile(short, c, data.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	e, err := data.Compile(routine(t, data.Evening), c, data.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	if s.Total >= e.Total {
		t.Errorf("short routine lasts %v, evening %v: want it shorter", s.Total, e.Total)
	}
}

// A change made from a list read earlier keeps what another tab saved in
// the meantime, and a damaged store is left as it is.
func TestUpdateCustomRoutinesKeepsOtherTabsChanges(t *testing.T) {
	st := &data.MemoryStorage{}
	mine := deskBreak()
	if err := data.SaveCustomRoutines(st, []data.Routine{mine}); err != nil {
		t.Fatal(err)
	}
	// Another tab adds a routine after this one has read the list.
	other := data.NewCustomRoutine("Other tab").AddItem(data.Bridge)
	if err := data.SaveCustomRoutines(st, []data.Routine{mine, other}); err != nil {
		t.Fatal(err)
	}
	renamed := mine.Clone()
	renamed.Name = "Desk break, longer"
	got, err := data.UpdateCustomRoutines(st, func(rs []data.Routine) []data.Routine { return data.PutRoutine(rs, renamed) })
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	if want := []string{"Desk break, longer", "Other tab"}; !reflect.DeepEqual(names, want) {
		t.Errorf("returned %q, want %q", names, want)
	}
	stored, err := data.LoadCustomRoutines(st)
	if err != nil || !reflect.DeepEqual(stored, got) {
		t.Errorf("stored %+v (%v), want what was returned %+v", stored, err, got)
	}

	damaged := rawStore(t, `{"schema":1,"routines":[`)
	called := false
	if _, err := data.UpdateCustomRoutines(damaged, func(rs []data.Routine) []data.Routine {
		called = true
		return append(rs, mine)
	}); !errors.Is(err, data.ErrRoutinesDamaged) || called {
		t.Errorf("damaged store: err %v, change called %v; want ErrRoutinesDamaged and no call", err, called)
	}
	if got := storedText(t, damaged); got != `{"schema":1,"routines":[` {
		t.Errorf("the damaged text became %q", got)
	}
}
