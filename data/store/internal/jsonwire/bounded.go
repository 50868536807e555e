package jsonwire

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"unknot/data"
)

// Hostile files are measured before anything is allocated for their parts:
// encoding/json decodes a whole list before its length can be checked, and
// a 16 MiB list of empty objects took 900 MB to find out that it was too
// long. What follows splits JSON text into slices of itself, counting as it
// goes, so that what is kept is never more than the text.

// Object splits the JSON object raw into its fields without copying them,
// checking the text as it goes (each value as Skip does). It stops at the
// first field not in known (when known is not empty) and at the first given
// twice, and refuses more than most fields; the error names the field. A
// key's escapes are read, as encoding/json reads them.
func Object(raw []byte, most int, known ...string) (map[string]json.RawMessage, error) {
	r := Reader{b: raw}
	switch r.Peek() {
	case '{':
	case 'n':
		return nil, errors.New("it is empty")
	default:
		return nil, r.Wrong("the value is", "an object")
	}
	r.i++
	r.depth++
	env := make(map[string]json.RawMessage, min(most, max(len(known), 8)))
	for i := 0; ; i++ {
		c := r.Peek()
		if c == '}' {
			r.i++
			return env, r.End("the value")
		}
		if i > 0 {
			if c != ',' {
				return nil, ErrSyntax
			}
			r.i++
		}
		key, err := r.Str("a field's name")
		if err != nil {
			return nil, err
		}
		switch _, dup := env[key]; {
		case len(known) > 0 && !slices.Contains(known, key):
			return env, &FieldError{fmt.Errorf("it has an unknown field %q", data.Clip(key))}
		case dup:
			return nil, fmt.Errorf("it has the field %q twice", data.Clip(key))
		case len(env) >= most:
			return nil, fmt.Errorf("it has more than %d fields", most)
		}
		if r.Peek() != ':' {
			return nil, ErrSyntax
		}
		r.i++
		r.Peek()
		start := r.i
		if err := r.Skip(); err != nil {
			return nil, err
		}
		env[key] = raw[start:r.i]
	}
}

// FieldError is Object's error for an unknown field: the fields read
// before it come with it, so that a file of the wrong kind can be named as
// such rather than by its first strange field.
type FieldError struct{ error }

// Items calls fn with every item of the JSON list raw, as a slice of raw,
// stopping at fn's first error; subject names the list with its verb, for
// when raw is not a list. Each item is checked as Skip does. A list of any
// length costs nothing but the calls.
func Items(raw []byte, subject string, fn func(i int, item []byte) error) error {
	r := Reader{b: raw}
	_, err := r.List(subject, func(i int) error {
		start := r.i
		if err := r.Skip(); err != nil {
			return err
		}
		return fn(i, raw[start:r.i])
	})
	return err
}

// Count counts the items of the JSON list raw without allocating; -1 when
// raw is not a list that can be read.
func Count(raw []byte) int {
	r := Reader{b: raw}
	n, err := r.List("", func(int) error { return r.Skip() })
	if err != nil {
		return -1
	}
	return n
}

// Split splits the JSON list raw into its items without copying them; see
// Measure.
func Split(raw []byte, what string, most, maxItem int) ([]json.RawMessage, error) {
	n, err := Measure(raw, what, most, maxItem)
	if err != nil || n == 0 {
		return nil, err
	}
	items := make([]json.RawMessage, 0, n)
	_ = Items(raw, "", func(i int, item []byte) error {
		items = append(items, item)
		return nil
	})
	return items, nil
}

// Measure counts the items of the JSON list raw, refusing more than most
// and an item larger than maxItem bytes, before anything is allocated for
// them; what names the items ("records"). A missing list is empty.
func Measure(raw []byte, what string, most, maxItem int) (int, error) {
	if raw == nil {
		return 0, nil
	}
	n := 0
	err := Items(raw, what+": the value is", func(i int, item []byte) error {
		n++
		if len(item) > maxItem {
			return fmt.Errorf("%s %d is %s, larger than one can be", what[:len(what)-1], i+1, ByteText(int64(len(item))))
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

// ByteText says a number of bytes for people.
func ByteText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
