//go:build goexperiment.jsonv2

package store

import (
	"bytes"
	"encoding/json/jsontext"
)

// The decoder of codecs_jsontext_test.go reads with the standard library's
// jsontext, which a build with GOEXPERIMENT=jsonv2 has.

type (
	textDecoder = jsontext.Decoder
	textKind    = jsontext.Kind
)

// newTextDecoder reads b in place.
func newTextDecoder(b []byte) *textDecoder { return jsontext.NewDecoder(bytes.NewBuffer(b)) }
