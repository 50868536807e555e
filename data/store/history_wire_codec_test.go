package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store/internal/jsonwire"
)

// The records of a stored history decoded by encoding/json into tuples,
// each field then read by type, against the hand-written decoder
// (wireDecoder.records), on the same ten years of sessions. It is the
// measurement behind keeping the hand-written decoder: see
// docs/performance.md.

// jsonTupleRecords decodes the records list raw with encoding/json.
func jsonTupleRecords(d *wireDecoder, raw []byte) ([]data.Record, error) {
	var rows [][]json.RawMessage
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, err
	}
	out := make([]data.Record, 0, len(rows))
	for i, row := range rows {
		if len(row) < wireRequired || len(row) > wireFields {
			return nil, fmt.Errorf("record %d: %d fields", i+1, len(row))
		}
		var rec data.Record
		var hex string
		var routine, zone, complete int
		var start, end, active, local int64
		var logs []int
		for f, dst := range []any{&hex, &routine, &start, &end, &active, &local, &zone, &complete, &logs} {
			if err := json.Unmarshal(row[f], dst); err != nil {
				return nil, fmt.Errorf("record %d field %d: %w", i+1, f, err)
			}
		}
		if len(hex) != 32 || routine < 0 || routine >= len(d.routines) || zone < 0 || zone >= len(d.zones) {
			return nil, fmt.Errorf("record %d: bad id or index", i+1)
		}
		rec.ID = hex[:8] + "-" + hex[8:12] + "-" + hex[12:16] + "-" + hex[16:20] + "-" + hex[20:]
		rec.Routine, rec.RoutineName = d.routines[routine].id, d.routines[routine].name
		rec.Start = time.UnixMilli(start).UTC()
		rec.End = rec.Start.Add(time.Duration(end) * time.Millisecond)
		rec.ActiveMS = active
		l := rec.Start.Truncate(time.Minute).Add(time.Duration(local) * time.Minute)
		rec.LocalDate, rec.LocalTime = l.Format(data.DateLayout), l.Format(data.ClockLayout)
		rec.Zone = d.zones[zone]
		rec.Complete = complete == 1
		for _, n := range logs {
			if n < 0 || n >= len(d.logs) {
				return nil, fmt.Errorf("record %d: log %d", i+1, n)
			}
			rec.Exercises = append(rec.Exercises, d.logs[n])
		}
		for f, dst := range []**int{&rec.PainBefore, &rec.PainAfter} {
			if len(row) > 9+f && string(row[9+f]) != "null" {
				if err := json.Unmarshal(row[9+f], dst); err != nil {
					return nil, err
				}
			}
		}
		if len(row) > 11 {
			if err := json.Unmarshal(row[11], &rec.Note); err != nil {
				return nil, err
			}
		}
		if err := rec.Validate(); err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		out = append(out, rec)
	}
	return out, nil
}

// tenYearsWire is the envelope of ten years of twice-daily sessions, as
// stored, and the decoder with its lists read.
func tenYearsWire(tb testing.TB) (map[string]json.RawMessage, *wireDecoder) {
	tb.Helper()
	recs := make([]data.Record, 0, 7300)
	start := time.Date(2015, 4, 24, 7, 30, 0, 0, time.UTC)
	for i := range 7300 {
		s := start.Add(time.Duration(i/2)*24*time.Hour + time.Duration(i%2)*12*time.Hour)
		r := data.Record{ID: fmt.Sprintf("6f1c2a9e-3b4d-4e5f-8a7b-%012d", i), Routine: data.Morning, RoutineName: "Morning routine",
			Start: s, End: s.Add(8 * time.Minute), ActiveMS: 480000, LocalDate: s.Format(data.DateLayout), LocalTime: s.Format(data.ClockLayout),
			Zone: "Europe/London", Complete: i%7 != 0,
			Exercises: []data.ExerciseLog{{Exercise: data.Bridge, Name: "Bridge", Reps: 5, RepsDone: 5, Holds: 5, HoldsDone: 5, HoldMS: 18000}}}
		if i%3 == 0 {
			r.PainBefore, r.PainAfter = data.PainScore(4), data.PainScore(3)
		}
		if i%11 == 0 {
			r.Note = "felt stiff, " + strconv.Itoa(i)
		}
		recs = append(recs, r)
	}
	p, err := encodeWire(recs)
	if err != nil {
		tb.Fatal(err)
	}
	env := p.envelope()
	var d wireDecoder
	if err := d.lists(env, jsonwire.Count(env["records"])); err != nil {
		tb.Fatal(err)
	}
	return env, &d
}

func TestJSONTupleDecoderReadsTheSameRecords(t *testing.T) {
	env, d := tenYearsWire(t)
	want, err := d.records(env["records"], jsonwire.Count(env["records"]))
	if err != nil {
		t.Fatal(err)
	}
	got, err := jsonTupleRecords(d, env["records"])
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range got {
		if !got[i].Equal(want[i]) {
			t.Fatalf("record %d: got %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

func BenchmarkRecordsHandWritten(b *testing.B) {
	env, d := tenYearsWire(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.records(env["records"], jsonwire.Count(env["records"])); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecordsEncodingJSON(b *testing.B) {
	env, d := tenYearsWire(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonTupleRecords(d, env["records"]); err != nil {
			b.Fatal(err)
		}
	}
}
