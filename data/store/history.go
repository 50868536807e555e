package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"unknot/data"
)

// HistoryKey is the storage key of the history.
const HistoryKey = "unknot.history"

// HistorySchema is the version of the stored history's shape that this code
// writes. Every change to the shape of Record raises it and adds a migration
// to historyMigrations, or a way to read the old shape, and a sample of it
// to testdata/. Schema 1 wrote every record out in full; schema 2 is compact
// (see history_wire.go); schema 3 adds the edit time of the answers and the
// sessions deleted (history_wire3.go), and decodeWire reads 2 as well.
const HistorySchema = 3

// compactSchema is the first compact schema: migrations lead to it, and
// decodeWire reads it and every later one.
const compactSchema = 2

// CorruptPrefix starts the keys that damaged history is copied to; the
// rest of the key is the copy's time in Unix milliseconds.
const CorruptPrefix = HistoryKey + ".corrupt."

// NewerPrefix starts the keys that history saved by a newer version is
// copied to when the person chooses to start afresh; the rest of the key is
// the copy's time in Unix milliseconds.
const NewerPrefix = HistoryKey + ".newer."

// The errors that history operations wrap, to test for with errors.Is. The
// messages of the errors returned say the same for people.
var (
	// ErrCorrupt: the stored history could not be read. It is kept as it
	// is, and nothing is written over it until the person chooses.
	ErrCorrupt = errors.New("the saved history is damaged")
	// ErrNewer: the stored history was saved by a newer version of
	// Unknot. It is shown read-only and never written.
	ErrNewer = errors.New("the saved history is from a newer version of Unknot")
	// ErrStorageFull: the device's storage is full. What was being saved
	// is not, and the caller keeps it to save later.
	ErrStorageFull = errors.New("storage is full")
	// ErrInvalidRecord: a record given to save or import is not valid, so
	// trying again will not help.
	ErrInvalidRecord = errors.New("the session is not valid")
)

// Status says in what state the stored history was found.
type Status int

// The states of the stored history.
const (
	// StatusOK: read and valid.
	StatusOK Status = iota
	// StatusEmpty: nothing stored yet.
	StatusEmpty
	// StatusCorrupt: it could not be read or is not valid. The raw text
	// was copied aside and the history is read-only until the person
	// chooses (StartAfresh, after an import or not).
	StatusCorrupt
	// StatusNewer: saved by a newer version of Unknot. It is shown as far
	// as this version can read it and nothing is ever written over it.
	StatusNewer
)

