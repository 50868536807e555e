package store_test

import (
	"errors"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// histNow is the instant the history tests load at; copies of damaged
// history are named after it.
var histNow = time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)

// histCopyKey is the key damaged history is copied to at histNow.
const histCopyKey = store.CorruptPrefix + "1745479800000"

// storeSnapshot returns every key and raw value of st.
func storeSnapshot(tb testing.TB, st *store.MemoryStorage) map[string]string {
	tb.Helper()
	out := map[string]string{}
	for _, k := range st.Keys() {
		v, _ := st.GetRaw(k)
		out[k] = v
	}
	return out
}

// seededStore returns a MemoryStorage with raw text under the history key.
func seededStore(tb testing.TB, raw string) *store.MemoryStorage {
	tb.Helper()
	st := &store.MemoryStorage{}
	if err := st.SetRaw(store.HistoryKey, raw); err != nil {
		tb.Fatal(err)
	}
	return st
}

// loadWritable loads the history of st and fails unless it is OK or empty.
func loadWritable(tb testing.TB, st store.Storage) []data.Record {
	tb.Helper()
	h, status, err := store.LoadHistory(st, histNow)
	if err != nil || !status.Writable() {
		tb.Fatalf("LoadHistory: got %v, %v, want a writable history", status, err)
	}
	return h.Records
}

