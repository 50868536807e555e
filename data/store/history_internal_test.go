package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Schema 1 is the first schema, so there is no real migration yet. These
// tests prove the mechanism with a made-up schema 0 that kept sessions under
// "sessions" and called the local date "date".

// schema0 is a made-up older history.
const schema0 = `{"schema":0,"sessions":[{"id":"6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b","routine":"bridge","routineName":"Bridge",
"exercises":[{"exercise":"bridge","name":"Bridge","reps":5,"repsDone":5,"holds":5,"holdsDone":5,"holdMs":18000}],
"start":"2025-03-29T07:30:00Z","end":"2025-03-29T07:35:00Z","activeMs":300000,"date":"2025-03-29","localTime":"07:30","zone":"Europe/London","complete":true}]}`

// migrate0 turns the made-up schema 0 into schema 1.
func migrate0(env map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	var sessions []map[string]json.RawMessage
	if err := json.Unmarshal(env["sessions"], &sessions); err != nil {
		return nil, errors.New("its sessions are not a list")
	}
	for _, s := range sessions {
		s["localDate"] = s["date"]
		delete(s, "date")
	}
	records, err := json.Marshal(sessions)
	if err != nil {
		return nil, err
	}
	return map[string]json.RawMessage{"schema": env["schema"], "records": records}, nil
}

// withMigrations replaces the migration table for one test.
func withMigrations(t *testing.T, m map[int]migration) {
	t.Helper()
	old := historyMigrations
	historyMigrations = m
	t.Cleanup(func() { historyMigrations = old })
}

func TestHistoryMigrationsLeadToCurrent(t *testing.T) {
	// The real table: every step must lead from a known schema to the
	// next, up to the current one.
	for from := range historyMigrations {
		if from < 0 || from >= HistorySchema {
			t.Errorf("migration from schema %d: want one below %d", from, HistorySchema)
		}
	}
}

func TestLoadHistoryMigrates(t *testing.T) {
	withMigrations(t, map[int]migration{0: migrate0, 1: migrate1})
	st := &MemoryStorage{}
	st.SetRaw(HistoryKey, schema0)
	now := time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)
	h, status, err := LoadHistory(st, now)
	if status != StatusOK || err != nil {
		t.Fatalf("LoadHistory: got %v, %v, want ok", status, err)
	}
	if len(h.Records) != 1 || h.Records[0].LocalDate != "2025-03-29" {
		t.Fatalf("records: got %+v, want one dated 2025-03-29", h.Records)
	}
	if got, _ := st.GetRaw(HistoryKey); got != schema0 {
		t.Errorf("loading wrote: got %q, want the old text untouched", got)
	}
	// The next save writes the current schema.
	if _, err := SaveRecords(st); err != nil {
		t.Fatal(err)
	}
	got, _ := st.GetRaw(HistoryKey)
	want := `{"schema":3,"routines":[["bridge","Bridge"]],"exercises":[["bridge","Bridge"]],"logs":[[0,5,5,5,5,18000]],"zones":["Europe/London"],` +
		`"records":[["6f1c2a9e3b4d4e5f8a7b1c2d3e4f5a6b",0,1743233400000,300000,300000,0,0,1,[0]]],"deleted":[]}`
	if got != want {
		t.Errorf("saved: got %s, want %s", got, want)
	}
}

func TestLoadHistoryMigrationFails(t *testing.T) {
	withMigrations(t, map[int]migration{0: migrate0, 1: migrate1})
	st := &MemoryStorage{}
	raw := `{"schema":0,"sessions":7}`
	st.SetRaw(HistoryKey, raw)
	_, status, err := LoadHistory(st, time.Unix(0, 0))
	if status != StatusCorrupt || err == nil || !strings.Contains(err.Error(), "could not be upgraded from schema 0: its sessions are not a list") {
		t.Errorf("got %v, %v, want corrupt, saying the upgrade failed", status, err)
	}
	if got, _ := st.GetRaw(HistoryKey); got != raw {
		t.Errorf("history: got %q, want it untouched", got)
	}
}

