package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

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
// is read by the same code, without them. This file writes the format;
// history_wire_decode.go reads it, with the JSON reader of
// internal/jsonwire.

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
