package store_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// tabStep is a MemoryStorage shared by two tabs, seen from tab A: right
// after A's next write to key lands, tab B's step runs on the same store,
// as another tab's code runs between two of A's statements. Tabs taking
// turns at whole operations could never show what goes wrong between two
// steps of one.
type tabStep struct {
	*store.MemoryStorage
	key string
	b   func(st *store.MemoryStorage)
}

// after runs B's step once, if k is the key it waits for.
func (s *tabStep) after(k string) {
	if k == s.key && s.b != nil {
		b := s.b
		s.b = nil
		b(s.MemoryStorage)
	}
}

func (s *tabStep) Set(k string, v any) error {
	err := s.MemoryStorage.Set(k, v)
	if err == nil {
		s.after(k)
	}
	return err
}

func (s *tabStep) SetRaw(k, v string) error {
	err := s.MemoryStorage.SetRaw(k, v)
	if err == nil {
		s.after(k)
	}
	return err
}

// storedIDs lists the ids of the sessions st's history holds, sorted.
func storedIDs(t *testing.T, st store.Storage) []string {
	t.Helper()
	ids := recordIDs(loadWritable(t, st))
	slices.Sort(ids)
	return ids
}

// TestKeepPendingBetweenWriteAndDelete: tab A saves the sessions that
// waited for room (SavePending). Just as A's history write lands, and
// before A clears what waited, tab B keeps its own session Y to save later
// (its save failed a moment before, the storage still full for it). Y must
// survive: saved at the next launch, not deleted with what A saved.
func TestKeepPendingBetweenWriteAndDelete(t *testing.T) {
	mem := &store.MemoryStorage{}
	x := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	y := datatest.Record(t, datatest.London, "2025-04-20 18:00")
	if err := store.KeepPending(mem, x); err != nil {
		t.Fatal(err)
	}
	a := &tabStep{MemoryStorage: mem, key: store.HistoryKey, b: func(st *store.MemoryStorage) {
		if err := store.KeepPending(st, y); err != nil {
			t.Errorf("tab B's KeepPending: %v", err)
		}
	}}
	if n, err := store.SavePending(a); n != 1 || err != nil {
		t.Fatalf("tab A's SavePending: %d, %v; want its one session saved", n, err)
	}
	if a.b != nil {
		t.Fatal("tab B's step never ran: tab A wrote no history")
	}
	// The next launch.
	if _, err := store.Repair(mem, y.End.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	want := []string{x.ID, y.ID}
	slices.Sort(want)
	if got := storedIDs(t, mem); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %v, want both sessions %v", got, want)
	}
}

// TestPendingOldListIsMoved: the one list of sessions waiting to be saved
// that earlier versions kept is moved to one key per session, then saved;
// a list that cannot be read is left where it is, and said so.
func TestPendingOldListIsMoved(t *testing.T) {
	x := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	y := datatest.Record(t, datatest.London, "2025-04-20 18:00")
	mem := &store.MemoryStorage{}
	if err := mem.SetRaw(store.PendingKey, historyText(t, x, y)); err != nil {
		t.Fatal(err)
	}
	if !store.HasPending(mem) {
		t.Fatal("the old list does not count as waiting")
	}
	if n, err := store.SavePending(mem); n != 2 || err != nil {
		t.Fatalf("SavePending: %d, %v; want both saved", n, err)
	}
	if _, ok := mem.GetRaw(store.PendingKey); ok {
		t.Error("the old list is still there")
	}
	want := []string{x.ID, y.ID}
	slices.Sort(want)
	if got := storedIDs(t, mem); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %v, want %v", got, want)
	}

	damaged := &store.MemoryStorage{}
	damaged.SetRaw(store.PendingKey, `{"schema":2,"records":[`)
	if _, err := store.SavePending(damaged); err == nil {
		t.Error("a damaged list of waiting sessions gave no error")
	}
	if got, _ := damaged.GetRaw(store.PendingKey); got != `{"schema":2,"records":[` {
		t.Errorf("the damaged list became %q, want it left as it was", got)
	}
	parts := store.Unreadable(damaged, nil)
	if len(parts) != 1 || parts[0].Key != store.PendingKey {
		t.Errorf("unreadable parts: %+v, want the waiting sessions", parts)
	}
}

// TestPendingSavedSessionIsNotOfferedToResume: a session that waits to be
// saved, or was saved, is finished: its checkpoint, kept until a later
// start, is not offered to resume.
func TestPendingSavedSessionIsNotOfferedToResume(t *testing.T) {
	s, c := datatest.CheckpointTaken(t)
	rec := data.NewRecord(s, c.Stamp(), c.SavedAt)
	rec.ID = c.RecordID
	for _, keep := range []string{"waiting", "saved"} {
		t.Run(keep, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if err := store.SaveCheckpoint(st, c); err != nil {
				t.Fatal(err)
			}
			var err error
			if keep == "waiting" {
				err = store.KeepPending(st, rec)
			} else {
				_, err = store.SaveRecord(st, rec)
			}
			if err != nil {
				t.Fatal(err)
			}
			if all, err := store.LoadCheckpoints(st); len(all) != 0 || err != nil {
				t.Errorf("offered %d sessions to resume (%v), want none", len(all), err)
			}
			if _, ok, _ := store.LoadCheckpointID(st, rec.ID); ok {
				t.Error("its checkpoint can still be resumed by its address")
			}
		})
	}
}

// TestKeepPendingKeepsTheLatestAnswers: the finished screen saved the
// person's note, then the storage filled up before they wrote more of it.
// The save of the longer note fails, and the player keeps its copy to save
// later (KeepPending), as it does after every failed save, making room with
// the session's checkpoint. Once there is room, the note saved is the
// longer one: the player dates the answers as they are given.
func TestKeepPendingKeepsTheLatestAnswers(t *testing.T) {
	x, c := finishedSession(t)
	st := &store.MemoryStorage{}
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SaveAnswers(st, x); err != nil {
		t.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
	st.Limit = usedBytes(t, st) + 10
	longer := x
	longer.Note, longer.Edited = x.Note+", and the evening after it", x.End.Add(time.Minute)
	if _, err := store.SaveAnswers(st, longer); !store.IsQuota(err) {
		t.Fatalf("saving into a full store: %v, want it full", err)
	}
	if err := store.KeepPending(st, longer); err != nil {
		t.Fatalf("KeepPending: %v", err)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != raw {
		t.Fatal("the history changed in a full store")
	}
	st.Limit = 0
	if _, err := store.Repair(st, x.End.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if r := loadWritable(t, st)[0]; r.Note != longer.Note {
		t.Errorf("note %q, want the longer one %q", r.Note, longer.Note)
	}
}

// usedBytes is how many bytes of values st holds, as its Limit counts them.
func usedBytes(t testing.TB, st *store.MemoryStorage) int {
	n := 0
	for _, v := range storeSnapshot(t, st) {
		n += len(v)
	}
	return n
}