// recordIDs lists the ids of records in order.
func recordIDs(rs []data.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// onlyStorage hides every method but those of Storage, as a store that
// cannot give raw text would.
type onlyStorage struct{ store.Storage }

// historyText saves recs into an empty store and returns the text stored.
func historyText(tb testing.TB, recs ...data.Record) string {
	tb.Helper()
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		tb.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
	return raw
}

func TestLoadHistory(t *testing.T) {
	valid := `{"schema":1,"records":[` + datatest.MustJSON(t, datatest.Record(t, datatest.London, "2025-04-20 08:00")) + `]}`
	// valid3 is the same history as schema 3 writes it: one record, with
	// its id, routine 0, start, end 600000 ms after it, exercise time,
	// UTC offset 60 minutes, zone 0, complete and log 0, and no deletions;
	// valid2 as schema 2 wrote it, without the deletions.
	valid3 := historyText(t, datatest.Record(t, datatest.London, "2025-04-20 08:00"))
	const tail3 = `,1745132400000,600000,480000,60,0,1,[0]]],"deleted":[]}`
	if !strings.HasSuffix(valid3, tail3) || !strings.HasPrefix(valid3, `{"schema":3,`) {
		t.Fatalf("schema 3: got %s, want it to end %s", valid3, tail3)
	}
	valid2 := strings.Replace(strings.Replace(valid3, `{"schema":3,`, `{"schema":2,`, 1), `,"deleted":[]}`, `}`, 1)
	id := strings.ReplaceAll(datatest.Record(t, datatest.London, "2025-04-20 08:00").ID, "-", "")
	v2 := func(old, new string) *string {
		t.Helper()
		if !strings.Contains(valid2, old) {
			t.Fatalf("%s is not in %s", old, valid2)
		}
		return strPtr(strings.Replace(valid2, old, new, 1))
	}
	v3 := func(old, new string) *string {
		t.Helper()
		if !strings.Contains(valid3, old) {
			t.Fatalf("%s is not in %s", old, valid3)
		}
		return strPtr(strings.Replace(valid3, old, new, 1))
	}
	other := strings.ReplaceAll(datatest.UUIDFor("another session"), "-", "")
	empty2 := `{"schema":2,"routines":[],"exercises":[],"logs":[],"zones":[],"records":%s}`
	cases := []struct {
		scenario string
		raw      *string // nil: nothing stored
		status   store.Status
		records  int
		err      string // in the error; "" for none
	}{
		{"nothing stored", nil, store.StatusEmpty, 0, ""},
		{"empty history", strPtr(`{"schema":1,"records":[]}`), store.StatusOK, 0, ""},
		{"null records", strPtr(`{"schema":1,"records":null}`), store.StatusOK, 0, ""},
		{"one record", &valid, store.StatusOK, 1, ""},
		{"cut short", strPtr(valid[:len(valid)/2]), store.StatusCorrupt, 0, "it is cut short"},
		{"not JSON", strPtr(`schema=1`), store.StatusCorrupt, 0, "it is not valid JSON (at byte 1)"},
		{"empty text", strPtr(``), store.StatusCorrupt, 0, "could not be read"},
		{"null", strPtr(`null`), store.StatusCorrupt, 0, "it is empty"},
		{"a bare list", strPtr(`[]`), store.StatusCorrupt, 0, "the value is a list, must be an object"},
		{"no schema", strPtr(`{"records":[]}`), store.StatusCorrupt, 0, "it has no schema number"},
		{"schema as text", strPtr(`{"schema":"1","records":[]}`), store.StatusCorrupt, 0, `its schema "1" is not a whole number`},
		{"schema 0 has no migration", strPtr(`{"schema":0,"records":[]}`), store.StatusCorrupt, 0, "its schema 0 is not one Unknot knows"},
		{"unknown field", strPtr(`{"schema":1,"records":[],"extra":true}`), store.StatusCorrupt, 0, `it has an unknown field "extra"`},
		{"no records", strPtr(`{"schema":1}`), store.StatusCorrupt, 0, "it has no records"},
		{"records not a list", strPtr(`{"schema":1,"records":{}}`), store.StatusCorrupt, 0, "its records are not a list"},
		{"hand-edited pain", strPtr(strings.Replace(valid, `"complete":true`, `"complete":true,"painAfter":14`, 1)), store.StatusCorrupt, 0, "record 1: pain after is 14, must be 0 to 10"},
		{"unknown record field", strPtr(strings.Replace(valid, `"complete":true`, `"complete":true,"mood":"ok"`, 1)), store.StatusCorrupt, 0, `record 1: unknown field "mood"`},
		{"bad instant", strPtr(strings.Replace(valid, `"start":"2025-04-20T07:00:00Z"`, `"start":"Sunday"`, 1)), store.StatusCorrupt, 0, `record 1: start "Sunday" is not a date and time`},
		{"wrong type", strPtr(strings.Replace(valid, `"reps":2`, `"reps":"2"`, 1)), store.StatusCorrupt, 0, "record 1: exercises reps is text, must be a whole number"},
		{"schema 2", &valid2, store.StatusOK, 1, ""},
		{"schema 2, empty", strPtr(fmt.Sprintf(empty2, `[]`)), store.StatusOK, 0, ""},
		{"schema 2, spaced out", strPtr(strings.NewReplacer(",", ",\n ", ":", ": ").Replace(valid2)), store.StatusOK, 1, ""},
		{"schema 2, one id twice", v2(`]]}`, `],`+strings.TrimSuffix(valid2[strings.Index(valid2, `"records":[`)+11:], `]}`)+`]}`), store.StatusOK, 1, ""},
		{"schema 2, cut short", strPtr(valid2[:len(valid2)-3]), store.StatusCorrupt, 0, "it is cut short"},
		{"schema 2, record too short", v2(`,0,1,[0]]`, `,0,1]`), store.StatusCorrupt, 0, "record 1: it has 8 fields, must have 9 to 13"},
		{"schema 2, record too long", v2(`[0]]]}`, `[0],1,2,"x","hurt",4]]}`), store.StatusCorrupt, 0, "record 1: it has 14 fields, must have 9 to 13"},
		{"schema 2, record not a list", strPtr(fmt.Sprintf(empty2, `[5]`)), store.StatusCorrupt, 0, "record 1: it is the number 5, must be a list"},
		{"schema 2, records not a list", strPtr(fmt.Sprintf(empty2, `{}`)), store.StatusCorrupt, 0, "its records are an object, must be a list"},
		{"schema 2, routine out of range", v2(id+`",0,`, id+`",3,`), store.StatusCorrupt, 0, "record 1: routine 3 is not one of its 1 routines"},
		{"schema 2, log out of range", v2(`[0]]]}`, `[0,4]]]}`), store.StatusCorrupt, 0, "record 1: exercise 2: log 4 is not one of its 1 logs"},
		{"schema 2, no exercises", v2(`[0]]]}`, `[]]]}`), store.StatusCorrupt, 0, "record 1: it lists no exercises"},
		{"schema 2, too many exercises", v2(`[0]]]}`, `[`+strings.Repeat("0,", data.MaxLogs)+`0]]]}`), store.StatusCorrupt, 0, "record 1: it lists 51 exercises, at most 50"},
		{"schema 2, zone out of range", v2(`,60,0,1,`, `,60,1,1,`), store.StatusCorrupt, 0, "record 1: zone 1 is not one of its 1 zones"},
		{"schema 2, negative index", v2(`,60,0,1,`, `,60,-1,1,`), store.StatusCorrupt, 0, "record 1: zone -1 is not one of its 1 zones"},
		{"schema 2, start as words", v2(`,1745132400000,`, `,"Sunday",`), store.StatusCorrupt, 0, `record 1: start "Sunday" is not a date and time`},
		{"schema 2, start as true", v2(`,1745132400000,`, `,true,`), store.StatusCorrupt, 0, "record 1: start is true or false, must be a whole number"},
		{"schema 2, start too large", v2(`,1745132400000,`, `,99999999999999999999,`), store.StatusCorrupt, 0, "record 1: start is a number too large"},
		{"schema 2, fraction", v2(`,480000,`, `,480000.5,`), store.StatusCorrupt, 0, "record 1: exercise time is the number 480000.5, must be a whole number"},
		{"schema 2, end before start", v2(`,600000,`, `,-1000,`), store.StatusCorrupt, 0, "record 1: end 2025-04-20T06:59:59Z is before start 2025-04-20T07:00:00Z"},
		{"schema 2, id not hex", v2(id, "zz"+id[2:]), store.StatusCorrupt, 0, `record 1: id "zz` + id[2:] + `" is not the 32 hex digits of a uuid`},
		{"schema 2, id as a number", v2(`"`+id+`"`, `7`), store.StatusCorrupt, 0, "record 1: id is the number 7, must be text"},
		{"schema 2, local time too far", v2(`,60,0,1,`, `,99999,0,1,`), store.StatusCorrupt, 0, "record 1: local time is 99999 minutes from the start, at most 10080"},
		{"schema 2, local date too far", v2(`,60,0,1,`, `,6000,0,1,`), store.StatusCorrupt, 0, "record 1: local date 2025-04-24 is more than a day from the start instant"},
		{"schema 2, complete 2", v2(`,60,0,1,`, `,60,0,2,`), store.StatusCorrupt, 0, "record 1: complete is 2, must be 1 or 0"},
		{"schema 2, pain out of range", v2(`[0]]]}`, `[0],null,14]]}`), store.StatusCorrupt, 0, "record 1: pain after is 14, must be 0 to 10"},
		{"schema 2, note not text", v2(`[0]]]}`, `[0],null,null,5]]}`), store.StatusCorrupt, 0, "record 1: note is the number 5, must be text"},
		{"schema 2, note with a control character", v2(`[0]]]}`, `[0],null,null,"a\u001bb"]]}`), store.StatusCorrupt, 0, "record 1: note contains a control character"},
		{"schema 2, routine name missing", v2(`["knee-to-chest","Knee-to-chest stretch"]],"exercises"`, `["knee-to-chest"," "]],"exercises"`), store.StatusCorrupt, 0, "record 1: routine name is missing"},
		{"schema 2, routine not a pair", v2(`"routines":[["knee-to-chest","Knee-to-chest stretch"]]`, `"routines":[["knee-to-chest"]]`), store.StatusCorrupt, 0, "its routines, entry 1: it has 1 field, must have 2"},
		{"schema 2, log too short", v2(`"logs":[[0,2,2,6,6,5000]]`, `"logs":[[0,2,2,6]]`), store.StatusCorrupt, 0, "its logs, entry 1: it has 4 fields, must have 6"},
		{"schema 2, log of an unknown exercise", v2(`"logs":[[0,`, `"logs":[[1,`), store.StatusCorrupt, 0, "its logs, entry 1: exercise 1 is not one of its 1 exercises"},
		{"schema 2, log with a bad hold", v2(`"logs":[[0,2,2,6,6,5000]]`, `"logs":[[0,2,2,6,6,0]]`), store.StatusCorrupt, 0, "record 1: exercise 1: hold is 0 ms"},
		{"schema 2, zone not text", v2(`"zones":["Europe/London"]`, `"zones":[1]`), store.StatusCorrupt, 0, "its zones, entry 1: it is the number 1, must be text"},
		{"schema 2, zones not a list", v2(`"zones":["Europe/London"]`, `"zones":"Europe/London"`), store.StatusCorrupt, 0, "its zones are text, must be a list"},
		{"schema 2, unknown field", v2(`"zones"`, `"moods":[],"zones"`), store.StatusCorrupt, 0, `it has an unknown field "moods"`},
		{"schema 2, no zones", v2(`"zones":["Europe/London"],`, ``), store.StatusCorrupt, 0, "it has no zones"},
		{"schema 3", &valid3, store.StatusOK, 1, ""},
		{"schema 3, edited", v3(`[0]]]`, `[0],null,null,"","",1745136000000]]`), store.StatusOK, 1, ""},
		{"schema 3, edited within a millisecond", v3(`[0]]]`, `[0],null,null,"","","2025-04-20T08:00:00.0001Z"]]`), store.StatusOK, 1, ""},
		{"schema 3, with a deletion", v3(`"deleted":[]`, `"deleted":[["`+other+`",1745136000000]]`), store.StatusOK, 1, ""},
		{"schema 3, record too long", v3(`[0]]]`, `[0],1,2,"x","hurt",4,5]]`), store.StatusCorrupt, 0, "record 1: it has 15 fields, must have 9 to 14"},
		{"schema 3, edit time as words", v3(`[0]]]`, `[0],null,null,"","","Sunday"]]`), store.StatusCorrupt, 0, `record 1: edit time "Sunday" is not a date and time`},
		{"schema 3, edit time before 1970", v3(`[0]]]`, `[0],null,null,"","",-1]]`), store.StatusCorrupt, 0, "record 1: edit time is in the year 1969"},
		{"schema 3, no deletions", v3(`,"deleted":[]`, ``), store.StatusCorrupt, 0, "it has no deleted"},
		{"schema 3, deletions not a list", v3(`"deleted":[]`, `"deleted":{}`), store.StatusCorrupt, 0, "its deleted sessions are an object, must be a list"},
		{"schema 3, deletion without a time", v3(`"deleted":[]`, `"deleted":[["`+other+`"]]`), store.StatusCorrupt, 0, "its deleted sessions, entry 1: it has 1 field, must have 2"},
		{"schema 3, deletion of no uuid", v3(`"deleted":[]`, `"deleted":[["x",1]]`), store.StatusCorrupt, 0, `its deleted sessions, entry 1: its id "x" is not the 32 hex digits of a uuid`},
		{"schema 3, deletion before 1970", v3(`"deleted":[]`, `"deleted":[["`+other+`",-5]]`), store.StatusCorrupt, 0, "its deleted sessions, entry 1: its time is in the year 1969"},
		{"schema 3, a session deleted twice", v3(`"deleted":[]`, `"deleted":[["`+other+`",1],["`+other+`",2]]`), store.StatusCorrupt, 0, "its deleted sessions, entry 2: session " + datatest.UUIDFor("another session") + " is deleted twice, also at entry 1"},
		{"schema 3, a session kept and deleted", v3(`"deleted":[]`, `"deleted":[["`+id+`",1]]`), store.StatusCorrupt, 0, "its deleted sessions, entry 1: session " + datatest.Record(t, datatest.London, "2025-04-20 08:00").ID + " is both kept and deleted"},
		{"schema 3, too many deletions", v3(`"deleted":[]`, `"deleted":[`+strings.Repeat(`["`+other+`",1],`, store.MaxTombstones)+`["`+other+`",1]]`), store.StatusCorrupt, 0, "its deleted list has 1001 entries, more than its records can use"},
		{"newer schema", strPtr(`{"schema":4,"records":[],"moods":[]}`), store.StatusNewer, 0, "saved by a newer version of Unknot (schema 4; this version reads up to 3)"},
		{"newer schema shows what it can", strPtr(strings.Replace(valid, `"schema":1`, `"schema":7`, 1)), store.StatusNewer, 1, "read-only"},
		{"newer schema unreadable records", strPtr(`{"schema":4,"records":"elsewhere"}`), store.StatusNewer, 0, "schema 4"},
		{"newer compact schema shows what it can", v3(`"schema":3,`, `"schema":4,"moods":[],`), store.StatusNewer, 1, "schema 4"},
		{"newer compact schema skips extra fields", strPtr(strings.Replace(*v3(`[0]]]`, `[0],null,null,"","",1745136000000,{"mood":1}]]`), `"schema":3`, `"schema":4`, 1)), store.StatusNewer, 1, "schema 4"},
		{"newer compact schema leaves out what it cannot read", strPtr(strings.Replace(*v3(`]],"deleted"`, `],[5],["x"],{"id":7}],"deleted"`), `"schema":3`, `"schema":4`, 1)), store.StatusNewer, 1, "schema 4"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if c.raw != nil {
				st = seededStore(t, *c.raw)
			}
			before := storeSnapshot(t, st)
			h, status, err := store.LoadHistory(st, histNow)
			if status != c.status {
				t.Errorf("status: got %v, want %v", status, c.status)
			}
			if len(h.Records) != c.records {
				t.Errorf("records: got %d, want %d", len(h.Records), c.records)
			}
			switch {
			case c.err == "" && err != nil:
				t.Errorf("error: got %v, want nil", err)
			case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
				t.Errorf("error: got %v, want one containing %q", err, c.err)
			}
			after := storeSnapshot(t, st)
			if c.raw != nil && after[store.HistoryKey] != *c.raw {
				t.Errorf("the history key changed: got %q, want %q", after[store.HistoryKey], *c.raw)
			}
			if c.status != store.StatusCorrupt {
				if !maps.Equal(after, before) {
					t.Errorf("storage changed: got %v, want %v", after, before)
				}
				return
			}
			if !errors.Is(err, store.ErrCorrupt) {
				t.Errorf("errors.Is(err, ErrCorrupt): got false, want true")
			}
			if h.CopyKey != histCopyKey {
				t.Errorf("CopyKey: got %q, want %q", h.CopyKey, histCopyKey)
			}
			if got := after[histCopyKey]; got != *c.raw {
				t.Errorf("the copy: got %q, want %q byte for byte", got, *c.raw)
			}
			if len(after) != 2 {
				t.Errorf("keys after loading: got %v, want the history and its copy", after)
			}
			// Loading again, later, reuses the copy.
			h2, _, _ := store.LoadHistory(st, histNow.Add(time.Hour))
			if h2.CopyKey != histCopyKey || len(st.Keys()) != 2 {
				t.Errorf("second load: got copy %q and keys %v, want %q and no new key", h2.CopyKey, st.Keys(), histCopyKey)
			}
		})
	}
}

