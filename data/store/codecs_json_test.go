package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// decodeWireJSON reads a compact history as decodeWire does, but with
// encoding/json: each list is decoded by one call, and a record through
// its own UnmarshalJSON, which decodes its positional array in one call
// into its fields. It words its errors as decodeWire does but for one (a
// number too large is "the number …, must be a whole number"). It is one
// of the decoders weighed in docs/performance.md; commit 35d0107 built the
// app with it (go build -tags unknot_codecjson) to weigh app.wasm.
func decodeWireJSON(env map[string]json.RawMessage, schema int) ([]data.Record, []Tombstone, error) {
	fields, err := checkEnvelope(env, schema)
	if err != nil {
		return nil, nil, err
	}
	var l wireLists
	if err := l.readJSON(env); err != nil {
		return nil, nil, err
	}
	var wires []jsonRecord
	if err := json.Unmarshal(env["records"], &wires); err != nil {
		return nil, nil, recordError(env["records"], err)
	}
	records := make([]data.Record, len(wires))
	for i := range wires {
		if err := l.record(&wires[i].wireRecord, fields, &records[i]); err != nil {
			return nil, nil, fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	if schema == 2 {
		return records, nil, nil
	}
	deleted, err := readDeleted(env["deleted"], records)
	return records, deleted, err
}

// readJSON reads the lists of env with encoding/json.
func (l *wireLists) readJSON(env map[string]json.RawMessage) error {
	n := max(jsonwire.Count(env["records"]), 0)
	var logs []jsonLog
	var zone string
	for _, list := range []struct {
		what string
		most int
		v    any
		one  json.Unmarshaler // an entry, to say which is wrong
	}{
		{"routines", n, &l.routines, new(jsonIDName)},
		{"exercises", n * data.MaxLogs, &l.exercises, new(jsonIDName)},
		{"logs", n * data.MaxLogs, &logs, new(jsonLog)},
		{"zones", n, &l.zones, jsonZone{&zone}},
	} {
		raw := env[list.what]
		err := fits(raw, list.what, list.most)
		if err == nil && json.Unmarshal(raw, list.v) != nil {
			err = jsonwire.Items(raw, "its "+list.what+" are", func(i int, item []byte) error {
				if err := list.one.UnmarshalJSON(item); err != nil {
					return fmt.Errorf("its %s, entry %d: %w", list.what, i+1, err)
				}
				return nil
			})
			err = cmp.Or(err, jsonwire.ErrSyntax)
		}
		if err != nil {
			return err
		}
	}
	l.logs = make([]data.ExerciseLog, 0, len(logs))
	for i, g := range logs {
		if g[0] < 0 || g[0] >= int64(len(l.exercises)) {
			return fmt.Errorf("its logs, entry %d: exercise %d is not one of its %d exercises", i+1, g[0], len(l.exercises))
		}
		e := l.exercises[g[0]]
		l.logs = append(l.logs, data.ExerciseLog{Exercise: e.id, Name: e.name, Reps: int(g[1]), RepsDone: int(g[2]), Holds: int(g[3]), HoldsDone: int(g[4]), HoldMS: g[5]})
	}
	return nil
}

// jsonZone is an entry of the zones list, to say what is wrong with it.
type jsonZone struct{ z *string }

// UnmarshalJSON decodes a zone.
func (z jsonZone) UnmarshalJSON(b []byte) error {
	_, err := decodeTuple(b, nil, 1, 1, 0, func() []any { return []any{z.z} })
	return err
}

// recordError says which record of the list raw encoding/json failed on,
// and why, for its error err.
func recordError(raw []byte, err error) error {
	found := jsonwire.Items(raw, "its records are", func(i int, item []byte) error {
		var w jsonRecord
		if err := w.UnmarshalJSON(item); err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
		return nil
	})
	if found != nil {
		return found
	}
	return errors.New(describeJSONError(err))
}

// jsonIDName is an entry of the routines or exercises lists as
// encoding/json decodes it: an [id, name] pair.
type jsonIDName idName

// UnmarshalJSON decodes an [id, name] pair.
func (e *jsonIDName) UnmarshalJSON(b []byte) error {
	if _, err := decodeTuple(b, []string{"its id", "its name"}, 2, 2, 0, func() []any { return []any{&e.id, &e.name} }); err != nil {
		return err
	}
	if e.id == "" {
		return errors.New("its id is empty")
	}
	return nil
}

// jsonLog is an entry of the logs list: [exercise, reps, repsDone, holds,
// holdsDone, holdMs].
type jsonLog [6]int64

// UnmarshalJSON decodes the six numbers of a log.
func (g *jsonLog) UnmarshalJSON(b []byte) error {
	_, err := decodeTuple(b, logFields[:], len(g), len(g), 0, func() []any { return []any{&g[0], &g[1], &g[2], &g[3], &g[4], &g[5]} })
	return err
}

// decodeTuple decodes the list b, of least to most values (most < 0: any
// number), into the values dst gives in one call, and returns how many
// values it had; nullable has bit i set when value i may be null. When it
// fails, it reads each value on its own to say which one is wrong, as the
// hand-written decoder does: names name them ("start"), nil for a single
// value (a zone) that is not in a list.
func decodeTuple(b []byte, names []string, least, most int, nullable uint64, dst func() []any) (int, error) {
	fields := dst()
	var target any = &fields
	if names == nil {
		target = fields[0]
	}
	err := json.Unmarshal(b, target)
	for i, f := range fields {
		// encoding/json sets an element to nil for a null.
		if f == nil && nullable&(1<<i) == 0 {
			err = cmp.Or(err, errors.New("null"))
		}
	}
	if most < 0 {
		most = len(fields)
	}
	if err == nil {
		return len(fields), jsonwire.CheckFields(len(fields), least, most, false)
	}
	r := jsonwire.NewReader(b)
	fields = dst()
	if names == nil {
		return 0, r.Wrong("it is", wants(fields[0]))
	}
	n, err := r.List("it is", func(f int) error {
		start := r.Pos()
		if err := r.Skip(); err != nil || f >= len(fields) {
			return err
		}
		if v := r.Since(start); (nullable&(1<<f) != 0 || !bytes.HasSuffix(v, []byte("null"))) && json.Unmarshal(v, fields[f]) == nil {
			return nil
		}
		r.Seek(start)
		return r.Wrong(names[f]+" is", wants(fields[f]))
	})
	if err != nil {
		return 0, err
	}
	if most < 0 {
		most = n
	}
	return n, jsonwire.CheckFields(n, least, most, false)
}

// wants says what a value decoded into v must be.
func wants(v any) string {
	switch v.(type) {
	case *string:
		return "text"
	case *[]int64:
		return "a list"
	}
	return "a whole number"
}

// wireLists are the lists of a compact history, read, that its records
// point into, and the memory the records' exercises are cut from.
type wireLists struct {
	routines, exercises []jsonIDName
	logs                []data.ExerciseLog
	zones               []string
	logSlab             []data.ExerciseLog
	painSlab            []int
}

// wireRecord is a stored record with every field read, before the indexes
// are looked up.
type wireRecord struct {
	n                         int // the number of fields
	id                        string
	routine, zone             int64
	start, end, edited        wireInstant
	activeMS, local, complete int64
	logs                      []int64
	painBefore, painAfter     wirePain
	note, stopped             string
}

// wireInstant is an instant as stored: Unix milliseconds (or milliseconds
// after the start), or RFC 3339 text when text is set.
type wireInstant struct {
	ms     int64
	text   string
	isText bool
}

// UnmarshalJSON reads a number of milliseconds or a text.
func (t *wireInstant) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		t.isText = true
		return json.Unmarshal(b, &t.text)
	}
	var err error
	t.ms, err = wireInt(b)
	return err
}

