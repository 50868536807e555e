package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// decodeRecordList decodes and validates the n records of a backup's
// records list, already measured (jsonwire.Measure), refusing two with the same
// id. One decoder reads the whole list, and the records' exercises are cut
// from shared blocks: a decoder for each record, and each record's slice
// grown one exercise at a time, made reading a valid 16 MiB backup take
// 6.7 times its size.
func decodeRecordList(raw []byte, n int) ([]data.Record, error) {
	out := make([]data.Record, 0, n)
	if n == 0 {
		return out, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if _, err := dec.Token(); err != nil { // the list's '[': raw is checked JSON
		return nil, fmt.Errorf("records: %s", describeJSONError(err))
	}
	ids := make(map[string]int, n)
	var slab []data.ExerciseLog
	for i := 0; dec.More(); i++ {
		if cap(slab)-len(slab) < data.MaxLogs {
			slab = make([]data.ExerciseLog, 0, 64*data.MaxLogs)
		}
		var w recordWire
		w.Exercises = slab[len(slab):len(slab):cap(slab)]
		if err := dec.Decode(&w); err != nil {
			return nil, fmt.Errorf("record %d: %s", i+1, describeJSONError(err))
		}
		// The exercises were decoded into the block when they fitted:
		// the record keeps its part of it, and the next starts after.
		// (A slice that outgrew it was moved, with more room.)
		if k := len(w.Exercises); k > 0 && cap(w.Exercises) == cap(slab)-len(slab) {
			slab = slab[:len(slab)+k]
			w.Exercises = w.Exercises[:k:k]
		}
		r, err := w.record()
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		if j, ok := ids[r.ID]; ok {
			return nil, fmt.Errorf("record %d: id %s is also used by record %d", i+1, r.ID, j+1)
		}
		ids[r.ID] = i
		out = append(out, r)
	}
	return out, nil
}

// deletedWire is deleted as a backup file writes it: a list, empty rather
// than null, of times in UTC.
func deletedWire(deleted []Tombstone) []Tombstone {
	out := make([]Tombstone, len(deleted))
	for i, t := range deleted {
		out[i] = Tombstone{ID: t.ID, At: t.At.UTC()}
	}
	return out
}

// decodeDeleted reads the deletions of a backup strictly, and checks them
// against its records (see checkDeleted). A file of version 1 has none.
func decodeDeleted(raw []byte, records []data.Record) ([]Tombstone, error) {
	items, err := jsonwire.Split(raw, "deletions", MaxTombstones, maxItemBytes)
	if err != nil {
		return nil, err
	}
	out := make([]Tombstone, 0, len(items))
	for i, item := range items {
		var w struct {
			ID string `json:"id"`
			At string `json:"at"`
		}
		if err := decodeStrict(item, &w); err != nil {
			return nil, fmt.Errorf("deletion %d: %s", i+1, describeJSONError(err))
		}
		at, err := parseInstant("the time of deletion", w.At)
		if err != nil {
			return nil, fmt.Errorf("deletion %d: %w", i+1, err)
		}
		// The history keeps deletions to the millisecond.
		out = append(out, Tombstone{ID: w.ID, At: at.Truncate(time.Millisecond)})
	}
	ids := make(map[string]int, len(records))
	for i, r := range records {
		ids[r.ID] = i
	}
	if err := checkDeleted(out, ids); err != nil {
		return nil, err
	}
	return latestDeleted(out), nil
}

// checkDeleted reports the first thing wrong with the deletions of a
// backup whose records have the ids of records (by index): at most
// MaxTombstones, each of a session id with its time, no session twice and
// none the backup also holds.
func checkDeleted(deleted []Tombstone, records map[string]int) error {
	if len(deleted) > MaxTombstones {
		return fmt.Errorf("it holds %d deletions, at most %d", len(deleted), MaxTombstones)
	}
	seen := make(map[string]int, len(deleted))
	for i, t := range deleted {
		if !isRecordID(t.ID) {
			return fmt.Errorf("deletion %d: id %q is not a uuid like 0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c", i+1, data.Clip(t.ID))
		}
		if err := data.CheckInstant("the time of deletion", t.At); err != nil {
			return fmt.Errorf("deletion %d: %w", i+1, err)
		}
		if j, ok := seen[t.ID]; ok {
			return fmt.Errorf("deletion %d: session %s is also deletion %d", i+1, t.ID, j+1)
		}
		if j, ok := records[t.ID]; ok {
			return fmt.Errorf("deletion %d: session %s is also record %d", i+1, t.ID, j+1)
		}
		seen[t.ID] = i
	}
	return nil
}