// strPtr returns a pointer to s.
func strPtr(s string) *string { return &s }

func TestLoadHistoryNewerIsReadOnly(t *testing.T) {
	raw := `{"schema":4,"records":[],"moods":[]}`
	st := seededStore(t, raw)
	_, status, err := store.LoadHistory(st, histNow)
	if status != store.StatusNewer || !errors.Is(err, store.ErrNewer) {
		t.Fatalf("LoadHistory: got %v, %v, want newer", status, err)
	}
	before := storeSnapshot(t, st)
	_, err = store.SaveRecord(st, datatest.Record(t, datatest.London, "2025-04-24 08:00"))
	if !errors.Is(err, store.ErrNewer) {
		t.Errorf("SaveRecord: got %v, want an error wrapping ErrNewer", err)
	}
	if _, err := store.DeleteRecord(st, "x"); !errors.Is(err, store.ErrNewer) {
		t.Errorf("DeleteRecord: got %v, want an error wrapping ErrNewer", err)
	}
	if _, _, err := store.ImportRecords(st, []data.Record{datatest.Record(t, datatest.London, "2025-04-24 09:00")}); !errors.Is(err, store.ErrNewer) {
		t.Errorf("ImportRecords: got %v, want an error wrapping ErrNewer", err)
	}
	if after := storeSnapshot(t, st); !maps.Equal(after, before) {
		t.Errorf("storage changed: got %v, want %v", after, before)
	}
}

