package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"unknot/data"
)

// RoutinesKey is the storage key of the person's own routines.
const RoutinesKey = "unknot.routines"

// RoutinesSchema is the version of the stored routines' shape that this code
// writes: {"schema":1,"routines":[...]}.
const RoutinesSchema = 1

// RoutinesAsidePrefix starts the keys that stored routines are copied to
// when the person sets damaged or newer routines aside; the rest of the key
// is the copy's time in Unix milliseconds.
const RoutinesAsidePrefix = RoutinesKey + ".aside."

// The errors that custom routine operations wrap, to test for with
// errors.Is. The messages of the errors returned say the same for people.
var (
	// ErrRoutinesDamaged: the stored routines, or some of them, could not
	// be read. They are kept as they are and nothing is written over them
	// until the person sets them aside.
	ErrRoutinesDamaged = errors.New("the saved routines are damaged")
	// ErrRoutinesNewer: the stored routines were saved by a newer version
	// of Unknot. They are never written over.
	ErrRoutinesNewer = errors.New("the saved routines are from a newer version of Unknot")
)

// routinesFile is the stored shape of the custom routines.
type routinesFile struct {
	Schema   int            `json:"schema"`
	Routines []data.Routine `json:"routines"`
}

// storedRoutines is what readRoutines found.
type storedRoutines struct {
	routines []data.Routine // the readable, valid ones
	raw      string
	hasRaw   bool
	err      error // nil, or wraps ErrRoutinesDamaged or ErrRoutinesNewer
}

// LoadCustomRoutines reads the person's routines from st. Nothing stored
// gives none and no error. When the stored routines cannot all be read, it
// returns those that can and an error, wrapping ErrRoutinesDamaged or
// ErrRoutinesNewer, that says what is wrong; the stored text is left as it
// is and SaveCustomRoutines refuses to write over it.
func LoadCustomRoutines(st Storage) ([]data.Routine, error) {
	s := readRoutines(st)
	return s.routines, s.err
}

// SaveCustomRoutines replaces the stored routines with routines. Each must
// pass ValidateCustomRoutine and ids must be unique; at most MaxRoutines.
// It writes nothing when one is not valid, or when the stored routines are
// damaged or from a newer version (the error then wraps ErrRoutinesDamaged
// or ErrRoutinesNewer).
func SaveCustomRoutines(st Storage, routines []data.Routine) error {
	if err := checkRoutines(routines); err != nil {
		return err
	}
	if s := readRoutines(st); s.err != nil {
		return s.err
	}
	return writeRoutines(st, routines)
}

// checkRoutines reports the first reason routines cannot be saved: too
// many, one not valid, or an id used twice.
func checkRoutines(routines []data.Routine) error {
	if len(routines) > MaxRoutines {
		return fmt.Errorf("you can keep at most %d routines of your own; delete one first", MaxRoutines)
	}
	seen := map[string]int{}
	for i, r := range routines {
		if err := data.ValidateCustomRoutine(r); err != nil {
			return err
		}
		if j, ok := seen[r.ID]; ok {
			return fmt.Errorf("routines %d and %d have the same id %q", j+1, i+1, r.ID)
		}
		seen[r.ID] = i
	}
	return nil
}

// writeRoutines stores routines, checked, over what is stored.
func writeRoutines(st Storage, routines []data.Routine) error {
	out := routinesFile{Schema: RoutinesSchema, Routines: routines}
	if out.Routines == nil {
		out.Routines = []data.Routine{}
	}
	if err := st.Set(RoutinesKey, out); err != nil {
		if IsQuota(err) {
			return fmt.Errorf("your routines could not be saved: %w", ErrStorageFull)
		}
		return fmt.Errorf("your routines could not be saved: %w", err)
	}
	return nil
}

// UpdateCustomRoutines changes the stored routines with change and returns
// them as saved. It reads them again first, so a change made meanwhile in
// another tab is kept: change gets what is stored now, not what a screen
// read earlier. It saves nothing when the stored routines cannot all be
// read or what change returns cannot be saved (see SaveCustomRoutines).
func UpdateCustomRoutines(st Storage, change func([]data.Routine) []data.Routine) ([]data.Routine, error) {
	s := readRoutines(st)
	if s.err != nil {
		return nil, s.err
	}
	routines := change(s.routines)
	if err := checkRoutines(routines); err != nil {
		return nil, err
	}
	if err := writeRoutines(st, routines); err != nil {
		return nil, err
	}
	return routines, nil
}

