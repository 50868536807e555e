package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// wireDecoder holds the lists of a compact history while its records are
// read, and the memory the records are cut from.
type wireDecoder struct {
	routines, exercises []idName
	logs                []data.ExerciseLog
	zones               []string
	// lenient reads what it can of a history of a newer schema: fields
	// after the known ones are skipped, and records it cannot read left
	// out.
	lenient bool
	// fields is the most fields a record may have: wireFields, or fewer
	// for an older schema.
	fields int
	// logSlab and painSlab are cut into the records' exercises and pain
	// scores, so that decoding allocates in blocks; each record gets its
	// own part, so changing one never changes another.
	logSlab  []data.ExerciseLog
	painSlab []int
	idx      []int
}

// decodeWire reads the envelope of a compact history of schema 2 or 3
// strictly: exactly its fields, every list well formed, every record and
// deletion valid.
func decodeWire(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error) {
	fields, err := checkEnvelope(env, schema)
	if err != nil {
		return nil, nil, err
	}
	d := wireDecoder{fields: fields}
	n := jsonwire.Count(env["records"])
	if err := d.lists(env, n); err != nil {
		return nil, nil, err
	}
	records, err := d.records(env["records"], n)
	if err != nil || schema == 2 {
		return records, nil, err
	}
	deleted, err := readDeleted(env["deleted"], records)
	return records, deleted, err
}

// checkEnvelope checks that env has exactly the fields of a compact history
// of schema 2 or 3, and returns the most fields a record of it may have.
func checkEnvelope(env map[string]json.RawMessage, schema int) (int, error) {
	keys, fields := wireKeys, wireFields
	if schema == 2 {
		keys, fields = wireKeys2, wireFields-1
	}
	if err := unknownField(env, keys...); err != nil {
		return 0, err
	}
	for _, k := range keys[1:] {
		if _, ok := env[k]; !ok {
			return 0, fmt.Errorf("it has no %s", k)
		}
	}
	return fields, nil
}

// lists reads the lists the records point into; n is the number of
// records, -1 when they are not a list. Lenient, a list that cannot be
// read is taken as empty, and the records that point into it are left out.
func (d *wireDecoder) lists(env map[string]json.RawMessage, n int) error {
	// Every entry of a list is there for a record that points to it, so
	// the number of records bounds each list before it is allocated.
	n = max(n, 0)
	for _, what := range [...]string{"routines", "exercises", "logs", "zones"} {
		most := n
		if what == "exercises" || what == "logs" {
			most = n * data.MaxLogs
		}
		raw := env[what]
		err := fits(raw, what, most)
		if err == nil {
			switch what {
			case "routines":
				d.routines, err = d.readIDNames(raw, what)
			case "exercises":
				d.exercises, err = d.readIDNames(raw, what)
			case "logs":
				d.logs, err = d.readLogs(raw)
			default:
				d.zones, err = readZones(raw)
			}
		}
		if err != nil && !d.lenient {
			return err
		}
	}
	return nil
}

// fits checks that the list what holds no more entries than most, which
// its records could use.
func fits(raw []byte, what string, most int) error {
	if n := jsonwire.Count(raw); n > most {
		return fmt.Errorf("its %s list has %d entries, more than its records can use", what, n)
	}
	return nil
}

// readList reads the list raw of the envelope, called what ("zones"),
// strictly, calling entry to read each entry with its index. The error
// names the entry.
func readList(raw []byte, what string, entry func(r *jsonwire.Reader, i int) error) error {
	r := jsonwire.NewReader(raw)
	if _, err := r.List("its "+what+" are", func(i int) error {
		if err := entry(&r, i); err != nil {
			return fmt.Errorf("its %s, entry %d: %w", what, i+1, err)
		}
		return nil
	}); err != nil {
		return err
	}
	return r.End("its " + what)
}

