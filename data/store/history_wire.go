package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"unknot/data"
)

// The stored history of schema 2 is compact, so that ten years of
// twice-daily sessions fit in the browser's storage: about 100 bytes a
// session, against 800 for the records written out in full as schema 1
// kept them. Strings that
// repeat are kept once, in lists that the records point into by index:
//
//	{"schema":2,
//	 "routines":[["morning","Morning routine"]],          [id, name]
//	 "exercises":[["bridge","Bridge"]],                   [id, name]
//	 "logs":[[0,5,5,5,5,18000]],                          [exercise, reps, repsDone, holds, holdsDone, holdMs]
//	 "zones":["Europe/London",""],
//	 "records":[["6f1c2a9e3b4d4e5f8a7b1c2d3e4f5a6b",0,1743233400000,484000,484000,0,0,1,[0],5,3,"note"]]}
//
// An exercise or routine is kept under its id and the name it had then, so
// a renamed one keeps its old name in old sessions. The fields of a record
// are, in order:
//
//	 0 id: the uuid's 32 hex digits, without dashes
//	 1 routine: index into routines
//	 2 start: Unix milliseconds, or RFC 3339 text when not a whole millisecond
//	 3 end: milliseconds after the start, or RFC 3339 text when not a whole number of them
//	 4 activeMs
//	 5 local: minutes from the start, cut to the minute, to the local date and
//	   time: the zone's UTC offset at the start
//	 6 zone: index into zones
//	 7 complete: 1 or 0
//	 8 exercises: indexes into logs
//	 9 painBefore: 0 to 10, or null
//	10 painAfter: 0 to 10, or null
//	11 note: text
//	12 stopped: why it stopped early, "hurt" (Record.Stopped)
//	13 edited: when the answers were last given or changed (Record.Edited),
//	   Unix milliseconds, or RFC 3339 text when not a whole millisecond
//
// Fields 9 to 13 are left off the end when they are null or "". Schema 3
// adds field 13 and the list of deletions (see history_wire3.go); schema 2
// is read by the same code, without them.

// The number of fields of a stored record: all of them, and those that are
// never left off.
const (
	wireFields   = 14
	wireRequired = 9
)

// wireKeys are the fields of a schema-3 history, wireKeys2 of schema 2.
var (
	wireKeys  = []string{"schema", "routines", "exercises", "logs", "zones", "records", "deleted"}
	wireKeys2 = wireKeys[:6]
)

// maxLocalOffset bounds the local field, in minutes: Validate allows a day
// either side of the UTC date, and anything beyond this is damage.
const maxLocalOffset = 7 * 24 * 60

// idName is an entry of the routines and exercises lists.
type idName struct{ id, name string }

// logKey is an entry of the logs list.
type logKey struct {
	exercise                         int
	reps, repsDone, holds, holdsDone int
	holdMS                           int64
}

// wireParts are the lists of a compact history, each as JSON.
type wireParts struct {
	routines, exercises, logs, zones, records, deleted []byte
}

// text is the stored form of p, as the current schema.
func (p wireParts) text() []byte {
	out := make([]byte, 0, len(p.routines)+len(p.exercises)+len(p.logs)+len(p.zones)+len(p.records)+len(p.deleted)+96)
	out = append(out, `{"schema":3,"routines":`...)
	out = append(out, p.routines...)
	out = append(out, `,"exercises":`...)
	out = append(out, p.exercises...)
	out = append(out, `,"logs":`...)
	out = append(out, p.logs...)
	out = append(out, `,"zones":`...)
	out = append(out, p.zones...)
	out = append(out, `,"records":`...)
	out = append(out, p.records...)
	out = append(out, `,"deleted":`...)
	if p.deleted == nil {
		return append(out, `[]}`...)
	}
	out = append(out, p.deleted...)
	return append(out, '}')
}