func TestSaveRecordRefusesCorrupt(t *testing.T) {
	raw := `{"schema":1,"records":[{"id":`
	st := seededStore(t, raw)
	if _, status, _ := store.LoadHistory(st, histNow); status != store.StatusCorrupt {
		t.Fatalf("status: got %v, want corrupt", status)
	}
	before := storeSnapshot(t, st)
	_, err := store.SaveRecord(st, datatest.Record(t, datatest.London, "2025-04-24 08:00"))
	if !errors.Is(err, store.ErrCorrupt) || !strings.Contains(err.Error(), "kept in memory") {
		t.Errorf("SaveRecord: got %v, want an error wrapping ErrCorrupt that says the session is kept", err)
	}
	if after := storeSnapshot(t, st); !maps.Equal(after, before) {
		t.Errorf("storage changed: got %v, want %v", after, before)
	}
}

func TestLoadHistoryWithoutRawStorage(t *testing.T) {
	// A store that cannot give raw text still never overwrites damaged
	// history; it just cannot copy it aside.
	mem := seededStore(t, `{"schema":1,"records":[`)
	st := onlyStorage{mem}
	h, status, err := store.LoadHistory(st, histNow)
	if status != store.StatusCorrupt || h.CopyKey != "" {
		t.Errorf("got %v with copy %q, want corrupt with no copy", status, h.CopyKey)
	}
	if err == nil || !strings.Contains(err.Error(), "could not be copied aside") {
		t.Errorf("error: got %v, want one saying it could not be copied", err)
	}
	if _, err := store.SaveRecord(st, datatest.Record(t, datatest.London, "2025-04-24 08:00")); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("SaveRecord: got %v, want ErrCorrupt", err)
	}
	if got, _ := mem.GetRaw(store.HistoryKey); got != `{"schema":1,"records":[` {
		t.Errorf("history: got %q, want it untouched", got)
	}
	// Valid history reads the same through Get.
	good := &store.MemoryStorage{}
	if _, err := store.SaveRecord(onlyStorage{good}, datatest.Record(t, datatest.London, "2025-04-24 08:00")); err != nil {
		t.Fatal(err)
	}
	if got := loadWritable(t, onlyStorage{good}); len(got) != 1 {
		t.Errorf("records: got %d, want 1", len(got))
	}
}

