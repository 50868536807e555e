package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// Two sessions' checkpoints (an interrupted one and one started after it,
// or two tabs) are both kept, each under its own key, newest first.
func TestCheckpointsOnePerSession(t *testing.T) {
	_, first := datatest.CheckpointTaken(t)
	second := first
	second.RecordID = "0c9a8b7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
	second.SavedAt = first.SavedAt.Add(time.Minute)
	st := &store.MemoryStorage{}
	for _, c := range []data.Checkpoint{first, second} {
		if err := store.SaveCheckpoint(st, c); err != nil {
			t.Fatal(err)
		}
	}
	all, err := store.LoadCheckpoints(st)
	if err != nil || len(all) != 2 || all[0].RecordID != second.RecordID || all[1].RecordID != first.RecordID {
		t.Fatalf("LoadCheckpoints: got %d (%v), want both, the newest first", len(all), err)
	}
	store.ClearCheckpoint(st, second.RecordID)
	if _, ok, _ := store.LoadCheckpointID(st, second.RecordID); ok {
		t.Error("cleared checkpoint still there")
	}
	if _, ok, err := store.LoadCheckpointID(st, first.RecordID); !ok || err != nil {
		t.Errorf("clearing one checkpoint took the other: %v, %v", ok, err)
	}
	noID := first
	noID.RecordID = ""
	if err := store.SaveCheckpoint(st, noID); err == nil {
		t.Error("a checkpoint without a record id was saved")
	}
}

// A checkpoint kept under the one key of earlier versions is still offered:
// moved to its own key, with an id derived from its text when it has none.
func TestCheckpointMigratesTheOldKey(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	for _, withID := range []bool{true, false} {
		old := c
		if !withID {
			old.RecordID = ""
		}
		raw := datatest.MustJSON(t, old)
		st := &store.MemoryStorage{}
		st.SetRaw(store.CheckpointKey, raw)
		all, err := store.LoadCheckpoints(st)
		if err != nil || len(all) != 1 || all[0].Routine.ID != c.Routine.ID || all[0].ElapsedMS != c.ElapsedMS {
			t.Fatalf("with id %v: got %+v, %v, want the old checkpoint", withID, all, err)
		}
		if _, ok := st.GetRaw(store.CheckpointKey); ok {
			t.Errorf("with id %v: the old key is still there", withID)
		}
		id := all[0].RecordID
		if withID && id != c.RecordID {
			t.Errorf("record id: got %q, want %q", id, c.RecordID)
		}
		// Another tab moving the same text gives it the same id.
		other := &store.MemoryStorage{}
		other.SetRaw(store.CheckpointKey, raw)
		if again, _ := store.LoadCheckpoints(other); len(again) != 1 || again[0].RecordID != id {
			t.Errorf("with id %v: moved twice, ids %q and %v", withID, id, again)
		}
	}
}

// A damaged checkpoint is reported and left in place; the others are
// still offered.
func TestCheckpointsDamagedOneKeepsTheOthers(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	st := &store.MemoryStorage{}
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	badKey := store.CheckpointPrefix + "1b2c3d4e-5f60-4718-9a0b-c1d2e3f4a5b6"
	st.SetRaw(badKey, `{"schema":1,`)
	st.SetRaw(store.CheckpointPrefix+"corrupt.1745479800000", `kept aside`)
	all, err := store.LoadCheckpoints(st)
	if len(all) != 1 || all[0].RecordID != c.RecordID {
		t.Errorf("got %d checkpoints, want the readable one", len(all))
	}
	if !errors.Is(err, store.ErrCheckpoint) || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("error: got %v, want one saying the damaged one is cut short", err)
	}
	if raw, _ := st.GetRaw(badKey); raw != `{"schema":1,` {
		t.Errorf("the damaged checkpoint changed: %q", raw)
	}
}

// Discarding can be undone: the checkpoint comes back byte for byte.
func TestTakeCheckpointAndPutBack(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	st := &store.MemoryStorage{}
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	key := store.CheckpointPrefix + c.RecordID
	before, _ := st.GetRaw(key)
	d, ok := store.TakeCheckpoint(st, c.RecordID)
	if !ok {
		t.Fatal("TakeCheckpoint found nothing")
	}
	if _, ok, _ := store.LoadCheckpointID(st, c.RecordID); ok {
		t.Fatal("taken checkpoint still offered")
	}
	if _, again := store.TakeCheckpoint(st, c.RecordID); again {
		t.Error("a checkpoint taken twice")
	}
	if err := store.PutBack(st, d); err != nil {
		t.Fatal(err)
	}
	if after, _ := st.GetRaw(key); after != before {
		t.Errorf("put back: got %q, want %q", after, before)
	}
}

// With storage full the old checkpoint cannot be moved: it stays where it
// is and the error says so.
func TestCheckpointMigrationWithStorageFull(t *testing.T) {
	_, c := datatest.CheckpointTaken(t)
	c.RecordID = ""
	raw := datatest.MustJSON(t, c)
	st := &store.MemoryStorage{Limit: len(raw) + 10}
	st.SetRaw(store.CheckpointKey, raw)
	all, err := store.LoadCheckpoints(st)
	if len(all) != 0 || !errors.Is(err, store.ErrStorageFull) || !strings.Contains(err.Error(), "earlier version") {
		t.Errorf("got %d, %v; want none and an error saying the old one could not be moved", len(all), err)
	}
	if got, _ := st.GetRaw(store.CheckpointKey); got != raw {
		t.Errorf("the old checkpoint changed: %q", got)
	}
}