// envelope is p as the fields of a schema-2 history envelope, for
// migrations to it.
func (p wireParts) envelope() map[string]json.RawMessage {
	return map[string]json.RawMessage{
		"schema": json.RawMessage("2"), "routines": p.routines, "exercises": p.exercises,
		"logs": p.logs, "zones": p.zones, "records": p.records,
	}
}

// encodeWire writes records in the compact form. The lists are
// in the order their entries are first used, so the same records always
// give the same text. It fails only on a record that Validate refuses.
func encodeWire(records []data.Record) (wireParts, error) {
	var e wireEncoder
	e.routineIdx = map[idName]int{}
	e.exerciseIdx = map[idName]int{}
	e.logIdx = map[logKey]int{}
	e.zoneIdx = map[string]int{}
	buf := make([]byte, 0, 128*len(records)+2)
	buf = append(buf, '[')
	for i, r := range records {
		if i > 0 {
			buf = append(buf, ',')
		}
		var err error
		if buf, err = e.record(buf, r); err != nil {
			return wireParts{}, fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	buf = append(buf, ']')
	p := wireParts{records: buf}
	p.routines = appendIDNames(nil, e.routines)
	p.exercises = appendIDNames(nil, e.exercises)
	p.logs = append(p.logs, '[')
	for i, l := range e.logs {
		if i > 0 {
			p.logs = append(p.logs, ',')
		}
		p.logs = append(p.logs, '[')
		for j, n := range []int64{int64(l.exercise), int64(l.reps), int64(l.repsDone), int64(l.holds), int64(l.holdsDone), l.holdMS} {
			if j > 0 {
				p.logs = append(p.logs, ',')
			}
			p.logs = strconv.AppendInt(p.logs, n, 10)
		}
		p.logs = append(p.logs, ']')
	}
	p.logs = append(p.logs, ']')
	p.zones = append(p.zones, '[')
	for i, z := range e.zones {
		if i > 0 {
			p.zones = append(p.zones, ',')
		}
		p.zones = appendJSONString(p.zones, z)
	}
	p.zones = append(p.zones, ']')
	return p, nil
}

// wireEncoder gathers the lists while the records are written.
type wireEncoder struct {
	routines, exercises     []idName
	routineIdx, exerciseIdx map[idName]int
	logs                    []logKey
	logIdx                  map[logKey]int
	zones                   []string
	zoneIdx                 map[string]int
}

// index returns the index of k in list, adding it when new.
func index[K comparable](list *[]K, idx map[K]int, k K) int {
	i, ok := idx[k]
	if !ok {
		i = len(*list)
		idx[k] = i
		*list = append(*list, k)
	}
	return i
}

// record appends r as a stored record.
func (e *wireEncoder) record(b []byte, r data.Record) ([]byte, error) {
	hex, ok := uuidHex(r.ID)
	if !ok {
		return nil, fmt.Errorf("id %q is not a uuid", data.Clip(r.ID))
	}
	offset, err := localOffset(r)
	if err != nil {
		return nil, err
	}
	b = append(b, `["`...)
	b = append(b, hex[:]...)
	b = append(b, `",`...)
	b = strconv.AppendInt(b, int64(index(&e.routines, e.routineIdx, idName{r.Routine, r.RoutineName})), 10)
	b = append(b, ',')
	b = appendInstants(b, r.Start.UTC(), r.End)
	b = append(b, ',')
	b = strconv.AppendInt(b, r.ActiveMS, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, offset, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(index(&e.zones, e.zoneIdx, r.Zone)), 10)
	if r.Complete {
		b = append(b, ",1,["...)
	} else {
		b = append(b, ",0,["...)
	}
	for i, l := range r.Exercises {
		if i > 0 {
			b = append(b, ',')
		}
		k := logKey{
			exercise: index(&e.exercises, e.exerciseIdx, idName{l.Exercise, l.Name}),
			reps:     l.Reps, repsDone: l.RepsDone, holds: l.Holds, holdsDone: l.HoldsDone, holdMS: l.HoldMS,
		}
		b = strconv.AppendInt(b, int64(index(&e.logs, e.logIdx, k)), 10)
	}
	b = append(b, ']')
	return append(appendOptional(b, r), ']'), nil
}

// localOffset is the local field of r: the minutes from its start, cut to
// the minute, to its local date and time.
func localOffset(r data.Record) (int64, error) {
	// At these lengths the layouts read only the text they write, so the
	// local date and time come back as they were.
	local, err := time.Parse(data.DateLayout+" "+data.ClockLayout, r.LocalDate+" "+r.LocalTime)
	if err != nil || len(r.LocalDate) != len(data.DateLayout) || len(r.LocalTime) != len(data.ClockLayout) {
		return 0, fmt.Errorf("local date and time %q %q are not like 2025-04-24 07:30", data.Clip(r.LocalDate), data.Clip(r.LocalTime))
	}
	offset := local.Sub(r.Start.UTC().Truncate(time.Minute))
	if offset < -maxLocalOffset*time.Minute || offset > maxLocalOffset*time.Minute {
		return 0, fmt.Errorf("local date %s is more than a day from the start", r.LocalDate)
	}
	return int64(offset / time.Minute), nil
}

// appendInstants appends the start and end fields.
func appendInstants(b []byte, start, end time.Time) []byte {
	if start.Nanosecond()%int(time.Millisecond) == 0 {
		b = strconv.AppendInt(b, start.UnixMilli(), 10)
	} else {
		b = appendJSONString(b, start.Format(time.RFC3339Nano))
	}
	b = append(b, ',')
	// Sub saturates about 292 years on: Add tells.
	if d := end.Sub(start); d%time.Millisecond == 0 && start.Add(d).Equal(end) {
		return strconv.AppendInt(b, d.Milliseconds(), 10)
	}
	return appendJSONString(b, end.UTC().Format(time.RFC3339Nano))
}

// appendOptional appends the pain scores, the note, the reason it stopped
// and the edit time of r, leaving off those at the end that are null or "".
func appendOptional(b []byte, r data.Record) []byte {
	n := 0 // how many to write
	switch {
	case !r.Edited.IsZero():
		n = 5
	case r.Stopped != "":
		n = 4
	case r.Note != "":
		n = 3
	case r.PainAfter != nil:
		n = 2
	case r.PainBefore != nil:
		n = 1
	}
	for _, p := range []*int{r.PainBefore, r.PainAfter}[:min(n, 2)] {
		if p == nil {
			b = append(b, ",null"...)
		} else {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(*p), 10)
		}
	}
	if n >= 3 {
		b = append(b, ',')
		b = appendJSONString(b, r.Note)
	}
	if n >= 4 {
		b = append(b, ',')
		b = appendJSONString(b, r.Stopped)
	}
	if n == 5 {
		b = append(b, ',')
		b = appendInstant(b, r.Edited)
	}
	return b
}

// uuidHex returns the 32 hex digits of a uuid written as Validate wants it,
// 8-4-4-4-12 in lower case.
func uuidHex(id string) (out [32]byte, ok bool) {
	if len(id) != 36 {
		return out, false
	}
	n := 0
	for i := 0; i < len(id); i++ {
		c := id[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return out, false
			}
			continue
		}
		if !isLowerHex(c) {
			return out, false
		}
		out[n] = c
		n++
	}
	return out, true
}