// readIDNames reads a list of [id, name] pairs, what names it.
func (d *wireDecoder) readIDNames(raw []byte, what string) ([]idName, error) {
	out := make([]idName, 0, max(jsonwire.Count(raw), 0))
	err := readList(raw, what, func(r *jsonwire.Reader, _ int) error {
		var e idName
		err := r.Tuple(2, 2, d.lenient, func(f int) (err error) {
			if f == 0 {
				if e.id, err = r.Str("its id"); err == nil && e.id == "" {
					err = errors.New("its id is empty")
				}
			} else {
				e.name, err = r.Str("its name")
			}
			return err
		})
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// logFields name the fields of an entry of the logs list.
var logFields = [...]string{"exercise", "repetitions planned", "repetitions done", "holds planned", "holds done", "its hold"}

// readLogs reads the logs list, once the exercises are read.
func (d *wireDecoder) readLogs(raw []byte) ([]data.ExerciseLog, error) {
	out := make([]data.ExerciseLog, 0, max(jsonwire.Count(raw), 0))
	err := readList(raw, "logs", func(r *jsonwire.Reader, _ int) error {
		var l data.ExerciseLog
		err := r.Tuple(len(logFields), len(logFields), d.lenient, func(f int) error {
			if f == 0 {
				ex, err := r.Index(logFields[f], len(d.exercises), "exercises")
				if err == nil {
					l.Exercise, l.Name = d.exercises[ex].id, d.exercises[ex].name
				}
				return err
			}
			n, err := r.Int(logFields[f])
			switch f {
			case 1:
				l.Reps = int(n)
			case 2:
				l.RepsDone = int(n)
			case 3:
				l.Holds = int(n)
			case 4:
				l.HoldsDone = int(n)
			case 5:
				l.HoldMS = n
			}
			return err
		})
		out = append(out, l)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readZones reads the list of zones.
func readZones(raw []byte) ([]string, error) {
	out := make([]string, 0, max(jsonwire.Count(raw), 0))
	err := readList(raw, "zones", func(r *jsonwire.Reader, _ int) error {
		z, err := r.Str("it")
		out = append(out, z)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// records reads the list of records, n of them by jsonwire.Count, and
// validates each. In lenient mode a record that cannot be read or is not
// valid is left out, and a record written out in full, as in schema 1, is
// read as well.
func (d *wireDecoder) records(raw []byte, n int) ([]data.Record, error) {
	r := jsonwire.NewReader(raw)
	// Room for every record only once one has been read: a list of
	// damaged items fails at the first (or, lenient, skips them all). A
	// list's items are counted by Count, but no more than can be records.
	n = min(max(n, 0), len(raw)/minRecordBytes+1)
	fields := cmp.Or(d.fields, wireFields)
	out := make([]data.Record, 0, min(n, 1))
	_, err := r.List("its records are", func(i int) error {
		if len(out) == 1 && cap(out) < n {
			out = slices.Grow(out, n-1)
		}
		start := r.Pos()
		if d.lenient && r.Skip() == nil && r.Pos()-start < minRecordBytes {
			return nil // too short to be a record: not worth an error
		}
		r.Seek(start)
		out = append(out, data.Record{})
		rec := &out[len(out)-1]
		var err error
		if d.lenient && r.Peek() == '{' {
			if err = r.Skip(); err == nil {
				err = json.Unmarshal(r.Since(start), rec)
			}
		} else {
			err = r.Tuple(wireRequired, fields, d.lenient, func(f int) error { return d.field(&r, rec, f) })
		}
		if err == nil {
			err = rec.Validate()
		}
		switch {
		case err == nil:
			return nil
		case !d.lenient:
			return fmt.Errorf("record %d: %w", i+1, err)
		}
		out = out[:len(out)-1]
		r.Seek(start)
		return r.Skip()
	})
	if err != nil {
		return nil, err
	}
	return out, r.End("its records")
}

// field reads field f of a record into rec.
func (d *wireDecoder) field(r *jsonwire.Reader, rec *data.Record, f int) error {
	var err error
	switch f {
	case 0:
		rec.ID, err = readUUID(r, "id")
	case 1:
		var i int
		if i, err = r.Index("routine", len(d.routines), "routines"); err == nil {
			rec.Routine, rec.RoutineName = d.routines[i].id, d.routines[i].name
		}
	case 2:
		rec.Start, err = readInstant(r, "start", time.Time{}, false)
	case 3:
		rec.End, err = readInstant(r, "end", rec.Start, true)
	case 4:
		rec.ActiveMS, err = r.Int("exercise time")
	case 5:
		var n int64
		if n, err = r.Int("local time"); err == nil {
			if n < -maxLocalOffset || n > maxLocalOffset {
				return fmt.Errorf("local time is %d minutes from the start, at most %d", n, maxLocalOffset)
			}
			local := rec.Start.Truncate(time.Minute).Add(time.Duration(n) * time.Minute)
			rec.LocalDate, rec.LocalTime = local.Format(data.DateLayout), local.Format(data.ClockLayout)
		}
	case 6:
		var i int
		if i, err = r.Index("zone", len(d.zones), "zones"); err == nil {
			rec.Zone = d.zones[i]
		}
	case 7:
		var n int64
		if n, err = r.Int("complete"); err == nil && n != 0 && n != 1 {
			return fmt.Errorf("complete is %d, must be 1 or 0", n)
		}
		rec.Complete = n == 1
	case 8:
		rec.Exercises, err = d.exerciseLogs(r)
	case 9:
		rec.PainBefore, err = d.pain(r, "pain before")
	case 10:
		rec.PainAfter, err = d.pain(r, "pain after")
	case 11:
		rec.Note, err = r.Str("note")
	case 12:
		rec.Stopped, err = r.Str("reason it stopped")
	case 13:
		rec.Edited, err = readInstant(r, "edit time", time.Time{}, false)
	}
	return err
}

// exerciseLogs reads the list of a record's exercises, as indexes into the
// logs.
func (d *wireDecoder) exerciseLogs(r *jsonwire.Reader) ([]data.ExerciseLog, error) {
	d.idx = d.idx[:0]
	_, err := r.List("its exercises are", func(i int) error {
		n, err := r.Index("log", len(d.logs), "logs")
		if err != nil {
			return fmt.Errorf("exercise %d: %w", i+1, err)
		}
		d.idx = append(d.idx, n)
		return nil
	})
	switch {
	case err != nil:
		return nil, err
	case len(d.idx) == 0:
		return nil, nil // Validate says why
	case len(d.idx) > data.MaxLogs:
		return nil, fmt.Errorf("it lists %d exercises, at most %d", len(d.idx), data.MaxLogs)
	}
	if len(d.logSlab)+len(d.idx) > cap(d.logSlab) {
		d.logSlab = make([]data.ExerciseLog, 0, 1024)
	}
	start := len(d.logSlab)
	for _, i := range d.idx {
		d.logSlab = append(d.logSlab, d.logs[i])
	}
	return d.logSlab[start:len(d.logSlab):len(d.logSlab)], nil
}

// pain reads an optional pain score.
func (d *wireDecoder) pain(r *jsonwire.Reader, what string) (*int, error) {
	if r.Null() {
		return nil, nil
	}
	n, err := r.Int(what)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > data.MaxPain {
		return nil, fmt.Errorf("%s is %d, must be 0 to %d", what, n, data.MaxPain)
	}
	if len(d.painSlab) == cap(d.painSlab) {
		d.painSlab = make([]int, 0, 1024)
	}
	d.painSlab = append(d.painSlab, int(n))
	return &d.painSlab[len(d.painSlab)-1], nil
}

// readInstant reads an instant: Unix milliseconds, or milliseconds after
// from when relative, or RFC 3339 text.
func readInstant(r *jsonwire.Reader, what string, from time.Time, relative bool) (time.Time, error) {
	if r.Peek() == '"' {
		s, err := r.Str(what)
		if err != nil {
			return time.Time{}, err
		}
		return parseInstant(what, s)
	}
	n, err := r.Int(what)
	if err != nil {
		return time.Time{}, err
	}
	if !relative {
		return time.UnixMilli(n).UTC(), nil
	}
	// A time.Duration holds 292 years.
	const most = (1<<63 - 1) / int64(time.Millisecond)
	if n < -most || n > most {
		return time.Time{}, fmt.Errorf("%s is %d ms after the start, too far", what, n)
	}
	return from.Add(time.Duration(n) * time.Millisecond), nil
}

// readUUID reads the 32 hex digits of a uuid, in lower case, and returns
// the uuid as Validate wants it.
func readUUID(r *jsonwire.Reader, what string) (string, error) {
	s, err := r.RawStr(what)
	if err != nil {
		return "", err
	}
	if len(s) != 32 {
		return "", notUUID(what, s)
	}
	var id [36]byte
	for i, j := 0, 0; i < len(id); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			id[i] = '-'
			continue
		}
		if !isLowerHex(s[j]) {
			return "", notUUID(what, s)
		}
		id[i] = s[j]
		j++
	}
	return string(id[:]), nil
}

// notUUID says that s is not the hex digits of a uuid.
func notUUID(what string, s []byte) error {
	return fmt.Errorf("%s %q is not the 32 hex digits of a uuid", what, data.Clip(string(s)))
}
