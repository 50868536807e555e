package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"unknot/data"
)

// maxItemBytes bounds one record or routine of a backup, in bytes. The
// longest valid record (fifty exercises, every name and the note at their
// longest in escaped characters) is under 80 KiB.
const maxItemBytes = 128 << 10

// maxSettingsBytes bounds the settings of a backup, in bytes.
const maxSettingsBytes = 16 << 10

// checkJSON reports text that is not one JSON value, in words, without
// decoding it: json.Valid and Unmarshal's own check allocate nothing for
// the text, and Unmarshal is only reached to say what is wrong.
func checkJSON(raw []byte) error {
	if json.Valid(raw) {
		return nil
	}
	// Only text that is not JSON gets here, and the decoder stops at the
	// first thing wrong with it.
	return errors.New(describeJSONError(decodeStrict(raw, new(json.RawMessage))))
}

// decodeStrict decodes exactly one JSON value from raw into v, refusing
// unknown fields and anything after the value.
func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errTrailing
	}
	return nil
}

// errTrailing is returned by decodeStrict when data follows the value.
var errTrailing = errors.New("data after the end")

// parseInstant parses an RFC 3339 instant and returns it in UTC.
func parseInstant(what, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf("%s is missing", what)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not a date and time like 2025-04-24T07:30:00Z", what, data.Clip(s))
	}
	return t.UTC(), nil
}