// isLowerHex reports whether c is a hex digit in lower case.
func isLowerHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }

// appendIDNames appends list as a JSON list of [id, name] pairs.
func appendIDNames(b []byte, list []idName) []byte {
	b = append(b, '[')
	for i, e := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, e.id)
		b = append(b, ',')
		b = appendJSONString(b, e.name)
		b = append(b, ']')
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it (storage re-encodes the text with it, and must find nothing to
// change).
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(s) // a string always encodes
			return append(b, j...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// wireDecoder holds the lists of a schema-2 history while its records are
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
	keys, d := wireKeys, wireDecoder{fields: wireFields}
	if schema == 2 {
		keys, d.fields = wireKeys2, wireFields-1
	}
	if err := unknownField(env, keys...); err != nil {
		return nil, nil, err
	}
	for _, k := range keys[1:] {
		if _, ok := env[k]; !ok {
			return nil, nil, fmt.Errorf("it has no %s", k)
		}
	}
	if err := d.lists(env); err != nil {
		return nil, nil, err
	}
	records, err := d.records(env["records"])
	if err != nil || schema == 2 {
		return records, nil, err
	}
	deleted, err := readDeleted(env["deleted"], records)
	return records, deleted, err
}

// splitEnvelope splits the stored text of a history into its fields,
// without copying them, as encoding/json would into a map of raw messages.
// It is for the common case only: it reports false for a key that needs
// unescaping, a key given twice or text that is not one object, and the
// caller goes the slow way. The values are only skipped over here: whoever
// reads them checks them.
func splitEnvelope(raw []byte) (map[string]json.RawMessage, bool) {
	r := wireReader{b: raw}
	if r.peek() != '{' {
		return nil, false
	}
	r.i++
	env := make(map[string]json.RawMessage, len(wireKeys))
	for i := 0; ; i++ {
		c := r.peek()
		if c == '}' {
			r.i++
			break
		}
		if i > 0 {
			if c != ',' {
				return nil, false
			}
			r.i++
		}
		if r.peek() != '"' {
			return nil, false
		}
		k, plain, err := r.stringAt()
		if _, dup := env[string(k)]; err != nil || !plain || dup || r.peek() != ':' {
			return nil, false
		}
		r.i++
		r.peek()
		start := r.i
		if r.skip() != nil {
			return nil, false
		}
		env[string(k)] = raw[start:r.i]
	}
	return env, r.peek() == 0
}

// lists reads the lists the records point into. Lenient, a list that
// cannot be read is taken as empty, and the records that point into it are
// left out.
func (d *wireDecoder) lists(env map[string]json.RawMessage) error {
	// Every entry of a list is there for a record that points to it, so
	// the number of records bounds each list before it is allocated.
	n := max(countList(env["records"]), 0)
	var err error
	if err = fits(env["routines"], "routines", n); err == nil {
		d.routines, err = d.readIDNames(env["routines"], "routines")
	}
	if err != nil && !d.lenient {
		return err
	}
	if err = fits(env["exercises"], "exercises", n*data.MaxLogs); err == nil {
		d.exercises, err = d.readIDNames(env["exercises"], "exercises")
	}
	if err != nil && !d.lenient {
		return err
	}
	if err = fits(env["logs"], "logs", n*data.MaxLogs); err == nil {
		d.logs, err = d.readLogs(env["logs"])
	}
	if err != nil && !d.lenient {
		return err
	}
	if err = fits(env["zones"], "zones", n); err == nil {
		d.zones, err = readZones(env["zones"])
	}
	if err != nil && !d.lenient {
		return err
	}
	return nil
}

// fits checks that the list what holds no more entries than most, which
// its records could use.
func fits(raw []byte, what string, most int) error {
	if n := countList(raw); n > most {
		return fmt.Errorf("its %s list has %d entries, more than its records can use", what, n)
	}
	return nil
}

// readIDNames reads a list of [id, name] pairs, what names it.
func (d *wireDecoder) readIDNames(raw []byte, what string) ([]idName, error) {
	r := wireReader{b: raw}
	if err := r.open("its " + what + " are"); err != nil {
		return nil, err
	}
	out := make([]idName, 0, max(countList(raw), 0))
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			return nil, err
		}
		if !more {
			return out, r.end("its " + what)
		}
		var e idName
		err = r.tuple(2, 2, d.lenient, func(f int) (err error) {
			if f == 0 {
				if e.id, err = r.str("its id"); err == nil && e.id == "" {
					err = errors.New("its id is empty")
				}
			} else {
				e.name, err = r.str("its name")
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("its %s, entry %d: %w", what, i+1, err)
		}
		out = append(out, e)
	}
}

// readLogs reads the logs list, once the exercises are read.
func (d *wireDecoder) readLogs(raw []byte) ([]data.ExerciseLog, error) {
	names := [...]string{"exercise", "repetitions planned", "repetitions done", "holds planned", "holds done", "its hold"}
	r := wireReader{b: raw}
	if err := r.open("its logs are"); err != nil {
		return nil, err
	}
	out := make([]data.ExerciseLog, 0, max(countList(raw), 0))
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			return nil, err
		}
		if !more {
			return out, r.end("its logs")
		}
		var l data.ExerciseLog
		err = r.tuple(6, 6, d.lenient, func(f int) error {
			if f == 0 {
				ex, err := r.index(names[f], len(d.exercises), "exercises")
				if err == nil {
					l.Exercise, l.Name = d.exercises[ex].id, d.exercises[ex].name
				}
				return err
			}
			n, err := r.int(names[f])
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
		if err != nil {
			return nil, fmt.Errorf("its logs, entry %d: %w", i+1, err)
		}
		out = append(out, l)
	}
}

// readZones reads the list of zones.
func readZones(raw []byte) ([]string, error) {
	r := wireReader{b: raw}
	if err := r.open("its zones are"); err != nil {
		return nil, err
	}
	out := make([]string, 0, max(countList(raw), 0))
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			return nil, err
		}
		if !more {
			return out, r.end("its zones")
		}
		z, err := r.str("it")
		if err != nil {
			return nil, fmt.Errorf("its zones, entry %d: %w", i+1, err)
		}
		out = append(out, z)
	}
}

