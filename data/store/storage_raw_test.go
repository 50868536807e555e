package store_test

import (
	"errors"
	"testing"

	"unknot/data/store"
)

func TestMemoryStorageRaw(t *testing.T) {
	st := &store.MemoryStorage{}
	var _ store.RawStorage = st
	const odd = "{\"a\": 1,\n  \"b\":\t\"\\u00e9\"}  "
	if err := st.SetRaw("k", odd); err != nil {
		t.Fatal(err)
	}
	if got, ok := st.GetRaw("k"); !ok || got != odd {
		t.Errorf("GetRaw: got %q, %v, want %q byte for byte", got, ok, odd)
	}
	var v struct{ A int }
	if err := st.Get("k", &v); err != nil || v.A != 1 {
		t.Errorf("Get of raw JSON: got %+v, %v", v, err)
	}
	if err := st.Set("j", []int{1, 2}); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.GetRaw("j"); got != "[1,2]" {
		t.Errorf("GetRaw of Set: got %q, want %q", got, "[1,2]")
	}
	if _, ok := st.GetRaw("missing"); ok {
		t.Errorf("GetRaw of a missing key: got true, want false")
	}
	st.SetRaw("a.2", "x")
	st.SetRaw("a.1", "y")
	if got, want := st.Keys(), []string{"a.1", "a.2", "j", "k"}; !sameStrings(got, want) {
		t.Errorf("Keys: got %v, want %v", got, want)
	}
	if got, want := store.KeysWithPrefix(st, "a."), []string{"a.1", "a.2"}; !sameStrings(got, want) {
		t.Errorf("KeysWithPrefix: got %v, want %v", got, want)
	}
	if got := store.KeysWithPrefix(onlyStorage{st}, "a."); got != nil {
		t.Errorf("KeysWithPrefix without RawStorage: got %v, want nil", got)
	}
	var zero store.MemoryStorage
	if err := zero.SetRaw("k", "v"); err != nil {
		t.Errorf("SetRaw on the zero value: %v", err)
	}
}

func TestMemoryStorageRawLimit(t *testing.T) {
	st := &store.MemoryStorage{Limit: 10}
	if err := st.SetRaw("k", "12345"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRaw("j", "123456"); !errors.Is(err, store.ErrQuota) {
		t.Errorf("past the limit: got %v, want ErrQuota", err)
	}
	if err := st.SetRaw("k", "1234567890"); err != nil {
		t.Errorf("replacing within the limit: got %v, want nil", err)
	}
	if _, ok := st.GetRaw("j"); ok {
		t.Errorf("a refused value was stored")
	}
}
