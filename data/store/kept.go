package store

import (
	"errors"
	"strings"
)

// Kept is a copy of stored data that Unknot set aside because it could not
// be read or would otherwise have been lost.
type Kept struct {
	// Key is where it is stored.
	Key string
	// What says in words what it is: "Your history, as it was when it
	// could not be read".
	What string
}

// keptKinds names the copies Unknot keeps, by the start of their keys.
var keptKinds = []struct{ prefix, what string }{
	{CorruptPrefix, "Your history, as it was when it could not be read"},
	{NewerPrefix, "Your history, as saved by a newer version of Unknot"},
	{DuplicatesKey, "Your history, as it was when two different sessions in it had the same id"},
	{SettingsCorruptKey, "Your settings, as they were when they could not be read"},
	{RoutinesAsidePrefix, "Your own routines, as they were when they were set aside"},
	{CheckpointAsideKey, "An unfinished session that could not be read"},
}

// KeptCopies lists the copies kept aside in st, sorted by key. A Storage
// that is not a RawStorage cannot list its keys and gives none.
func KeptCopies(st Storage) []Kept {
	var out []Kept
	for _, kind := range keptKinds {
		for _, k := range KeysWithPrefix(st, kind.prefix) {
			if k == kind.prefix || strings.HasPrefix(k, strings.TrimSuffix(kind.prefix, ".")+".") {
				out = append(out, Kept{Key: k, What: kind.what})
			}
		}
	}
	return out
}

// Part is a part of what Unknot stores.
type Part struct {
	// Key is where it is stored; Name names it in words for a list
	// ("your history").
	Key, Name string
}

// Unreadable lists each part of what st holds that cannot be read or used
// as it is: the history (from historyErr, the error of reading it, so that
// the caller decides how it is read: it is the only part that can be
// large), the settings, the person's own routines and an unfinished
// session, and the sessions kept to be saved. Such parts are copied aside
// only when something is about to be written over them, so they are listed
// where they are.
func Unreadable(st Storage, historyErr error) []Part {
	var out []Part
	if errors.Is(historyErr, ErrCorrupt) || errors.Is(historyErr, ErrNewer) {
		out = append(out, Part{HistoryKey, "your history"})
	}
	if _, err := LoadSettings(st); err != nil {
		out = append(out, Part{SettingsKey, "your settings"})
	}
	if _, err := LoadCustomRoutines(st); err != nil {
		out = append(out, Part{RoutinesKey, "your own routines"})
	}
	for _, k := range append([]string{CheckpointKey}, KeysWithPrefix(st, CheckpointPrefix)...) {
		if _, _, err := loadKey(st, k); err != nil {
			out = append(out, Part{k, "an unfinished session"})
		}
	}
	if raw, found, err := getRaw(st, PendingKey); err != nil || found && decodeHistory([]byte(raw)).status != StatusOK {
		out = append(out, Part{PendingKey, "the sessions waiting to be saved"})
	}
	for _, prefix := range []string{PendingPrefix, SavedPrefix} {
		for _, k := range KeysWithPrefix(st, prefix) {
			if _, err := readEntry(st, k, strings.TrimPrefix(k, prefix)); err != nil {
				out = append(out, Part{k, "a session waiting to be saved"})
			}
		}
	}
	return out
}
