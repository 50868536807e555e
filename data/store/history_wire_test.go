package store_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// maxHistoryBytes is the product's budget for ten years of stored history:
// 1.5 MiB, about 200 bytes a session.
const maxHistoryBytes = 1_572_864

// storedTenYears saves ten years of realistic history into a fresh store
// and returns the store and the stored text.
func storedTenYears(tb testing.TB) (*store.MemoryStorage, []data.Record, string) {
	tb.Helper()
	recs := datatest.RealisticYears(tb, 7300)
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		tb.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
	return st, recs, raw
}

func TestHistoryTenYearsSize(t *testing.T) {
	st, recs, raw := storedTenYears(t)
	// Browsers count localStorage in UTF-16 code units, not bytes.
	units := len(utf16.Encode([]rune(raw)))
	t.Logf("ten years of history (%d sessions): %d bytes (%d UTF-16 units), %d bytes a session", len(recs), len(raw), units, len(raw)/len(recs))
	if len(raw) > maxHistoryBytes {
		t.Errorf("stored size: got %d bytes, want at most %d", len(raw), maxHistoryBytes)
	}
	got := loadWritable(t, st)
	if len(got) != len(recs) {
		t.Fatalf("records: got %d, want %d", len(got), len(recs))
	}
	for i := range got {
		if !got[i].Equal(recs[i]) {
			t.Fatalf("record %d: got %+v, want %+v", i+1, got[i], recs[i])
		}
	}
}

// BenchmarkLoadHistory loads ten years of realistic history, as the
// history screen does on every launch.
func BenchmarkLoadHistory(b *testing.B) {
	st, recs, raw := storedTenYears(b)
	b.ReportMetric(float64(len(raw)), "stored-bytes")
	b.ReportMetric(float64(len(raw))/float64(len(recs)), "bytes/session")
	now := time.Date(2025, 4, 24, 7, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, _, err := store.LoadHistory(st, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadHistorySchema1 loads ten years of realistic history as
// schema 1 stored it, upgrading it in memory as the first launch after an
// update does, until the next save writes schema 2.
func BenchmarkLoadHistorySchema1(b *testing.B) {
	recs := datatest.RealisticYears(b, 7300)
	raw, err := json.Marshal(struct {
		Schema  int           `json:"schema"`
		Records []data.Record `json:"records"`
	}{1, recs})
	if err != nil {
		b.Fatal(err)
	}
	st := seededStore(b, string(raw))
	b.ReportMetric(float64(len(raw)), "stored-bytes")
	now := time.Date(2025, 4, 24, 7, 0, 0, 0, time.UTC)
	for b.Loop() {
		if h, _, err := store.LoadHistory(st, now); err != nil || len(h.Records) != len(recs) {
			b.Fatalf("got %d records, %v, want %d", len(h.Records), err, len(recs))
		}
	}
}

// BenchmarkSaveHistory saves one more session on top of ten years of
// realistic history, as every finished session does: it reads the stored
// history again, merges and writes it all.
func BenchmarkSaveHistory(b *testing.B) {
	st, _, _ := storedTenYears(b)
	extra := datatest.Record(b, datatest.London, "2025-04-25 08:00")
	for b.Loop() {
		if _, err := store.SaveRecord(st, extra); err != nil {
			b.Fatal(err)
		}
	}
}

// roundTrip saves recs into an empty store, loads them back and fails
// unless they come back as they were, in the order LoadHistory keeps.
func roundTrip(tb testing.TB, recs ...data.Record) []data.Record {
	tb.Helper()
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		tb.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
	// The text is stored as it is; encoding it as JSON again would not
	// change a byte.
	if again, err := json.Marshal(json.RawMessage(raw)); err != nil || string(again) != raw {
		tb.Errorf("encoded again: got %s, %v, want %s", again, err, raw)
	}
	got := loadWritable(tb, st)
	want := slices.Clone(recs)
	slices.SortStableFunc(want, func(a, b data.Record) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID))
	})
	if len(got) != len(want) {
		tb.Fatalf("records: got %d, want %d", len(got), len(want))
	}
	for i := range got {
		if !got[i].Equal(want[i]) || !reflect.DeepEqual(got[i], want[i]) {
			tb.Errorf("record %d:\ngot  %+v\nwant %+v\nstored %s", i+1, got[i], want[i], raw)
		}
	}
	return got
}

