package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"unknot/data"
)

// Hostile files are measured before anything is allocated for their parts:
// encoding/json decodes a whole list before its length can be checked, and
// a 16 MiB list of empty objects took 900 MB to find out that it was too
// long. What follows splits JSON text into slices of itself, counting as it
// goes, so that what is kept is never more than the text.

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

// splitObject splits the JSON object raw, already checked by checkJSON, into
// its fields without copying them. It stops at the first field not in known
// (when known is not empty) and at the first given twice, and refuses more
// than most fields; the error names the field.
func splitObject(raw []byte, most int, known ...string) (map[string]json.RawMessage, error) {
	r := wireReader{b: raw}
	switch r.peek() {
	case '{':
	case 'n':
		return nil, errors.New("it is empty")
	default:
		return nil, r.wrong("the value is", "an object")
	}
	r.i++
	env := make(map[string]json.RawMessage, min(most, len(known)+1))
	for i := 0; ; i++ {
		c := r.peek()
		if c == '}' {
			return env, nil
		}
		if i > 0 {
			r.i++ // the comma: the text is valid JSON
			r.peek()
		}
		key, err := r.str("a field's name")
		if err != nil {
			return nil, err
		}
		switch _, dup := env[key]; {
		case len(known) > 0 && !contains(known, key):
			return env, &fieldError{fmt.Errorf("it has an unknown field %q", data.Clip(key))}
		case dup:
			return nil, fmt.Errorf("it has the field %q twice", data.Clip(key))
		case len(env) >= most:
			return nil, fmt.Errorf("it has more than %d fields", most)
		}
		r.peek()
		r.i++ // the colon
		r.peek()
		start := r.i
		if err := r.skip(); err != nil {
			return nil, err
		}
		env[key] = raw[start:r.i]
	}
}

// fieldError is splitObject's error for an unknown field: the fields read
// before it come with it, so that a file of the wrong kind can be named as
// such rather than by its first strange field.
type fieldError struct{ error }

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, k := range list {
		if k == s {
			return true
		}
	}
	return false
}

// eachItem calls fn with every item of the JSON list raw, already checked
// by checkJSON, as a slice of raw, stopping at fn's first error. A list of
// any length costs nothing but the calls.
func eachItem(raw []byte, what string, fn func(i int, item []byte) error) error {
	r := wireReader{b: raw}
	if err := r.open(what); err != nil {
		return err
	}
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil || !more {
			return err
		}
		start := r.i
		if err := r.skip(); err != nil {
			return err
		}
		if err := fn(i, raw[start:r.i]); err != nil {
			return err
		}
	}
}

// splitList splits the JSON list raw, already checked by checkJSON, into
// its items without copying them; see measureList.
func splitList(raw []byte, what string, most, maxItem int) ([]json.RawMessage, error) {
	n, err := measureList(raw, what, most, maxItem)
	if err != nil || n == 0 {
		return nil, err
	}
	items := make([]json.RawMessage, 0, n)
	_ = eachItem(raw, what+": the value is", func(i int, item []byte) error {
		items = append(items, item)
		return nil
	})
	return items, nil
}

// measureList counts the items of the JSON list raw, already checked by
// checkJSON, refusing more than most and an item larger than maxItem
// bytes, before anything is allocated for them; what names the items
// ("records"). A missing list is empty.
func measureList(raw []byte, what string, most, maxItem int) (int, error) {
	if raw == nil {
		return 0, nil
	}
	n := 0
	err := eachItem(raw, what+": the value is", func(i int, item []byte) error {
		n++
		if len(item) > maxItem {
			return fmt.Errorf("%s %d is %s, larger than one can be", what[:len(what)-1], i+1, byteText(int64(len(item))))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if n > most {
		return 0, fmt.Errorf("it holds %d %s, at most %d", n, what, most)
	}
	return n, nil
}

// countList counts the items of the JSON list raw without allocating; -1
// when raw is not a list that can be read.
func countList(raw []byte) int {
	n := 0
	if eachItem(raw, "", func(int, []byte) error { n++; return nil }) != nil {
		return -1
	}
	return n
}
