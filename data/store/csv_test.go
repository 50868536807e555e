package store_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

func TestHistoryCSV(t *testing.T) {
	late := datatest.Record(t, datatest.London, "2025-04-24 19:30", func(r *data.Record) {
		r.Note = "=HYPERLINK(\"http://evil\",\"click\")"
		r.Complete = false
		r.ActiveMS = 95_000
	})
	early := datatest.Record(t, datatest.London, "2025-04-24 08:00", func(r *data.Record) {
		r.PainBefore, r.PainAfter = data.PainScore(5), data.PainScore(3)
		r.Note = "stiff, then \"much\" better\nafter the bridge"
	})
	out := store.HistoryCSV([]data.Record{late, early})
	if !bytes.HasSuffix(out, []byte("\r\n")) || bytes.Count(out, []byte("\r\n")) < 3 {
		t.Errorf("line ends: want CRLF as RFC 4180 says, got %q", out)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("reading it back: %v", err)
	}
	want := [][]string{
		{"date", "time", "zone", "part of day", "routine", "start (UTC)", "end (UTC)", "minutes", "complete", "pain before", "pain after", "exercises", "note", "id"},
		{"2025-04-24", "08:00", datatest.London, "morning", "Knee-to-chest stretch", "2025-04-24T07:00:00Z", "2025-04-24T07:10:00Z", "8.0", "yes", "5", "3",
			"Knee-to-chest stretch 2/2 reps", "stiff, then \"much\" better\nafter the bridge", early.ID},
		{"2025-04-24", "19:30", datatest.London, "evening", "Knee-to-chest stretch", "2025-04-24T18:30:00Z", "2025-04-24T18:40:00Z", "1.6", "no", "", "",
			"Knee-to-chest stretch 2/2 reps", "'=HYPERLINK(\"http://evil\",\"click\")", late.ID},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows: got %d, want %d", len(rows), len(want))
	}
	for i := range want {
		if !sameStrings(rows[i], want[i]) {
			t.Errorf("row %d: got %q, want %q", i, rows[i], want[i])
		}
	}
	if got := string(store.HistoryCSV(nil)); !strings.HasPrefix(got, "date,time,") || strings.Count(got, "\r\n") != 1 {
		t.Errorf("no records: got %q, want the header only", got)
	}
}

func TestSafeCell(t *testing.T) {
	cases := []struct {
		scenario, in, want string
	}{
		{"formula", "=1+2", "'=1+2"},
		{"plus", "+1", "'+1"},
		{"minus", "-2+3", "'-2+3"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"plain", "stiff today", "stiff today"},
		{"inner equals", "a=b", "a=b"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		if got := store.SafeCell(c.in); got != c.want {
			t.Errorf("%s: got %q, want %q", c.scenario, got, c.want)
		}
	}
}
