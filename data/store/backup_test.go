package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// bkNow is when the test backups are made.
var bkNow = time.Date(2025, 4, 24, 18, 0, 0, 0, time.UTC)

// bkRoutine is a custom routine for the backup tests.
var bkRoutine = data.Routine{
	ID: "gentle-start", Name: "Gentle start", Summary: "Two stretches for a stiff morning.",
	Items: []data.RoutineItem{{Exercise: data.KneeToChest, Reps: 3}, {Exercise: data.Rotation, Hold: 7 * time.Second}},
}

// bkRecords returns n valid records, one a day from 2025-01-01.
func bkRecords(tb testing.TB, n int) []data.Record {
	tb.Helper()
	out := make([]data.Record, n)
	for i := range out {
		day := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		out[i] = datatest.Record(tb, datatest.London, day.Format("2006-01-02 15:04"), func(r *data.Record) {
			r.PainBefore, r.PainAfter = data.PainScore(i%11), data.PainScore((i+3)%11)
		})
	}
	return out
}

// bkEncoded returns a valid backup of n records, encoded.
func bkEncoded(tb testing.TB, n int) string {
	tb.Helper()
	b, err := store.EncodeBackup(store.NewBackup(bkRecords(tb, n), data.DefaultSettings(), []data.Routine{bkRoutine}, bkNow))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// sameBackup reports how got differs from want, or "".
func sameBackup(got, want store.Backup) string {
	if got.Type != want.Type || got.Version != want.Version || !got.ExportedAt.Equal(want.ExportedAt) {
		return fmt.Sprintf("header %s %d %v, want %s %d %v", got.Type, got.Version, got.ExportedAt, want.Type, want.Version, want.ExportedAt)
	}
	if got.Settings != want.Settings {
		return fmt.Sprintf("settings %+v, want %+v", got.Settings, want.Settings)
	}
	if len(got.Routines) != len(want.Routines) || (len(got.Routines) > 0 && !reflect.DeepEqual(got.Routines, want.Routines)) {
		return fmt.Sprintf("routines %+v, want %+v", got.Routines, want.Routines)
	}
	if !reflect.DeepEqual(got.Deleted, want.Deleted) && (len(got.Deleted) > 0 || len(want.Deleted) > 0) {
		return fmt.Sprintf("deleted %+v, want %+v", got.Deleted, want.Deleted)
	}
	if len(got.Records) != len(want.Records) {
		return fmt.Sprintf("%d records, want %d", len(got.Records), len(want.Records))
	}
	for i := range got.Records {
		if !got.Records[i].Equal(want.Records[i]) {
			return fmt.Sprintf("record %d %+v, want %+v", i+1, got.Records[i], want.Records[i])
		}
	}
	return ""
}

func TestBackupRoundTrip(t *testing.T) {
	s := data.DefaultSettings()
	s.Voice, s.Theme = false, data.ThemeDark
	want := store.NewBackup(bkRecords(t, 30), s, []data.Routine{bkRoutine}, bkNow)
	enc, err := store.EncodeBackup(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.DecodeBackup(bytes.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameBackup(got, want); diff != "" {
		t.Errorf("round trip: got %s", diff)
	}
	if n := bytes.Count(enc, []byte("\n")); n < 30 {
		t.Errorf("lines: got %d, want one a record at least", n)
	}
}

func TestBackupEmpty(t *testing.T) {
	enc, err := store.EncodeBackup(store.NewBackup(nil, data.DefaultSettings(), nil, bkNow))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(enc, []byte(`"routines": []`)) || !bytes.Contains(enc, []byte(`"records": []`)) {
		t.Errorf("got %s, want empty lists, not null", enc)
	}
	got, err := store.DecodeBackup(bytes.NewReader(enc))
	if err != nil || len(got.Records) != 0 || len(got.Routines) != 0 {
		t.Errorf("got %+v, %v, want an empty backup", got, err)
	}
}

// decodeBackupFile reads the backup file name.
func decodeBackupFile(t *testing.T, name string) store.Backup {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := store.DecodeBackup(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBackupGoldenV1(t *testing.T) {
	// testdata/backup-v1.json was written by version 1. It must always
	// load.
	b := decodeBackupFile(t, "testdata/backup-v1.json")
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"exported", b.ExportedAt, bkNow},
		{"voice off", b.Settings.Voice, false},
		{"beeps on", b.Settings.Beeps, true},
		{"routines", len(b.Routines), 1},
		{"routine hold", b.Routines[0].Items[1].Hold, 7 * time.Second},
		{"records", len(b.Records), 3},
		{"first record", b.Records[0].ID, "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b"},
		{"note", b.Records[1].Note, "Stopped early: phone rang.\nBack felt looser – «mieux»."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, c.got, c.want)
		}
	}
}

func TestBackupGoldenV2(t *testing.T) {
	// testdata/backup-v2.json was written by version 2: version 1's
	// sessions, the first edited, and a session deleted. It must always
	// load, and is read as version 1's with those added.
	b := decodeBackupFile(t, "testdata/backup-v2.json")
	want := decodeBackupFile(t, "testdata/backup-v1.json")
	want.Version = 2
	want.Records[0].Edited = time.Date(2025, 3, 29, 9, 20, 0, 0, time.UTC)
	want.Deleted = []store.Tombstone{{ID: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", At: time.Date(2025, 3, 30, 2, 0, 0, 0, time.UTC)}}
	if diff := sameBackup(b, want); diff != "" {
		t.Errorf("got %s", diff)
	}
	// This version writes version 2 as the sample has it, field for field.
	enc, err := store.EncodeBackup(b)
	if err != nil {
		t.Fatal(err)
	}
	again, err := store.DecodeBackup(bytes.NewReader(enc))
	if err != nil || sameBackup(again, b) != "" || !bytes.Contains(enc, []byte(`"version": 2`)) ||
		!bytes.Contains(enc, []byte(`"deleted": [{"id":"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b","at":"2025-03-30T02:00:00Z"}]`)) ||
		!bytes.Contains(enc, []byte(`"edited":"2025-03-29T09:20:00Z"`)) {
		t.Errorf("written again: %v\n%s", err, enc)
	}
}

func TestBackupOlderSettings(t *testing.T) {
	// Settings from before schema 2 take the defaults for what they lack.
	enc := bkEncoded(t, 1)
	i, j := strings.Index(enc, `"settings": `), strings.Index(enc, `"routines": `)
	enc = enc[:i] + `"settings": {"schema":1,"voice":false,"beeps":true,"vibration":false,"keepAwake":true},` + "\n  " + enc[j:]
	b, err := store.DecodeBackup(strings.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	want := data.DefaultSettings()
	want.Voice, want.Vibration = false, false
	if b.Settings != want {
		t.Errorf("got %+v, want %+v", b.Settings, want)
	}
}

func TestDecodeBackupRejects(t *testing.T) {
	valid := bkEncoded(t, 12)
	// edit replaces the first old in the valid backup with new.
	edit := func(old, new string) string {
		if !strings.Contains(valid, old) {
			t.Fatalf("%q is not in the backup", old)
		}
		return strings.Replace(valid, old, new, 1)
	}
	// rec12 edits the twelfth record only.
	rec12 := func(old, new string) string {
		i := strings.LastIndex(valid, "\n    {")
		return valid[:i] + strings.Replace(valid[i:], old, new, 1)
	}
	manyEmpty := `{"type":"unknot-backup","version":1,"exportedAt":"2025-04-24T18:00:00Z","settings":{"schema":2},"records":[` +
		strings.TrimSuffix(strings.Repeat("{},", store.MaxRecords+1), ",") + `]}`
	ids := strings.Split(valid, `"id":"`)
	firstID := ids[2][:36]
	cases := []struct {
		scenario, in, want string
	}{
		{"empty", ``, "this file is not an Unknot backup: it is empty"},
		{"not JSON", `<html>`, "this file is not an Unknot backup. Choose the file that Export everything saved: its name starts with unknot-backup- and ends in .json"},
		{"a photo", "\xff\xd8\xff\xe0JFIF", "Choose the file that Export everything saved"},
		{"broken JSON", `{"type": unknot}`, "it is not valid JSON"},
		{"cut short", valid[:len(valid)/2], "this file is not an Unknot backup: it is cut short"},
		{"data after the end", valid + `{}`, "there is more data after the end"},
		{"two backups", valid + valid, "there is more data after the end"},
		{"a list", `[` + valid + `]`, "the value is a list, must be an object"},
		{"null", `null`, "it is empty"},
		{"no type", edit(`"type": "unknot-backup",`, ``), `it has no "type": "unknot-backup"`},
		{"another app's file", edit(`"unknot-backup"`, `"excalidraw"`), "this file is not an Unknot backup"},
		{"type in capitals", edit(`"unknot-backup"`, `"Unknot-Backup"`), "this file is not an Unknot backup"},
		{"newer version", edit(`"version": 2`, `"version": 3`), "made by a newer version of Unknot (version 3; this one reads 2)"},
		{"version 0", edit(`"version": 2`, `"version": 0`), "version 0 is not a backup version Unknot knows"},
		{"version as text", edit(`"version": 2`, `"version": "2"`), "the backup has no version number"},
		{"unknown field", edit(`"version": 2,`, `"version": 2, "theme": "dark",`), `the backup has an unknown field "theme"`},
		{"no records", `{"type":"unknot-backup","version":1,"exportedAt":"2025-04-24T18:00:00Z","settings":{"schema":2}}`, `the backup has no "records"`},
		{"no settings", edit(`"settings": `, `"preferences": `), `unknown field "preferences"`},
		{"bad export time", edit(`"2025-04-24T18:00:00Z"`, `"yesterday"`), `the export time "yesterday" is not a date and time`},
		{"settings: unknown field", edit(`"voice":true`, `"voice":true,"volume":11`), `settings: unknown field "volume"`},
		{"settings: newer", edit(`{"schema":4,`, `{"schema":5,`), "settings: they were saved by a newer version of Unknot (schema 5"},
		{"settings: newer, with new fields", edit(`{"schema":4,`, `{"schema":5,"haptics":"strong",`), "settings: they were saved by a newer version of Unknot (schema 5"},
		{"settings: out of range", edit(`"beepVolume":70`, `"beepVolume":700`), "settings: the beep volume must be between 10% and 100%, not 700%"},
		{"settings: wrong type", edit(`"voice":true`, `"voice":"yes"`), "settings: voice is text, must be true or false"},
		{"routine: unknown exercise", edit(`"exercise":"lower-back-rotation","hold"`, `"exercise":"plank","hold"`), `routine 1: routine exercise 2: "plank" is not an exercise Unknot knows`},
		{"routine: dose out of range", edit(`"reps":3}`, `"reps":30}`), "routine 1: routine \"Gentle start\": Knee-to-chest stretch: 30 rounds is outside the safe range of 1 to 3"},
		{"routine: a built-in id", edit(`"id":"gentle-start"`, `"id":"morning"`), `routine 1: id "morning" is taken by a built-in routine or exercise`},
		{"routine: bad id", edit(`"id":"gentle-start"`, `"id":"Gentle Start!"`), `routine 1: routine id "Gentle Start!" must be lower-case`},
		{"routine: unknown field", edit(`"summary":"Two`, `"colour":"red","summary":"Two`), `routine 1: unknown field "colour"`},
		{"routine: name too long", edit(`"name":"Gentle start"`, `"name":"`+strings.Repeat("x", 101)+`"`), "routine 1: routine name is 101 characters long, at most 100"},
		{"routine: twice", edit(`"routines": [{`, `"routines": [{"id":"gentle-start","name":"Gentle start","summary":"","items":[{"exercise":"bridge"}]},{`), `routine 2: id "gentle-start" is also used by routine 1`},
		{"records: not a list", edit(`"records": [`, `"records": {"a":[`) + "}", "records: the value is an object, must be a list"},
		{"too many records", manyEmpty, "it holds 100001 records, at most 100000"},
		{"record 12: pain after", rec12(`"painAfter":3`, `"painAfter":14`), "record 12: pain after is 14, must be 0 to 10"},
		{"record 1: pain as text", edit(`"painBefore":0`, `"painBefore":"none"`), "record 1: pain before is text, must be a whole number"},
		{"record 1: pain a fraction", edit(`"painBefore":0`, `"painBefore":2.5`), "record 1: pain before is the number 2.5, must be a whole number"},
		{"record 1: unknown field", edit(`"complete":true`, `"complete":true,"mood":"good"`), `record 1: unknown field "mood"`},
		{"record 1: bad id", edit(`"id":"`+firstID, `"id":"`+strings.ToUpper(firstID)), "record 1: id \"" + strings.ToUpper(firstID) + "\" is not a uuid"},
		{"record 2: same id as record 1", rec12(ids[len(ids)-1][:36], firstID), "record 12: id " + firstID + " is also used by record 1"},
		{"record 1: bad start", edit(`"start":"2025-01-01T08:00:00Z"`, `"start":"2025-01-01 08:00"`), `record 1: start "2025-01-01 08:00" is not a date and time like 2025-04-24T07:30:00Z`},
		{"record 1: no end", edit(`"end":"2025-01-01T08:10:00Z",`, ``), "record 1: end is missing"},
		{"record 1: end before start", edit(`"end":"2025-01-01T08:10:00Z"`, `"end":"2025-01-01T07:10:00Z"`), "record 1: end 2025-01-01T07:10:00Z is before start 2025-01-01T08:00:00Z"},
		{"record 1: bad local date", edit(`"localDate":"2025-01-01"`, `"localDate":"01/01/2025"`), `record 1: local date "01/01/2025" is not a date like 2025-04-24`},
		{"record 1: unknown exercise", edit(`"exercise":"knee-to-chest","name"`, `"exercise":"plank","name"`), `record 1: exercise 1: "plank" is not an exercise Unknot knows`},
		{"record 1: reps as a huge number", edit(`"reps":2,`, `"reps":99999999999999999999,`), "record 1: exercises reps is the number 99999999999999999999, must be a whole number"},
		{"record 1: note too long", edit(`"complete":true`, `"complete":true,"note":"`+strings.Repeat("ä", 281)+`"`), "record 1: note is 281 characters long, at most 280"},
		{"record 1: not an object", edit(`"records": [`, `"records": [7,`), "record 1: the value is a number, must be an object"},
		{"record 1: null", edit(`"records": [`, `"records": [null,`), "record 1: start is missing"},
		{"record 1: bad edit time", edit(`"complete":true`, `"complete":true,"edited":"Sunday"`), `record 1: edit time "Sunday" is not a date and time`},
		{"record 1: edit time as a number", edit(`"complete":true`, `"complete":true,"edited":1745479800000`), "record 1: edited is a number, must be text"},
		{"deleted: too many", edit(`"deleted": []`, `"deleted": [`+strings.TrimSuffix(strings.Repeat(`{},`, store.MaxTombstones+1), ",")+`]`), "it holds 1001 deletions, at most 1000"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			got, err := store.DecodeBackup(strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
			if !reflect.DeepEqual(got, store.Backup{}) {
				t.Errorf("got a backup with an error: %+v", got)
			}
		})
	}
}

func TestDecodeBackupSize(t *testing.T) {
	big := bytes.Repeat([]byte(" "), store.MaxBackupBytes+1)
	cases := []struct {
		scenario string
		r        io.Reader
		want     string
	}{
		{"a reader that knows its size", bytes.NewReader(big), "this file is 16.0 MiB, larger than the 16.0 MiB a backup can be"},
		{"a reader that does not", io.MultiReader(bytes.NewReader(big)), "this file is more than 16.0 MiB, larger than a backup can be"},
	}
	for _, c := range cases {
		_, err := store.DecodeBackup(c.r)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.scenario, err, c.want)
		}
	}
	if err := store.CheckBackupSize(40 << 20); err == nil || err.Error() != "this file is 40.0 MiB, larger than the 16.0 MiB a backup can be" {
		t.Errorf("CheckBackupSize(40 MiB): got %v", err)
	}
	if err := store.CheckBackupSize(2000); err != nil {
		t.Errorf("CheckBackupSize(2000): got %v, want nil", err)
	}
	// A reader that fails is reported.
	if _, err := store.DecodeBackup(io.MultiReader(strings.NewReader("{"), errReader{})); err == nil || !strings.Contains(err.Error(), "could not be read: disk gone") {
		t.Errorf("failing reader: got %v", err)
	}
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestDecodeBackupKeepsHTMLAsText(t *testing.T) {
	// Names and notes are text: kept exactly, for the UI to show as text,
	// never as markup.
	const evil = `<img src=x onerror="alert(1)">`
	recs := bkRecords(t, 1)
	recs[0].RoutineName, recs[0].Note = evil, evil
	r := bkRoutine
	r.Name = evil
	enc, err := store.EncodeBackup(store.NewBackup(recs, data.DefaultSettings(), []data.Routine{r}, bkNow))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(enc, []byte("<img")) {
		t.Errorf("the file holds raw markup; want it escaped as \\u003c")
	}
	b, err := store.DecodeBackup(bytes.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	if b.Records[0].Note != evil || b.Records[0].RoutineName != evil || b.Routines[0].Name != evil {
		t.Errorf("got %q, %q, %q, want the text kept", b.Records[0].Note, b.Records[0].RoutineName, b.Routines[0].Name)
	}
}

func TestEncodeBackupRefusesInvalid(t *testing.T) {
	recs := bkRecords(t, 3)
	recs[2].PainAfter = data.PainScore(11)
	if _, err := store.EncodeBackup(store.NewBackup(recs, data.DefaultSettings(), nil, bkNow)); err == nil || !strings.Contains(err.Error(), "record 3: pain after is 11") {
		t.Errorf("got %v, want an error naming record 3", err)
	}
	b := store.NewBackup(bkRecords(t, 1), data.DefaultSettings(), nil, bkNow)
	b.Records = append(b.Records, b.Records[0])
	if _, err := store.EncodeBackup(b); err == nil || !strings.Contains(err.Error(), "record 2: id") {
		t.Errorf("duplicate ids: got %v, want an error", err)
	}
}

func TestMerge(t *testing.T) {
	a, b, c := datatest.Record(t, datatest.London, "2025-04-20 08:00"), datatest.Record(t, datatest.London, "2025-04-21 08:00"), datatest.Record(t, datatest.London, "2025-04-22 08:00")
	bEdited := b
	bEdited.Note = "edited elsewhere"
	bEdited.Edited = b.End.Add(time.Hour)
	bCleared := bEdited
	bCleared.Note, bCleared.Edited = "", b.End.Add(2*time.Hour)
	cases := []struct {
		scenario                    string
		existing, incoming          []data.Record
		want                        []string
		note                        string // b's note after
		added, unchanged, conflicts int
	}{
		{"into nothing", nil, []data.Record{c, a}, []string{a.ID, c.ID}, "", 2, 0, 0},
		{"nothing in", []data.Record{a}, nil, []string{a.ID}, "", 0, 0, 0},
		{"the same again", []data.Record{a, b}, []data.Record{b, a}, []string{a.ID, b.ID}, "", 0, 2, 0},
		{"new and old", []data.Record{a, b}, []data.Record{b, c}, []string{a.ID, b.ID, c.ID}, "", 1, 1, 0},
		{"a later edit is merged in", []data.Record{b}, []data.Record{bEdited, a}, []string{a.ID, b.ID}, "edited elsewhere", 1, 0, 1},
		{"an earlier edit is not", []data.Record{bCleared}, []data.Record{bEdited}, []string{b.ID}, "", 0, 1, 0},
	}
	for _, ch := range cases {
		merged, added, unchanged, conflicts := store.Merge(ch.existing, ch.incoming)
		if got := recordIDs(merged); !sameStrings(got, ch.want) {
			t.Errorf("%s: merged: got %v, want %v", ch.scenario, got, ch.want)
		}
		if added != ch.added || unchanged != ch.unchanged || conflicts != ch.conflicts {
			t.Errorf("%s: counts: got %d/%d/%d, want %d/%d/%d", ch.scenario, added, unchanged, conflicts, ch.added, ch.unchanged, ch.conflicts)
		}
		for _, r := range merged {
			if r.ID == b.ID && r.Note != ch.note {
				t.Errorf("%s: b's note is %q, want %q", ch.scenario, r.Note, ch.note)
			}
		}
	}
}

func TestImportRecords(t *testing.T) {
	st := &store.MemoryStorage{}
	here := bkRecords(t, 3)
	if _, err := store.SaveRecords(st, here...); err != nil {
		t.Fatal(err)
	}
	incoming := append(bkRecords(t, 5)[1:], datatest.Record(t, datatest.London, "2025-04-24 08:00"))
	incoming[0].Note, incoming[0].Edited = "changed", incoming[0].End.Add(time.Hour)
	h, sum, err := store.ImportRecords(st, incoming)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ImportSummary{Added: 3, Updated: 1, Unchanged: 1}); sum != want {
		t.Errorf("summary: got %+v, want %+v", sum, want)
	}
	if len(h.Records) != 6 || len(loadWritable(t, st)) != 6 {
		t.Errorf("records: got %d returned and %d stored, want 6", len(h.Records), len(loadWritable(t, st)))
	}
	// Importing the same again adds nothing and writes nothing.
	before := storeSnapshot(t, st)
	if _, sum, err := store.ImportRecords(st, incoming); err != nil || sum.Added != 0 {
		t.Errorf("again: got %+v, %v, want nothing added", sum, err)
	}
	if !reflect.DeepEqual(storeSnapshot(t, st), before) {
		t.Errorf("importing nothing new wrote to storage")
	}
	// A record that is not valid stops the whole import.
	bad := datatest.Record(t, datatest.London, "2025-04-25 08:00", func(r *data.Record) { r.LocalTime = "8am" })
	if _, _, err := store.ImportRecords(st, []data.Record{datatest.Record(t, datatest.London, "2025-04-26 08:00"), bad}); err == nil || !strings.Contains(err.Error(), "nothing was imported: record 2: local time") {
		t.Errorf("invalid: got %v", err)
	}
	if !reflect.DeepEqual(storeSnapshot(t, st), before) {
		t.Errorf("a rejected import wrote to storage")
	}
	// A damaged history is not imported into.
	damaged := seededStore(t, `{"schema":1,"records":[`)
	if _, _, err := store.ImportRecords(damaged, incoming); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("damaged: got %v, want ErrCorrupt", err)
	}
}

func TestBackupDue(t *testing.T) {
	day := 24 * time.Hour
	cases := []struct {
		scenario string
		last     store.LastBackup
		now      time.Time
		sessions int
		want     bool
	}{
		{"never, four sessions", store.LastBackup{}, bkNow, 4, false},
		{"never, five sessions", store.LastBackup{}, bkNow, 5, true},
		{"a month ago, five new", store.LastBackup{At: bkNow.Add(-30 * day), Sessions: 10}, bkNow, 15, true},
		{"a month ago, four new", store.LastBackup{At: bkNow.Add(-30 * day), Sessions: 10}, bkNow, 14, false},
		{"29 days ago, many new", store.LastBackup{At: bkNow.Add(-29 * day), Sessions: 10}, bkNow, 70, false},
		{"a year ago, sessions deleted since", store.LastBackup{At: bkNow.Add(-365 * day), Sessions: 10}, bkNow, 8, false},
		{"dated in the future: the clock moved", store.LastBackup{At: bkNow.Add(400 * day), Sessions: 10}, bkNow, 15, true},
	}
	for _, c := range cases {
		if got := store.BackupDue(c.last, c.now, c.sessions); got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}

func TestLastBackupStorage(t *testing.T) {
	st := &store.MemoryStorage{}
	if got, err := store.LoadLastBackup(st); err != nil || !got.At.IsZero() {
		t.Errorf("none yet: got %+v, %v, want zero", got, err)
	}
	want := store.LastBackup{At: bkNow.In(datatest.Loc(t, "Asia/Tokyo")), Sessions: 42}
	if err := store.SaveLastBackup(st, want); err != nil {
		t.Fatal(err)
	}
	raw, _ := st.GetRaw(store.LastBackupKey)
	if raw != `{"at":"2025-04-24T18:00:00Z","sessions":42}` {
		t.Errorf("stored: got %s", raw)
	}
	got, err := store.LoadLastBackup(st)
	if err != nil || !got.At.Equal(want.At) || got.Sessions != 42 {
		t.Errorf("got %+v, %v, want %+v", got, err, want)
	}
	st.SetRaw(store.LastBackupKey, `{"at":"soon"}`)
	if got, err := store.LoadLastBackup(st); err == nil || !got.At.IsZero() {
		t.Errorf("damaged: got %+v, %v, want zero and an error", got, err)
	}
	if err := store.SaveLastBackup(&store.MemoryStorage{Limit: 5}, want); err == nil {
		t.Errorf("full: got nil, want an error")
	}
}

func TestBackupFileNames(t *testing.T) {
	if got, want := store.BackupFileName("2025-04-24"), "unknot-backup-2025-04-24.json"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := store.HistoryCSVFileName("2025-04-24"), "unknot-history-2025-04-24.csv"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzDecodeBackup(f *testing.F) {
	// More seeds are in testdata/fuzz/FuzzDecodeBackup.
	valid := bkEncoded(f, 3)
	f.Add([]byte(valid))
	f.Add([]byte(valid[:len(valid)/3]))
	f.Add([]byte(`{"type":"unknot-backup","version":1,"exportedAt":"2025-04-24T18:00:00Z","settings":{"schema":2},"records":[]}`))
	f.Add([]byte(`{"type":"unknot-backup","version":1,"exportedAt":"2025-04-24T18:00:00Z","settings":{"schema":1},"routines":null,"records":[{}]}`))
	f.Add([]byte(`{"type":"unknot-backup","version":2,"exportedAt":"2025-04-24T18:00:00Z","settings":{"schema":2},"records":[],` +
		`"deleted":[{"id":"0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c","at":"2025-04-24T17:00:00.123Z"}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		b, err := store.DecodeBackup(bytes.NewReader(in))
		if err != nil {
			if !reflect.DeepEqual(b, store.Backup{}) {
				t.Fatalf("an error and a backup: %v, %+v", err, b)
			}
			return
		}
		if err := b.Validate(); err != nil {
			t.Fatalf("decoded a backup that fails Validate: %v", err)
		}
		enc, err := store.EncodeBackup(b)
		if err != nil {
			t.Fatalf("a decoded backup does not encode: %v", err)
		}
		again, err := store.DecodeBackup(bytes.NewReader(enc))
		if err != nil {
			t.Fatalf("a re-encoded backup does not decode: %v\n%s", err, enc)
		}
		if diff := sameBackup(again, b); diff != "" {
			t.Fatalf("round trip changed it: got %s", diff)
		}
	})
}
