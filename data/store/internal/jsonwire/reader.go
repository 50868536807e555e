// Package jsonwire reads JSON text in place, for the stored forms of package
// store, faster than encoding/json and without its copies.
//
// A Reader walks one value by its parts: lists item by item (List, Tuple),
// whole numbers, strings and nulls, and any value skipped over whole (Skip).
// It trusts nothing: it stops at anything it does not expect, never reads
// past the end, and whatever it accepts, encoding/json's Valid accepts too
// (FuzzAcceptsOnlyJSON). Its errors say in words what was found and what was
// wanted ("start is true or false, must be a whole number"), or are
// ErrSyntax for text that is not JSON.
//
// The bounded reading (Object, Items, Count, Measure, Split) splits objects
// and lists into slices of the text, counting as it goes, so that a hostile
// file is measured before anything is allocated for its parts: what is kept
// is never more than the text.
package jsonwire

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"unknot/data"
)

// ErrSyntax is returned for text that is not the JSON expected; it cannot
// happen to text that encoding/json accepted.
var ErrSyntax = errors.New("it is not valid JSON")

// A Reader reads the JSON text it was made with, from the start.
type Reader struct {
	b []byte
	i int
	// depth is how many lists and objects the reading is inside.
	depth int
}

// NewReader returns a Reader of b.
func NewReader(b []byte) Reader { return Reader{b: b} }

// Pos is how many bytes have been read.
func (r *Reader) Pos() int { return r.i }

// Seek goes back to pos, a position read before.
func (r *Reader) Seek(pos int) { r.i = pos }

// Since returns the text read from pos on.
func (r *Reader) Since(pos int) []byte { return r.b[pos:r.i] }

// Peek skips white space and returns the next byte, 0 at the end.
func (r *Reader) Peek() byte {
	for r.i < len(r.b) {
		switch c := r.b[r.i]; c {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return c
		}
	}
	return 0
}

// End checks that nothing but white space follows the value read; what
// names the value.
func (r *Reader) End(what string) error {
	if r.Peek(); r.i < len(r.b) { // a NUL byte peeks as the end does
		return fmt.Errorf("%s: %w", what, ErrSyntax)
	}
	return nil
}

// List reads a list, calling item to read each of its items, with its
// index, and returns how many there were; subject names the list with its
// verb ("its zones are") to say when the value is not a list. It stops at
// item's first error and returns it as it is.
func (r *Reader) List(subject string, item func(i int) error) (int, error) {
	if r.Peek() != '[' {
		return 0, r.Wrong(subject, "a list")
	}
	if r.depth == maxDepth {
		return 0, ErrSyntax
	}
	r.i++
	r.depth++
	for i := 0; ; i++ {
		switch c := r.Peek(); {
		case c == ']':
			r.i++
			r.depth--
			return i, nil
		case i == 0:
		case c == ',':
			r.i++
		default:
			r.depth--
			return i, ErrSyntax
		}
		if err := item(i); err != nil {
			r.depth-- // a lenient caller goes back and reads on
			return i, err
		}
	}
}

// Tuple reads a list of least to most values, calling field to read each
// with its index. Lenient, it skips values after most; otherwise they are
// an error that says how many there are.
func (r *Reader) Tuple(least, most int, lenient bool, field func(f int) error) error {
	n, err := r.List("it is", func(f int) error {
		if f >= most {
			return r.Skip()
		}
		return field(f)
	})
	if err != nil {
		return err
	}
	return CheckFields(n, least, most, lenient)
}

// CheckFields checks the number n of fields of a tuple read: least to
// most, or more when lenient.
func CheckFields(n, least, most int, lenient bool) error {
	fields := "fields"
	if n == 1 {
		fields = "field"
	}
	switch {
	case n >= least && (n <= most || lenient):
		return nil
	case least == most:
		return fmt.Errorf("it has %d %s, must have %d", n, fields, least)
	}
	return fmt.Errorf("it has %d %s, must have %d to %d", n, fields, least, most)
}

// isDelim reports whether c ends a number or a literal.
func isDelim(c byte) bool {
	switch c {
	case ',', ']', '}', ':', ' ', '\t', '\n', '\r', '"', '[', '{':
		return true
	}
	return false
}

