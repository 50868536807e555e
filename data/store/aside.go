package store

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// copyAside copies the text stored under src to a new key under prefix, or
// finds an identical copy already there, and returns the key. The copy is
// made in the store (see RawCopier), so it is the text exactly. l is what
// was read of src, to say when there was no text to copy.
func copyAside(st Storage, l loaded, src, prefix string, now time.Time) (string, error) {
	rs, ok := st.(RawStorage)
	if !ok {
		return "", errors.New("this storage cannot copy raw text")
	}
	if !l.hasRaw {
		return "", errors.New("its text could not be read")
	}
	for _, k := range KeysWithPrefix(st, prefix) {
		if sameText(rs, k, src) {
			return k, nil
		}
	}
	key := prefix + strconv.FormatInt(now.UnixMilli(), 10)
	for i := 2; ; i++ {
		if _, taken := rs.GetRaw(key); !taken {
			break
		}
		key = prefix + strconv.FormatInt(now.UnixMilli(), 10) + "-" + strconv.Itoa(i)
	}
	if err := copyRaw(rs, key, src); err != nil {
		return "", err
	}
	return key, nil
}

// DuplicatesKey holds a copy of a stored history in which different
// sessions had the same id, kept before it is written again (only one of
// them is kept in the history); later ones go under DuplicatesKey followed
// by ".2", ".3" and so on.
const DuplicatesKey = HistoryKey + ".duplicates"

// keepDuplicates copies the stored history aside when l found different
// records with the same id, and returns the key of the copy, "" when
// there was nothing to keep.
func keepDuplicates(st Storage, l loaded) (string, error) {
	if !l.dupes {
		return "", nil
	}
	key, err := keepAside(st, HistoryKey, DuplicatesKey)
	if err != nil {
		return "", &storeError{cause: err, msg: fmt.Sprintf(
			"Your saved history holds different sessions with the same id, and it could not be copied aside (%v), so nothing was written over it.", err)}
	}
	return key, nil
}
