//go:build goexperiment.jsonv2

package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

func init() { codecs = append(codecs, codec{"jsontext", decodeWireText}) }

// decodeWireText reads a compact history as decodeWire does, but with
// jsontext's Decoder (encoding/json/jsontext, in a build with
// GOEXPERIMENT=jsonv2) instead of jsonwire's Reader, token by token, into
// the same fields as decodeWireJSON, and words its errors as decodeWire
// does. It is one of the decoders weighed in docs/performance.md; commit
// 35d0107 built the app with it (go build -tags unknot_codectext, with
// GOEXPERIMENT=jsonv2) to weigh app.wasm.
func decodeWireText(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error) {
	fields, err := checkEnvelope(env, schema)
	if err != nil {
		return nil, nil, err
	}
	n := max(jsonwire.Count(env["records"]), 0)
	var l wireLists
	for _, list := range []struct {
		what string
		most int
		read func(t tokens) error
	}{
		{"routines", n, func(t tokens) error { return t.idNames(&l.routines) }},
		{"exercises", n * data.MaxLogs, func(t tokens) error { return t.idNames(&l.exercises) }},
		{"logs", n * data.MaxLogs, func(t tokens) error { return t.logs(&l) }},
		{"zones", n, func(t tokens) error { z, err := t.str("it"); l.zones = append(l.zones, z); return err }},
	} {
		if err := fits(env[list.what], list.what, list.most); err != nil {
			return nil, nil, err
		}
		t := tokens{newTextDecoder(env[list.what])}
		if _, err := t.list("its "+list.what+" are", func(i int) error {
			if err := list.read(t); err != nil {
				return fmt.Errorf("its %s, entry %d: %w", list.what, i+1, err)
			}
			return nil
		}); err != nil {
			return nil, nil, err
		}
	}
	t := tokens{newTextDecoder(env["records"])}
	// Room for every record only once one has been read, as decodeWire
	// makes it.
	n = min(n, len(env["records"])/minRecordBytes+1)
	records := make([]data.Record, 0, min(n, 1))
	var w wireRecord
	if _, err := t.list("its records are", func(i int) error {
		if len(records) == 1 {
			records = slices.Grow(records, n-1)
		}
		w = wireRecord{logs: w.logs[:0]}
		records = append(records, data.Record{})
		err := t.record(&w)
		if err == nil {
			err = l.record(&w, fields, &records[i])
		}
		if err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	if schema == 2 {
		return records, nil, nil
	}
	deleted, err := readDeleted(env["deleted"], records)
	return records, deleted, err
}

// tokens reads JSON with a jsontext Decoder, saying what it found when it
// is not what was wanted as jsonwire's Reader does.
type tokens struct{ d *textDecoder }

// list reads a list, calling item to read each item.
func (t tokens) list(subject string, item func(i int) error) (int, error) {
	if t.d.PeekKind() != '[' {
		return 0, t.wrong(subject, "a list")
	}
	if _, err := t.d.ReadToken(); err != nil {
		return 0, err
	}
	for i := 0; ; i++ {
		if t.d.PeekKind() == ']' {
			_, err := t.d.ReadToken()
			return i, err
		}
		if err := item(i); err != nil {
			return i, err
		}
	}
}

// tuple reads a list of least to most values, calling field for each.
func (t tokens) tuple(least, most int, field func(f int) error) error {
	n, err := t.list("it is", func(f int) error {
		if f >= most {
			return t.d.SkipValue()
		}
		return field(f)
	})
	if err != nil {
		return err
	}
	return jsonwire.CheckFields(n, least, most, false)
}

// wrong says that the next value is not of the kind wanted.
func (t tokens) wrong(subject, want string) error {
	var got string
	switch t.d.PeekKind() {
	case '"':
		got = "text"
	case '[':
		got = "a list"
	case '{':
		got = "an object"
	case 't', 'f':
		got = "true or false"
	case 'n':
		got = "null"
	case '0':
		v, err := t.d.ReadValue()
		if err != nil {
			return err
		}
		got = "the number " + data.Clip(string(v))
	default:
		_, err := t.d.ReadValue()
		if err == nil {
			err = jsonwire.ErrSyntax
		}
		return err
	}
	return fmt.Errorf("%s %s, must be %s", subject, got, want)
}

// int reads a whole number.
func (t tokens) int(what string) (int64, error) {
	if t.d.PeekKind() != '0' {
		return 0, t.wrong(what+" is", "a whole number")
	}
	v, err := t.d.ReadValue()
	if err != nil {
		return 0, err
	}
	// The number's text, read as the hand-written decoder reads it.
	r := jsonwire.NewReader(v)
	return r.Int(what)
}

// str reads a string.
func (t tokens) str(what string) (string, error) {
	if t.d.PeekKind() != '"' {
		return "", t.wrong(what+" is", "text")
	}
	tok, err := t.d.ReadToken()
	if err != nil {
		return "", err
	}
	return tok.String(), nil
}

// idNames reads an [id, name] pair onto list.
func (t tokens) idNames(list *[]jsonIDName) error {
	var e jsonIDName
	err := t.tuple(2, 2, func(f int) (err error) {
		if f == 0 {
			if e.id, err = t.str("its id"); err == nil && e.id == "" {
				err = errors.New("its id is empty")
			}
		} else {
			e.name, err = t.str("its name")
		}
		return err
	})
	*list = append(*list, e)
	return err
}

// logs reads an entry of the logs list onto l.logs.
func (t tokens) logs(l *wireLists) error {
	var g jsonLog
	err := t.tuple(len(logFields), len(logFields), func(f int) (err error) {
		g[f], err = t.int(logFields[f])
		if f == 0 && err == nil && (g[0] < 0 || g[0] >= int64(len(l.exercises))) {
			err = fmt.Errorf("exercise %d is not one of its %d exercises", g[0], len(l.exercises))
		}
		return err
	})
	if err != nil {
		return err
	}
	e := l.exercises[g[0]]
	l.logs = append(l.logs, data.ExerciseLog{Exercise: e.id, Name: e.name, Reps: int(g[1]), RepsDone: int(g[2]), Holds: int(g[3]), HoldsDone: int(g[4]), HoldMS: g[5]})
	return nil
}

// record reads a record's fields into w.
func (t tokens) record(w *wireRecord) error {
	n, err := t.list("it is", func(f int) (err error) {
		switch f {
		case 0:
			w.id, err = t.str("id")
		case 1:
			w.routine, err = t.int("routine")
		case 2:
			err = t.instant("start", &w.start)
		case 3:
			err = t.instant("end", &w.end)
		case 4:
			w.activeMS, err = t.int("exercise time")
		case 5:
			w.local, err = t.int("local time")
		case 6:
			w.zone, err = t.int("zone")
		case 7:
			w.complete, err = t.int("complete")
		case 8:
			_, err = t.list("its exercises are", func(i int) error {
				n, err := t.int("log")
				w.logs = append(w.logs, n)
				return err
			})
		case 9, 10:
			p := &w.painBefore
			if f == 10 {
				p = &w.painAfter
			}
			if t.d.PeekKind() == 'n' {
				_, err = t.d.ReadToken()
				return err
			}
			p.set = true
			p.v, err = t.int(wireFieldNames[f])
		case 11:
			w.note, err = t.str("note")
		case 12:
			w.stopped, err = t.str("reason it stopped")
		case 13:
			err = t.instant("edit time", &w.edited)
		default:
			err = t.d.SkipValue()
		}
		return err
	})
	w.n = n
	return err
}

// instant reads an instant as milliseconds or text.
func (t tokens) instant(what string, at *wireInstant) (err error) {
	if t.d.PeekKind() == '"' {
		at.isText = true
		at.text, err = t.str(what)
		return err
	}
	at.ms, err = t.int(what)
	return err
}
