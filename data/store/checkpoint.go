package store

import (
	"errors"
	"fmt"

	"unknot/data"
)

// CheckpointKey is where versions before one checkpoint per session kept
// the one checkpoint there was. LoadCheckpoints moves it to its own key.
const CheckpointKey = "unknot.checkpoint"

// CheckpointPrefix starts the key of each unfinished session's checkpoint;
// the rest of the key is its RecordID. One key per session means starting a
// session, in this tab or another, never writes over one that waits to be
// resumed.
const CheckpointPrefix = CheckpointKey + "."

// SaveCheckpoint stores c under its own key (see CheckpointPrefix), so the
// checkpoints of other sessions, interrupted or running in another tab,
// are left as they are. c must carry its RecordID.
func SaveCheckpoint(st Storage, c data.Checkpoint) error {
	if c.RecordID == "" {
		return errors.New("the session's progress could not be saved: it has no record id")
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("the session's progress could not be saved: %v", err)
	}
	if err := keepDamagedCheckpoint(st, checkpointKey(c.RecordID)); err != nil {
		return err
	}
	if err := st.Set(checkpointKey(c.RecordID), c); err != nil {
		if IsQuota(err) {
			return &storeError{kind: ErrStorageFull, cause: err, msg: "Storage on this device is full, so the session's progress was not saved."}
		}
		return fmt.Errorf("the session's progress could not be saved: %v", err)
	}
	return nil
}

// decodeCheckpoint reads and validates a stored checkpoint's text.
func decodeCheckpoint(raw string) (data.Checkpoint, error) {
	var w struct {
		checkpointFields
		Started string `json:"started"`
		SavedAt string `json:"savedAt"`
	}
	if err := decodeStrict([]byte(raw), &w); err != nil {
		return data.Checkpoint{}, unreadable(describeJSONError(err))
	}
	c := data.Checkpoint(w.checkpointFields)
	var err error
	if c.Started, err = parseInstant("start", w.Started); err != nil {
		return data.Checkpoint{}, unreadable(err.Error())
	}
	if c.SavedAt, err = parseInstant("time saved", w.SavedAt); err != nil {
		return data.Checkpoint{}, unreadable(err.Error())
	}
	if err := c.Validate(); err != nil {
		return data.Checkpoint{}, unreadable(err.Error())
	}
	return c, nil
}

// checkpointFields is Checkpoint without its methods, for decoding.
type checkpointFields data.Checkpoint

// ErrCheckpoint is wrapped by the error of a checkpoint that cannot be read.
var ErrCheckpoint = errors.New("the unfinished session could not be read")

// unreadable is the error of a checkpoint that cannot be read.
func unreadable(why string) error {
	return &storeError{kind: ErrCheckpoint, msg: fmt.Sprintf("An unfinished session was found but could not be read (%s), so it cannot be resumed.", why)}
}

// CheckpointAsideKey holds a copy of a checkpoint that could not be read
// (damaged, or saved by a newer version), kept before anything replaced or
// removed it; later ones are kept under CheckpointAsideKey followed by ".2",
// ".3" and so on. It is not under CheckpointPrefix, where it would be taken
// for a checkpoint.
const CheckpointAsideKey = "unknot.unreadable-checkpoint"

// keepDamagedCheckpoint copies the checkpoint stored under key aside, byte
// for byte, when it cannot be read. The error says why it could not be.
func keepDamagedCheckpoint(st Storage, key string) error {
	if _, _, err := loadKey(st, key); err == nil {
		return nil
	}
	if _, err := keepAside(st, key, CheckpointAsideKey); err != nil {
		return fmt.Errorf("An unfinished session that could not be read could not be copied aside either (%v), so it is left as it is and this session's progress was not saved.", err)
	}
	return nil
}
