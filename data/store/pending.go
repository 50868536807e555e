package store

import (
	"fmt"

	"unknot/data"
)

// PendingKey holds the finished sessions that could not be saved to the
// history yet (the storage was full), so that they survive the page and
// the next launch saves them (SavePending). They are kept as the history
// is, compact: a session takes about 100 bytes, less than its checkpoint.
const PendingKey = "unknot.pending"

// KeepPending puts rec in the list of sessions to save later, replacing an
// earlier copy of it. The storage is full when this is needed: when the
// list does not fit, the checkpoint of the same session, which a finished
// session no longer needs, makes room for it; when it still does not fit,
// the checkpoint is put back, and the next launch offers the session from
// it. The error says that nothing could be kept.
func KeepPending(st Storage, rec data.Record) error {
	if err := rec.Validate(); err != nil {
		return err
	}
	recs, ok := loadPending(st)
	if !ok {
		return fmt.Errorf("the sessions already waiting to be saved could not be read")
	}
	for i := 0; i < len(recs); i++ {
		if recs[i].ID == rec.ID {
			recs = append(recs[:i], recs[i+1:]...)
			i--
		}
	}
	recs = append(recs, rec)
	p, err := encodeWire(recs)
	if err != nil {
		return err
	}
	text := p.text()
	if err = setText(st, PendingKey, text); err == nil || !IsQuota(err) {
		return err
	}
	rs, ok := st.(RawStorage)
	_, found, cerr := LoadCheckpointID(st, rec.ID)
	if !ok || !found || cerr != nil {
		return err
	}
	key := checkpointKey(rec.ID)
	raw, _ := rs.GetRaw(key)
	st.Del(key)
	if err = setText(st, PendingKey, text); err != nil {
		if back := rs.SetRaw(key, raw); back != nil {
			return fmt.Errorf("%v; the unfinished session's checkpoint could not be put back either: %v", err, back)
		}
	}
	return err
}

// loadPending reads the sessions waiting to be saved, and false when
// there are some that cannot be read (they are then left as they are).
func loadPending(st Storage) ([]data.Record, bool) {
	raw, found, err := getRaw(st, PendingKey)
	if err != nil {
		return nil, false
	}
	if !found {
		return nil, true
	}
	l := decodeHistory([]byte(raw))
	return l.records, l.status == StatusOK
}

// HasPending reports whether sessions wait to be saved, without decoding
// them.
func HasPending(st Storage) bool {
	if rs, ok := st.(RawStorage); ok {
		_, found := rs.GetRaw(PendingKey)
		return found
	}
	recs, ok := loadPending(st)
	return len(recs) > 0 || !ok
}

// SavePending saves the sessions that wait to be saved (see KeepPending)
// into the history and, once they are, removes them and the checkpoints of
// those sessions. It returns how many it saved; the error is SaveRecords'
// when they could not be, and they go on waiting.
func SavePending(st Storage) (int, error) {
	if !HasPending(st) {
		return 0, nil
	}
	valid, ok := loadPending(st)
	if !ok {
		return 0, fmt.Errorf("the sessions waiting to be saved could not be read")
	}
	if len(valid) > 0 {
		if _, err := SaveRecords(st, valid...); err != nil {
			return 0, err
		}
	}
	for _, r := range valid {
		ClearCheckpoint(st, r.ID)
	}
	st.Del(PendingKey)
	return len(valid), nil
}
