package store

import (
	"errors"
	"fmt"

	"unknot/data"
)

// PendingKey is where versions before one key per session kept, in one
// list, the finished sessions that could not be saved to the history yet.
// SavePending moves them to a key each (PendingPrefix) before it saves them.
const PendingKey = "unknot.pending"

// KeepPending keeps rec to be saved later (SavePending, at each step of a
// session and at every start), under its own key, merged with a copy kept
// there already (a save that failed keeps one). The storage is full when this is needed: when it does not
// fit, the copy of the same session kept to be written back (SavedPrefix),
// then its checkpoint, which a finished session no longer needs, make room
// for it; when it still does not fit, they are put back, and the next
// launch offers the session from its checkpoint. The error says that
// nothing could be kept.
func KeepPending(st Storage, rec data.Record) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	// The failed save kept a copy already, its answers dated (SaveAnswers):
	// merged, what the caller kept in memory never replaces it with less.
	if e, err := readEntry(st, PendingPrefix+rec.ID, rec.ID); err == nil && e.key != "" {
		rec = MergeRecords(e.rec, rec)
	}
	text, err := entryText(rec)
	if err != nil {
		return err
	}
	key := PendingPrefix + rec.ID
	if err = setText(st, key, text); err == nil || !IsQuota(err) {
		return err
	}
	rs, ok := st.(RawStorage)
	if !ok {
		return err
	}
	// What may make room, in the order it goes.
	var taken []struct{ key, raw string }
	for _, k := range []string{SavedPrefix + rec.ID, checkpointKey(rec.ID)} {
		if k == checkpointKey(rec.ID) {
			if _, found, cerr := loadKey(st, k); !found || cerr != nil {
				continue
			}
		}
		raw, found := rs.GetRaw(k)
		if !found {
			continue
		}
		st.Del(k)
		taken = append(taken, struct{ key, raw string }{k, raw})
		if err = setText(st, key, text); err == nil {
			return nil
		}
	}
	for _, d := range taken {
		if back := rs.SetRaw(d.key, d.raw); back != nil {
			return fmt.Errorf("%v; what made room for it could not be put back either: %v", err, back)
		}
	}
	return err
}

// HasPending reports whether sessions wait to be saved, without reading
// them.
func HasPending(st Storage) bool {
	if len(KeysWithPrefix(st, PendingPrefix)) > 0 {
		return true
	}
	_, found, err := getRaw(st, PendingKey)
	return found || err != nil
}

// SavePending saves the sessions that wait to be saved (see KeepPending)
// into the history, merged by the one rule (a session deleted since stays
// deleted), and returns how many it saved. Each then waits no more, but is
// kept until a later start finds it in the history (Repair); its
// checkpoint too, which is not offered to resume meanwhile. The error is
// SaveRecords' when they could not be saved, and they go on waiting; or it
// says that some could not be read, and those are left as they are.
func SavePending(st Storage) (int, error) {
	ids, err := savePending(st)
	return len(ids), err
}

// savePending is SavePending, returning the ids of the sessions saved.
func savePending(st Storage) ([]string, error) {
	if !HasPending(st) {
		return nil, nil
	}
	var errs []error
	if err := movePendingList(st); err != nil {
		errs = append(errs, err)
	}
	entries, err := readEntries(st, PendingPrefix)
	if err != nil {
		errs = append(errs, err)
	}
	if len(entries) == 0 {
		return nil, errors.Join(errs...)
	}
	l := readHistory(st)
	if err := refuse(l, "the sessions waiting to be saved go on waiting."); err != nil {
		return nil, err
	}
	m := newMerger(state{l.records, l.deleted})
	for _, e := range entries {
		m.add(e.rec)
	}
	if m.changed {
		if _, err := keepDuplicates(st, l); err != nil {
			return nil, err
		}
		if _, err := writeState(st, m.result()); err != nil {
			return nil, err
		}
	}
	var ids []string
	for _, e := range entries {
		if _, ok := m.held(e.rec.ID); !ok {
			e.drop(st) // deleted since
			continue
		}
		if err := e.move(st, SavedPrefix); err != nil {
			e.drop(st) // in the history: only the later check is lost
		}
		ids = append(ids, e.rec.ID)
	}
	return ids, errors.Join(errs...)
}

// movePendingList moves the sessions of the list under PendingKey, which
// earlier versions kept, to a key each, merged with any copy kept there
// already, and then removes the list. A list that cannot be read, or whose
// sessions cannot all be moved, is left where it is.
func movePendingList(st Storage) error {
	raw, found, err := getRaw(st, PendingKey)
	if err != nil || !found {
		return err
	}
	l := decodeHistory([]byte(raw))
	if l.status != StatusOK {
		return fmt.Errorf("the sessions waiting to be saved could not be read (%s), so they are left as they are", l.reason)
	}
	for _, r := range l.records {
		if e, err := readEntry(st, PendingPrefix+r.ID, r.ID); err == nil && e.key != "" {
			r = MergeRecords(e.rec, r)
		}
		if err := keepEntry(st, PendingPrefix, r); err != nil {
			return fmt.Errorf("the sessions waiting to be saved could not be moved where this version keeps them: %v", err)
		}
	}
	if again, _, _ := getRaw(st, PendingKey); again == raw {
		st.Del(PendingKey)
	}
	return nil
}