// SetAsideCustomRoutines copies the stored routines, as their exact text, to
// a new key starting RoutinesAsidePrefix (an identical copy already there is
// reused) and then removes them, so new routines can be saved. It returns the
// copy's key, or "" when nothing was stored. It removes nothing when the copy
// cannot be made: a text that is not JSON can only be copied when st is a
// RawStorage.
func SetAsideCustomRoutines(st Storage, now time.Time) (string, error) {
	s := readRoutines(st)
	if !s.hasRaw {
		if s.err == nil {
			return "", nil
		}
		return "", fmt.Errorf("your saved routines could not be copied aside, so they are kept as they are: %w", s.err)
	}
	key, err := copyRoutinesAside(st, s.raw, now)
	if err != nil {
		return "", fmt.Errorf("your saved routines could not be copied aside (%v), so they are kept as they are", err)
	}
	st.Del(RoutinesKey)
	return key, nil
}

// copyRoutinesAside copies raw to a new key under RoutinesAsidePrefix. A
// RawStorage keeps it byte for byte; any other Storage keeps it as JSON
// through Set, which raw, read through Get, always is.
func copyRoutinesAside(st Storage, raw string, now time.Time) (string, error) {
	if _, ok := st.(RawStorage); ok {
		return copyAside(st, loaded{raw: raw, hasRaw: true}, RoutinesKey, RoutinesAsidePrefix, now)
	}
	key := RoutinesAsidePrefix + strconv.FormatInt(now.UnixMilli(), 10)
	for i := 2; ; i++ {
		var taken json.RawMessage
		if err := st.Get(key, &taken); err == nil && taken == nil {
			break
		}
		key = RoutinesAsidePrefix + strconv.FormatInt(now.UnixMilli(), 10) + "-" + strconv.Itoa(i)
	}
	if err := st.Set(key, json.RawMessage(raw)); err != nil {
		return "", err
	}
	return key, nil
}

// readRoutines reads the stored routines without writing anything.
func readRoutines(st Storage) storedRoutines {
	raw, ok, err := getRaw(st, RoutinesKey)
	if err != nil {
		// The text is not JSON; only a RawStorage could have handed it
		// over, and it is not one.
		return storedRoutines{err: damagedRoutines(describeJSONError(err))}
	}
	if !ok {
		return storedRoutines{}
	}
	s := decodeRoutines([]byte(raw))
	s.raw, s.hasRaw = raw, true
	return s
}

// decodeRoutines reads the stored text of the routines.
func decodeRoutines(raw []byte) storedRoutines {
	damaged := func(format string, a ...any) storedRoutines {
		return storedRoutines{err: damagedRoutines(fmt.Sprintf(format, a...))}
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil {
		return damaged("%s", describeJSONError(err))
	}
	if env == nil {
		return damaged("it is empty")
	}
	var schema int
	if s, ok := env["schema"]; !ok {
		return damaged("it has no schema number")
	} else if err := json.Unmarshal(s, &schema); err != nil {
		return damaged("its schema %s is not a whole number", data.Clip(string(s)))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(env["routines"], &items); err != nil || env["routines"] == nil {
		if schema > RoutinesSchema {
			return storedRoutines{err: newerRoutines(schema)}
		}
		return damaged("its routines are not a list")
	}
	if schema > RoutinesSchema {
		// Show what this version can read; never write.
		var out []data.Routine
		seen := map[string]int{}
		for i, item := range items {
			var r data.Routine
			if json.Unmarshal(item, &r) == nil && checkCustomRoutine(r, seen, i) == nil {
				out = append(out, r)
			}
		}
		return storedRoutines{routines: out, err: newerRoutines(schema)}
	}
	if schema != RoutinesSchema {
		return damaged("its schema %d is not one Unknot knows", schema)
	}
	for k := range env {
		if k != "schema" && k != "routines" {
			return damaged("it has an unknown field %q", data.Clip(k))
		}
	}
	var out []data.Routine
	var problems []string
	seen := map[string]int{}
	for i, item := range items {
		var r data.Routine
		if err := decodeStrict(item, &r); err != nil {
			problems = append(problems, fmt.Sprintf("routine %d: %s", i+1, describeJSONError(err)))
			continue
		}
		if err := checkCustomRoutine(r, seen, i); err != nil {
			why := strings.TrimPrefix(err.Error(), fmt.Sprintf("routine %q: ", r.Name))
			problems = append(problems, fmt.Sprintf("routine %d (%s): %s", i+1, data.QuoteName(r.Name), why))
			continue
		}
		out = append(out, r)
	}
	if len(problems) > 0 {
		return storedRoutines{routines: out, err: damagedRoutines(strings.Join(problems, "; "))}
	}
	return storedRoutines{routines: out}
}

// damagedRoutines is the error about stored routines that cannot be read.
func damagedRoutines(reason string) error {
	return &storeError{kind: ErrRoutinesDamaged, msg: "Some of your saved routines could not be read: " + reason +
		". They are kept as they are, and no change to your routines will be saved until you set them aside."}
}

// newerRoutines is the error about routines saved by a newer version.
func newerRoutines(schema int) error {
	return &storeError{kind: ErrRoutinesNewer, msg: fmt.Sprintf(
		"Your routines were saved by a newer version of Unknot (schema %d). They are shown as far as this version can read them and nothing will be saved over them: update Unknot to change them.", schema)}
}
