package store

import (
	"time"

	"github.com/google/uuid"

	"unknot/data"
)

// DeletedKey is where versions before schema 3 kept the ids of the
// sessions deleted lately, with no time. They are read as deletions made at
// the Unix epoch, the oldest time there is, so that they stand against
// every copy never edited (all that such versions wrote), and the next
// write of the history keeps them in it and removes the key.
const DeletedKey = "unknot.deleted"

// DeleteRecordAt removes the session id from the stored history, the
// person's choice at the instant now, and returns the history as saved. It
// reads the stored history again first, so sessions saved by another tab
// are kept; an id that is not there changes nothing. The deletion is kept
// (a Tombstone, carried by backups), so that no copy of the session made
// before it, another tab's or an older backup's, brings it back; and so
// are gone the copies kept of it to be saved or written back (they hold its
// note) and its checkpoint, which would otherwise be offered to resume.
// Saving the session again (Undo) brings it back.
func DeleteRecordAt(st Storage, id string, now time.Time) (History, error) {
	l := readHistory(st)
	if err := refuse(l, "nothing was deleted."); err != nil {
		return History{}, err
	}
	m := newMerger(state{l.records, l.deleted})
	i, ok := m.held(id)
	if !ok {
		return History{Records: l.records, Deleted: l.deleted}, nil
	}
	if _, err := keepDuplicates(st, l); err != nil {
		return History{}, err
	}
	// A clock behind the one that last edited it still deletes it.
	at := now.Round(0).UTC().Truncate(time.Millisecond)
	if e := m.out[i].Edited; e.After(at) {
		at = e
	}
	m.remove(Tombstone{ID: id, At: at})
	s := m.result()
	if _, err := writeState(st, s); err != nil {
		return History{}, err
	}
	for _, prefix := range []string{PendingPrefix, SavedPrefix} {
		st.Del(prefix + id)
	}
	ClearCheckpoint(st, id)
	return History{Records: s.records, Deleted: s.deleted}, nil
}

// DeleteRecord is DeleteRecordAt without the instant, for callers that do
// not have it: the deletion is dated at the session's end or last edit,
// which stands against every copy of it made until then but not against
// one edited later elsewhere. Prefer DeleteRecordAt.
func DeleteRecord(st Storage, id string) (History, error) {
	for _, r := range readHistory(st).records {
		if r.ID == id {
			return DeleteRecordAt(st, id, r.End)
		}
	}
	return DeleteRecordAt(st, id, time.Time{})
}

// withLegacyDeleted adds to deleted the ids kept under DeletedKey that
// records does not hold (an earlier version's Undo saved some again
// without taking them off the list), as deletions at the Unix epoch.
func withLegacyDeleted(st Storage, records []data.Record, deleted []Tombstone) []Tombstone {
	var ids []string
	if st.Get(DeletedKey, &ids) != nil || len(ids) == 0 {
		return deleted
	}
	known := make(map[string]bool, len(records)+len(deleted))
	for _, r := range records {
		known[r.ID] = true
	}
	for _, t := range deleted {
		known[t.ID] = true
	}
	for _, id := range ids {
		if isRecordID(id) && !known[id] {
			known[id] = true
			deleted = append(deleted, Tombstone{ID: id, At: time.UnixMilli(0).UTC()})
		}
	}
	return latestDeleted(deleted)
}

// isRecordID reports whether id is a record id as Validate wants it: a
// uuid, 8-4-4-4-12 in lower case.
func isRecordID(id string) bool {
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

// forgetLegacyDeleted removes DeletedKey once the history written holds
// what it held.
func forgetLegacyDeleted(st Storage) {
	if _, ok, _ := getRaw(st, DeletedKey); ok {
		st.Del(DeletedKey)
	}
}