// records reads the list of records and validates each. In lenient mode a
// record that cannot be read or is not valid is left out, and a record
// written out in full, as in schema 1, is read as well.
func (d *wireDecoder) records(raw []byte) ([]data.Record, error) {
	r := wireReader{b: raw}
	if err := r.open("its records are"); err != nil {
		return nil, err
	}
	// Room for every record only once one has been read: a list of
	// damaged items fails at the first (or, lenient, skips them all).
	n := countItems(raw)
	out := make([]data.Record, 0, min(n, 1))
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			return nil, err
		}
		if !more {
			return out, r.end("its records")
		}
		if len(out) == 1 && cap(out) < n {
			out = slices.Grow(out, n-1)
		}
		start := r.i
		if d.lenient && r.skip() == nil && r.i-start < minRecordBytes {
			continue // too short to be a record: not worth an error
		}
		r.i = start
		out = append(out, data.Record{})
		rec := &out[len(out)-1]
		if d.lenient && r.peek() == '{' {
			if err = r.skip(); err == nil {
				err = json.Unmarshal(r.b[start:r.i], rec)
			}
		} else {
			err = d.record(&r, rec)
		}
		if err == nil {
			err = rec.Validate()
		}
		if err != nil {
			if !d.lenient {
				return nil, fmt.Errorf("record %d: %w", i+1, err)
			}
			out = out[:len(out)-1]
			r.i = start
			if err := r.skip(); err != nil {
				return nil, err
			}
		}
	}
}

