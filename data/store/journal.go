package store

import (
	"errors"
	"fmt"
	"strings"

	"unknot/data"
)

// A session is kept under a key of its own until the history is known to
// hold it. localStorage writes one key at a time, each whole, and has no
// lock: a list of several sessions under one key, read, saved and then
// deleted, let another tab's addition to it land in between and be deleted
// unsaved. With one key per session, and each key deleted only once the
// history holds what it held, there is no such step to split.
//
// There are two kinds:
//
//   - PendingPrefix: a session that could not be written into the history
//     yet (storage full, the history damaged). SavePending writes them in,
//     at each step of a session and at every start.
//   - SavedPrefix: a session this device wrote into the history lately.
//     Another tab holding a copy of the history read before the write may
//     still write it back without the session, and the tab that saved it
//     may be closed by then and never hear of it. Repair, at the next
//     start, writes it back if so, and lets it go once the history is
//     seen to hold it.
//
// Each holds the stored text of a history of that one session, in the
// current schema: it is read and checked as the history is, and a session
// takes 150 to 300 bytes.
const (
	PendingPrefix = PendingKey + "."
	SavedPrefix   = "unknot.saved."
)

// entry is a session kept under its own key.
type entry struct {
	key, raw string
	rec      data.Record
}

// entryText is the stored text of the session r kept on its own.
func entryText(r data.Record) ([]byte, error) {
	p, err := encodeWire([]data.Record{r})
	if err != nil {
		return nil, err
	}
	return p.text(), nil
}

// keepEntry keeps r under prefix.
func keepEntry(st Storage, prefix string, r data.Record) error {
	text, err := entryText(r)
	if err != nil {
		return err
	}
	return setText(st, prefix+r.ID, text)
}

// errEntry is wrapped by the error of a kept session that cannot be read.
var errEntry = errors.New("a session kept to be saved could not be read")

// readEntries reads every session kept under prefix, in the order of their
// keys. One that cannot be read is left where it is, and the error says so.
func readEntries(st Storage, prefix string) ([]entry, error) {
	var out []entry
	var errs []error
	for _, k := range KeysWithPrefix(st, prefix) {
		e, err := readEntry(st, k, strings.TrimPrefix(k, prefix))
		switch {
		case err != nil:
			errs = append(errs, err)
		case e.key != "":
			out = append(out, e)
		}
	}
	return out, errors.Join(errs...)
}

// readEntry reads the session id kept under k; the zero entry when there
// is none.
func readEntry(st Storage, k, id string) (entry, error) {
	if !isRecordID(id) {
		return entry{}, nil // not a session's key
	}
	raw, ok, err := getRaw(st, k)
	if err != nil || !ok {
		return entry{}, err
	}
	l := decodeHistory([]byte(raw))
	switch {
	case l.status == StatusNewer:
		return entry{}, fmt.Errorf("%w: it was kept by a newer version of Unknot (%s)", errEntry, k)
	case l.status != StatusOK:
		return entry{}, fmt.Errorf("%w: %s (%s)", errEntry, l.reason, k)
	case len(l.records) != 1 || l.records[0].ID != id:
		return entry{}, fmt.Errorf("%w: it does not hold the one session its key names (%s)", errEntry, k)
	}
	return entry{key: k, raw: raw, rec: l.records[0]}, nil
}

// drop removes e, unless another tab kept another copy under its key since
// it was read.
func (e entry) drop(st Storage) {
	if raw, ok, _ := getRaw(st, e.key); ok && raw == e.raw {
		st.Del(e.key)
	}
}

// move keeps e under prefix instead, with the text it has. Its old key
// goes first, making the room its new one takes; when the new one cannot
// be written either, the old one is put back.
func (e entry) move(st Storage, prefix string) error {
	to := prefix + e.rec.ID
	if raw, ok, _ := getRaw(st, e.key); !ok || raw != e.raw {
		return nil // another tab moved or replaced it
	}
	st.Del(e.key)
	if err := setText(st, to, []byte(e.raw)); err != nil {
		if back := setText(st, e.key, []byte(e.raw)); back != nil {
			return fmt.Errorf("%v; it could not be put back either: %v", err, back)
		}
		return err
	}
	return nil
}

// hasEntry reports whether the session id is kept to be saved or written
// back: it was finished, so its checkpoint is not to be offered to resume.
func hasEntry(st Storage, id string) bool {
	for _, prefix := range []string{PendingPrefix, SavedPrefix} {
		if _, ok, _ := getRaw(st, prefix+id); ok {
			return true
		}
	}
	return false
}
