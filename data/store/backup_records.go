package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"unknot/data"
)

// decodeRecordList decodes and validates the n records of a backup's
// records list, already measured (measureList), refusing two with the same
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