// String names s.
func (s Status) String() string {
	switch s {
	case StatusOK:
		return "ok"
	case StatusEmpty:
		return "empty"
	case StatusCorrupt:
		return "corrupt"
	case StatusNewer:
		return "newer"
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// Writable reports whether a history in state s may be written.
func (s Status) Writable() bool { return s == StatusOK || s == StatusEmpty }

// History is the person's sessions as loaded from storage.
type History struct {
	// Records are sorted by Start, then ID.
	Records []data.Record
	// CopyKey is the key the stored text was copied to when it was
	// damaged; "" when nothing was copied.
	CopyKey string
	// DuplicatesKey is the key the stored text was copied to because
	// different sessions in it had the same id; "" when none had.
	DuplicatesKey string
	// Deleted are the sessions deleted lately, oldest first, for backups
	// to carry (NewBackupFrom).
	Deleted []Tombstone
}

// migration turns the fields of a history envelope of one schema into the
// next. It must be a pure function of its input.
type migration func(env map[string]json.RawMessage) (map[string]json.RawMessage, error)

// historyMigrations[n] turns a schema-n history into schema n+1. LoadHistory
// runs them in turn up to compactSchema, which decodeWire reads as it reads
// every later one; the result is written back, as HistorySchema, by the
// next save.
var historyMigrations = map[int]migration{1: migrate1}

// migrate1 turns a schema-1 history, its records written out in full, into
// the compact schema 2. Every record is read strictly and validated on the
// way, so damage is reported by record.
func migrate1(env map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	if err := unknownField(env, "schema", "records"); err != nil {
		return nil, err
	}
	raw, ok := env["records"]
	if !ok {
		return nil, errors.New("it has no records")
	}
	records, err := decodeRecords(raw)
	if err != nil {
		return nil, err
	}
	p, err := encodeWire(records)
	if err != nil {
		return nil, err
	}
	return p.envelope(), nil
}

// unknownField names the first field of env, in sorted order so that the
// message is always the same, that is not one of known; nil when there is
// none.
func unknownField(env map[string]json.RawMessage, known ...string) error {
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if !slices.Contains(known, k) {
			return fmt.Errorf("it has an unknown field %q", data.Clip(k))
		}
	}
	return nil
}

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

// LoadHistory reads the history from st. When it is damaged, its exact text
// is first copied to a key starting CorruptPrefix (once: an identical copy
// is reused), so nothing can be lost; now names the copy. The error is nil
// for StatusOK and StatusEmpty and says what happened otherwise; it wraps
// ErrCorrupt or ErrNewer. Copying needs st to be a RawStorage.
func LoadHistory(st Storage, now time.Time) (History, Status, error) {
	l := readHistory(st)
	switch l.status {
	case StatusNewer:
		return History{Records: l.records}, l.status, newerError(l.schema, "It is shown read-only and nothing will be saved over it: update Unknot to carry on.")
	case StatusCorrupt:
		key, err := copyAside(st, l, HistoryKey, CorruptPrefix, now)
		if err != nil {
			return History{}, l.status, &storeError{kind: ErrCorrupt, cause: err, msg: fmt.Sprintf(
				"Your saved history could not be read: %s. It could not be copied aside (%v), so nothing will be saved over it until you choose what to do.", l.reason, err)}
		}
		return History{CopyKey: key}, l.status, &storeError{kind: ErrCorrupt, msg: fmt.Sprintf(
			"Your saved history could not be read: %s. A copy of it is kept under %q, and nothing will be saved over it until you choose what to do.", l.reason, key)}
	}
	key, err := keepDuplicates(st, l)
	return History{Records: l.records, DuplicatesKey: key, Deleted: l.deleted}, l.status, err
}

// StartAfresh is the person's choice to set aside a damaged history, or one
// from a newer version, and start an empty one. The stored text is copied
// aside first (to a key starting CorruptPrefix or NewerPrefix, reusing an
// identical copy); when that is not possible nothing is written. On a
// history that is fine it changes nothing. It returns the key of the copy.
func StartAfresh(st Storage, now time.Time) (string, error) {
	l := readHistory(st)
	if l.status.Writable() {
		return "", nil
	}
	prefix := CorruptPrefix
	if l.status == StatusNewer {
		prefix = NewerPrefix
	}
	key, err := copyAside(st, l, HistoryKey, prefix, now)
	if err != nil {
		return "", fmt.Errorf("your saved history could not be copied aside (%v), so it was left as it is", err)
	}
	if _, err := writeState(st, state{}); err != nil {
		return key, err
	}
	return key, nil
}

// refuse returns the error that stops a write to a history in state l.
func refuse(l loaded, what string) error {
	switch l.status {
	case StatusCorrupt:
		return &storeError{kind: ErrCorrupt, msg: fmt.Sprintf(
			"Your saved history could not be read (%s), so it is kept as it is until you choose what to do: %s", l.reason, what)}
	case StatusNewer:
		return newerError(l.schema, "This version will not write over it: "+what)
	}
	return nil
}

// newerError says that the history has a newer schema.
func newerError(schema int, then string) error {
	return &storeError{kind: ErrNewer, msg: fmt.Sprintf(
		"Your history was saved by a newer version of Unknot (schema %d; this version reads up to %d). %s", schema, HistorySchema, then)}
}

// writeState stores s as the current schema, and returns the text
// written.
func writeState(st Storage, s state) (string, error) {
	p, err := encodeWire(s.records)
	if err != nil {
		return "", &storeError{kind: ErrInvalidRecord, cause: err, msg: fmt.Sprintf("This could not be saved because a session is not valid (%v).", err)}
	}
	p.deleted = appendDeleted(nil, s.deleted)
	text := p.text()
	if err := setText(st, HistoryKey, text); err != nil {
		if IsQuota(err) {
			return "", &storeError{kind: ErrStorageFull, cause: err, msg: "Storage on this device is full, so this was not saved. It is kept in memory; exporting a backup still works."}
		}
		return "", &storeError{cause: err, msg: fmt.Sprintf("This could not be saved (%v). It is kept in memory.", err)}
	}
	// The summary is derived: when it cannot be written, SessionsOn finds
	// that it no longer matches and reads the history instead.
	_ = writeRecent(st, text, s.records)
	forgetLegacyDeleted(st)
	return string(text), nil
}

// setText stores text, which is JSON as encoding/json writes it, under k.
// Set would encode it again, which changes nothing but takes time, so a
// RawStorage takes it as it is.
func setText(st Storage, k string, text []byte) error {
	if rs, ok := st.(RawStorage); ok {
		return rs.SetRaw(k, string(text))
	}
	return st.Set(k, json.RawMessage(text))
}

// IsQuota reports whether err says that storage is full: MemoryStorage's
// ErrQuota, ErrStorageFull, or a browser's QuotaExceededError (Firefox
// calls it NS_ERROR_DOM_QUOTA_REACHED).
func IsQuota(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrQuota) || errors.Is(err, ErrStorageFull) {
		return true
	}
	return strings.Contains(strings.ToLower(err.Error()), "quota")
}

// storeError is an error with a message for people that wraps one of the
// sentinel errors and its cause.
type storeError struct {
	msg         string
	kind, cause error
}

// Error is the message for people.
func (e *storeError) Error() string { return e.msg }

