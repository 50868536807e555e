package jsonwire_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"unknot/data/store/internal/jsonwire"
)

// FuzzAcceptsOnlyJSON: whatever the reader accepts, encoding/json's Valid
// accepts too, whichever way it is read: skipped whole, split as an object,
// or walked with the typed reads. Skipped whole, it accepts exactly what
// Valid accepts. Its seed corpus is testdata/fuzz/FuzzAcceptsOnlyJSON, and
// the stored samples of package store.
func FuzzAcceptsOnlyJSON(f *testing.F) {
	samples, err := filepath.Glob("../../testdata/*.json")
	if err != nil || len(samples) == 0 {
		f.Fatalf("no samples of stored text: %v", err)
	}
	for _, name := range samples {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		valid := json.Valid(b)
		r := jsonwire.NewReader(b)
		if skipped := r.Skip() == nil && r.End("it") == nil; skipped != valid {
			t.Fatalf("Skip accepts %.200q: got %v, want %v as json.Valid", b, skipped, valid)
		}
		if _, err := jsonwire.Object(b, 64); err == nil && !valid {
			t.Fatalf("Object accepts %.200q, which json.Valid refuses", b)
		}
		r = jsonwire.NewReader(b)
		if walk(&r, 0) == nil && r.End("it") == nil && !valid {
			t.Fatalf("the typed reads accept %.200q, which json.Valid refuses", b)
		}
		if jsonwire.Count(b) >= 0 {
			// Count reads one list and stops: what follows it is not its
			// business, so the check is on the list alone.
			r := jsonwire.NewReader(b)
			if r.Skip() != nil || !json.Valid(r.Since(0)) {
				t.Fatalf("Count accepts the list at the start of %.200q, which json.Valid refuses", b)
			}
		}
	})
}

// walk reads the next value with the typed reads where there is one, and
// skips it otherwise. Lists nest no deeper than encoding/json allows (the
// stored forms nest four deep at most).
func walk(r *jsonwire.Reader, depth int) error {
	switch c := r.Peek(); {
	case c == '[':
		if depth == 10000 {
			return errors.New("too deep")
		}
		_, err := r.List("it is", func(int) error { return walk(r, depth+1) })
		return err
	case c == '"':
		_, err := r.Str("it")
		return err
	case c == 'n' && r.Null():
		return nil
	case c == '-' || '0' <= c && c <= '9':
		start := r.Pos()
		if _, err := r.Int("it"); err == nil {
			return nil
		}
		r.Seek(start)
	}
	return r.Skip()
}