// Wrong says that the next value is not of the kind wanted; subject names
// it, with its verb ("start is"). It is ErrSyntax when the next value is
// not one at all.
func (r *Reader) Wrong(subject, want string) error {
	var got string
	switch c := r.Peek(); {
	case c == '"':
		got = "text"
	case c == '[':
		got = "a list"
	case c == '{':
		got = "an object"
	case c == 't' || c == 'f':
		got = "true or false"
	case c == 'n':
		got = "null"
	case c == '-' || '0' <= c && c <= '9':
		start := r.i
		for r.i < len(r.b) && !isDelim(r.b[r.i]) {
			r.i++
		}
		got = "the number " + data.Clip(string(r.b[start:r.i]))
	default:
		return ErrSyntax
	}
	return fmt.Errorf("%s %s, must be %s", subject, got, want)
}

// Null reads a null, and reports whether there was one.
func (r *Reader) Null() bool {
	if r.Peek() == 'n' && len(r.b)-r.i >= 4 && string(r.b[r.i:r.i+4]) == "null" {
		r.i += 4
		return true
	}
	return false
}

// Int reads a whole number; what names it.
func (r *Reader) Int(what string) (int64, error) {
	c := r.Peek()
	start := r.i
	neg := c == '-'
	if neg {
		r.i++
	}
	var n int64
	digits := 0
	for ; r.i < len(r.b) && '0' <= r.b[r.i] && r.b[r.i] <= '9'; r.i++ {
		d := int64(r.b[r.i] - '0')
		if n > (1<<63-1-d)/10 {
			return 0, fmt.Errorf("%s is a number too large", what)
		}
		n = n*10 + d
		digits++
	}
	if digits == 0 || r.i < len(r.b) && !isDelim(r.b[r.i]) {
		r.i = start
		return 0, r.Wrong(what+" is", "a whole number")
	}
	if first := start + btoi(neg); digits > 1 && r.b[first] == '0' { // JSON has no leading zeros
		return 0, ErrSyntax
	}
	if neg {
		n = -n
	}
	return n, nil
}

// btoi is 1 for true and 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Index reads an index into a list of n entries, called list; what names
// the index.
func (r *Reader) Index(what string, n int, list string) (int, error) {
	i, err := r.Int(what)
	if err != nil {
		return 0, err
	}
	if i < 0 || i >= int64(n) {
		return 0, fmt.Errorf("%s %d is not one of its %d %s", what, i, n, list)
	}
	return int(i), nil
}

// Str reads a string; what names it.
func (r *Reader) Str(what string) (string, error) {
	if r.Peek() != '"' {
		return "", r.Wrong(what+" is", "text")
	}
	start := r.i
	s, plain, err := r.stringAt()
	if err != nil {
		return "", err
	}
	if plain {
		return string(s), nil
	}
	var out string
	if err := json.Unmarshal(r.b[start:r.i], &out); err != nil {
		return "", fmt.Errorf("%s: %w", what, ErrSyntax)
	}
	return out, nil
}

// RawStr reads a string and returns the text between its quotes as it is,
// escapes and all, for a caller that wants only plain text; what names it.
func (r *Reader) RawStr(what string) ([]byte, error) {
	if r.Peek() != '"' {
		return nil, r.Wrong(what+" is", "text")
	}
	s, _, err := r.stringAt()
	return s, err
}

// stringAt reads the string that starts at r.i and returns the bytes
// between its quotes. They are the string itself when plain: no escapes,
// valid UTF-8. An escape must be one JSON has, and a control character
// must be escaped.
func (r *Reader) stringAt() (s []byte, plain bool, err error) {
	start := r.i + 1
	plain, ascii := true, true
	for i := start; i < len(r.b); i++ {
		switch c := r.b[i]; {
		case c == '"':
			r.i = i + 1
			s = r.b[start:i]
			if !ascii && plain {
				plain = utf8.Valid(s)
			}
			return s, plain, nil
		case c == '\\':
			plain = false
			n := escapeLen(r.b[i+1:])
			if n == 0 {
				return nil, false, ErrSyntax
			}
			i += n
		case c < 0x20:
			return nil, false, ErrSyntax
		case c >= 0x80:
			ascii = false
		}
	}
	return nil, false, ErrSyntax
}

// escapeLen is the length of the escape that b starts with, after its
// backslash; 0 when it is not one.
func escapeLen(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch b[0] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 1
	case 'u':
		if len(b) < 5 {
			return 0
		}
		for _, c := range b[1:5] {
			if !isHex(c) {
				return 0
			}
		}
		return 5
	}
	return 0
}

// isHex reports whether c is a hex digit, in either case.
func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