// Unwrap gives the sentinel error and the cause, for errors.Is and As.
func (e *storeError) Unwrap() []error {
	var out []error
	for _, err := range []error{e.kind, e.cause} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
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
	env, ok := splitEnvelope(raw)
	if schema := compactSchemaOf(env["schema"]); ok && schema > 0 {
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
	env, err := splitObject(raw, maxEnvelopeFields)
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

// DuplicatesKey holds a copy of a stored history in which different
// sessions had the same id, kept before it is written again (only one of
// them is kept in the history); later ones go under DuplicatesKey followed
// by ".2", ".3" and so on.
const DuplicatesKey = HistoryKey + ".duplicates"

// keepDuplicates copies the stored history aside when l found different
// records with the same id, and returns the key of the copy, "" when
// there was nothing to keep.
func keepDuplicates(st Storage, l loaded) (string, error) {
	if !l.dupes {
		return "", nil
	}
	key, err := keepAside(st, HistoryKey, DuplicatesKey)
	if err != nil {
		return "", &storeError{cause: err, msg: fmt.Sprintf(
			"Your saved history holds different sessions with the same id, and it could not be copied aside (%v), so nothing was written over it.", err)}
	}
	return key, nil
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
	n := countList(raw)
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
	err := eachItem(raw, "its records are", func(i int, item []byte) error {
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
	d := wireDecoder{lenient: true}
	d.lists(env)
	out, _ := d.records(env["records"])
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

// decodeStrict decodes exactly one JSON value from raw into v, refusing
// unknown fields and anything after the value.
func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errTrailing
	}
	return nil
}

// errTrailing is returned by decodeStrict when data follows the value.
var errTrailing = errors.New("data after the end")

// parseInstant parses an RFC 3339 instant and returns it in UTC.
func parseInstant(what, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf("%s is missing", what)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not a date and time like 2025-04-24T07:30:00Z", what, data.Clip(s))
	}
	return t.UTC(), nil
}

// describeJSONError turns an error of encoding/json into words.
func describeJSONError(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if strings.Contains(syn.Error(), "unexpected end") {
			return "it is cut short"
		}
		return fmt.Sprintf("it is not valid JSON (at byte %d)", syn.Offset)
	case errors.As(err, &typ):
		field := humanField(typ.Field)
		if field == "" {
			field = "the value"
		}
		return fmt.Sprintf("%s is %s, must be %s", field, jsonKind(typ.Value), goKind(typ.Type))
	case errors.Is(err, errTrailing):
		return "there is more data after the end"
	case errors.Is(err, io.EOF):
		return "it is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it is cut short"
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unexpected end of JSON input") {
		return "it is cut short"
	}
	return msg
}

// humanField turns a JSON field path such as "exercises.repsDone" into
// words: "exercises reps done".
func humanField(path string) string {
	// encoding/json names the embedded types of the wire structs too.
	for _, embedded := range []string{"recordFields.", "checkpointFields."} {
		path = strings.TrimPrefix(path, embedded)
	}
	var b strings.Builder
	for i, r := range path {
		switch {
		case r == '.':
			b.WriteByte(' ')
		case unicode.IsUpper(r) && i > 0:
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// jsonKind names a JSON value kind as encoding/json reports it.
func jsonKind(v string) string {
	switch v {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	if strings.HasPrefix(v, "number") {
		return "the number " + data.Clip(strings.TrimSpace(strings.TrimPrefix(v, "number")))
	}
	return v
}

// goKind names what a Go type expects in JSON.
func goKind(t reflect.Type) string {
	if t == nil {
		return "something else"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Pointer:
		return goKind(t.Elem())
	}
	return "an object"
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
	sortRecords(out)
	return out
}

// sortRecords sorts by Start, then ID. Records come from storage in order,
// so it first checks whether there is anything to do.
func sortRecords(rs []data.Record) {
	less := func(i, j int) bool {
		if !rs[i].Start.Equal(rs[j].Start) {
			return rs[i].Start.Before(rs[j].Start)
		}
		return rs[i].ID < rs[j].ID
	}
	for i := 1; i < len(rs); i++ {
		if less(i, i-1) {
			sort.SliceStable(rs, less)
			return
		}
	}
}

// copyAside copies the text stored under src to a new key under prefix, or
// finds an identical copy already there, and returns the key. The copy is
// made in the store (see RawCopier), so it is the text exactly. l is what
// was read of src, to say when there was no text to copy.
func copyAside(st Storage, l loaded, src, prefix string, now time.Time) (string, error) {
	rs, ok := st.(RawStorage)
	if !ok {
		return "", errors.New("this storage cannot copy raw text")
	}
	if !l.hasRaw {
		return "", errors.New("its text could not be read")
	}
	for _, k := range KeysWithPrefix(st, prefix) {
		if sameText(rs, k, src) {
			return k, nil
		}
	}
	key := prefix + strconv.FormatInt(now.UnixMilli(), 10)
	for i := 2; ; i++ {
		if _, taken := rs.GetRaw(key); !taken {
			break
		}
		key = prefix + strconv.FormatInt(now.UnixMilli(), 10) + "-" + strconv.Itoa(i)
	}
	if err := copyRaw(rs, key, src); err != nil {
		return "", err
	}
	return key, nil
}
