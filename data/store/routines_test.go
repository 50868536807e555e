package store_test

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// rawStore returns a memory storage holding raw under the routines key.
func rawStore(tb testing.TB, raw string) *store.MemoryStorage {
	tb.Helper()
	st := &store.MemoryStorage{}
	if err := st.SetRaw(store.RoutinesKey, raw); err != nil {
		tb.Fatal(err)
	}
	return st
}

// storedText returns the text under the routines key.
func storedText(tb testing.TB, st *store.MemoryStorage) string {
	tb.Helper()
	s, _ := st.GetRaw(store.RoutinesKey)
	return s
}

// plainStorage hides the raw methods of a MemoryStorage, as the browser's
// JSON-only storage would.
type plainStorage struct{ m *store.MemoryStorage }

func (p plainStorage) Set(k string, v any) error { return p.m.Set(k, v) }

func (p plainStorage) Get(k string, v any) error { return p.m.Get(k, v) }

func (p plainStorage) Del(k string) { p.m.Del(k) }

func TestCustomRoutinesRoundTrip(t *testing.T) {
	st := &store.MemoryStorage{}
	got, err := store.LoadCustomRoutines(st)
	if err != nil || len(got) != 0 {
		t.Fatalf("empty store: got %v, %v, want none and nil", got, err)
	}
	want := []data.Routine{datatest.DeskBreak(), data.DuplicateRoutine(datatest.Routine(t, data.Morning))}
	if err := store.SaveCustomRoutines(st, want); err != nil {
		t.Fatalf("saving: got %v, want nil", err)
	}
	if s := storedText(t, st); !strings.HasPrefix(s, `{"schema":1,"routines":[`) {
		t.Errorf("stored text %q, want the schema 1 envelope", s)
	}
	got, err = store.LoadCustomRoutines(st)
	if err != nil {
		t.Fatalf("loading: got %v, want nil", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if err := store.SaveCustomRoutines(st, nil); err != nil {
		t.Fatalf("saving none: %v", err)
	}
	if s := storedText(t, st); s != `{"schema":1,"routines":[]}` {
		t.Errorf("no routines stored as %q", s)
	}
}

func TestSaveCustomRoutinesRefusesInvalid(t *testing.T) {
	good := datatest.DeskBreak()
	with := func(f func(*data.Routine)) data.Routine {
		r := good.Clone()
		f(&r)
		return r
	}
	many := make([]data.Routine, store.MaxRoutines+1)
	for i := range many {
		many[i] = datatest.DeskBreak()
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
		{"too many", many, fmt.Sprintf("at most %d routines", store.MaxRoutines)},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			err := store.SaveCustomRoutines(st, tt.routines)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if _, ok := st.GetRaw(store.RoutinesKey); ok {
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
			got, err := store.LoadCustomRoutines(st)
			if !errors.Is(err, store.ErrRoutinesDamaged) {
				t.Fatalf("got %v, want ErrRoutinesDamaged", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err, tt.want)
			}
			if len(got) != tt.keep {
				t.Errorf("got %d readable routines, want %d", len(got), tt.keep)
			}
			err = store.SaveCustomRoutines(st, []data.Routine{datatest.DeskBreak()})
			if !errors.Is(err, store.ErrRoutinesDamaged) {
				t.Errorf("saving over damaged routines: got %v, want ErrRoutinesDamaged", err)
			}
			if s := storedText(t, st); s != tt.raw {
				t.Fatalf("stored text changed to %q", s)
			}

			key, err := store.SetAsideCustomRoutines(st, datatest.RoutinesNow)
			if err != nil {
				t.Fatalf("setting aside: %v", err)
			}
			if want := store.RoutinesAsidePrefix + "1745479800000"; key != want {
				t.Errorf("copy under %q, want %q", key, want)
			}
			if s, _ := st.GetRaw(key); s != tt.raw {
				t.Errorf("copy is %q, want the exact text %q", s, tt.raw)
			}
			if err := store.SaveCustomRoutines(st, []data.Routine{datatest.DeskBreak()}); err != nil {
				t.Errorf("saving after setting aside: %v", err)
			}
			again, _ := store.SetAsideCustomRoutines(rawStore(t, tt.raw), datatest.RoutinesNow)
			if again != key {
				t.Errorf("same text set aside in a fresh store under %q, want %q", again, key)
			}
		})
	}
}

func TestSetAsideReusesAnIdenticalCopy(t *testing.T) {
	st := rawStore(t, `broken`)
	k1, err := store.SetAsideCustomRoutines(st, datatest.RoutinesNow)
	if err != nil {
		t.Fatal(err)
	}
	st.SetRaw(store.RoutinesKey, `broken`)
	k2, err := store.SetAsideCustomRoutines(st, datatest.RoutinesNow.Add(time.Hour))
	if err != nil || k2 != k1 {
		t.Errorf("got %q, %v, want the first copy %q", k2, err, k1)
	}
	if n := len(store.KeysWithPrefix(st, store.RoutinesAsidePrefix)); n != 1 {
		t.Errorf("got %d copies, want 1", n)
	}
	if k, err := store.SetAsideCustomRoutines(st, datatest.RoutinesNow); k != "" || err != nil {
		t.Errorf("nothing stored: got %q, %v, want \"\", nil", k, err)
	}
}

func TestSetAsideWithoutRawStorage(t *testing.T) {
	m := rawStore(t, `not json`)
	st := plainStorage{m}
	if _, err := store.LoadCustomRoutines(st); !errors.Is(err, store.ErrRoutinesDamaged) {
		t.Fatalf("got %v, want ErrRoutinesDamaged", err)
	}
	if _, err := store.SetAsideCustomRoutines(st, datatest.RoutinesNow); err == nil {
		t.Fatal("got nil, want an error: the text cannot be copied")
	}
	if s := storedText(t, m); s != `not json` {
		t.Errorf("stored text changed to %q", s)
	}
	// JSON that is damaged in its content can be copied through Get.
	m = rawStore(t, `{"schema":1,"routines":[{"id":"x"}]}`)
	key, err := store.SetAsideCustomRoutines(plainStorage{m}, datatest.RoutinesNow)
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
	got, err := store.LoadCustomRoutines(st)
	if !errors.Is(err, store.ErrRoutinesNewer) || !strings.Contains(err.Error(), "newer version of Unknot (schema 2)") {
		t.Fatalf("got %v, want ErrRoutinesNewer naming schema 2", err)
	}
	if len(got) != 1 || got[0].ID != "custom-1" {
		t.Errorf("got %+v, want the one routine this version can read", got)
	}
	if err := store.SaveCustomRoutines(st, nil); !errors.Is(err, store.ErrRoutinesNewer) {
		t.Errorf("saving: got %v, want ErrRoutinesNewer", err)
	}
	if s := storedText(t, st); s != raw {
		t.Errorf("stored text changed to %q", s)
	}
	st = rawStore(t, `{"schema":3,"routines":"elsewhere"}`)
	if got, err := store.LoadCustomRoutines(st); !errors.Is(err, store.ErrRoutinesNewer) || len(got) != 0 {
		t.Errorf("newer shape: got %v, %v, want none and ErrRoutinesNewer", got, err)
	}
}

func TestSaveCustomRoutinesStorageFull(t *testing.T) {
	st := &store.MemoryStorage{Limit: 50}
	err := store.SaveCustomRoutines(st, []data.Routine{datatest.DeskBreak()})
	if !errors.Is(err, store.ErrStorageFull) {
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
	got, err := store.LoadCustomRoutines(st)
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
	if err := store.SaveCustomRoutines(st, got); err != nil {
		t.Fatalf("saving them back: %v", err)
	}
	again, _ := store.LoadCustomRoutines(st)
	if !reflect.DeepEqual(again, got) {
		t.Errorf("after saving: got %+v, want %+v", again, got)
	}
}

// A change made from a list read earlier keeps what another tab saved in
// the meantime, and a damaged store is left as it is.
func TestUpdateCustomRoutinesKeepsOtherTabsChanges(t *testing.T) {
	st := &store.MemoryStorage{}
	mine := datatest.DeskBreak()
	if err := store.SaveCustomRoutines(st, []data.Routine{mine}); err != nil {
		t.Fatal(err)
	}
	// Another tab adds a routine after this one has read the list.
	other := data.NewCustomRoutine("Other tab").AddItem(data.Bridge)
	if err := store.SaveCustomRoutines(st, []data.Routine{mine, other}); err != nil {
		t.Fatal(err)
	}
	renamed := mine.Clone()
	renamed.Name = "Desk break, longer"
	got, err := store.UpdateCustomRoutines(st, func(rs []data.Routine) []data.Routine { return data.PutRoutine(rs, renamed) })
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
	stored, err := store.LoadCustomRoutines(st)
	if err != nil || !reflect.DeepEqual(stored, got) {
		t.Errorf("stored %+v (%v), want what was returned %+v", stored, err, got)
	}

	damaged := rawStore(t, `{"schema":1,"routines":[`)
	called := false
	if _, err := store.UpdateCustomRoutines(damaged, func(rs []data.Routine) []data.Routine {
		called = true
		return append(rs, mine)
	}); !errors.Is(err, store.ErrRoutinesDamaged) || called {
		t.Errorf("damaged store: err %v, change called %v; want ErrRoutinesDamaged and no call", err, called)
	}
	if got := storedText(t, damaged); got != `{"schema":1,"routines":[` {
		t.Errorf("the damaged text became %q", got)
	}
}