func TestHistoryRoundTrip(t *testing.T) {
	// rec is a record at local in London, edited; n makes its id unique.
	n := 0
	rec := func(zone, local string, edits ...func(*data.Record)) data.Record {
		n++
		return datatest.Record(t, zone, local, append([]func(*data.Record){func(r *data.Record) { r.ID = datatest.UUIDFor(fmt.Sprint("round trip ", n)) }}, edits...)...)
	}
	pain := func(before, after *int) func(*data.Record) {
		return func(r *data.Record) { r.PainBefore, r.PainAfter = before, after }
	}
	note := func(s string) func(*data.Record) { return func(r *data.Record) { r.Note = s } }
	zero, ten := data.PainScore(0), data.PainScore(10)
	cases := []struct {
		scenario string
		recs     []data.Record
	}{
		{"pain absent, zero and full", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", pain(nil, nil)),
			rec(datatest.London, "2025-04-20 09:00", pain(zero, nil)),
			rec(datatest.London, "2025-04-20 10:00", pain(nil, zero)),
			rec(datatest.London, "2025-04-20 11:00", pain(zero, zero)),
			rec(datatest.London, "2025-04-20 12:00", pain(ten, ten)),
			rec(datatest.London, "2025-04-20 13:00", pain(nil, nil), note("no pain given")),
			rec(datatest.London, "2025-04-20 14:00", pain(data.PainScore(3), nil), note("before only")),
		}},
		{"notes of every kind", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", note("plain")),
			rec(datatest.London, "2025-04-20 09:00", note("line\nbreak\n\nand another")),
			rec(datatest.London, "2025-04-20 10:00", note(`quotes "and" \ backslash / slash`)),
			rec(datatest.London, "2025-04-20 11:00", note("<b>bold</b> & <script>alert(1)</script>")),
			rec(datatest.London, "2025-04-20 12:00", note("separators\u2028and\u2029here")),
			rec(datatest.London, "2025-04-20 13:00", note("😊🏽 👍 日本語のメモ Müde «mieux» – ok")),
			rec(datatest.London, "2025-04-20 14:00", note(strings.Repeat("ü", data.MaxNoteRunes))),
			rec(datatest.London, "2025-04-20 15:00", note("null")),
			rec(datatest.London, "2025-04-20 16:00", note(" 1 ")),
		}},
		{"stopped as it hurt", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", func(r *data.Record) { r.Stopped, r.Complete = data.StoppedHurt, false }),
			rec(datatest.London, "2025-04-20 09:00", pain(data.PainScore(4), nil), func(r *data.Record) { r.Stopped, r.Complete = data.StoppedHurt, false }),
			rec(datatest.London, "2025-04-20 10:00", pain(zero, ten), note("sharp"), func(r *data.Record) { r.Stopped, r.Complete = data.StoppedHurt, false }),
		}},
		{"zones", []data.Record{
			rec("", "2025-04-20 08:00"),
			rec("UTC", "2025-04-20 08:00"),
			rec("America/Argentina/Buenos_Aires", "2025-04-20 08:00"),
			rec("Etc/GMT+5", "2025-04-20 08:00"),
			rec("Pacific/Kiritimati", "2025-04-20 08:00"), // UTC+14: the local date is a day ahead
			rec("Etc/GMT+12", "2025-04-20 20:00"),         // UTC−12: a day behind
			rec("Asia/Kathmandu", "2025-04-20 08:00"),     // UTC+5:45
		}},
		{"a renamed exercise and routine keep their old names", []data.Record{
			rec(datatest.London, "2025-04-20 08:00"),
			rec(datatest.London, "2025-04-21 08:00", func(r *data.Record) {
				r.RoutineName, r.Exercises[0].Name = "Knees to chest", "Knees to chest (new name)"
			}),
			rec(datatest.London, "2025-04-22 08:00"),
		}},
		{"instants that are not whole milliseconds", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", func(r *data.Record) {
				r.Start = r.Start.Add(123456789)
				r.End = r.Start.Add(10 * time.Minute)
			}),
			rec(datatest.London, "2025-04-21 08:00", func(r *data.Record) { r.End = r.End.Add(1) }),
			rec(datatest.London, "2025-04-22 08:00", func(r *data.Record) { r.Start = r.Start.Add(999); r.End = r.End.Add(1) }),
		}},
		{"short, long and endless sessions", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", func(r *data.Record) { r.End = r.Start; r.ActiveMS = 0 }),
			rec(datatest.London, "2025-04-21 08:00", func(r *data.Record) { r.End = r.Start.AddDate(100, 0, 0) }),
			rec(datatest.London, "2025-04-22 08:00", func(r *data.Record) { r.End = r.Start.AddDate(500, 0, 0) }),
			rec(datatest.London, "2025-04-23 08:00", func(r *data.Record) { r.End = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC) }),
			rec(datatest.London, "2025-04-24 08:00", func(r *data.Record) { r.ActiveMS = data.MaxActiveMS }),
		}},
		{"the edges of time", []data.Record{
			rec("UTC", "1970-01-01 00:00"),
			rec("UTC", "1970-01-01 00:00", func(r *data.Record) { r.Start = r.Start.Add(time.Millisecond) }),
			rec("UTC", "9999-12-31 23:59", func(r *data.Record) { r.End = r.Start.Add(59 * time.Second) }),
		}},
		{"answers edited", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", func(r *data.Record) { r.Edited = r.End.Add(time.Hour) }),
			rec(datatest.London, "2025-04-20 09:00", pain(zero, nil), note("kept"), func(r *data.Record) { r.Edited = r.End }),
			rec(datatest.London, "2025-04-20 10:00", func(r *data.Record) { r.Edited = r.End.Add(123456789) }),
			rec(datatest.London, "2025-04-20 11:00", func(r *data.Record) { r.Edited = time.UnixMilli(0).UTC() }),
			rec(datatest.London, "2025-04-20 12:00", func(r *data.Record) { r.Stopped, r.Complete, r.Edited = data.StoppedHurt, false, r.Start }),
			rec(datatest.London, "2025-04-20 13:00", func(r *data.Record) { r.Edited = r.Start.Add(-48 * time.Hour) }),
		}},
		{"partial, with fifty exercises", []data.Record{
			rec(datatest.London, "2025-04-20 08:00", func(r *data.Record) {
				r.Complete = false
				r.Exercises = nil
				for i := range data.MaxLogs {
					r.Exercises = append(r.Exercises, data.ExerciseLog{
						Exercise: data.Bridge, Name: "Bridge", Reps: 1 + i%30, RepsDone: i % 2, Holds: 1 + i%30, HoldsDone: i % 2, HoldMS: int64(1 + i*1000),
					})
				}
			}),
		}},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) { roundTrip(t, c.recs...) })
	}
	t.Run("ten years", func(t *testing.T) { roundTrip(t, datatest.RealisticYears(t, 7300)...) })
}

