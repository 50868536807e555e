package jsonwire_test

import (
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"strings"
	"testing"

	"unknot/data/store/internal/jsonwire"
)

func TestSkipAgreesWithValid(t *testing.T) {
	// Skip, then nothing but white space, accepts exactly what json.Valid
	// accepts.
	cases := []string{
		`0`, `-0`, `1`, `-12.5e+3`, `1E9`, `0.0`, `01`, `-`, `1.`, `.5`, `1e`, `+1`, `1.5.5`, `0x10`,
		`true`, `false`, `null`, `tru`, `nul`, `nullx`, `True`,
		`""`, `"a"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\u00e9"`, `"\u00E9"`, `"\u00g9"`, `"\u00"`, `"\x"`, `"\`, `"abc`,
		"\"a\tb\"", "\"\x7f\"", "\"\xff\"", `"é"`,
		`[]`, `[ ]`, `[1]`, `[1,2]`, `[1,]`, `[,1]`, `[1 2]`, `[`, `]`, `[[[]]]`, `[[]`, `[]]`,
		`{}`, `{ }`, `{"a":1}`, `{"a":1,"b":[2,{"c":null}]}`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{1:2}`, `{"a" 1}`, `{"a":1 "b":2}`, `{,}`, `{"a":1]`, `[1}`,
		" \t\r\n[1] \n", "\v1", `1 2`, ``, ` `, `{}x`, "0\x000", "{}\x00", "\x00",
		strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
		strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
		strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
		strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
	}
	for _, c := range cases {
		r := jsonwire.NewReader([]byte(c))
		got := r.Skip() == nil && r.End("it") == nil
		if want := json.Valid([]byte(c)); got != want {
			t.Errorf("%.40q: Skip accepts it: got %v, want %v as json.Valid", c, got, want)
		}
	}
}

func TestObjectAgreesWithJSON(t *testing.T) {
	// Object splits an object as encoding/json would into a map of raw
	// messages, or refuses it.
	cases := []string{
		`{"schema":2,"records":[]}`,
		" {\n \"schema\" : 2 ,\t\"records\":[ [1, \"a]\"] ] }\r\n",
		`{}`,
		`{"a":{"b":[1,{"c":"}"}]},"d":"\\\""}`,
		`{"schema":2,"schema":3}`,
		`{"sch\u0065ma":2}`,
		`{"schema":2,}`,
		`{"schema":2}x`,
		`{"schema" 2}`,
		`{"schema":tru}`,
		`[1]`,
		`{"schema":`,
		``,
	}
	for _, c := range cases {
		got, err := jsonwire.Object([]byte(c), 64)
		var want map[string]json.RawMessage
		jsonErr := json.Unmarshal([]byte(c), &want)
		if err == nil && (jsonErr != nil || !maps.EqualFunc(got, want, sameJSON)) {
			t.Errorf("%q: got %s, want %s (%v)", c, got, want, jsonErr)
		}
	}
}

// sameJSON reports whether a and b are the same JSON value.
func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

func TestObjectRefuses(t *testing.T) {
	cases := []struct {
		scenario, raw string
		known         []string
		want          string
	}{
		{"null", `null`, nil, "it is empty"},
		{"a list", `[]`, nil, "the value is a list, must be an object"},
		{"a key twice", `{"a":1,"a":2}`, nil, `it has the field "a" twice`},
		{"too many fields", `{"a":1,"b":2,"c":3}`, nil, "it has more than 2 fields"},
		{"an unknown field", `{"a":1,"x":2}`, []string{"a"}, `it has an unknown field "x"`},
		{"a key not text", `{1:2}`, nil, "a field's name is the number 1, must be text"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			_, err := jsonwire.Object([]byte(c.raw), 2, c.known...)
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
	// An unknown field comes with the fields read before it.
	env, err := jsonwire.Object([]byte(`{"type":"x","x":2}`), 2, "type")
	var fe *jsonwire.FieldError
	if !errors.As(err, &fe) || string(env["type"]) != `"x"` {
		t.Errorf("got %v, %v, want a FieldError and the type read", env, err)
	}
}

func TestReaderSaysWhatItFound(t *testing.T) {
	// Each typed read says what it found instead of what it wanted, or
	// that the text is not JSON.
	cases := []struct {
		raw  string
		read func(r *jsonwire.Reader) error
		want string
	}{
		{`"5"`, intRead, "n is text, must be a whole number"},
		{`5.5`, intRead, "n is the number 5.5, must be a whole number"},
		{`1e3`, intRead, "n is the number 1e3, must be a whole number"},
		{`true`, intRead, "n is true or false, must be a whole number"},
		{`null`, intRead, "n is null, must be a whole number"},
		{`[]`, intRead, "n is a list, must be a whole number"},
		{`{}`, intRead, "n is an object, must be a whole number"},
		{`9223372036854775808`, intRead, "n is a number too large"},
		{`007`, intRead, jsonwire.ErrSyntax.Error()},
		{`-`, intRead, "n is the number -, must be a whole number"},
		{`x`, intRead, jsonwire.ErrSyntax.Error()},
		{`5`, strRead, "s is the number 5, must be text"},
		{`"a\qb"`, strRead, jsonwire.ErrSyntax.Error()},
		{"\"a\nb\"", strRead, jsonwire.ErrSyntax.Error()},
		{`"abc`, strRead, jsonwire.ErrSyntax.Error()},
		{`{}`, listRead, "the list is an object, must be a list"},
		{`[1 2]`, listRead, jsonwire.ErrSyntax.Error()},
		{`[1,,2]`, listRead, jsonwire.ErrSyntax.Error()},
		{`[1`, listRead, jsonwire.ErrSyntax.Error()},
		{`[1]`, tupleRead(2, 3), "it has 1 field, must have 2 to 3"},
		{`[1,2,3,4]`, tupleRead(2, 3), "it has 4 fields, must have 2 to 3"},
		{`[1,2,3]`, tupleRead(2, 2), "it has 3 fields, must have 2"},
		{`[1,2]`, indexRead(2), "i 2 is not one of its 2 entries"},
		{`[1,-1]`, indexRead(2), "i -1 is not one of its 2 entries"},
	}
	for _, c := range cases {
		r := jsonwire.NewReader([]byte(c.raw))
		if err := c.read(&r); err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %q", c.raw, err, c.want)
		}
	}
}

