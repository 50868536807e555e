package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"unknot/data"
)

// migration turns the fields of a history envelope of one schema into the
// next. It must be a pure function of its input.
type migration func(env map[string]json.RawMessage) (map[string]json.RawMessage, error)

// historyMigrations[n] turns a schema-n history into schema n+1. LoadHistory
// runs them in turn up to compactSchema, which decodeWire reads as it reads
// every later one; the result is written back, as HistorySchema, by the
// next save.
var historyMigrations = map[int]migration{1: migrate1}

// migrate1 turns a schema-1 history, its records written out in full, into
// the compact schema 2. Every record is read strictly and validated on the
// way, so damage is reported by record.
func migrate1(env map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	if err := unknownField(env, "schema", "records"); err != nil {
		return nil, err
	}
	raw, ok := env["records"]
	if !ok {
		return nil, errors.New("it has no records")
	}
	records, err := decodeRecords(raw)
	if err != nil {
		return nil, err
	}
	p, err := encodeWire(records)
	if err != nil {
		return nil, err
	}
	return p.envelope(), nil
}

// unknownField names the first field of env, in sorted order so that the
// message is always the same, that is not one of known; nil when there is
// none.
func unknownField(env map[string]json.RawMessage, known ...string) error {
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if !slices.Contains(known, k) {
			return fmt.Errorf("it has an unknown field %q", data.Clip(k))
		}
	}
	return nil
}
