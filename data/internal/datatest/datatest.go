// Package datatest holds the helpers that the tests of package data and of
// package store share: sample records, routines, settings and checkpoints.
package datatest

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/google/uuid"

	"unknot/data"
)

// Loc loads a time zone or fails the test.
func Loc(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatalf("loading zone %s: %v", name, err)
	}
	return loc
}

// Record returns a valid, complete record of one knee-to-chest stretch
// that started at local (as "2006-01-02 15:04") in zone, lasted 10 minutes
// and has a uuid derived from its start, then applies edits.
func Record(tb testing.TB, zone, local string, edits ...func(*data.Record)) data.Record {
	tb.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", local, Loc(tb, zone))
	if err != nil {
		tb.Fatalf("parsing %q: %v", local, err)
	}
	st := data.NewStamp(at, zone)
	r := data.Record{
		ID:          UUIDFor(zone + " " + local),
		Routine:     data.KneeToChest,
		RoutineName: "Knee-to-chest stretch",
		Exercises: []data.ExerciseLog{{
			Exercise: data.KneeToChest, Name: "Knee-to-chest stretch",
			Reps: 2, RepsDone: 2, Holds: 6, HoldsDone: 6, HoldMS: 5000,
		}},
		Start:     at.UTC(),
		End:       at.UTC().Add(10 * time.Minute),
		ActiveMS:  int64(8 * time.Minute / time.Millisecond),
		LocalDate: st.LocalDate,
		LocalTime: st.LocalTime,
		Zone:      zone,
		Complete:  true,
	}
	for _, e := range edits {
		e(&r)
	}
	if err := r.Validate(); err != nil && len(edits) == 0 {
		tb.Fatalf("histRecord(%s, %s) is not valid: %v", zone, local, err)
	}
	return r
}

// London is the zone most history tests use.
const London = "Europe/London"

// MustJSON encodes v or fails the test.
func MustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// UUIDFor derives a stable uuid from s.
func UUIDFor(s string) string { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)).String() }

// ProgDay0 is day 0 of the progression tests.
var ProgDay0 = time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)

// ProgSession is a session on day n doing reps of exercise ex with holds of hold,
// all done, then edited.
func ProgSession(n int, ex string, reps int, hold time.Duration, edits ...func(*data.Record)) data.Record {
	start := ProgDay0.AddDate(0, 0, n)
	r := data.Record{
		ID: UUIDFor(fmt.Sprint(n, ex, reps, hold, len(edits))), Routine: ex, RoutineName: ex,
		Exercises: []data.ExerciseLog{{Exercise: ex, Name: ex, Reps: reps, RepsDone: reps, Holds: reps, HoldsDone: reps, HoldMS: hold.Milliseconds()}},
		Start:     start, End: start.Add(5 * time.Minute), LocalDate: ProgDate(n), LocalTime: "08:00", Complete: true,
	}
	for _, e := range edits {
		e(&r)
	}
	return r
}

// LeftPartial leaves the last hold undone.
func LeftPartial(r *data.Record) {
	r.Exercises[0].HoldsDone--
	r.Exercises[0].RepsDone--
	r.Complete = false
}

// RecordsOnDates returns records on the given local dates, each at 08:00 with
// one hold done.
func RecordsOnDates(dates ...string) []data.Record {
	out := make([]data.Record, len(dates))
	for i, d := range dates {
		out[i] = data.Record{LocalDate: d, LocalTime: "08:00", Exercises: []data.ExerciseLog{{Holds: 2, HoldsDone: 1}}}
	}
	return out
}

// Routine returns the routine with the given id, failing the test when there
// is none.
func Routine(tb testing.TB, id string) data.Routine {
	tb.Helper()
	r, ok := data.FindRoutine(data.DefaultCatalogue(), id)
	if !ok {
		tb.Fatalf("routine %q not found", id)
	}
	return r
}

