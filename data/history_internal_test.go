package data

import (
	"encoding/json"
	"errors"
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
	withMigrations(t, map[int]migration{0: migrate0})
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
	if !strings.HasPrefix(got, `{"schema":1,"records":[{"id":"6f1c2a9e`) || !strings.Contains(got, `"localDate":"2025-03-29"`) {
		t.Errorf("saved: got %s, want schema 1 with the migrated record", got)
	}
}

func TestLoadHistoryMigrationFails(t *testing.T) {
	withMigrations(t, map[int]migration{0: migrate0})
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
	}})
	st := &MemoryStorage{}
	st.SetRaw(HistoryKey, schema0)
	_, status, err := LoadHistory(st, time.Unix(0, 0))
	if status != StatusCorrupt || err == nil || !strings.Contains(err.Error(), `record 1: unknown field "date"`) {
		t.Errorf("got %v, %v, want corrupt naming the unknown field", status, err)
	}
}
