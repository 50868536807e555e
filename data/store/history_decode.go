package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// loaded is the stored history as read, before anything is copied.
type loaded struct {
	records []data.Record
	deleted []Tombstone
	status  Status
	raw     string
	hasRaw  bool
	schema  int
	reason  string // why it is corrupt
	// dupes is set when records with the same id differ: the stored text
	// is copied aside before anything is written over it.
	dupes bool
}

// readHistory reads the stored history without writing anything.
func readHistory(st Storage) loaded {
	raw, ok, err := getRaw(st, HistoryKey)
	if err != nil {
		return loaded{status: StatusCorrupt, reason: describeJSONError(err)}
	}
	if !ok {
		return loaded{status: StatusEmpty, deleted: withLegacyDeleted(st, nil, nil)}
	}
	l := decodeHistory([]byte(raw))
	l.raw, l.hasRaw = raw, true
	if l.status == StatusOK {
		l.deleted = withLegacyDeleted(st, l.records, l.deleted)
	}
	return l
}

// getRaw returns the text stored under k. Without RawStorage it goes
// through Get, which fails on text that is not JSON.
func getRaw(st Storage, k string) (string, bool, error) {
	if rs, ok := st.(RawStorage); ok {
		s, ok := rs.GetRaw(k)
		return s, ok, nil
	}
	var m json.RawMessage
	if err := st.Get(k, &m); err != nil {
		return "", false, err
	}
	return string(m), m != nil, nil
}

// decodeHistory reads a stored history of any known schema.
func decodeHistory(raw []byte) loaded {
	// A compact history, as this version writes it or schema 2, is read
	// straight from the text, without encoding/json going over it all
	// first, which took a quarter of the time. It is taken only when it is
	// fine: anything else goes the slow way, which says what is wrong.
	// decodeWire reads every field strictly, so both ways agree.
	env, err := jsonwire.Object(raw, maxEnvelopeFields)
	if schema := compactSchemaOf(env["schema"]); err == nil && schema > 0 {
		records, deleted, err := decodeWire(env, schema)
		if err == nil {
			return okHistory(schema, records, deleted)
		}
		// Read once is enough when the text is JSON: the slow way would
		// find the same.
		if checkJSON(raw) == nil {
			return loaded{status: StatusCorrupt, reason: err.Error()}
		}
	}
	return decodeHistoryJSON(raw)
}

// compactSchemaOf is the schema raw names, written as this code writes it,
// when it is one decodeWire reads; 0 otherwise.
func compactSchemaOf(raw []byte) int {
	for s := compactSchema; s <= HistorySchema; s++ {
		if string(raw) == strconv.Itoa(s) {
			return s
		}
	}
	return 0
}

// decodeHistoryJSON reads a stored history of any known schema, going
// through encoding/json first.
func decodeHistoryJSON(raw []byte) loaded {
	corrupt := func(format string, a ...any) loaded {
		return loaded{status: StatusCorrupt, reason: fmt.Sprintf(format, a...)}
	}
	if err := checkJSON(raw); err != nil {
		return corrupt("%v", err)
	}
	// Split, not decoded: the fields stay slices of raw.
	env, err := jsonwire.Object(raw, maxEnvelopeFields)
	if err != nil {
		return corrupt("%v", err)
	}
	var schema int
	s, ok := env["schema"]
	if !ok {
		return corrupt("it has no schema number")
	}
	if err := json.Unmarshal(s, &schema); err != nil {
		return corrupt("its schema %s is not a whole number", data.Clip(string(s)))
	}
	if schema > HistorySchema {
		return loaded{status: StatusNewer, schema: schema, records: readNewer(env)}
	}
	for from := schema; from < compactSchema; from++ {
		m, ok := historyMigrations[from]
		if !ok {
			return corrupt("its schema %d is not one Unknot knows", from)
		}
		next, err := m(env)
		if err != nil {
			return corrupt("it could not be upgraded from schema %d: %v", from, err)
		}
		env = next
	}
	records, deleted, err := decodeWire(env, max(schema, compactSchema))
	if err != nil {
		return corrupt("%v", err)
	}
	return okHistory(schema, records, deleted)
}

