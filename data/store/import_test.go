package store_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// importAt is when the import tests' backups are made and deletions done.
var importAt = time.Date(2025, 4, 22, 18, 0, 0, 0, time.UTC)

// backupWith is a backup of recs, with the deletions deleted, as decoded
// from its file.
func backupWith(t *testing.T, recs []data.Record, deleted ...store.Tombstone) store.Backup {
	t.Helper()
	b := store.NewBackupFrom(store.History{Records: recs, Deleted: deleted}, data.DefaultSettings(), nil, importAt)
	raw, err := store.EncodeBackup(b)
	if err != nil {
		t.Fatal(err)
	}
	return decodeBackupText(t, raw)
}

// TestImportKeepsTheFullerCopy: the device holds a session as partial,
// with 2 holds and no note; the backup holds it complete, with a note and
// pain scores. The import keeps the complete one with its answers, writes
// it, and says so.
func TestImportKeepsTheFullerCopy(t *testing.T) {
	st := &store.MemoryStorage{}
	partial := mergeCopy(t, mergeState{"less", false, false}, 0)
	if _, err := store.SaveRecord(st, partial); err != nil {
		t.Fatal(err)
	}
	complete := mergeCopy(t, mergeState{"complete", true, true}, 3)
	b := backupWith(t, []data.Record{complete})
	preview, err := store.PreviewImport(st, b)
	if err != nil {
		t.Fatal(err)
	}
	_, sum, err := store.ImportBackup(st, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportSummary{Updated: 1}); sum != want || preview != want {
		t.Errorf("summary %+v, preview %+v; want %+v", sum, preview, want)
	}
	if got, want := sum.Sentence(), "1 session updated from the backup."; got != want {
		t.Errorf("sentence %q, want %q", got, want)
	}
	got := loadWritable(t, st)
	if len(got) != 1 || !got[0].Complete || got[0].Exercises[0].HoldsDone != 6 || got[0].Note != "note 3" || painText(got[0].PainAfter) != "4" {
		t.Errorf("stored %+v, want the complete session with its note and pain", got)
	}
}

// TestImportTakesTheNewestEdit: a note cleared here after the backup was
// made stays cleared; a note changed in the backup after the one here
// replaces it.
func TestImportTakesTheNewestEdit(t *testing.T) {
	rec := answered(t)
	rec.Edited = editAt
	cleared := rec
	cleared.Note, cleared.Edited = "", editAt.Add(time.Hour)
	changed := rec
	changed.Note, changed.Edited = "a later word", editAt.Add(2*time.Hour)
	cases := []struct {
		scenario   string
		here, file data.Record
		want       string
		sum        store.ImportSummary
	}{
		{"cleared here after the backup", cleared, rec, "", store.ImportSummary{Unchanged: 1}},
		{"changed in the backup after the one here", rec, changed, "a later word", store.ImportSummary{Updated: 1}},
		{"the backup's edit after the clearing here", cleared, changed, "a later word", store.ImportSummary{Updated: 1}},
		{"the same", rec, rec, privateNote, store.ImportSummary{Unchanged: 1}},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if _, err := store.SaveRecord(st, c.here); err != nil {
				t.Fatal(err)
			}
			before, _ := st.GetRaw(store.HistoryKey)
			_, sum, err := store.ImportBackup(st, backupWith(t, []data.Record{c.file}))
			if err != nil {
				t.Fatal(err)
			}
			if sum != c.sum {
				t.Errorf("summary %+v, want %+v", sum, c.sum)
			}
			if r := loadWritable(t, st)[0]; r.Note != c.want {
				t.Errorf("note %q, want %q", r.Note, c.want)
			}
			if after, _ := st.GetRaw(store.HistoryKey); c.sum.Updated == 0 && after != before {
				t.Error("an import that changed nothing wrote the history")
			}
		})
	}
}

