package store_test

import (
	"testing"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// Two tabs read the history at the same moment and each write what they
// read plus their own session: the second write drops the first tab's.
// KeepSaved, run by the first tab when the storage event tells it of the
// second write, writes it back.
func TestKeepSavedWritesBackWhatAnotherTabDropped(t *testing.T) {
	st := &store.MemoryStorage{}
	old := datatest.Record(t, datatest.London, "2025-04-19 08:00")
	if _, err := store.SaveRecord(st, old); err != nil {
		t.Fatal(err)
	}
	before, _ := st.GetRaw(store.HistoryKey)
	mine := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	theirs := datatest.Record(t, datatest.London, "2025-04-20 18:00")
	if _, err := store.SaveRecord(st, mine); err != nil {
		t.Fatal(err)
	}
	// The other tab saves on top of what it read before.
	other := &store.MemoryStorage{}
	other.SetRaw(store.HistoryKey, before)
	if _, err := store.SaveRecord(other, theirs); err != nil {
		t.Fatal(err)
	}
	raw, _ := other.GetRaw(store.HistoryKey)
	st.SetRaw(store.HistoryKey, raw)
	if got := len(loadWritable(t, st)); got != 2 {
		t.Fatalf("the race did not drop the session: %d stored", got)
	}
	h, wrote, err := store.KeepSaved(st, mine)
	if err != nil || !wrote {
		t.Fatalf("KeepSaved: wrote %v, %v, want a write", wrote, err)
	}
	got := recordIDs(loadWritable(t, st))
	want := recordIDs([]data.Record{old, mine, theirs})
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || len(h.Records) != 3 {
		t.Errorf("stored %v, want %v", got, want)
	}
	if _, wrote, _ := store.KeepSaved(st, mine); wrote {
		t.Error("KeepSaved wrote with nothing missing")
	}
}

// A stale write that replaced a session with less of it is undone too.
func TestKeepSavedRestoresTheMost(t *testing.T) {
	st := &store.MemoryStorage{}
	done := mergeCopy(t, mergeState{"complete", true, true}, 2)
	stale := mergeCopy(t, mergeState{"less", false, false}, 0)
	if _, err := store.SaveRecord(st, stale); err != nil {
		t.Fatal(err)
	}
	if _, wrote, err := store.KeepSaved(st, done); !wrote || err != nil {
		t.Fatalf("KeepSaved: wrote %v, %v", wrote, err)
	}
	if r := loadWritable(t, st)[0]; !r.Complete || r.Note != "note 2" {
		t.Errorf("stored %+v, want the complete session with its note", r)
	}
}

// A session the person deleted, here or in another tab, stays deleted.
func TestKeepSavedLeavesDeletedSessions(t *testing.T) {
	st := &store.MemoryStorage{}
	r := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	if _, err := store.SaveRecord(st, r); err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteRecord(st, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, wrote, err := store.KeepSaved(st, r); wrote || err != nil {
		t.Errorf("KeepSaved after a delete: wrote %v, %v, want nothing", wrote, err)
	}
	if got := loadWritable(t, st); len(got) != 0 {
		t.Errorf("deleted session came back: %v", recordIDs(got))
	}
}

// racingStore is a MemoryStorage where another tab writes the history it
// read before, once, just after this tab's first write of it.
type racingStore struct {
	*store.MemoryStorage
	theirs string
}

func (r *racingStore) SetRaw(k, v string) error {
	if err := r.MemoryStorage.SetRaw(k, v); err != nil {
		return err
	}
	if k == store.HistoryKey && r.theirs != "" {
		theirs := r.theirs
		r.theirs = ""
		return r.MemoryStorage.SetRaw(k, theirs)
	}
	return nil
}

// A save reads the history back after writing: when another tab's write
// came in between and dropped the session, it writes it back at once.
func TestSaveRecordChecksAfterWriting(t *testing.T) {
	theirs := datatest.Record(t, datatest.London, "2025-04-20 18:00")
	st := &racingStore{MemoryStorage: &store.MemoryStorage{}, theirs: historyText(t, theirs)}
	mine := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	if _, err := store.SaveRecord(st, mine); err != nil {
		t.Fatal(err)
	}
	got := recordIDs(loadWritable(t, st.MemoryStorage))
	if len(got) != 2 || got[0] != mine.ID || got[1] != theirs.ID {
		t.Errorf("stored %v, want both sessions", got)
	}
}

// TestHistoryScreenAsItIs: what the History screen does today, before it
// saves edits with EditRecord: Delete, Undo (the session back exactly as it
// was), then an edit saved with SaveRecord, whose answers are stored.
func TestHistoryScreenAsItIs(t *testing.T) {
	st := &store.MemoryStorage{}
	r := datatest.Record(t, datatest.London, "2025-04-19 07:30", func(r *data.Record) {
		r.PainBefore, r.PainAfter, r.Note = data.PainScore(5), data.PainScore(3), "stiff"
	})
	other := datatest.Record(t, datatest.London, "2025-04-20 07:40")
	if _, err := store.SaveRecords(st, r, other); err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteRecord(st, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SaveRecord(st, r); err != nil { // Undo
		t.Fatal(err)
	}
	got := loadWritable(t, st)
	if len(got) != 2 || !got[0].Equal(r) {
		t.Fatalf("after Undo: %+v, want the session back as it was", got)
	}
	draft := got[0]
	draft.PainAfter, draft.Note = data.PainScore(1), "stiff, easier by lunch"
	if _, err := store.SaveRecord(st, draft); err != nil {
		t.Fatal(err)
	}
	if e := loadWritable(t, st)[0]; painText(e.PainAfter) != "1" || e.Note != draft.Note {
		t.Errorf("after the edit: pain after %s, note %q; want 1 and the new note", painText(e.PainAfter), e.Note)
	}
}
