package store

import (
	"errors"
	"fmt"
	"strings"
	"unknot/data/internal/sorted"

	"github.com/google/uuid"

	"unknot/data"
)

// checkpointKey is the storage key of the checkpoint of the session whose
// record will have the id id.
func checkpointKey(id string) string { return CheckpointPrefix + id }

// legacyNamespace makes the id given to a checkpoint saved under the one
// key of earlier versions without a RecordID: derived from its text, so two
// tabs moving the same checkpoint give it the same id instead of two.
var legacyNamespace = uuid.MustParse("3f1d2c4e-8b7a-4c55-9e61-0a2b3c4d5e6f")

// LoadCheckpoints reads every unfinished session's checkpoint, the most
// recently saved first. A session that is finished (it waits to be saved,
// or was saved and its checkpoint is kept until a later start, see Repair)
// is not unfinished, and is left out. A checkpoint kept under the one key of earlier
// versions is first moved to its own key, so it is still offered. The
// error, when not nil, says that a checkpoint could not be read (it wraps
// ErrCheckpoint); such a checkpoint is left where it is and the others are
// returned all the same. Listing needs st to be a RawStorage; any other
// Storage gives only what the old key holds.
func LoadCheckpoints(st Storage) ([]data.Checkpoint, error) {
	var errs []error
	if err := migrateCheckpoint(st); err != nil {
		errs = append(errs, err)
	}
	var out []data.Checkpoint
	for _, k := range KeysWithPrefix(st, CheckpointPrefix) {
		id := strings.TrimPrefix(k, CheckpointPrefix)
		if uuid.Validate(id) != nil {
			continue // not a session's checkpoint (a copy kept aside, say)
		}
		c, ok, err := LoadCheckpointID(st, id)
		switch {
		case err != nil:
			errs = append(errs, err)
		case ok:
			out = append(out, c)
		}
	}
	if _, raw := st.(RawStorage); !raw {
		if c, ok, err := loadKey(st, CheckpointKey); ok && err == nil {
			out = append(out, c)
		}
	}
	// Each id is one key, so the order is total.
	sorted.Func(out, func(a, b *data.Checkpoint) int {
		if c := b.SavedAt.Compare(a.SavedAt); c != 0 {
			return c
		}
		return strings.Compare(a.RecordID, b.RecordID)
	})
	return out, errors.Join(errs...)
}

// LoadCheckpoint reads the most recently saved checkpoint, and false when
// there is none; see LoadCheckpoints.
func LoadCheckpoint(st Storage) (data.Checkpoint, bool, error) {
	all, err := LoadCheckpoints(st)
	if len(all) == 0 {
		return data.Checkpoint{}, false, err
	}
	return all[0], true, err
}

// LoadCheckpointID reads the checkpoint of the session whose record id is
// id, and false when there is none or its session is finished (saved or
// waiting to be, discarded, maybe in another tab). One that cannot be read
// gives false and an error wrapping ErrCheckpoint.
func LoadCheckpointID(st Storage, id string) (data.Checkpoint, bool, error) {
	if uuid.Validate(id) != nil || hasEntry(st, id) {
		return data.Checkpoint{}, false, nil
	}
	return loadKey(st, checkpointKey(id))
}

// loadKey reads the checkpoint stored under k.
func loadKey(st Storage, k string) (data.Checkpoint, bool, error) {
	raw, ok, err := getRaw(st, k)
	if err != nil {
		return data.Checkpoint{}, false, unreadable(describeJSONError(err))
	}
	if !ok {
		return data.Checkpoint{}, false, nil
	}
	c, err := decodeCheckpoint(raw)
	if err != nil {
		return data.Checkpoint{}, false, err
	}
	return c, true, nil
}

// migrateCheckpoint moves the checkpoint of the one key of earlier versions
// to its own key. One that cannot be read stays where it is, and the error
// says why. When its session has a checkpoint under its own key already
// (a newer version wrote one as well), the one further along is kept.
func migrateCheckpoint(st Storage) error {
	raw, ok, err := getRaw(st, CheckpointKey)
	if err != nil {
		return unreadable(describeJSONError(err))
	}
	if !ok {
		return nil
	}
	c, err := decodeCheckpoint(raw)
	if err != nil {
		return err
	}
	if _, listable := st.(RawStorage); !listable {
		return nil // read where it is: there is nothing to list
	}
	if c.RecordID == "" {
		c.RecordID = uuid.NewSHA1(legacyNamespace, []byte(raw)).String()
	}
	if have, ok, err := loadKey(st, checkpointKey(c.RecordID)); err == nil && ok && !furtherThan(c, have) {
		st.Del(CheckpointKey)
		return nil
	}
	if err := SaveCheckpoint(st, c); err != nil {
		// The old key keeps it until it can be moved.
		return fmt.Errorf("An unfinished session saved by an earlier version of Unknot could not be moved to where this version keeps it, so it is not offered yet; it is kept as it was. %w", err)
	}
	st.Del(CheckpointKey)
	return nil
}

// furtherThan reports whether a reached further into its session than b,
// or as far and later.
func furtherThan(a, b data.Checkpoint) bool {
	if a.ElapsedMS != b.ElapsedMS {
		return a.ElapsedMS > b.ElapsedMS
	}
	return a.SavedAt.After(b.SavedAt)
}

// ClearCheckpoint removes the checkpoint of the session whose record id is
// id, once the session is saved or discarded.
func ClearCheckpoint(st Storage, id string) {
	// One that cannot be read is copied aside first, and left in place
	// when it cannot be.
	if uuid.Validate(id) == nil && keepDamagedCheckpoint(st, checkpointKey(id)) == nil {
		st.Del(checkpointKey(id))
	}
}

// Discarded is a checkpoint taken out of storage by TakeCheckpoint, kept so
// that discarding it can be undone.
type Discarded struct {
	// ID is the record id of its session; Raw its stored text, as it was.
	ID, Raw string
}

// TakeCheckpoint removes the checkpoint of the session id and returns it as
// it was stored, so that PutBack can undo it; false when there is none.
func TakeCheckpoint(st RawStorage, id string) (Discarded, bool) {
	if uuid.Validate(id) != nil {
		return Discarded{}, false
	}
	raw, ok := st.GetRaw(checkpointKey(id))
	if !ok {
		return Discarded{}, false
	}
	st.Del(checkpointKey(id))
	return Discarded{ID: id, Raw: raw}, true
}

// PutBack stores the checkpoint d again, byte for byte: the undo of
// TakeCheckpoint. When the session has a checkpoint again meanwhile (it was
// resumed in another tab) that one is newer and stays.
func PutBack(st RawStorage, d Discarded) error {
	if _, ok := st.GetRaw(checkpointKey(d.ID)); ok {
		return nil
	}
	if err := st.SetRaw(checkpointKey(d.ID), d.Raw); err != nil {
		if IsQuota(err) {
			return &storeError{kind: ErrStorageFull, cause: err, msg: "Storage on this device is full, so the session could not be put back."}
		}
		return err
	}
	return nil
}