func TestLoadHistoryMigratedRecordsAreChecked(t *testing.T) {
	// A migration that forgets a field leaves records that fail
	// validation: the history is corrupt, not silently changed.
	withMigrations(t, map[int]migration{0: func(env map[string]json.RawMessage) (map[string]json.RawMessage, error) {
		return map[string]json.RawMessage{"schema": env["schema"], "records": env["sessions"]}, nil
	}, 1: migrate1})
	st := &MemoryStorage{}
	st.SetRaw(HistoryKey, schema0)
	_, status, err := LoadHistory(st, time.Unix(0, 0))
	if status != StatusCorrupt || err == nil || !strings.Contains(err.Error(), `record 1: unknown field "date"`) {
		t.Errorf("got %v, %v, want corrupt naming the unknown field", status, err)
	}
}

func TestMigrate1(t *testing.T) {
	// The migration is a pure function of the envelope: it leaves its
	// input alone, gives the same output every time, and the records come
	// through unchanged.
	raw, err := os.ReadFile("testdata/history-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(env)
	first, err := migrate1(env)
	if err != nil {
		t.Fatal(err)
	}
	second, _ := migrate1(env)
	if !maps.EqualFunc(env, before, sameRaw) {
		t.Errorf("input changed: got %s, want %s", env, before)
	}
	if !maps.EqualFunc(first, second, sameRaw) {
		t.Errorf("second run: got %s, want %s", second, first)
	}
	if got := string(first["schema"]); got != "2" {
		t.Errorf("schema: got %s, want 2", got)
	}
	want, err := decodeRecords(env["records"])
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := decodeWire(first, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records: got %+v, want %+v", got, want)
	}
}

// sameRaw compares two raw messages byte for byte.
func sameRaw(a, b json.RawMessage) bool { return bytes.Equal(a, b) }

func TestStoredTextIsStable(t *testing.T) {
	// writeHistory hands a RawStorage the text as it is, and other stores
	// encode it again as JSON: both must store the same bytes.
	p, err := encodeWire(nil)
	if err != nil {
		t.Fatal(err)
	}
	text := p.text()
	again, err := json.Marshal(json.RawMessage(text))
	if err != nil || !bytes.Equal(again, text) {
		t.Errorf("got %s, %v, want %s", again, err, text)
	}
	if want := `{"schema":3,"routines":[],"exercises":[],"logs":[],"zones":[],"records":[],"deleted":[]}`; string(text) != want {
		t.Errorf("empty history: got %s, want %s", text, want)
	}
}

func FuzzDecodeHistoryBothWays(f *testing.F) {
	// The quick way into a stored history must never accept what the way
	// through encoding/json refuses, nor read it differently.
	for _, name := range []string{"testdata/history-v1.json", "testdata/history-v2.json", "testdata/history-v3.json"} {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"schema":2,"routines":[],"exercises":[],"logs":[],"zones":[],"records":[]}`))
	f.Add([]byte(`{"schema":3,"routines":[],"exercises":[],"logs":[],"zones":[],"records":[],"deleted":[["0a9b8c7d6e5f4a3b9c2d1e0f9a8b7c6d",1]]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		quick, slow := decodeHistory(raw), decodeHistoryJSON(raw)
		if quick.status != slow.status || quick.reason != slow.reason || quick.schema != slow.schema ||
			!reflect.DeepEqual(quick.records, slow.records) || !reflect.DeepEqual(quick.deleted, slow.deleted) {
			t.Fatalf("quick: %v %q %d %+v %+v\nslow: %v %q %d %+v %+v", quick.status, quick.reason, quick.schema, quick.records, quick.deleted,
				slow.status, slow.reason, slow.schema, slow.records, slow.deleted)
		}
	})
}

// textSum is the 64-bit FNV-1a of its text in 16 hex digits, as summaries
// already stored were written: a different text for the same sum would
// have every launch read the whole history again.
func TestTextSumIsFNV1aInSixteenDigits(t *testing.T) {
	for i := 0; i < 2000; i++ {
		s := strings.Repeat("unknot", i%7) + strconv.Itoa(i)
		h := fnv.New64a()
		h.Write([]byte(s))
		if want := fmt.Sprintf("%016x", h.Sum64()); textSum(s) != want {
			t.Fatalf("textSum(%q) = %s, want %s", s, textSum(s), want)
		}
	}
}