// jsonRecord is a record as encoding/json decodes it, from its positional
// array.
type jsonRecord struct{ wireRecord }

// UnmarshalJSON decodes a record's fields in one call.
func (r *jsonRecord) UnmarshalJSON(b []byte) error {
	w := &r.wireRecord
	var err error
	// The number of fields is checked with the schema's (wireLists.record).
	w.n, err = decodeTuple(b, wireFieldNames[:], 0, -1, 1<<9|1<<10, func() []any {
		return []any{&w.id, &w.routine, &w.start, &w.end, &w.activeMS, &w.local, &w.zone, &w.complete, &w.logs,
			&w.painBefore, &w.painAfter, &w.note, &w.stopped, &w.edited}
	})
	return err
}

// wireFieldNames name the fields of a stored record, in order.
var wireFieldNames = [wireFields]string{"id", "routine", "start", "end", "exercise time", "local time", "zone", "complete",
	"its exercises", "pain before", "pain after", "note", "reason it stopped", "edit time"}

// record looks up the indexes of w and checks it, most fields at most,
// into rec.
func (l *wireLists) record(w *wireRecord, most int, rec *data.Record) error {
	if err := jsonwire.CheckFields(w.n, wireRequired, most, false); err != nil {
		return err
	}
	if len(w.id) != 32 {
		return notUUID("id", []byte(w.id))
	}
	var id [36]byte
	for i, j := 0, 0; i < len(id); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			id[i] = '-'
			continue
		}
		if !isLowerHex(w.id[j]) {
			return notUUID("id", []byte(w.id))
		}
		id[i] = w.id[j]
		j++
	}
	rec.ID = string(id[:])
	if w.routine < 0 || w.routine >= int64(len(l.routines)) {
		return fmt.Errorf("routine %d is not one of its %d routines", w.routine, len(l.routines))
	}
	rec.Routine, rec.RoutineName = l.routines[w.routine].id, l.routines[w.routine].name
	var err error
	if rec.Start, err = w.start.at("start", time.Time{}, false); err != nil {
		return err
	}
	if rec.End, err = w.end.at("end", rec.Start, true); err != nil {
		return err
	}
	rec.ActiveMS = w.activeMS
	if w.local < -maxLocalOffset || w.local > maxLocalOffset {
		return fmt.Errorf("local time is %d minutes from the start, at most %d", w.local, maxLocalOffset)
	}
	local := rec.Start.Truncate(time.Minute).Add(time.Duration(w.local) * time.Minute)
	rec.LocalDate, rec.LocalTime = local.Format(data.DateLayout), local.Format(data.ClockLayout)
	if w.zone < 0 || w.zone >= int64(len(l.zones)) {
		return fmt.Errorf("zone %d is not one of its %d zones", w.zone, len(l.zones))
	}
	rec.Zone = l.zones[w.zone]
	if w.complete != 0 && w.complete != 1 {
		return fmt.Errorf("complete is %d, must be 1 or 0", w.complete)
	}
	rec.Complete = w.complete == 1
	if len(w.logs) > data.MaxLogs {
		return fmt.Errorf("it lists %d exercises, at most %d", len(w.logs), data.MaxLogs)
	}
	if len(w.logs) > 0 {
		if len(l.logSlab)+len(w.logs) > cap(l.logSlab) {
			l.logSlab = make([]data.ExerciseLog, 0, 1024)
		}
		start := len(l.logSlab)
		for i, n := range w.logs {
			if n < 0 || n >= int64(len(l.logs)) {
				return fmt.Errorf("exercise %d: log %d is not one of its %d logs", i+1, n, len(l.logs))
			}
			l.logSlab = append(l.logSlab, l.logs[n])
		}
		rec.Exercises = l.logSlab[start:len(l.logSlab):len(l.logSlab)]
	}
	if rec.PainBefore, err = l.pain("pain before", w.painBefore); err != nil {
		return err
	}
	if rec.PainAfter, err = l.pain("pain after", w.painAfter); err != nil {
		return err
	}
	rec.Note, rec.Stopped = w.note, w.stopped
	if w.n > 13 {
		if rec.Edited, err = w.edited.at("edit time", time.Time{}, false); err != nil {
			return err
		}
	}
	return rec.Validate()
}

