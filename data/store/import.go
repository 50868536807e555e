package store

import (
	"fmt"
	"strings"

	"unknot/data"
)

// ImportSummary counts what an import did, or would do: each session of
// the backup is new here, updates the one here, is here already, or was
// deleted here; and each of its deletions may delete a session here.
type ImportSummary struct {
	// Added counts the backup's sessions new here.
	Added int
	// Updated counts the sessions here the backup's copy added to: it got
	// further, or its answers were edited later.
	Updated int
	// Unchanged counts the sessions here that hold all the backup's copy
	// holds already.
	Unchanged int
	// Deleted counts the sessions here the backup says were deleted after
	// their last edit: they are deleted here too.
	Deleted int
	// LeftDeleted counts the backup's sessions deleted here after their
	// last edit: they stay deleted.
	LeftDeleted int
	// Conflicts is always 0: an import merges every session by the rule
	// two tabs follow, and none is left as a conflict. Deprecated: kept for
	// callers written before; use Updated and Sentence.
	Conflicts int
}

// Sentence says what the import did, for the screen, with its plurals:
// "2 new sessions, 1 session updated from the backup and 5 already here."
func (s ImportSummary) Sentence() string {
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{
		{s.Added, "new session", "new sessions"},
		{s.Updated, "session updated from the backup", "sessions updated from the backup"},
		{s.Unchanged, "already here", "already here"},
		{s.Deleted, "session deleted, as in the backup", "sessions deleted, as in the backup"},
		{s.LeftDeleted, "deleted here stays deleted", "deleted here stay deleted"},
	} {
		switch {
		case p.n == 1:
			parts = append(parts, "1 "+p.one)
		case p.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.many))
		}
	}
	switch n := len(parts); n {
	case 0:
		return "The backup holds no sessions."
	case 1:
		return parts[0] + "."
	default:
		return strings.Join(parts[:n-1], ", ") + " and " + parts[n-1] + "."
	}
}

// ImportBackup merges the sessions and deletions of b (from DecodeBackup)
// into the stored history, as two tabs merge: the same session here and in
// the backup is merged by MergeRecords (more done wins, and the answers
// edited last, cleared ones included), and a deletion stands against every
// copy of its session not edited after it, here or in the backup. It reads
// the stored history again first, writes when anything changed (a session
// updated counts as much as a new one), and returns the history as saved
// and what changed. It writes nothing when a record is not valid or the
// stored history is damaged or newer.
func ImportBackup(st Storage, b Backup) (History, ImportSummary, error) {
	if err := checkImport(b); err != nil {
		return History{}, ImportSummary{}, err
	}
	l := readHistory(st)
	if err := refuse(l, "nothing was imported."); err != nil {
		return History{}, ImportSummary{}, err
	}
	m := importInto(l, b)
	if !m.changed {
		return History{Records: l.records, Deleted: l.deleted}, m.sum, nil
	}
	if _, err := keepDuplicates(st, l); err != nil {
		return History{}, ImportSummary{}, err
	}
	s := m.result()
	if _, err := writeState(st, s); err != nil {
		return History{}, ImportSummary{}, err
	}
	return History{Records: s.records, Deleted: s.deleted}, m.sum, nil
}

// PreviewImport says what ImportBackup would do with b now, writing
// nothing: for the screen that asks before importing.
func PreviewImport(st Storage, b Backup) (ImportSummary, error) {
	if err := checkImport(b); err != nil {
		return ImportSummary{}, err
	}
	l := readHistory(st)
	if err := refuse(l, "nothing can be imported."); err != nil {
		return ImportSummary{}, err
	}
	return importInto(l, b).sum, nil
}

// checkImport refuses a backup with a session or a deletion that is not
// valid, saying which.
func checkImport(b Backup) error {
	ids := make(map[string]int, len(b.Records))
	for i, r := range b.Records {
		if err := r.Validate(); err != nil {
			return &storeError{kind: ErrInvalidRecord, cause: err, msg: fmt.Sprintf("nothing was imported: record %d: %v", i+1, err)}
		}
		ids[r.ID] = i
	}
	if err := checkDeleted(b.Deleted, ids); err != nil {
		return &storeError{kind: ErrInvalidRecord, cause: err, msg: fmt.Sprintf("nothing was imported: %v", err)}
	}
	return nil
}

// importInto merges b into the history l.
func importInto(l loaded, b Backup) *merger {
	m := newMerger(state{l.records, l.deleted})
	for _, r := range b.Records {
		m.add(r)
	}
	for _, t := range b.Deleted {
		m.remove(t)
	}
	return m
}

// ImportRecords merges incoming records into the stored history, as
// ImportBackup does with a backup that holds no deletions.
func ImportRecords(st Storage, incoming []data.Record) (History, ImportSummary, error) {
	return ImportBackup(st, Backup{Records: incoming})
}

// Merge merges incoming records into existing by id, as ImportBackup does
// (MergeRecords), and returns the result sorted by Start: added counts the
// records new here, unchanged those here that hold all of the incoming
// copy, and conflicts those that differ and are merged. Deprecated: it
// knows no deletions; use PreviewImport.
func Merge(existing, incoming []data.Record) (merged []data.Record, added, unchanged, conflicts int) {
	m := newMerger(state{records: unionByID(existing, nil)})
	for _, r := range incoming {
		m.add(r)
	}
	return m.result().records, m.sum.Added, m.sum.Unchanged, m.sum.Updated
}