// TestImportDoesNotBringBackADeletedSession: a session deleted after a
// backup was made stays deleted when that backup is imported; a backup
// made after the deletion carries it, and deletes the session on a device
// that still has it; a copy edited after the deletion comes back.
func TestImportDoesNotBringBackADeletedSession(t *testing.T) {
	st := &store.MemoryStorage{}
	kept := answered(t)
	gone := datatest.Record(t, datatest.London, "2025-04-21 18:00", func(r *data.Record) { r.Note = "to delete" })
	if _, err := store.SaveRecords(st, kept, gone); err != nil {
		t.Fatal(err)
	}
	older := decodeBackupText(t, backupText(t, st, importAt))
	if _, err := store.DeleteRecordAt(st, gone.ID, importAt.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	_, sum, err := store.ImportBackup(st, older)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportSummary{Unchanged: 1, LeftDeleted: 1}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if got := recordIDs(loadWritable(t, st)); !reflect.DeepEqual(got, []string{kept.ID}) {
		t.Fatalf("after importing an older backup: %v, want only %s", got, kept.ID)
	}

	newer := decodeBackupText(t, backupText(t, st, importAt.Add(2*time.Hour)))
	if len(newer.Deleted) != 1 || newer.Deleted[0].ID != gone.ID || !newer.Deleted[0].At.Equal(importAt.Add(time.Hour)) {
		t.Fatalf("a backup made after the deletion carries %+v, want the deletion", newer.Deleted)
	}
	other := &store.MemoryStorage{} // another device, restored from the older backup
	if _, _, err := store.ImportBackup(other, older); err != nil {
		t.Fatal(err)
	}
	_, sum, err = store.ImportBackup(other, newer)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportSummary{Unchanged: 1, Deleted: 1}); sum != want {
		t.Errorf("on the other device: summary %+v, want %+v", sum, want)
	}
	if got := recordIDs(loadWritable(t, other)); !reflect.DeepEqual(got, []string{kept.ID}) {
		t.Errorf("on the other device: %v, want only %s", got, kept.ID)
	}

	edited := gone
	edited.Note, edited.Edited = "written after the deletion", importAt.Add(3*time.Hour)
	_, sum, err = store.ImportBackup(st, backupWith(t, []data.Record{edited}))
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportSummary{Added: 1}); sum != want {
		t.Errorf("a copy edited after the deletion: summary %+v, want %+v", sum, want)
	}
	if got := loadWritable(t, st); len(got) != 2 {
		t.Errorf("a copy edited after the deletion: %d sessions, want it back", len(got))
	}
}

// TestImportSummarySentence: the sentence the import screen shows, with
// its plurals.
func TestImportSummarySentence(t *testing.T) {
	cases := []struct {
		sum  store.ImportSummary
		want string
	}{
		{store.ImportSummary{Added: 1}, "1 new session."},
		{store.ImportSummary{Added: 2}, "2 new sessions."},
		{store.ImportSummary{Updated: 3}, "3 sessions updated from the backup."},
		{store.ImportSummary{Added: 2, Updated: 1, Unchanged: 5}, "2 new sessions, 1 session updated from the backup and 5 already here."},
		{store.ImportSummary{Unchanged: 1}, "1 already here."},
		{store.ImportSummary{Deleted: 1}, "1 session deleted, as in the backup."},
		{store.ImportSummary{Deleted: 2, LeftDeleted: 1}, "2 sessions deleted, as in the backup and 1 deleted here stays deleted."},
		{store.ImportSummary{LeftDeleted: 4}, "4 deleted here stay deleted."},
		{store.ImportSummary{}, "The backup holds no sessions."},
	}
	for _, c := range cases {
		if got := c.sum.Sentence(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.sum, got, c.want)
		}
	}
}

// TestImportChecksTheBackupsDeletions: a backup whose deletions are not
// valid is refused, saying why, and nothing changes.
func TestImportChecksTheBackupsDeletions(t *testing.T) {
	rec := answered(t)
	raw, err := store.EncodeBackup(store.NewBackupFrom(store.History{Records: []data.Record{rec}}, data.DefaultSettings(), nil, importAt))
	if err != nil {
		t.Fatal(err)
	}
	valid := string(raw)
	cases := []struct{ scenario, deleted, want string }{
		{"not a uuid", `[{"id":"x","at":"2025-04-22T18:00:00Z"}]`, `deletion 1: id "x" is not a uuid`},
		{"no time", `[{"id":"0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c"}]`, "deletion 1: the time of deletion is missing"},
		{"an unknown field", `[{"id":"0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c","at":"2025-04-22T18:00:00Z","why":1}]`, `deletion 1: unknown field "why"`},
		{"twice", `[{"id":"0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c","at":"2025-04-22T18:00:00Z"},{"id":"0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c","at":"2025-04-22T19:00:00Z"}]`, "deletion 2: session 0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c is also deletion 1"},
		{"a session it also holds", `[{"id":"` + rec.ID + `","at":"2025-04-22T18:00:00Z"}]`, "deletion 1: session " + rec.ID + " is also record 1"},
		{"not a list", `{}`, "deletions: the value is an object, must be a list"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			file := strings.Replace(valid, `"deleted": []`, `"deleted": `+c.deleted, 1)
			if file == valid {
				t.Fatalf("the backup has no deletions list: %s", valid)
			}
			_, err := store.DecodeBackup(strings.NewReader(file))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}