// pain checks a pain score, and returns it cut from a shared block of
// memory; nil when it was null.
func (l *wireLists) pain(what string, p wirePain) (*int, error) {
	if !p.set {
		return nil, nil
	}
	if p.v < 0 || p.v > data.MaxPain {
		return nil, fmt.Errorf("%s is %d, must be 0 to %d", what, p.v, data.MaxPain)
	}
	if len(l.painSlab) == cap(l.painSlab) {
		l.painSlab = make([]int, 0, 1024)
	}
	l.painSlab = append(l.painSlab, int(p.v))
	return &l.painSlab[len(l.painSlab)-1], nil
}

// wirePain is a pain score as stored: a number, or null.
type wirePain struct {
	v   int64
	set bool
}

// UnmarshalJSON reads a number or null.
func (p *wirePain) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	p.set = true
	var err error
	p.v, err = wireInt(b)
	return err
}

// wireInt reads a whole number as encoding/json's decoder does, saying
// what it found when it is not one.
func wireInt(b []byte) (int64, error) {
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, &json.UnmarshalTypeError{Value: "number " + string(b), Type: reflect.TypeFor[int64]()}
	}
	return n, nil
}

// at is the instant t, from the start when relative; what names it.
func (t wireInstant) at(what string, from time.Time, relative bool) (time.Time, error) {
	switch {
	case t.isText:
		return parseInstant(what, t.text)
	case !relative:
		return time.UnixMilli(t.ms).UTC(), nil
	}
	// A time.Duration holds 292 years.
	const most = (1<<63 - 1) / int64(time.Millisecond)
	if t.ms < -most || t.ms > most {
		return time.Time{}, fmt.Errorf("%s is %d ms after the start, too far", what, t.ms)
	}
	return from.Add(time.Duration(t.ms) * time.Millisecond), nil
}
