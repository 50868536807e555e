package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode"

	"unknot/data"
)

// storeError is an error with a message for people that wraps one of the
// sentinel errors and its cause.
type storeError struct {
	msg         string
	kind, cause error
}

// Error is the message for people.
func (e *storeError) Error() string { return e.msg }

// Unwrap gives the sentinel error and the cause, for errors.Is and As.
func (e *storeError) Unwrap() []error {
	var out []error
	for _, err := range []error{e.kind, e.cause} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// refuse returns the error that stops a write to a history in state l.
func refuse(l loaded, what string) error {
	switch l.status {
	case StatusCorrupt:
		return &storeError{kind: ErrCorrupt, msg: fmt.Sprintf(
			"Your saved history could not be read (%s), so it is kept as it is until you choose what to do: %s", l.reason, what)}
	case StatusNewer:
		return newerError(l.schema, "This version will not write over it: "+what)
	}
	return nil
}

// newerError says that the history has a newer schema.
func newerError(schema int, then string) error {
	return &storeError{kind: ErrNewer, msg: fmt.Sprintf(
		"Your history was saved by a newer version of Unknot (schema %d; this version reads up to %d). %s", schema, HistorySchema, then)}
}

// describeJSONError turns an error of encoding/json into words.
func describeJSONError(err error) string {
	syn, isSyntax := errorAs[*json.SyntaxError](err)
	typ, isType := errorAs[*json.UnmarshalTypeError](err)
	switch {
	case isSyntax:
		if strings.Contains(syn.Error(), "unexpected end") {
			return "it is cut short"
		}
		return fmt.Sprintf("it is not valid JSON (at byte %d)", syn.Offset)
	case isType:
		field := humanField(typ.Field)
		if field == "" {
			field = "the value"
		}
		return fmt.Sprintf("%s is %s, must be %s", field, jsonKind(typ.Value), goKind(typ.Type))
	case errors.Is(err, errTrailing):
		return "there is more data after the end"
	case errors.Is(err, io.EOF):
		return "it is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it is cut short"
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unexpected end of JSON input") {
		return "it is cut short"
	}
	return msg
}

// humanField turns a JSON field path such as "exercises.repsDone" into
// words: "exercises reps done".
func humanField(path string) string {
	// encoding/json names the embedded types of the wire structs too.
	for _, embedded := range []string{"recordFields.", "checkpointFields."} {
		path = strings.TrimPrefix(path, embedded)
	}
	var b strings.Builder
	for i, r := range path {
		switch {
		case r == '.':
			b.WriteByte(' ')
		case unicode.IsUpper(r) && i > 0:
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// jsonKind names a JSON value kind as encoding/json reports it.
func jsonKind(v string) string {
	switch v {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	if strings.HasPrefix(v, "number") {
		return "the number " + data.Clip(strings.TrimSpace(strings.TrimPrefix(v, "number")))
	}
	return v
}

// goKind names what a Go type expects in JSON.
func goKind(t reflect.Type) string {
	if t == nil {
		return "something else"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Pointer:
		return goKind(t.Elem())
	}
	return "an object"
}

// errorAs finds an error of type T in err's chain, as errors.As does for
// the chains this package meets (no errors.Join): errors.As alone brought
// internal/reflectlite into app.wasm.
func errorAs[T error](err error) (T, bool) {
	for err != nil {
		if e, ok := err.(T); ok {
			return e, true
		}
		err = errors.Unwrap(err)
	}
	var zero T
	return zero, false
}
