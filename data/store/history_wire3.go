package store

import (
	"fmt"
	"strconv"
	"time"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// Schema 3 of the stored history is schema 2 (history_wire.go) with two
// additions: each record may carry field 13, the time its answers were
// last edited, and the envelope ends with the sessions deleted lately, so
// that no copy of one (another tab's, a backup's) brings it back:
//
//	"deleted":[["0b6f4c1e6d1a4f579a3c2d1f3e4a5b6c",1745479800000]]    [id, deleted at, Unix ms]
//
// Each deletion takes about 50 bytes; at most MaxTombstones are kept, the
// latest, oldest first.

// appendInstant appends an absolute instant as the wire writes one: Unix
// milliseconds, or RFC 3339 text when it is not a whole millisecond.
func appendInstant(b []byte, t time.Time) []byte {
	if t.Nanosecond()%int(time.Millisecond) == 0 {
		return strconv.AppendInt(b, t.UnixMilli(), 10)
	}
	return appendJSONString(b, t.UTC().Format(time.RFC3339Nano))
}

// appendDeleted appends the list of deletions, which normalize has made
// valid.
func appendDeleted(b []byte, deleted []Tombstone) []byte {
	b = append(b, '[')
	for i, t := range deleted {
		if i > 0 {
			b = append(b, ',')
		}
		hex, _ := uuidHex(t.ID)
		b = append(b, `["`...)
		b = append(b, hex[:]...)
		b = append(b, `",`...)
		b = strconv.AppendInt(b, t.At.UnixMilli(), 10)
		b = append(b, ']')
	}
	return append(b, ']')
}

// readDeleted reads the list of deletions of a schema-3 history strictly:
// at most MaxTombstones, each an id and a time, no session twice and none
// that the history also holds.
func readDeleted(raw []byte, records []data.Record) ([]Tombstone, error) {
	if err := fits(raw, "deleted", MaxTombstones); err != nil {
		return nil, err
	}
	held := make(map[string]bool, len(records))
	for _, r := range records {
		held[r.ID] = true
	}
	out := make([]Tombstone, 0, max(jsonwire.Count(raw), 0))
	seen := make(map[string]int, cap(out))
	err := readList(raw, "deleted sessions", func(r *jsonwire.Reader, i int) error {
		var t Tombstone
		err := r.Tuple(2, 2, false, func(f int) (err error) {
			if f == 0 {
				t.ID, err = readUUID(r, "its id")
				return err
			}
			ms, err := r.Int("its time")
			if err == nil {
				t.At = time.UnixMilli(ms).UTC()
				err = data.CheckInstant("its time", t.At)
			}
			return err
		})
		switch j, twice := seen[t.ID]; {
		case err != nil:
			return err
		case twice:
			return fmt.Errorf("session %s is deleted twice, also at entry %d", t.ID, j+1)
		case held[t.ID]:
			return fmt.Errorf("session %s is both kept and deleted", t.ID)
		}
		seen[t.ID] = i
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
