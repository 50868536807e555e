//go:build unknot_codecjson

package store

import (
	"encoding/json"

	"unknot/data"
)

func decodeCompact(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error) {
	return decodeWireJSON(env, schema)
}

func readNewerCompact(env map[string]json.RawMessage) []data.Record { return readNewerJSON(env) }