// TenYears returns n records of twice-daily sessions in London, morning and
// evening, each with pain scores, going back from 2025-04-24.
func TenYears(tb testing.TB, n int) []data.Record {
	tb.Helper()
	loc := Loc(tb, London)
	morning := []data.ExerciseLog{
		{Exercise: data.KneeToChest, Name: "Knee-to-chest stretch", Reps: 2, RepsDone: 2, Holds: 6, HoldsDone: 6, HoldMS: 5000},
		{Exercise: data.Rotation, Name: "Lower-back rotational stretch", Reps: 2, RepsDone: 2, Holds: 4, HoldsDone: 4, HoldMS: 10000},
		{Exercise: data.Flexibility, Name: "Lower-back flexibility exercise", Reps: 5, RepsDone: 5, Holds: 10, HoldsDone: 10, HoldMS: 5000},
		{Exercise: data.Bridge, Name: "Bridge", Reps: 5, RepsDone: 5, Holds: 5, HoldsDone: 5, HoldMS: 18000},
		{Exercise: data.CatStretch, Name: "Cat stretch", Reps: 3, RepsDone: 3, Holds: 6, HoldsDone: 6, HoldMS: 5000},
	}
	evening := []data.ExerciseLog{morning[0], morning[1], morning[4]}
	first := time.Date(2025, 4, 24, 0, 0, 0, 0, loc).AddDate(0, 0, -(n+1)/2)
	recs := make([]data.Record, 0, n)
	for i := 0; len(recs) < n; i++ {
		day := first.AddDate(0, 0, i)
		for _, s := range []struct {
			hour int
			r    string
			logs []data.ExerciseLog
		}{{7, data.Morning, morning}, {20, data.Evening, evening}} {
			if len(recs) == n {
				break
			}
			start := time.Date(day.Year(), day.Month(), day.Day(), s.hour, 30, 0, 0, loc)
			st := data.NewStamp(start, London)
			logs := append([]data.ExerciseLog(nil), s.logs...)
			recs = append(recs, data.Record{
				ID: UUIDFor(start.String()), Routine: s.r, RoutineName: s.r,
				Exercises: logs, Start: start.UTC(), End: start.UTC().Add(9 * time.Minute),
				ActiveMS: 484_000, LocalDate: st.LocalDate, LocalTime: st.LocalTime, Zone: London,
				Complete: true, PainBefore: data.PainScore(i % 7), PainAfter: data.PainScore(i % 5),
			})
		}
	}
	return recs
}

// SettingsWith returns the default settings changed by f.
func SettingsWith(f func(*data.Settings)) data.Settings {
	s := data.DefaultSettings()
	f(&s)
	return s
}

// RoutinesNow is the moment the tests set damaged routines aside.
var RoutinesNow = time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)

// DeskBreak is a valid custom routine.
func DeskBreak() data.Routine {
	r := data.NewCustomRoutine("  Desk break ")
	r = r.AddItem(data.CatStretch)
	r = r.AddItem(data.Rotation)
	return r
}

// CheckpointPlan compiles a built-in routine with the given timing.
func CheckpointPlan(tb testing.TB, id string, tm data.Timing) data.Plan {
	tb.Helper()
	cat := data.DefaultCatalogue()
	r, ok := data.FindRoutine(cat, id)
	if !ok {
		tb.Fatalf("no routine %q", id)
	}
	p, err := data.Compile(r, cat, tm)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// CheckpointElapsed is the plan time reached 100 s into CheckpointTaken's
// session: the skip
// jumped 4 s ahead.
const CheckpointElapsed = 104 * time.Second

// CheckpointStart is when the checkpointed session starts: 08:30 in London.
var CheckpointStart = time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)

// CheckpointTaken runs a morning session with a skip 42 s in, during the first
// hold (41–46 s), and returns it with its checkpoint 100 s in, when the plan
// has reached CheckpointElapsed. The plan tells every hold in full
// (FullTiming), so its timeline is the one these numbers describe.
func CheckpointTaken(tb testing.TB) (data.Session, data.Checkpoint) {
	tb.Helper()
	p := CheckpointPlan(tb, data.Morning, FullTiming())
	s := data.NewSession(p, CheckpointStart).Skip(CheckpointStart.Add(42 * time.Second))
	stamp := data.NewStamp(CheckpointStart.In(Loc(tb, London)), London)
	c := s.Checkpoint(stamp, data.PainScore(4), CheckpointStart.Add(100*time.Second))
	c.RecordID = CheckpointRecordID
	return s, c
}

// CheckpointRecordID is the record id CheckpointTaken's session will have.
const CheckpointRecordID = "5d0f3c2a-1b4e-4c6d-8e9f-0a1b2c3d4e5f"

// ProgDate is the local date of day n.
func ProgDate(n int) string { return ProgDay0.AddDate(0, 0, n).Format(data.DateLayout) }

// FullTiming is the default pacing with every hold told in full, rounds
// after the first included (data.Settings.FullInstructions): a plan whose
// timeline fixtures can name.
func FullTiming() data.Timing {
	t := data.DefaultTiming()
	t.ShortCues = false
	return t
}