func TestSaveRecordsQuota(t *testing.T) {
	st := &store.MemoryStorage{}
	first := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	if _, err := store.SaveRecord(st, first); err != nil {
		t.Fatal(err)
	}
	stored, _ := st.GetRaw(store.HistoryKey)
	st.Limit = len(stored) + 20 // room for less than one more record

	pending := []data.Record{datatest.Record(t, datatest.London, "2025-04-21 08:00")}
	_, err := store.SaveRecords(st, pending...)
	if !errors.Is(err, store.ErrStorageFull) {
		t.Fatalf("SaveRecords: got %v, want an error wrapping ErrStorageFull", err)
	}
	for _, want := range []string{"full", "kept in memory"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q: want it to say %q", err, want)
		}
	}
	// Whether and when it is saved again is the caller's to say: SaveRecords
	// does not retry by itself.
	if strings.Contains(err.Error(), "again later") {
		t.Errorf("error %q promises a retry SaveRecords does not make", err)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != stored {
		t.Errorf("history after a failed save: got %q, want %q", got, stored)
	}

	// The person frees space; the caller retries with everything pending.
	st.Limit = 0
	pending = append(pending, datatest.Record(t, datatest.London, "2025-04-22 08:00"))
	h, err := store.SaveRecords(st, pending...)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	want := []string{first.ID, pending[0].ID, pending[1].ID}
	if got := recordIDs(loadWritable(t, st)); !sameStrings(got, want) {
		t.Errorf("stored: got %v, want %v", got, want)
	}
	if got := recordIDs(h.Records); !sameStrings(got, want) {
		t.Errorf("returned: got %v, want %v", got, want)
	}
}

