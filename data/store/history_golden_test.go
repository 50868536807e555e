package store_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// goldenHistory loads the stored history kept in testdata/name into a
// store and returns both.
func goldenHistory(tb testing.TB, name string) (*store.MemoryStorage, []data.Record) {
	tb.Helper()
	raw, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	st := seededStore(tb, string(raw))
	return st, loadWritable(tb, st)
}

func TestHistoryGolden(t *testing.T) {
	// Every schema ever written is kept in testdata/ and must always load,
	// whatever the current schema. The samples hold the same records
	// (schema 3's first one edited, and a session deleted).
	for _, name := range []string{"history-v1.json", "history-v2.json", "history-v3.json"} {
		t.Run(name, func(t *testing.T) {
			st, got := goldenHistory(t, name)
			if len(got) != 3 {
				t.Fatalf("records: got %d, want 3", len(got))
			}
			checks := []struct {
				scenario  string
				got, want any
			}{
				{"first id", got[0].ID, "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b"},
				{"first start", got[0].Start, time.Date(2025, 3, 29, 7, 30, 0, 0, time.UTC)},
				{"first pain before", *got[0].PainBefore, 5},
				{"first bridge hold", got[0].Exercises[3].Hold(), 18 * time.Second},
				{"second start keeps milliseconds", got[1].Start, time.Date(2025, 3, 29, 19, 5, 12, 345000000, time.UTC)},
				{"second end", got[1].End, time.Date(2025, 3, 29, 19, 9, 40, 0, time.UTC)},
				{"second is partial", got[1].Complete, false},
				{"second has no pain after", got[1].PainAfter == nil, true},
				{"second part of day", got[1].PartOfDay(), data.PartEvening},
				{"note with line break and accents", got[1].Note, "Stopped early: phone rang.\nBack felt looser – «mieux»."},
				{"third zone unknown", got[2].Zone, ""},
				{"third local date", got[2].LocalDate, "2025-03-30"},
				{"third local time is summer time", got[2].LocalTime, "07:45"},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s: got %v, want %v", c.scenario, c.got, c.want)
				}
			}
			// Saving over it writes the current schema and keeps every
			// record as it was.
			extra := datatest.Record(t, datatest.London, "2025-04-24 08:00")
			if _, err := store.SaveRecord(st, extra); err != nil {
				t.Fatal(err)
			}
			if raw, _ := st.GetRaw(store.HistoryKey); !strings.HasPrefix(raw, `{"schema":3,`) {
				t.Errorf("saved: got %.40s…, want schema 3", raw)
			}
			again := loadWritable(t, st)
			if len(again) != 4 {
				t.Fatalf("after saving: got %d records, want 4", len(again))
			}
			for i := range got {
				if !reflect.DeepEqual(again[i], got[i]) {
					t.Errorf("record %d after saving: got %+v, want %+v", i+1, again[i], got[i])
				}
			}
		})
	}
}

