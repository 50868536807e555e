//go:build unknot_codectext

package store

import (
	"encoding/json"

	"unknot/data"
)

func decodeCompact(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error) {
	return decodeWireText(env, schema)
}

func readNewerCompact(env map[string]json.RawMessage) []data.Record { return readNewerJSON(env) }
