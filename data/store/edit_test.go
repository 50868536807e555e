package store_test

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// editAt is when the edit tests' person edits: an hour after their session.
var editAt = time.Date(2025, 4, 20, 9, 0, 0, 0, time.UTC)

// privateNote is what the person wrote and took back.
const privateNote = "private: it came back after the fall at work"

// answered is a finished session with the person's answers: pain 5 before
// and 6 after, and a private note.
func answered(t *testing.T) data.Record {
	t.Helper()
	return datatest.Record(t, datatest.London, "2025-04-20 08:00", func(r *data.Record) {
		r.PainBefore, r.PainAfter, r.Note = data.PainScore(5), data.PainScore(6), privateNote
	})
}

// painText shows an optional pain score.
func painText(p *int) string {
	if p == nil {
		return "none"
	}
	return strconv.Itoa(*p)
}

// backupText is the backup file a person would export from st at now.
func backupText(t *testing.T, st store.Storage, now time.Time) []byte {
	t.Helper()
	h, _, err := store.LoadHistory(st, now)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := store.EncodeBackup(store.NewBackupFrom(h, data.DefaultSettings(), nil, now))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// decodeBackupText reads a backup file as the import screen does.
func decodeBackupText(t *testing.T, raw []byte) store.Backup {
	t.Helper()
	b, err := store.DecodeBackup(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEditClearedAnswersStayCleared: a person gave a pain score and a
// private note on the finished screen, then cleared both from History. They
// stay cleared on reload, after the tab that saved the session makes sure
// its copy (which still has them) is stored, anywhere in storage, in a
// backup made after, and after a backup made before is imported.
func TestEditClearedAnswersStayCleared(t *testing.T) {
	st := &store.MemoryStorage{}
	rec := answered(t)
	// The finished screen (tab A) saves the answers and keeps its copy.
	if _, err := store.SaveAnswers(st, rec); err != nil {
		t.Fatal(err)
	}
	before := backupText(t, st, editAt.Add(-time.Minute))
	// History (tab B) clears the note and the pain after.
	draft := rec
	draft.Note, draft.PainAfter = "", nil
	if _, err := store.EditRecord(st, rec.ID, store.EditOf(rec, draft), editAt); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		got := loadWritable(t, st)
		if len(got) != 1 {
			t.Fatalf("%s: %d sessions stored, want 1", when, len(got))
		}
		r := got[0]
		if r.Note != "" || r.PainAfter != nil {
			t.Errorf("%s: the note %q and pain after %s came back, want them cleared", when, r.Note, painText(r.PainAfter))
		}
		if r.PainBefore == nil || *r.PainBefore != 5 || !r.Complete {
			t.Errorf("%s: got %+v, want the rest of the session as it was", when, r)
		}
		for k, v := range storeSnapshot(t, st) {
			if strings.Contains(v, "it came back") {
				t.Errorf("%s: the cleared note is still stored under %s", when, k)
			}
		}
	}
	check("on reload")
	// Tab A hears of B's write and makes sure its own copy is stored.
	if _, _, err := store.KeepSaved(st, rec); err != nil {
		t.Fatal(err)
	}
	check("after the tab that saved it checked its copy")
	if after := backupText(t, st, editAt.Add(time.Minute)); bytes.Contains(after, []byte("it came back")) {
		t.Errorf("a backup made after the edit holds the cleared note")
	}
	if _, _, err := store.ImportBackup(st, decodeBackupText(t, before)); err != nil {
		t.Fatal(err)
	}
	check("after importing a backup made before the edit")
}

// TestEditKeepsWhatAnotherTabChanged: two tabs show the same session; one
// changes its pain after, then the other, still showing the old answers,
// changes its note. Each edit replaces only what its person changed.
func TestEditKeepsWhatAnotherTabChanged(t *testing.T) {
	st := &store.MemoryStorage{}
	rec := answered(t)
	if _, err := store.SaveAnswers(st, rec); err != nil {
		t.Fatal(err)
	}
	painDraft := rec
	painDraft.PainAfter = data.PainScore(2)
	if _, err := store.EditRecord(st, rec.ID, store.EditOf(rec, painDraft), editAt); err != nil {
		t.Fatal(err)
	}
	noteDraft := rec // the other tab's view, from before
	noteDraft.Note = "better by the evening"
	if _, err := store.EditRecord(st, rec.ID, store.EditOf(rec, noteDraft), editAt.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	r := loadWritable(t, st)[0]
	if r.Note != "better by the evening" || r.PainAfter == nil || *r.PainAfter != 2 || *r.PainBefore != 5 {
		t.Errorf("stored note %q, pain %s → %s; want the new note and the other tab's pain after 2", r.Note, painText(r.PainBefore), painText(r.PainAfter))
	}
}

// TestEditWinsOverAClockBehind: an edit made with a clock behind the one
// that saved the answers (another device, a clock put back) is still the
// person's latest word.
func TestEditWinsOverAClockBehind(t *testing.T) {
	st := &store.MemoryStorage{}
	rec := answered(t)
	rec.Edited = editAt.Add(24 * time.Hour) // answered on a clock a day ahead
	if _, err := store.SaveRecord(st, rec); err != nil {
		t.Fatal(err)
	}
	draft := rec
	draft.Note = ""
	if _, err := store.EditRecord(st, rec.ID, store.EditOf(rec, draft), editAt); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.KeepSaved(st, rec); err != nil {
		t.Fatal(err)
	}
	if r := loadWritable(t, st)[0]; r.Note != "" {
		t.Errorf("note %q, want it cleared", r.Note)
	}
}

// TestEditOfADeletedSession: a session deleted in another tab cannot be
// edited back into the history; the error says so and nothing is written.
func TestEditOfADeletedSession(t *testing.T) {
	st := &store.MemoryStorage{}
	rec := answered(t)
	if _, err := store.SaveAnswers(st, rec); err != nil {
		t.Fatal(err)
	}
	if _, err := store.DeleteRecordAt(st, rec.ID, editAt); err != nil {
		t.Fatal(err)
	}
	before := storeSnapshot(t, st)
	draft := rec
	draft.Note = "changed"
	_, err := store.EditRecord(st, rec.ID, store.EditOf(rec, draft), editAt.Add(time.Minute))
	if !errors.Is(err, store.ErrGone) || !strings.Contains(err.Error(), "deleted") {
		t.Errorf("editing a deleted session: %v, want ErrGone saying it was deleted", err)
	}
	if got := storeSnapshot(t, st); len(got) != len(before) || got[store.HistoryKey] != before[store.HistoryKey] {
		t.Errorf("a refused edit wrote to storage")
	}
}

// TestEditWithoutChangeWritesNothing: saving the editor untouched writes
// nothing and stamps no edit time.
func TestEditWithoutChangeWritesNothing(t *testing.T) {
	st := &store.MemoryStorage{}
	rec := answered(t)
	if _, err := store.SaveRecord(st, rec); err != nil {
		t.Fatal(err)
	}
	before, _ := st.GetRaw(store.HistoryKey)
	if _, err := store.EditRecord(st, rec.ID, store.EditOf(rec, rec), editAt); err != nil {
		t.Fatal(err)
	}
	if after, _ := st.GetRaw(store.HistoryKey); after != before {
		t.Errorf("an edit that changed nothing wrote the history")
	}
}

// TestEditRefusesAnInvalidAnswer: a pain score off the scale is refused
// with the reason, and nothing is written.
func TestEditRefusesAnInvalidAnswer(t *testing.T) {
	st := &store.MemoryStorage{}
	rec := answered(t)
	if _, err := store.SaveRecord(st, rec); err != nil {
		t.Fatal(err)
	}
	before, _ := st.GetRaw(store.HistoryKey)
	draft := rec
	draft.PainAfter = data.PainScore(12)
	_, err := store.EditRecord(st, rec.ID, store.EditOf(rec, draft), editAt)
	if !errors.Is(err, store.ErrInvalidRecord) || !strings.Contains(err.Error(), "pain after is 12, must be 0 to 10") {
		t.Errorf("got %v, want the pain score refused", err)
	}
	if after, _ := st.GetRaw(store.HistoryKey); after != before {
		t.Errorf("a refused edit wrote the history")
	}
}