func intRead(r *jsonwire.Reader) error { _, err := r.Int("n"); return err }
func strRead(r *jsonwire.Reader) error { _, err := r.Str("s"); return err }

func listRead(r *jsonwire.Reader) error {
	_, err := r.List("the list is", func(int) error { _, err := r.Int("n"); return err })
	return err
}

func tupleRead(least, most int) func(r *jsonwire.Reader) error {
	return func(r *jsonwire.Reader) error {
		return r.Tuple(least, most, false, func(int) error { _, err := r.Int("n"); return err })
	}
}

func indexRead(n int) func(r *jsonwire.Reader) error {
	return func(r *jsonwire.Reader) error {
		_, err := r.List("it is", func(int) error { _, err := r.Index("i", n, "entries"); return err })
		return err
	}
}

func TestReaderReads(t *testing.T) {
	r := jsonwire.NewReader([]byte(` [ -12 , "a\u00e9\n" , null , [0, 9223372036854775807], "plain" ] `))
	var ints []int64
	var strs []string
	nulls := 0
	n, err := r.List("it is", func(i int) error {
		switch i {
		case 0:
			v, err := r.Int("n")
			ints = append(ints, v)
			return err
		case 1, 4:
			s, err := r.Str("s")
			strs = append(strs, s)
			return err
		case 2:
			if r.Null() {
				nulls++
			}
			return nil
		}
		return r.Tuple(2, 2, false, func(int) error { v, err := r.Int("n"); ints = append(ints, v); return err })
	})
	if err != nil || n != 5 || r.End("it") != nil {
		t.Fatalf("got %d items, %v, want 5 and nothing after", n, err)
	}
	if want := []int64{-12, 0, 1<<63 - 1}; !reflect.DeepEqual(ints, want) {
		t.Errorf("numbers: got %v, want %v", ints, want)
	}
	if want := []string{"aé\n", "plain"}; !reflect.DeepEqual(strs, want) || nulls != 1 {
		t.Errorf("strings: got %q and %d nulls, want %q and 1", strs, nulls, want)
	}
}

func TestCountAndMeasure(t *testing.T) {
	for raw, want := range map[string]int{`[]`: 0, `[1]`: 1, ` [ {"a":[1,2]} , "x,y" , [] ] `: 3, `{}`: -1, `[1,]`: -1, `[1`: -1, `x`: -1} {
		if got := jsonwire.Count([]byte(raw)); got != want {
			t.Errorf("Count(%s): got %d, want %d", raw, got, want)
		}
	}
	if _, err := jsonwire.Measure([]byte(`[1,2,3]`), "records", 2, 10); err == nil || err.Error() != "it holds 3 records, at most 2" {
		t.Errorf("too many: got %v", err)
	}
	if _, err := jsonwire.Measure([]byte(`[1,"`+strings.Repeat("a", 2000)+`"]`), "records", 2, 1024); err == nil || err.Error() != "record 2 is 2.0 KiB, larger than one can be" {
		t.Errorf("too large: got %v", err)
	}
	items, err := jsonwire.Split([]byte(`[1, {"a":2}]`), "items", 2, 100)
	if err != nil || len(items) != 2 || string(items[0]) != "1" || strings.TrimSpace(string(items[1])) != `{"a":2}` {
		t.Errorf("Split: got %q, %v", items, err)
	}
}

func TestDepthIsRestoredAfterAnError(t *testing.T) {
	// A lenient reader goes back after a bad item and reads on: the lists
	// it was inside when it failed do not count against how deep the rest
	// may nest.
	deep := strings.Repeat("[", 9999) + strings.Repeat("]", 9999)
	r := jsonwire.NewReader([]byte(`[[x]]` + deep))
	for range 20000 {
		r.Seek(0)
		_, err := r.List("it is", func(int) error {
			_, err := r.List("it is", func(int) error { return r.Skip() })
			return err
		})
		if err == nil {
			t.Fatal("[[x]] was read")
		}
	}
	r.Seek(len(`[[x]]`))
	if err := r.Skip(); err != nil {
		t.Errorf("a list 9,999 deep after 20,000 errors: %v, want it read", err)
	}
}
