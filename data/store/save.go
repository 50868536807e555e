package store

import (
	"errors"
	"fmt"
	"time"

	"unknot/data"
)

// SaveRecord saves rec; see SaveRecords.
func SaveRecord(st Storage, rec data.Record) (History, error) { return SaveRecords(st, rec) }

// SaveRecords adds recs to the stored history and returns it as saved. It
// reads the stored history again first and writes the union by id, so two
// tabs saving at once keep each other's sessions; a record whose id is
// already stored is merged with it by MergeRecords, so nothing it had is
// lost. Saving is the person's own act: a session they deleted is brought
// back (Undo), and at the same progress and edit time as the copy stored
// its answers replace those stored. Each session is first kept under its own key (SavedPrefix)
// until a later start finds it in the history (Repair), and after writing
// the history is read back and written again if a record is not there
// (see KeepSaved).
//
// It writes nothing when a record is not valid (the error wraps
// ErrInvalidRecord) or the stored history is damaged or newer (ErrCorrupt,
// ErrNewer). On any other error none of recs is in the history: each waits
// to be saved (SavePending), and the caller keeps them in memory and tries
// again later; when the storage is full the error wraps ErrStorageFull.
func SaveRecords(st Storage, recs ...data.Record) (History, error) {
	if err := validateAll(recs); err != nil {
		return History{}, err
	}
	return saveRecords(st, func(*merger) ([]data.Record, error) { return recs, nil })
}

// SaveAnswers saves rec like SaveRecord, but takes its pain scores and note
// as they are, even when the person cleared one: the finished screen saves
// through it when the person answers, as those answers are theirs to change.
// Their edit time (Record.Edited) is put after that of the copy stored, and
// no earlier than the session's end, so that they win every later merge
// with an older copy (another tab's, a backup's).
func SaveAnswers(st Storage, rec data.Record) (History, error) {
	if err := validateAll([]data.Record{rec}); err != nil {
		return History{}, err
	}
	at := rec.Edited
	if rec.End.After(at) {
		at = rec.End
	}
	return saveRecords(st, func(m *merger) ([]data.Record, error) { return []data.Record{dated(m, rec, at)}, nil })
}

// validateAll refuses recs when one is not valid, saying which and why.
func validateAll(recs []data.Record) error {
	for i, r := range recs {
		if err := r.Validate(); err != nil {
			return &storeError{kind: ErrInvalidRecord, cause: err, msg: fmt.Sprintf(
				"session %d of %d could not be saved because it is not valid: %v", i+1, len(recs), err)}
		}
	}
	return nil
}

// dated is r with its answers given at the instant at: its edit time is
// at, or just after the stored copy's when at is not later (a clock behind).
func dated(m *merger, r data.Record, at time.Time) data.Record {
	if i, ok := m.held(r.ID); ok {
		if e := m.out[i].Edited; !e.IsZero() && !at.After(e) {
			at = e.Add(time.Millisecond)
		}
	}
	r.Edited = at
	return r
}

// errUnchanged stops a save that would change nothing.
var errUnchanged = errors.New("nothing to save")

// saveRecords saves the records build makes from the history read as
// the person's own saves (see SaveRecords). build may return errUnchanged,
// and nothing is written.
func saveRecords(st Storage, build func(m *merger) ([]data.Record, error)) (History, error) {
	l := readHistory(st)
	if err := refuse(l, "nothing was saved; the session is kept in memory until then."); err != nil {
		return History{}, err
	}
	m := newMerger(state{l.records, l.deleted})
	recs, err := build(m)
	if errors.Is(err, errUnchanged) {
		return History{Records: l.records, Deleted: l.deleted}, nil
	}
	if err != nil {
		return History{}, err
	}
	saved := make([]data.Record, 0, len(recs))
	for _, r := range recs {
		saved = append(saved, m.save(r))
	}
	if _, err := keepDuplicates(st, l); err != nil {
		return History{}, err
	}
	s := m.result()
	// Kept ahead of the write, so that nothing can come between the two
	// that the next start would not mend.
	ahead := map[string]bool{}
	for _, r := range saved {
		ahead[r.ID] = keepEntry(st, SavedPrefix, r) == nil
	}
	text, err := writeState(st, s)
	if IsQuota(err) && len(ahead) > 0 {
		// The history comes first, and what was kept ahead of it may
		// have taken the room it needed. Without it, the checkpoint the
		// player keeps until the next start is the fallback.
		for id, kept := range ahead {
			if kept {
				st.Del(SavedPrefix + id)
			}
		}
		text, err = writeState(st, s)
		clear(ahead)
	}
	if err != nil {
		// Not in the history: each waits to be saved instead, when there
		// is room for it.
		for _, r := range saved {
			if ahead[r.ID] {
				st.Del(SavedPrefix + r.ID)
			}
			_ = keepEntry(st, PendingPrefix, r)
		}
		return History{}, err
	}
	// Read back: the text as written means every record is there, without
	// decoding it all again; anything else is checked record by record.
	if raw, _, _ := getRaw(st, HistoryKey); raw != text {
		if h, _, err := KeepSaved(st, saved...); err == nil && h.Records != nil {
			s = state{h.Records, h.Deleted}
		}
	}
	return History{Records: s.records, Deleted: s.deleted}, nil
}
