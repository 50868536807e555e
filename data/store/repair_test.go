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

// finishedSession is a session that ran in a tab, checkpointed, and is now
// finished with the person's answers: its record and its last checkpoint.
func finishedSession(t *testing.T) (data.Record, data.Checkpoint) {
	t.Helper()
	s, c := datatest.CheckpointTaken(t)
	end := c.SavedAt.Add(5 * time.Minute)
	rec := data.NewRecord(s, c.Stamp(), end)
	rec.ID, rec.PainBefore, rec.PainAfter, rec.Note = c.RecordID, data.PainScore(4), data.PainScore(2), "easier than yesterday"
	return rec, c
}

// staleWrite plays tab B: from the history text it read earlier, it saves
// its own session y and writes the result over st's history.
func staleWrite(t *testing.T, st *store.MemoryStorage, read string, y data.Record) {
	t.Helper()
	b := &store.MemoryStorage{}
	if read != "" {
		b.SetRaw(store.HistoryKey, read)
	}
	if _, err := store.SaveRecord(b, y); err != nil {
		t.Fatal(err)
	}
	raw, _ := b.GetRaw(store.HistoryKey)
	if err := st.SetRaw(store.HistoryKey, raw); err != nil {
		t.Fatal(err)
	}
}

// TestSavedSessionSurvivesItsTabClosing: tab A saves session X at its end
// and is closed at once: it never runs again, so no storage event can make
// it write X back. Tab B, which read the history before X was saved,
// writes what it read plus its own session, dropping X. A later start of
// the app finds X missing and writes it back, answers and all, and X is
// not offered to resume. Both with the player of today, which clears its
// checkpoint on saving, and with one that keeps it until a later start.
func TestSavedSessionSurvivesItsTabClosing(t *testing.T) {
	for _, clears := range []bool{true, false} {
		name := map[bool]string{true: "checkpoint cleared on saving", false: "checkpoint kept"}[clears]
		t.Run(name, func(t *testing.T) {
			st := &store.MemoryStorage{}
			old := datatest.Record(t, datatest.London, "2025-04-23 08:00")
			if _, err := store.SaveRecord(st, old); err != nil {
				t.Fatal(err)
			}
			read, _ := st.GetRaw(store.HistoryKey) // tab B reads
			x, c := finishedSession(t)
			if err := store.SaveCheckpoint(st, c); err != nil {
				t.Fatal(err)
			}
			if _, err := store.SaveAnswers(st, x); err != nil { // tab A saves
				t.Fatal(err)
			}
			if clears {
				store.ClearCheckpoint(st, x.ID)
			}
			// Tab A is closed. Tab B writes.
			y := datatest.Record(t, datatest.London, "2025-04-24 18:00")
			staleWrite(t, st, read, y)
			if got := storedIDs(t, st); slices.Contains(got, x.ID) {
				t.Fatal("tab B's write did not drop X: the test proves nothing")
			}
			// The next start.
			if _, err := store.Repair(st, x.End.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			want := []string{old.ID, x.ID, y.ID}
			slices.Sort(want)
			if got := storedIDs(t, st); !reflect.DeepEqual(got, want) {
				t.Fatalf("after the next start: %v, want %v", got, want)
			}
			for _, r := range loadWritable(t, st) {
				if r.ID == x.ID && (r.ActiveMS != x.ActiveMS || r.Exercises[0] != x.Exercises[0] || r.Note != x.Note || painText(r.PainAfter) != "2") {
					t.Errorf("X came back as %+v, want it whole with its answers", r)
				}
			}
			if all, _ := store.LoadCheckpoints(st); len(all) != 0 {
				t.Errorf("X is offered to resume: %+v", all)
			}
			// The start after finds X where it belongs, and what was
			// kept for it goes.
			if _, err := store.Repair(st, x.End.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
			for _, k := range st.Keys() {
				if k != store.HistoryKey && k != store.RecentKey {
					t.Errorf("%s is still kept once X is in the history", k)
				}
			}
			if got := storedIDs(t, st); !reflect.DeepEqual(got, want) {
				t.Errorf("after the start after: %v, want %v", got, want)
			}
		})
	}
}

// TestRepairWaitsForOtherTabs: a start just after another tab saved a
// session (the other tab's write may still be on its way) keeps what it
// kept for it; a start a while later lets it go.
func TestRepairWaitsForOtherTabs(t *testing.T) {
	st := &store.MemoryStorage{}
	x, _ := finishedSession(t)
	if _, err := store.SaveAnswers(st, x); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Repair(st, x.End.Add(5*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := store.KeysWithPrefix(st, store.SavedPrefix); len(got) != 1 {
		t.Errorf("a start 5 s after the save kept %v, want X's copy", got)
	}
	if _, err := store.Repair(st, x.End.Add(5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got := store.KeysWithPrefix(st, store.SavedPrefix); len(got) != 0 {
		t.Errorf("a start 5 minutes after the save kept %v, want nothing", got)
	}
}

// TestRepairClearsTheCheckpointOfASavedSession: a tab killed between
// saving its session and clearing its checkpoint (as the player of today
// does) leaves a checkpoint whose session is in the history: a start
// removes it, so the session is not offered to resume. The checkpoint of a
// session resumed after it was saved as partial, which got further than
// the history's copy, is left alone: it runs, or may be resumed.
func TestRepairClearsTheCheckpointOfASavedSession(t *testing.T) {
	s, c := datatest.CheckpointTaken(t)
	partial := c.Record(datatest.CheckpointPlan(t, data.Morning, data.DefaultTiming()))
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecord(st, partial); err != nil {
		t.Fatal(err)
	}
	// Resumed, and further along by a minute.
	further := s.Checkpoint(c.Stamp(), c.PainBefore, c.SavedAt.Add(time.Minute))
	further.RecordID = c.RecordID
	if err := store.SaveCheckpoint(st, further); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Repair(st, c.SavedAt.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := store.LoadCheckpointID(st, c.RecordID); !ok {
		t.Fatal("the checkpoint of a session further along than its saved copy was removed")
	}
	// Its checkpoint as far as the history's copy: saved, so it goes.
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Repair(st, c.SavedAt.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if all, _ := store.LoadCheckpoints(st); len(all) != 0 {
		t.Errorf("a saved session is offered to resume: %+v", all)
	}
	if _, ok := st.GetRaw(store.CheckpointPrefix + c.RecordID); ok {
		t.Error("its checkpoint is still stored")
	}
}

// TestRepairLeavesDeletedSessionsDeleted: a session saved, then deleted
// from History before the next start, is not written back by it.
func TestRepairLeavesDeletedSessionsDeleted(t *testing.T) {
	st := &store.MemoryStorage{}
	x, _ := finishedSession(t)
	if _, err := store.SaveAnswers(st, x); err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteRecordAt(st, x.ID, x.End.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Repair(st, x.End.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := loadWritable(t, st); len(got) != 0 {
		t.Errorf("a deleted session came back: %v", recordIDs(got))
	}
	for _, k := range st.Keys() {
		if k != store.HistoryKey && k != store.RecentKey {
			t.Errorf("%s is still kept for a deleted session", k)
		}
	}
}

// TestRepairClearsTheCheckpointOfASessionDeletedElsewhere: a session saved
// here, its checkpoint kept until the next start, is deleted by importing a
// backup made after it was deleted on another device. It is not offered to
// resume.
func TestRepairClearsTheCheckpointOfASessionDeletedElsewhere(t *testing.T) {
	st := &store.MemoryStorage{}
	x, c := finishedSession(t)
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SaveAnswers(st, x); err != nil {
		t.Fatal(err)
	}
	gone := store.Tombstone{ID: x.ID, At: x.End.Add(time.Hour)}
	if _, sum, err := store.ImportBackup(st, store.Backup{Deleted: []store.Tombstone{gone}}); err != nil || sum.Deleted != 1 {
		t.Fatalf("import: %+v, %v; want the session deleted", sum, err)
	}
	if _, err := store.Repair(st, x.End.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if all, _ := store.LoadCheckpoints(st); len(all) != 0 {
		t.Errorf("a deleted session is offered to resume: %+v", all)
	}
	for _, k := range st.Keys() {
		if k != store.HistoryKey && k != store.RecentKey {
			t.Errorf("%s is still kept for a deleted session", k)
		}
	}
}

// historyReads counts the reads of the stored history.
type historyReads struct {
	*store.MemoryStorage
	n int
}

func (h *historyReads) GetRaw(k string) (string, bool) {
	if k == store.HistoryKey {
		h.n++
	}
	return h.MemoryStorage.GetRaw(k)
}

// TestRepairReadsTheHistoryOnlyWhenSomethingIsKept: Repair runs at every
// launch; with no session kept to be saved or checked and no checkpoint,
// it has nothing to hold against the history and leaves it unread (ten
// years of it took a long task just after each launch). With a session
// kept since its save, or a checkpoint, it reads it and settles them.
func TestRepairReadsTheHistoryOnlyWhenSomethingIsKept(t *testing.T) {
	st := &historyReads{MemoryStorage: &store.MemoryStorage{}}
	rec, c := finishedSession(t)
	if _, err := store.SaveRecord(st, rec); err != nil {
		t.Fatal(err)
	}
	later := rec.End.Add(2 * time.Minute)
	st.n = 0
	if _, err := store.Repair(st, later); err != nil {
		t.Fatal(err)
	}
	if st.n == 0 {
		t.Fatal("Repair settled the copy kept since the save without reading the history")
	}
	if kept := store.KeysWithPrefix(st, store.SavedPrefix); len(kept) != 0 {
		t.Fatalf("the copy kept since the save is still there: %v", kept)
	}

	st.n = 0
	if _, err := store.Repair(st, later); err != nil {
		t.Fatal(err)
	}
	if st.n != 0 {
		t.Errorf("with nothing kept, Repair read the history %d times", st.n)
	}
	if h, _, err := store.LoadHistory(st, later); err != nil || len(h.Records) != 1 || h.Records[0].ID != rec.ID {
		t.Fatalf("the history after Repair: %v, %+v", err, h.Records)
	}

	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	st.n = 0
	rep, err := store.Repair(st, later)
	if err != nil {
		t.Fatal(err)
	}
	if st.n == 0 || rep.Checkpoints != 1 {
		t.Errorf("a checkpoint of a saved session: %d reads of the history, %d checkpoints cleared; want some, 1", st.n, rep.Checkpoints)
	}
}