func TestHistoryGoldensAgree(t *testing.T) {
	_, v1 := goldenHistory(t, "history-v1.json")
	_, v2 := goldenHistory(t, "history-v2.json")
	if !reflect.DeepEqual(v1, v2) {
		t.Errorf("schema 2 sample: got %+v, want the records of schema 1 %+v", v2, v1)
	}
	st, v3 := goldenHistory(t, "history-v3.json")
	edited := slices.Clone(v1)
	edited[0].Edited = time.Date(2025, 3, 29, 9, 20, 0, 0, time.UTC)
	if !reflect.DeepEqual(v3, edited) {
		t.Errorf("schema 3 sample: got %+v, want the records of schema 1, the first edited, %+v", v3, edited)
	}
	h, _, _ := store.LoadHistory(st, histNow)
	want := []store.Tombstone{{ID: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", At: time.Date(2025, 3, 30, 2, 0, 0, 0, time.UTC)}}
	if !reflect.DeepEqual(h.Deleted, want) {
		t.Errorf("schema 3 sample, deleted: got %+v, want %+v", h.Deleted, want)
	}
	// Schema 3 is written exactly as the sample, but on one line: a change
	// to the writer shows here first.
	raw, err := os.ReadFile("testdata/history-v3.json")
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SaveRecords(st); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != compact.String() {
		t.Errorf("written:\ngot  %s\nwant %s", got, compact.String())
	}
}

func TestStatusString(t *testing.T) {
	cases := []struct {
		s        store.Status
		want     string
		writable bool
	}{
		{store.StatusOK, "ok", true},
		{store.StatusEmpty, "empty", true},
		{store.StatusCorrupt, "corrupt", false},
		{store.StatusNewer, "newer", false},
		{store.Status(9), "status(9)", false},
	}
	for _, c := range cases {
		if got := c.s.String(); got != c.want {
			t.Errorf("String(): got %q, want %q", got, c.want)
		}
		if got := c.s.Writable(); got != c.writable {
			t.Errorf("%s Writable(): got %v, want %v", c.want, got, c.writable)
		}
	}
}

// sameStrings compares two string slices.
func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzLoadHistory(f *testing.F) {
	raw, err := os.ReadFile("testdata/history-v1.json")
	if err != nil {
		f.Fatal(err)
	}
	raw2, err := os.ReadFile("testdata/history-v2.json")
	if err != nil {
		f.Fatal(err)
	}
	raw3, err := os.ReadFile("testdata/history-v3.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw))
	f.Add(string(raw2))
	f.Add(string(raw3))
	f.Add(historyText(f, datatest.Record(f, datatest.London, "2025-04-20 08:00", func(r *data.Record) {
		r.PainAfter, r.Note = data.PainScore(0), "a \"note\" <b>\u2028"
	})))
	f.Add(`{"schema":1,"records":[]}`)
	f.Add(`{"schema":2,"records":[]}`)
	f.Add(`{"schema":2,"routines":[],"exercises":[],"logs":[],"zones":[],"records":[]}`)
	f.Add(strings.Replace(string(raw2), `"schema":2`, `"schema":4`, 1))
	f.Add(`{"schema":1,"records":[{}]}`)
	f.Add(`nonsense`)
	f.Fuzz(func(t *testing.T, raw string) {
		st := seededStore(t, raw)
		h, status, err := store.LoadHistory(st, histNow)
		if got, _ := st.GetRaw(store.HistoryKey); got != raw {
			t.Fatalf("loading changed the history: got %q, want %q", got, raw)
		}
		switch status {
		case store.StatusOK:
			for i, r := range h.Records {
				if err := r.Validate(); err != nil {
					t.Fatalf("record %d is not valid: %v", i+1, err)
				}
			}
		case store.StatusCorrupt:
			if got, _ := st.GetRaw(h.CopyKey); got != raw || err == nil {
				t.Fatalf("corrupt: copy %q, error %v, want the raw text and an error", got, err)
			}
		case store.StatusNewer:
			if err == nil {
				t.Fatalf("newer with no error")
			}
		default:
			t.Fatalf("status %v for stored text", status)
		}
		rec := datatest.Record(t, datatest.London, "2025-04-24 08:00")
		_, err = store.SaveRecord(st, rec)
		got, _ := st.GetRaw(store.HistoryKey)
		if status.Writable() {
			if err != nil {
				t.Fatalf("saving into a %v history: %v", status, err)
			}
			after := loadWritable(t, st)
			if len(after) < len(h.Records) {
				t.Fatalf("saving lost records: got %d, had %d", len(after), len(h.Records))
			}
			// Every record comes back as it was, written in the current
			// schema.
			byID := map[string]data.Record{}
			for _, r := range after {
				byID[r.ID] = r
			}
			for i, r := range h.Records {
				if got, ok := byID[r.ID]; r.ID != rec.ID && (!ok || !got.Equal(r)) {
					t.Fatalf("record %d after saving: got %+v, want %+v", i+1, got, r)
				}
			}
		} else if err == nil || got != raw {
			t.Fatalf("saving into a %v history: got %v and %q, want a refusal and no change", status, err, got)
		}
	})
}
