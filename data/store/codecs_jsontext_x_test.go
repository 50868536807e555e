//go:build !goexperiment.jsonv2 && unknot_xjsontext

package store

import (
	"bytes"

	"github.com/go-json-experiment/json/jsontext"
)

// Without GOEXPERIMENT=jsonv2, the decoder of codecs_jsontext_test.go
// reads with go-json-experiment's jsontext, the same package outside the
// standard library, when built with the tag unknot_xjsontext.

type (
	textDecoder = jsontext.Decoder
	textKind    = jsontext.Kind
)

// newTextDecoder reads b in place.
func newTextDecoder(b []byte) *textDecoder { return jsontext.NewDecoder(bytes.NewBuffer(b)) }