func TestIsQuota(t *testing.T) {
	cases := []struct {
		scenario string
		err      error
		want     bool
	}{
		{"nil", nil, false},
		{"memory storage", store.ErrQuota, true},
		{"chromium", errors.New("setting storage value failed: QuotaExceededError: Failed to execute 'setItem'"), true},
		{"firefox", errors.New("NS_ERROR_DOM_QUOTA_REACHED"), true},
		{"other", errors.New("SecurityError: access denied"), false},
	}
	for _, c := range cases {
		if got := store.IsQuota(c.err); got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}

func TestSaveRecordsTwoTabs(t *testing.T) {
	st := &store.MemoryStorage{}
	old := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	if _, err := store.SaveRecord(st, old); err != nil {
		t.Fatal(err)
	}
	// Both tabs load, then each finishes a session and saves it.
	tabA, tabB := loadWritable(t, st), loadWritable(t, st)
	a := datatest.Record(t, datatest.London, "2025-04-21 08:00")
	b := datatest.Record(t, datatest.London, "2025-04-21 08:05")
	if _, err := store.SaveRecord(st, a); err != nil {
		t.Fatal(err)
	}
	hb, err := store.SaveRecord(st, b)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{old.ID, a.ID, b.ID}
	if got := recordIDs(loadWritable(t, st)); !sameStrings(got, want) {
		t.Errorf("stored: got %v, want %v", got, want)
	}
	if got := recordIDs(hb.Records); !sameStrings(got, want) {
		t.Errorf("tab B sees: got %v, want %v", got, want)
	}
	if len(tabA) != 1 || len(tabB) != 1 {
		t.Errorf("the tabs' loaded copies changed: got %d and %d records, want 1 and 1", len(tabA), len(tabB))
	}
	// Tab A deletes the old session while tab B saves another.
	if _, err := store.DeleteRecord(st, old.ID); err != nil {
		t.Fatal(err)
	}
	c := datatest.Record(t, datatest.London, "2025-04-22 08:00")
	if _, err := store.SaveRecord(st, c); err != nil {
		t.Fatal(err)
	}
	want = []string{a.ID, b.ID, c.ID}
	if got := recordIDs(loadWritable(t, st)); !sameStrings(got, want) {
		t.Errorf("after delete and save: got %v, want %v", got, want)
	}
}

func TestSaveRecordsOrderAndReplace(t *testing.T) {
	st := &store.MemoryStorage{}
	late := datatest.Record(t, datatest.London, "2025-04-22 08:00")
	early := datatest.Record(t, "America/New_York", "2025-04-21 22:00") // 02:00 UTC on the 22nd
	mid := datatest.Record(t, datatest.London, "2025-04-21 20:00")
	if _, err := store.SaveRecords(st, late, early, mid); err != nil {
		t.Fatal(err)
	}
	if got, want := recordIDs(loadWritable(t, st)), []string{mid.ID, early.ID, late.ID}; !sameStrings(got, want) {
		t.Errorf("order: got %v, want %v (by start instant)", got, want)
	}
	// Saving a record again, now with the pain after, replaces it.
	late.PainAfter = data.PainScore(2)
	if _, err := store.SaveRecord(st, late); err != nil {
		t.Fatal(err)
	}
	got := loadWritable(t, st)
	if len(got) != 3 || got[2].PainAfter == nil || *got[2].PainAfter != 2 {
		t.Errorf("after saving again: got %d records, last %+v, want 3 with the pain after", len(got), got[len(got)-1])
	}
}

func TestSaveRecordsRefusesInvalid(t *testing.T) {
	st := &store.MemoryStorage{}
	good := datatest.Record(t, datatest.London, "2025-04-21 08:00")
	bad := datatest.Record(t, datatest.London, "2025-04-22 08:00", func(r *data.Record) { r.PainBefore = data.PainScore(12) })
	_, err := store.SaveRecords(st, good, bad)
	if !errors.Is(err, store.ErrInvalidRecord) || !strings.Contains(err.Error(), "session 2 of 2") || !strings.Contains(err.Error(), "pain before is 12") {
		t.Errorf("got %v, want an error wrapping ErrInvalidRecord naming session 2 and its pain", err)
	}
	if len(st.Keys()) != 0 {
		t.Errorf("keys: got %v, want none written", st.Keys())
	}
}

func TestDeleteRecord(t *testing.T) {
	st := &store.MemoryStorage{}
	a, b := datatest.Record(t, datatest.London, "2025-04-21 08:00"), datatest.Record(t, datatest.London, "2025-04-22 08:00")
	if _, err := store.SaveRecords(st, a, b); err != nil {
		t.Fatal(err)
	}
	h, err := store.DeleteRecord(st, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := recordIDs(h.Records), []string{b.ID}; !sameStrings(got, want) {
		t.Errorf("returned: got %v, want %v", got, want)
	}
	before := storeSnapshot(t, st)
	if _, err := store.DeleteRecord(st, "not-there"); err != nil {
		t.Errorf("deleting an unknown id: got %v, want nil", err)
	}
	if after := storeSnapshot(t, st); !maps.Equal(after, before) {
		t.Errorf("deleting an unknown id wrote: got %v, want %v", after, before)
	}
}

func TestStartAfresh(t *testing.T) {
	cases := []struct {
		scenario, raw, prefix string
	}{
		{"corrupt", `{"schema":1,"records":[{]}`, store.CorruptPrefix},
		{"newer", `{"schema":4,"records":[]}`, store.NewerPrefix},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			st := seededStore(t, c.raw)
			store.LoadHistory(st, histNow)
			key, err := store.StartAfresh(st, histNow.Add(time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(key, c.prefix) {
				t.Errorf("key: got %q, want one starting %q", key, c.prefix)
			}
			if got, _ := st.GetRaw(key); got != c.raw {
				t.Errorf("copy: got %q, want %q", got, c.raw)
			}
			if got := loadWritable(t, st); len(got) != 0 {
				t.Errorf("records: got %d, want 0", len(got))
			}
			if len(store.KeysWithPrefix(st, store.HistoryKey+".")) != 1 {
				t.Errorf("copies: got %v, want exactly one", st.Keys())
			}
			if _, err := store.SaveRecord(st, datatest.Record(t, datatest.London, "2025-04-24 08:00")); err != nil {
				t.Errorf("saving after starting afresh: %v", err)
			}
		})
	}
	t.Run("fine history is left alone", func(t *testing.T) {
		st := &store.MemoryStorage{}
		store.SaveRecord(st, datatest.Record(t, datatest.London, "2025-04-24 08:00"))
		before := storeSnapshot(t, st)
		if key, err := store.StartAfresh(st, histNow); key != "" || err != nil {
			t.Errorf("got %q, %v, want nothing done", key, err)
		}
		if after := storeSnapshot(t, st); !maps.Equal(after, before) {
			t.Errorf("storage changed: got %v, want %v", after, before)
		}
	})
	t.Run("cannot copy, does not write", func(t *testing.T) {
		mem := seededStore(t, `nonsense`)
		if _, err := store.StartAfresh(onlyStorage{mem}, histNow); err == nil {
			t.Errorf("got nil, want an error")
		}
		if got, _ := mem.GetRaw(store.HistoryKey); got != `nonsense` {
			t.Errorf("history: got %q, want it untouched", got)
		}
	})
	t.Run("storage full, does not write", func(t *testing.T) {
		st := seededStore(t, `nonsense`)
		st.Limit = len(`nonsense`) + 3
		if _, err := store.StartAfresh(st, histNow); err == nil {
			t.Errorf("got nil, want an error")
		}
		if got, _ := st.GetRaw(store.HistoryKey); got != `nonsense` {
			t.Errorf("history: got %q, want it untouched", got)
		}
	})
}

func TestCorruptCopyNamesDoNotClash(t *testing.T) {
	// Two different damaged texts met at the same millisecond keep both.
	st := seededStore(t, `first damage`)
	h1, _, _ := store.LoadHistory(st, histNow)
	st.SetRaw(store.HistoryKey, `second damage`)
	h2, _, _ := store.LoadHistory(st, histNow)
	if h1.CopyKey == h2.CopyKey {
		t.Fatalf("both copies under %q", h1.CopyKey)
	}
	for key, want := range map[string]string{h1.CopyKey: `first damage`, h2.CopyKey: `second damage`} {
		if got, _ := st.GetRaw(key); got != want {
			t.Errorf("%s: got %q, want %q", key, got, want)
		}
	}
}