// TestHistoryDeletionsRoundTrip: the deletions come back as written, the
// latest MaxTombstones of them, oldest first.
func TestHistoryDeletionsRoundTrip(t *testing.T) {
	st := &store.MemoryStorage{}
	kept := datatest.Record(t, datatest.London, "2025-04-20 08:00")
	n := store.MaxTombstones + 20
	var recs []data.Record
	for i := range n {
		recs = append(recs, datatest.Record(t, datatest.London, "2025-04-20 09:00", func(r *data.Record) { r.ID = datatest.UUIDFor(fmt.Sprint("gone ", i)) }))
	}
	if _, err := store.SaveRecords(st, append(recs, kept)...); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 4, 21, 8, 0, 0, 0, time.UTC)
	var deleted []store.Tombstone
	for i, r := range recs {
		deleted = append(deleted, store.Tombstone{ID: r.ID, At: at.Add(time.Duration(i) * time.Second)})
	}
	// Two backups' deletions, more than are kept together; then one more
	// deleted here, which is kept as the latest.
	for _, part := range [][]store.Tombstone{deleted[:600], deleted[600 : n-1]} {
		if _, _, err := store.ImportBackup(st, store.Backup{Deleted: part}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.DeleteRecordAt(st, recs[n-1].ID, at.Add(time.Duration(n-1)*time.Second+time.Microsecond)); err != nil {
		t.Fatal(err)
	}
	h, _, err := store.LoadHistory(st, at)
	if err != nil || len(h.Records) != 1 {
		t.Fatalf("LoadHistory: %d records, %v; want the one kept", len(h.Records), err)
	}
	if len(h.Deleted) != store.MaxTombstones {
		t.Fatalf("%d deletions kept, want %d", len(h.Deleted), store.MaxTombstones)
	}
	for i, d := range h.Deleted {
		j := i + n - store.MaxTombstones
		if d.ID != recs[j].ID || !d.At.Equal(at.Add(time.Duration(j)*time.Second)) {
			t.Fatalf("deletion %d: got %+v, want %s at %v", i+1, d, recs[j].ID, at.Add(time.Duration(j)*time.Second))
		}
	}
}

func TestHistoryRecordsShareNothing(t *testing.T) {
	// Records read from the compact form are cut from shared blocks of
	// memory; changing one must not change another.
	recs := []data.Record{
		datatest.Record(t, datatest.London, "2025-04-20 08:00", func(r *data.Record) { r.PainBefore = data.PainScore(2) }),
		datatest.Record(t, datatest.London, "2025-04-21 08:00", func(r *data.Record) { r.PainBefore = data.PainScore(2) }),
	}
	got := roundTrip(t, recs...)
	got[0].Exercises[0].Reps = 99
	*got[0].PainBefore = 9
	got[0].Exercises = append(got[0].Exercises, got[0].Exercises[0])
	if got[1].Exercises[0].Reps != 2 || *got[1].PainBefore != 2 {
		t.Errorf("second record after changing the first: got %+v, pain %d, want it unchanged", got[1].Exercises, *got[1].PainBefore)
	}
}

func FuzzHistoryRoundTrip(f *testing.F) {
	f.Add(int64(1745132400000e6), int64(600e9), int16(60), "Europe/London", "Knee-to-chest stretch", "plain", int8(-1), int8(3), int64(-1))
	f.Add(int64(1745132400123456789), int64(1), int16(-720), "", "Ünïcödé <&>", "line\nbreak \"q\" \u2028", int8(0), int8(0), int64(1745132400123456789))
	f.Add(int64(0), int64(0), int16(840), "Etc/GMT+5", "x", "", int8(10), int8(-1), int64(0))
	f.Fuzz(func(t *testing.T, startNS, lengthNS int64, offset int16, zone, name, note string, before, after int8, editedNS int64) {
		r := datatest.Record(t, datatest.London, "2025-04-20 08:00")
		r.Start = time.Unix(0, startNS).UTC()
		r.End = r.Start.Add(time.Duration(lengthNS))
		local := r.Start.Add(time.Duration(offset) * time.Minute)
		r.LocalDate, r.LocalTime = local.Format(data.DateLayout), local.Format(data.ClockLayout)
		r.Zone, r.Exercises[0].Name, r.Note = zone, name, note
		if before >= 0 {
			r.PainBefore = data.PainScore(int(before) % 11)
		}
		if after >= 0 {
			r.PainAfter = data.PainScore(int(after) % 11)
		}
		if editedNS >= 0 {
			r.Edited = time.Unix(0, editedNS).UTC()
		}
		if r.Validate() != nil {
			return
		}
		roundTrip(t, r, datatest.Record(t, datatest.London, "2025-04-21 08:00"))
	})
}
