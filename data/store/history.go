package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"unknot/data"
)

// HistoryKey is the storage key of the history.
const HistoryKey = "unknot.history"

// HistorySchema is the version of the stored history's shape that this code
// writes. Every change to the shape of Record raises it and adds a migration
// to historyMigrations, or a way to read the old shape, and a sample of it
// to testdata/. Schema 1 wrote every record out in full; schema 2 is compact
// (see history_wire.go); schema 3 adds the edit time of the answers and the
// sessions deleted (history_wire3.go), and decodeWire reads 2 as well.
const HistorySchema = 3

// compactSchema is the first compact schema: migrations lead to it, and
// decodeWire reads it and every later one.
const compactSchema = 2

// CorruptPrefix starts the keys that damaged history is copied to; the
// rest of the key is the copy's time in Unix milliseconds.
const CorruptPrefix = HistoryKey + ".corrupt."

// NewerPrefix starts the keys that history saved by a newer version is
// copied to when the person chooses to start afresh; the rest of the key is
// the copy's time in Unix milliseconds.
const NewerPrefix = HistoryKey + ".newer."

// The errors that history operations wrap, to test for with errors.Is. The
// messages of the errors returned say the same for people.
var (
	// ErrCorrupt: the stored history could not be read. It is kept as it
	// is, and nothing is written over it until the person chooses.
	ErrCorrupt = errors.New("the saved history is damaged")
	// ErrNewer: the stored history was saved by a newer version of
	// Unknot. It is shown read-only and never written.
	ErrNewer = errors.New("the saved history is from a newer version of Unknot")
	// ErrStorageFull: the device's storage is full. What was being saved
	// is not, and the caller keeps it to save later.
	ErrStorageFull = errors.New("storage is full")
	// ErrInvalidRecord: a record given to save or import is not valid, so
	// trying again will not help.
	ErrInvalidRecord = errors.New("the session is not valid")
)

// Status says in what state the stored history was found.
type Status int

// The states of the stored history.
const (
	// StatusOK: read and valid.
	StatusOK Status = iota
	// StatusEmpty: nothing stored yet.
	StatusEmpty
	// StatusCorrupt: it could not be read or is not valid. The raw text
	// was copied aside and the history is read-only until the person
	// chooses (StartAfresh, after an import or not).
	StatusCorrupt
	// StatusNewer: saved by a newer version of Unknot. It is shown as far
	// as this version can read it and nothing is ever written over it.
	StatusNewer
)

// String names s.
func (s Status) String() string {
	switch s {
	case StatusOK:
		return "ok"
	case StatusEmpty:
		return "empty"
	case StatusCorrupt:
		return "corrupt"
	case StatusNewer:
		return "newer"
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// Writable reports whether a history in state s may be written.
func (s Status) Writable() bool { return s == StatusOK || s == StatusEmpty }

// History is the person's sessions as loaded from storage.
type History struct {
	// Records are sorted by Start, then ID.
	Records []data.Record
	// CopyKey is the key the stored text was copied to when it was
	// damaged; "" when nothing was copied.
	CopyKey string
	// DuplicatesKey is the key the stored text was copied to because
	// different sessions in it had the same id; "" when none had.
	DuplicatesKey string
	// Deleted are the sessions deleted lately, oldest first, for backups
	// to carry (NewBackupFrom).
	Deleted []Tombstone
}

// LoadHistory reads the history from st. When it is damaged, its exact text
// is first copied to a key starting CorruptPrefix (once: an identical copy
// is reused), so nothing can be lost; now names the copy. The error is nil
// for StatusOK and StatusEmpty and says what happened otherwise; it wraps
// ErrCorrupt or ErrNewer. Copying needs st to be a RawStorage.
func LoadHistory(st Storage, now time.Time) (History, Status, error) {
	l := readHistory(st)
	switch l.status {
	case StatusNewer:
		return History{Records: l.records}, l.status, newerError(l.schema, "It is shown read-only and nothing will be saved over it: update Unknot to carry on.")
	case StatusCorrupt:
		key, err := copyAside(st, l, HistoryKey, CorruptPrefix, now)
		if err != nil {
			return History{}, l.status, &storeError{kind: ErrCorrupt, cause: err, msg: fmt.Sprintf(
				"Your saved history could not be read: %s. It could not be copied aside (%v), so nothing will be saved over it until you choose what to do.", l.reason, err)}
		}
		return History{CopyKey: key}, l.status, &storeError{kind: ErrCorrupt, msg: fmt.Sprintf(
			"Your saved history could not be read: %s. A copy of it is kept under %q, and nothing will be saved over it until you choose what to do.", l.reason, key)}
	}
	key, err := keepDuplicates(st, l)
	return History{Records: l.records, DuplicatesKey: key, Deleted: l.deleted}, l.status, err
}

// StartAfresh is the person's choice to set aside a damaged history, or one
// from a newer version, and start an empty one. The stored text is copied
// aside first (to a key starting CorruptPrefix or NewerPrefix, reusing an
// identical copy); when that is not possible nothing is written. On a
// history that is fine it changes nothing. It returns the key of the copy.
func StartAfresh(st Storage, now time.Time) (string, error) {
	l := readHistory(st)
	if l.status.Writable() {
		return "", nil
	}
	prefix := CorruptPrefix
	if l.status == StatusNewer {
		prefix = NewerPrefix
	}
	key, err := copyAside(st, l, HistoryKey, prefix, now)
	if err != nil {
		return "", fmt.Errorf("your saved history could not be copied aside (%v), so it was left as it is", err)
	}
	if _, err := writeState(st, state{}); err != nil {
		return key, err
	}
	return key, nil
}

// writeState stores s as the current schema, and returns the text
// written.
func writeState(st Storage, s state) (string, error) {
	p, err := encodeWire(s.records)
	if err != nil {
		return "", &storeError{kind: ErrInvalidRecord, cause: err, msg: fmt.Sprintf("This could not be saved because a session is not valid (%v).", err)}
	}
	p.deleted = appendDeleted(nil, s.deleted)
	text := p.text()
	if err := setText(st, HistoryKey, text); err != nil {
		if IsQuota(err) {
			return "", &storeError{kind: ErrStorageFull, cause: err, msg: "Storage on this device is full, so this was not saved. It is kept in memory; exporting a backup still works."}
		}
		return "", &storeError{cause: err, msg: fmt.Sprintf("This could not be saved (%v). It is kept in memory.", err)}
	}
	// The summary is derived: when it cannot be written, SessionsOn finds
	// that it no longer matches and reads the history instead.
	_ = writeRecent(st, text, s.records)
	forgetLegacyDeleted(st)
	return string(text), nil
}

// setText stores text, which is JSON as encoding/json writes it, under k.
// Set would encode it again, which changes nothing but takes time, so a
// RawStorage takes it as it is.
func setText(st Storage, k string, text []byte) error {
	if rs, ok := st.(RawStorage); ok {
		return rs.SetRaw(k, string(text))
	}
	return st.Set(k, json.RawMessage(text))
}

// IsQuota reports whether err says that storage is full: MemoryStorage's
// ErrQuota, ErrStorageFull, or a browser's QuotaExceededError (Firefox
// calls it NS_ERROR_DOM_QUOTA_REACHED).
func IsQuota(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrQuota) || errors.Is(err, ErrStorageFull) {
		return true
	}
	return strings.Contains(strings.ToLower(err.Error()), "quota")
}