// countItems counts the items of the JSON list raw, to size the slice
// they are read into. It allows at most one item for every 50 bytes (a
// record takes more), so that a long list of small damaged items cannot
// make it ask for much memory.
func countItems(raw []byte) int {
	n, depth, some := 0, 0, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '"':
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case ',':
			if depth == 1 {
				n++
			}
		}
		some = some || depth > 1 || depth == 1 && c != '['
	}
	if !some {
		return 0
	}
	return min(n+1, len(raw)/50+1)
}

// record reads one record into rec.
func (d *wireDecoder) record(r *wireReader, rec *data.Record) error {
	if err := r.open("it is"); err != nil {
		return err
	}
	n := 0
	for ; ; n++ {
		more, err := r.item(n)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		if n >= cmp.Or(d.fields, wireFields) {
			err = r.skip()
		} else {
			err = d.field(r, rec, n)
		}
		if err != nil {
			return err
		}
	}
	return checkFields(n, wireRequired, cmp.Or(d.fields, wireFields), d.lenient)
}

// field reads field f of a record into rec.
func (d *wireDecoder) field(r *wireReader, rec *data.Record, f int) error {
	var err error
	switch f {
	case 0:
		rec.ID, err = r.uuid("id")
	case 1:
		var i int
		if i, err = r.index("routine", len(d.routines), "routines"); err == nil {
			rec.Routine, rec.RoutineName = d.routines[i].id, d.routines[i].name
		}
	case 2:
		rec.Start, err = r.instant("start", time.Time{}, false)
	case 3:
		rec.End, err = r.instant("end", rec.Start, true)
	case 4:
		rec.ActiveMS, err = r.int("exercise time")
	case 5:
		var n int64
		if n, err = r.int("local time"); err == nil {
			if n < -maxLocalOffset || n > maxLocalOffset {
				return fmt.Errorf("local time is %d minutes from the start, at most %d", n, maxLocalOffset)
			}
			local := rec.Start.Truncate(time.Minute).Add(time.Duration(n) * time.Minute)
			rec.LocalDate, rec.LocalTime = local.Format(data.DateLayout), local.Format(data.ClockLayout)
		}
	case 6:
		var i int
		if i, err = r.index("zone", len(d.zones), "zones"); err == nil {
			rec.Zone = d.zones[i]
		}
	case 7:
		var n int64
		if n, err = r.int("complete"); err == nil && n != 0 && n != 1 {
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
		rec.Note, err = r.str("note")
	case 12:
		rec.Stopped, err = r.str("reason it stopped")
	case 13:
		rec.Edited, err = r.instant("edit time", time.Time{}, false)
	}
	return err
}

// exerciseLogs reads the list of a record's exercises, as indexes into the
// logs.
func (d *wireDecoder) exerciseLogs(r *wireReader) ([]data.ExerciseLog, error) {
	if err := r.open("its exercises are"); err != nil {
		return nil, err
	}
	d.idx = d.idx[:0]
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		n, err := r.index("log", len(d.logs), "logs")
		if err != nil {
			return nil, fmt.Errorf("exercise %d: %w", i+1, err)
		}
		d.idx = append(d.idx, n)
	}
	switch {
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
func (d *wireDecoder) pain(r *wireReader, what string) (*int, error) {
	if r.null() {
		return nil, nil
	}
	n, err := r.int(what)
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

// checkFields checks the number n of fields of a tuple read: least to
// most, or more when lenient.
func checkFields(n, least, most int, lenient bool) error {
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

// wireReader reads the JSON of a schema-2 history, faster than
// encoding/json and without its copies. It trusts nothing: it stops at
// anything it does not expect, never reads past the end, and what it
// accepts is JSON.
type wireReader struct {
	b []byte
	i int
}

// errSyntax is returned for text that is not the JSON expected; it cannot
// happen to text that encoding/json accepted.
var errSyntax = errors.New("it is not valid JSON")

// peek skips white space and returns the next byte, 0 at the end.
func (r *wireReader) peek() byte {
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

// end checks that nothing follows the value read.
func (r *wireReader) end(what string) error {
	if r.peek() != 0 {
		return fmt.Errorf("%s: %w", what, errSyntax)
	}
	return nil
}

// open reads the bracket that starts a list; subject names the list, with
// its verb ("its zones are").
func (r *wireReader) open(subject string) error {
	if r.peek() != '[' {
		return r.wrong(subject, "a list")
	}
	r.i++
	return nil
}

// item moves on to item i of the list being read: it reads the comma
// before every item but the first, and reports false at the closing
// bracket, which it reads.
func (r *wireReader) item(i int) (bool, error) {
	c := r.peek()
	switch {
	case c == ']':
		r.i++
		return false, nil
	case i == 0:
		return true, nil
	case c == ',':
		r.i++
		return true, nil
	}
	return false, errSyntax
}

// tuple reads a list of least to most values, calling field for each with
// its index. Lenient, it skips values after most; otherwise they are an
// error that says how many there are.
func (r *wireReader) tuple(least, most int, lenient bool, field func(f int) error) error {
	if err := r.open("it is"); err != nil {
		return err
	}
	n := 0
	for ; ; n++ {
		more, err := r.item(n)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		if n >= most {
			err = r.skip()
		} else {
			err = field(n)
		}
		if err != nil {
			return err
		}
	}
	return checkFields(n, least, most, lenient)
}

// skip reads over one value of any kind.
func (r *wireReader) skip() error {
	depth := 0
	for {
		switch c := r.peek(); c {
		case 0:
			return errSyntax
		case '[', '{':
			depth++
			r.i++
		case ']', '}':
			if depth == 0 {
				return errSyntax
			}
			depth--
			r.i++
		case '"':
			if _, _, err := r.stringAt(); err != nil {
				return err
			}
		case ',', ':':
			if depth == 0 {
				return errSyntax
			}
			r.i++
		default:
			for r.i < len(r.b) && !isDelim(r.b[r.i]) {
				r.i++
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// isDelim reports whether c ends a number or a literal.
func isDelim(c byte) bool {
	switch c {
	case ',', ']', '}', ':', ' ', '\t', '\n', '\r', '"', '[', '{':
		return true
	}
	return false
}

// wrong says that the next value is not of the kind wanted; subject names
// it, with its verb ("start is").
func (r *wireReader) wrong(subject, want string) error {
	var got string
	switch c := r.peek(); {
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
		return errSyntax
	}
	return fmt.Errorf("%s %s, must be %s", subject, got, want)
}

// null reads a null, and reports whether there was one.
func (r *wireReader) null() bool {
	if r.peek() == 'n' && len(r.b)-r.i >= 4 && string(r.b[r.i:r.i+4]) == "null" {
		r.i += 4
		return true
	}
	return false
}

// int reads a whole number.
func (r *wireReader) int(what string) (int64, error) {
	c := r.peek()
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
		return 0, r.wrong(what+" is", "a whole number")
	}
	if first := start + btoi(neg); digits > 1 && r.b[first] == '0' { // JSON has no leading zeros
		return 0, errSyntax
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

// index reads an index into a list of n entries, called list.
func (r *wireReader) index(what string, n int, list string) (int, error) {
	i, err := r.int(what)
	if err != nil {
		return 0, err
	}
	if i < 0 || i >= int64(n) {
		return 0, fmt.Errorf("%s %d is not one of its %d %s", what, i, n, list)
	}
	return int(i), nil
}

// instant reads an instant: Unix milliseconds, or milliseconds after from
// when relative, or RFC 3339 text.
func (r *wireReader) instant(what string, from time.Time, relative bool) (time.Time, error) {
	if r.peek() == '"' {
		s, err := r.str(what)
		if err != nil {
			return time.Time{}, err
		}
		return parseInstant(what, s)
	}
	n, err := r.int(what)
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

// str reads a string.
func (r *wireReader) str(what string) (string, error) {
	if r.peek() != '"' {
		return "", r.wrong(what+" is", "text")
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
		return "", fmt.Errorf("%s: %w", what, errSyntax)
	}
	return out, nil
}

// uuid reads the 32 hex digits of a uuid, in lower case, and returns the
// uuid as Validate wants it.
func (r *wireReader) uuid(what string) (string, error) {
	if r.peek() != '"' {
		return "", r.wrong(what+" is", "text")
	}
	s, _, err := r.stringAt()
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

// stringAt reads the string that starts at r.i and returns the bytes
// between its quotes. They are the string itself when plain: no escapes,
// no control characters, valid UTF-8.
func (r *wireReader) stringAt() (s []byte, plain bool, err error) {
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
			i++
		case c < 0x20:
			plain = false
		case c >= 0x80:
			ascii = false
		}
	}
	return nil, false, errSyntax
}
