//go:build !unknot_codecjson && !unknot_codectext

package store

import (
	"encoding/json"

	"unknot/data"
)

// The decoder of compact histories the app uses. The tags unknot_codecjson
// and unknot_codectext build the app with one of the others instead, to
// weigh app.wasm with each (docs/performance.md).

func decodeCompact(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error) {
	return decodeWire(env, schema)
}

func readNewerCompact(env map[string]json.RawMessage) []data.Record { return readNewer(env) }