// okHistory is a history read: its records by id, and whether different
// records had the same id.
func okHistory(schema int, records []data.Record, deleted []Tombstone) loaded {
	out := unionByID(records, nil)
	return loaded{status: StatusOK, schema: schema, records: out, deleted: deleted, dupes: len(out) < len(records) && differ(records)}
}

// differ reports whether two of records have the same id and differ.
func differ(records []data.Record) bool {
	first := make(map[string]int, len(records))
	for i, r := range records {
		j, seen := first[r.ID]
		if !seen {
			first[r.ID] = i
			continue
		}
		if !reflect.DeepEqual(records[j], r) {
			return true
		}
	}
	return false
}

// maxEnvelopeFields bounds the fields of a stored history's envelope: this
// version writes six, and a newer one is read only as far as it can be.
const maxEnvelopeFields = 64

// minRecordBytes is less than any valid record takes in stored text,
// written out in full or compact: a list item shorter than this cannot be
// one, so it is refused, or skipped, without being read.
const minRecordBytes = 48

// decodeRecords decodes and validates a JSON list of records written out
// in full, as schema 1 kept them. It decodes the list in one pass, and only
// when that fails goes record by record to say which one is wrong and why.
func decodeRecords(raw json.RawMessage) ([]data.Record, error) {
	if string(raw) == "null" {
		return nil, nil
	}
	n := jsonwire.Count(raw)
	if n < 0 {
		return nil, errors.New("its records are not a list")
	}
	// The one pass allocates for every item before any is checked: only
	// for a list whose items could all be records.
	if n*minRecordBytes <= len(raw) {
		var wires []recordWire
		if decodeStrict(raw, &wires) == nil {
			records := make([]data.Record, len(wires))
			ok := true
			for i, w := range wires {
				r, err := w.record()
				if err != nil {
					ok = false
					break
				}
				records[i] = r
			}
			if ok {
				return records, nil
			}
		}
	}
	var records []data.Record
	err := jsonwire.Items(raw, "its records are", func(i int, item []byte) error {
		r, err := decodeRecord(item)
		if err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
		records = append(records, r)
		return nil
	})
	return records, err
}

// readNewer reads, as far as it can, the records of a history of a newer
// schema, whether they are written out in full or compact like schema 2's:
// fields it does not know are ignored, records it cannot read or that are
// not valid left out. It is for showing only.
func readNewer(env map[string]json.RawMessage) []data.Record {
	d := wireDecoder{lenient: true, fields: wireFields}
	n := jsonwire.Count(env["records"])
	d.lists(env, n)
	out, _ := d.records(env["records"], n)
	return unionByID(out, nil)
}

// recordWire is a Record as decoded: instants are read as text, so that a
// bad one is reported by name.
type recordWire struct {
	recordFields
	Start  string `json:"start"`
	End    string `json:"end"`
	Edited string `json:"edited"`
}

// recordFields is Record without its methods, for embedding in recordWire.
type recordFields data.Record

// decodeRecord decodes one record strictly and validates it.
func decodeRecord(raw []byte) (data.Record, error) {
	var w recordWire
	if err := decodeStrict(raw, &w); err != nil {
		return data.Record{}, errors.New(describeJSONError(err))
	}
	return w.record()
}

// record turns w into a valid Record.
func (w recordWire) record() (data.Record, error) {
	r := data.Record(w.recordFields)
	var err error
	if r.Start, err = parseInstant("start", w.Start); err != nil {
		return data.Record{}, err
	}
	if r.End, err = parseInstant("end", w.End); err != nil {
		return data.Record{}, err
	}
	if w.Edited != "" {
		if r.Edited, err = parseInstant("edit time", w.Edited); err != nil {
			return data.Record{}, err
		}
	}
	if err := r.Validate(); err != nil {
		return data.Record{}, err
	}
	return r, nil
}

// unionByID returns base with add merged in by id, add winning, sorted by
// Start then ID. Within each slice a later record wins over an earlier one
// with the same id.
func unionByID(base, add []data.Record) []data.Record {
	byID := make(map[string]int, len(base)+len(add))
	out := make([]data.Record, 0, len(base)+len(add))
	for _, list := range [][]data.Record{base, add} {
		for _, r := range list {
			if i, ok := byID[r.ID]; ok {
				out[i] = r
				continue
			}
			byID[r.ID] = len(out)
			out = append(out, r)
		}
	}
	return data.InOrder(out)
}
