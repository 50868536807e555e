package store_test

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// testStorage is the suite every Storage must pass; newStore returns an
// empty store each time. The browser's localStorage runs it too.
func testStorage(t *testing.T, newStore func() store.Storage) {
	t.Run("missing key leaves v untouched", func(t *testing.T) {
		st := newStore()
		n := 42
		if err := st.Get("unknot.test.missing", &n); err != nil {
			t.Errorf("got %v, want nil", err)
		}
		if n != 42 {
			t.Errorf("got %v, want %v", n, 42)
		}
		s := data.DefaultSettings()
		if err := st.Get("unknot.test.missing", &s); err != nil || s != data.DefaultSettings() {
			t.Errorf("got %+v, %v, want %+v, nil", s, err, data.DefaultSettings())
		}
	})

	t.Run("round trip", func(t *testing.T) {
		tests := []struct {
			scenario string
			v        any
		}{
			{"string", "knee-to-chest"},
			{"empty string", ""},
			{"int", 30},
			{"bool", true},
			{"slice", []string{"morning", "evening"}},
			{"map", map[string]int{"bridge": 5, "cat-stretch": 3}},
			{"settings", data.Settings{Schema: 1, Voice: true, KeepAwake: true}},
			{"routine", data.Routine{ID: "mine", Name: "Mine", Items: []data.RoutineItem{{Exercise: data.Rotation, Reps: 3, Hold: 5 * time.Second}}}},
		}
		for _, tt := range tests {
			t.Run(tt.scenario, func(t *testing.T) {
				st := newStore()
				if err := st.Set("unknot.test.value", tt.v); err != nil {
					t.Fatalf("set: got %v, want nil", err)
				}
				got := reflect.New(reflect.TypeOf(tt.v))
				if err := st.Get("unknot.test.value", got.Interface()); err != nil {
					t.Fatalf("get: got %v, want nil", err)
				}
				if !reflect.DeepEqual(got.Elem().Interface(), tt.v) {
					t.Errorf("got %#v, want %#v", got.Elem().Interface(), tt.v)
				}
			})
		}
	})

	t.Run("set replaces", func(t *testing.T) {
		st := newStore()
		for _, v := range []string{"first", "second"} {
			if err := st.Set("unknot.test.value", v); err != nil {
				t.Fatalf("got %v, want nil", err)
			}
		}
		var got string
		if err := st.Get("unknot.test.value", &got); err != nil || got != "second" {
			t.Errorf("got %q, %v, want %q, nil", got, err, "second")
		}
	})

	t.Run("wrong type", func(t *testing.T) {
		tests := []struct {
			scenario string
			stored   any
			into     any
		}{
			{"string into int", "five", new(int)},
			{"number into struct", 5, new(data.Settings)},
			{"struct into slice", data.DefaultSettings(), new([]string)},
			{"string into struct", "settings", new(data.Settings)},
		}
		for _, tt := range tests {
			t.Run(tt.scenario, func(t *testing.T) {
				st := newStore()
				if err := st.Set("unknot.test.value", tt.stored); err != nil {
					t.Fatalf("set: got %v, want nil", err)
				}
				if err := st.Get("unknot.test.value", tt.into); err == nil {
					t.Errorf("got nil, want an error")
				}
			})
		}
	})

	t.Run("value that cannot be encoded", func(t *testing.T) {
		st := newStore()
		if err := st.Set("unknot.test.value", make(chan int)); err == nil {
			t.Errorf("got nil, want an error")
		}
		n := 7
		if err := st.Get("unknot.test.value", &n); err != nil || n != 7 {
			t.Errorf("got %v, %v, want nothing stored", n, err)
		}
	})

	t.Run("del", func(t *testing.T) {
		st := newStore()
		for _, k := range []string{"unknot.test.a", "unknot.test.b"} {
			if err := st.Set(k, k); err != nil {
				t.Fatalf("got %v, want nil", err)
			}
		}
		st.Del("unknot.test.a")
		st.Del("unknot.test.a")       // deleting twice is harmless
		st.Del("unknot.test.missing") // and so is deleting what is not there
		got := "untouched"
		if err := st.Get("unknot.test.a", &got); err != nil || got != "untouched" {
			t.Errorf("deleted key: got %q, %v, want %q, nil", got, err, "untouched")
		}
		if err := st.Get("unknot.test.b", &got); err != nil || got != "unknot.test.b" {
			t.Errorf("other key: got %q, %v, want %q, nil", got, err, "unknot.test.b")
		}
	})
}

func TestMemoryStorage(t *testing.T) {
	testStorage(t, func() store.Storage { return &store.MemoryStorage{} })
}

func TestMemoryStorageLimit(t *testing.T) {
	// "abc" is stored as the 5 bytes "abc" with its quotes.
	tests := []struct {
		scenario string
		key      string
		v        string
		err      error
	}{
		{"replacing within the limit", "a", "abcdefgh", nil}, // 10 bytes, the whole limit
		{"replacing past the limit", "a", "abcdefghi", store.ErrQuota},
		{"another key past the limit", "b", "abcdef", store.ErrQuota}, // 5 + 8 bytes
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{Limit: 10}
			if err := st.Set("a", "abc"); err != nil {
				t.Fatalf("got %v, want nil", err)
			}
			err := st.Set(tt.key, tt.v)
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			want := map[string]string{"a": tt.v}
			if tt.err != nil {
				want = map[string]string{"a": "abc"} // the old value is kept
			}
			for _, k := range []string{"a", "b"} {
				got := "missing"
				if err := st.Get(k, &got); err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				w, ok := want[k]
				if !ok {
					w = "missing"
				}
				if got != w {
					t.Errorf("%s: got %q, want %q", k, got, w)
				}
			}
		})
	}
}

func TestMemoryStorageConcurrent(t *testing.T) {
	st := &store.MemoryStorage{}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := fmt.Sprint("unknot.test.", i%3)
			for j := range 100 {
				if err := st.Set(k, j); err != nil {
					t.Errorf("got %v, want nil", err)
					return
				}
				var n int
				if err := st.Get(k, &n); err != nil {
					t.Errorf("got %v, want nil", err)
					return
				}
				if j%10 == 0 {
					st.Del(k)
				}
			}
		}()
	}
	wg.Wait()
}
