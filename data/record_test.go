package data_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the DST and travel tests need zones on any machine

	"github.com/google/uuid"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestNewRecord(t *testing.T) {
	cat := data.DefaultCatalogue()
	r, _ := data.FindRoutine(cat, data.Morning)
	p, err := data.Compile(r, cat, data.DefaultTiming())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 4, 24, 7, 30, 0, 123456789, datatest.Loc(t, datatest.London))
	s := data.NewSession(p, start)
	end := start.Add(p.Total + 90*time.Second) // finished, then looked away
	rec := data.NewRecord(s, data.NewStamp(start, datatest.London), end)

	if err := rec.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	if _, err := uuid.Parse(rec.ID); err != nil {
		t.Errorf("ID %q is not a uuid: %v", rec.ID, err)
	}
	checks := []struct {
		scenario  string
		got, want any
	}{
		{"routine", rec.Routine, data.Morning},
		{"routine name", rec.RoutineName, "Morning routine"},
		{"start in UTC to the millisecond", rec.Start, time.Date(2025, 4, 24, 6, 30, 0, 123000000, time.UTC)},
		{"end", rec.End, time.Date(2025, 4, 24, 6, 30, 0, 123000000, time.UTC).Add(p.Total + 90*time.Second)},
		{"active time is the plan time", rec.Active(), p.Total},
		{"local date", rec.LocalDate, "2025-04-24"},
		{"local time", rec.LocalTime, "07:30"},
		{"zone", rec.Zone, datatest.London},
		{"complete", rec.Complete, true},
		{"exercises", len(rec.Exercises), 5},
		{"first exercise", rec.Exercises[0].Exercise, data.KneeToChest},
		{"knee-to-chest holds", rec.Exercises[0].Holds, 6},
		{"knee-to-chest hold", rec.Exercises[0].Hold(), 5 * time.Second},
		{"bridge hold is its breaths", rec.Exercises[3].Hold(), 18 * time.Second},
		{"part of day", rec.PartOfDay(), data.PartMorning},
		{"no pain given", rec.PainBefore == nil && rec.PainAfter == nil, true},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, c.got, c.want)
		}
	}
	if again := data.NewRecord(s, data.NewStamp(start, datatest.London), end); again.ID == rec.ID {
		t.Errorf("two records got the same id %s", rec.ID)
	}
}

func TestNewRecordPartial(t *testing.T) {
	cat := data.DefaultCatalogue()
	r, _ := data.FindRoutine(cat, data.Evening)
	p, _ := data.Compile(r, cat, data.DefaultTiming())
	start := time.Date(2025, 4, 24, 19, 0, 0, 0, time.UTC)
	s := data.NewSession(p, start).Pause(start.Add(time.Minute))
	rec := data.NewRecord(s, data.NewStamp(start, "UTC"), start.Add(time.Hour))
	if rec.Complete {
		t.Errorf("Complete: got true, want false")
	}
	if got, want := rec.Active(), time.Minute; got != want {
		t.Errorf("Active(): got %v, want %v", got, want)
	}
	if got, want := rec.Duration(), time.Hour; got != want {
		t.Errorf("Duration(): got %v, want %v", got, want)
	}
	if got, want := rec.PartOfDay(), data.PartEvening; got != want {
		t.Errorf("PartOfDay(): got %v, want %v", got, want)
	}
}

func TestNewRecordClockBackwards(t *testing.T) {
	// Instants without a monotonic reading, the wall clock set back by
	// an hour during the session: the record must not end before it
	// started.
	cat := data.DefaultCatalogue()
	r, _ := data.FindRoutine(cat, data.Evening)
	p, _ := data.Compile(r, cat, data.DefaultTiming())
	start := time.Date(2025, 4, 24, 19, 0, 0, 0, time.UTC)
	rec := data.NewRecord(data.NewSession(p, start), data.NewStamp(start, "UTC"), start.Add(-time.Hour))
	if !rec.End.Equal(rec.Start) {
		t.Errorf("End: got %v, want %v", rec.End, rec.Start)
	}
	if err := rec.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
}

func TestRecordValidate(t *testing.T) {
	long := strings.Repeat("é", data.MaxNoteRunes+1)
	cases := []struct {
		scenario string
		edit     func(*data.Record)
		want     string // in the error; "" for valid
	}{
		{"valid", func(r *data.Record) {}, ""},
		{"pain at the ends of the scale", func(r *data.Record) { r.PainBefore, r.PainAfter = data.PainScore(0), data.PainScore(10) }, ""},
		{"note at the cap", func(r *data.Record) { r.Note = long[:len(long)-2] }, ""},
		{"multi-line note", func(r *data.Record) { r.Note = "stiff\nbetter after" }, ""},
		{"no zone", func(r *data.Record) { r.Zone = "" }, ""},
		{"html in the note is just text", func(r *data.Record) { r.Note = `<img src=x onerror=alert(1)>` }, ""},
		{"empty id", func(r *data.Record) { r.ID = "" }, `id "" is not a uuid`},
		{"id not a uuid", func(r *data.Record) { r.ID = "session-1" }, `id "session-1" is not a uuid`},
		{"id in upper case", func(r *data.Record) { r.ID = strings.ToUpper(r.ID) }, "is not a uuid"},
		{"id in braces", func(r *data.Record) { r.ID = "{" + r.ID + "}" }, "is not a uuid"},
		{"no routine", func(r *data.Record) { r.Routine = "" }, "routine id is missing"},
		{"routine id with spaces", func(r *data.Record) { r.Routine = "my routine" }, `routine id "my routine" must be lower-case`},
		{"routine id too long", func(r *data.Record) { r.Routine = strings.Repeat("a", 65) }, "routine id is 65 characters long, at most 64"},
		{"no routine name", func(r *data.Record) { r.RoutineName = " " }, "routine name is missing"},
		{"routine name too long", func(r *data.Record) { r.RoutineName = strings.Repeat("x", 101) }, "routine name is 101 characters long, at most 100"},
		{"routine name with a control character", func(r *data.Record) { r.RoutineName = "a\x00b" }, "routine name contains a control character (U+0000)"},
		{"routine name not UTF-8", func(r *data.Record) { r.RoutineName = "a\xffb" }, "routine name is not valid UTF-8"},
		{"no exercises", func(r *data.Record) { r.Exercises = nil }, "it lists no exercises"},
		{"too many exercises", func(r *data.Record) {
			for len(r.Exercises) <= data.MaxLogs {
				r.Exercises = append(r.Exercises, r.Exercises[0])
			}
		}, "it lists 51 exercises, at most 50"},
		{"unknown exercise", func(r *data.Record) { r.Exercises[0].Exercise = "handstand" }, `exercise 1: "handstand" is not an exercise Unknot knows`},
		{"exercise without a name", func(r *data.Record) { r.Exercises[0].Name = "" }, "exercise 1: name is missing"},
		{"no reps planned", func(r *data.Record) { r.Exercises[0].Reps = 0 }, "exercise 1: repetitions planned is 0, must be 1 to 1000"},
		{"more reps done than planned", func(r *data.Record) { r.Exercises[0].RepsDone = 3 }, "exercise 1: repetitions done is 3, must be 0 to the 2 planned"},
		{"negative reps done", func(r *data.Record) { r.Exercises[0].RepsDone = -1 }, "repetitions done is -1"},
		{"too many holds", func(r *data.Record) { r.Exercises[0].Holds = 1001 }, "holds planned is 1001, must be 1 to 1000"},
		{"more holds done than planned", func(r *data.Record) { r.Exercises[0].HoldsDone = 7 }, "holds done is 7, must be 0 to the 6 planned"},
		{"no hold length", func(r *data.Record) { r.Exercises[0].HoldMS = 0 }, "exercise 1: hold is 0 ms"},
		{"hold too long", func(r *data.Record) { r.Exercises[0].HoldMS = data.MaxHoldMS + 1 }, "hold is 600001 ms"},
		{"no start", func(r *data.Record) { r.Start = time.Time{} }, "start is missing"},
		{"start before 1970", func(r *data.Record) { r.Start = time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC) }, "start is in the year 1969"},
		{"no end", func(r *data.Record) { r.End = time.Time{} }, "end is missing"},
		{"end before start", func(r *data.Record) { r.End = r.Start.Add(-time.Second) }, "end 2025-04-24T07:29:59Z is before start 2025-04-24T07:30:00Z"},
		{"negative active time", func(r *data.Record) { r.ActiveMS = -1 }, "exercise time is -1 ms"},
		{"bad local date", func(r *data.Record) { r.LocalDate = "2025-13-01" }, `local date "2025-13-01" is not a date like 2025-04-24`},
		{"local date without padding", func(r *data.Record) { r.LocalDate = "2025-4-24" }, "is not a date like"},
		{"local date far from start", func(r *data.Record) { r.LocalDate = "2025-04-26" }, "local date 2025-04-26 is more than a day from the start instant"},
		{"bad local time", func(r *data.Record) { r.LocalTime = "25:00" }, `local time "25:00" is not a time like 07:30`},
		{"local time with seconds", func(r *data.Record) { r.LocalTime = "08:30:00" }, "is not a time like"},
		{"bad zone", func(r *data.Record) { r.Zone = "Europe/London; DROP" }, "is not a time zone name"},
		{"pain before too high", func(r *data.Record) { r.PainBefore = data.PainScore(11) }, "pain before is 11, must be 0 to 10"},
		{"pain after too high", func(r *data.Record) { r.PainAfter = data.PainScore(14) }, "pain after is 14, must be 0 to 10"},
		{"negative pain", func(r *data.Record) { r.PainAfter = data.PainScore(-1) }, "pain after is -1"},
		{"note too long", func(r *data.Record) { r.Note = long }, "note is 281 characters long, at most 280"},
		{"note with a control character", func(r *data.Record) { r.Note = "a\x1bb" }, "note contains a control character"},
		{"edited", func(r *data.Record) { r.Edited = r.End.Add(time.Hour) }, ""},
		{"edited at the Unix epoch", func(r *data.Record) { r.Edited = time.UnixMilli(0) }, ""},
		{"edited before 1970", func(r *data.Record) { r.Edited = time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC) }, "edit time is in the year 1969"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			r := datatest.Record(t, "UTC", "2025-04-24 07:30", c.edit)
			err := r.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("got %v, want nil", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestPartOfDayAt(t *testing.T) {
	cases := []struct {
		scenario, time string
		want           data.PartOfDay
	}{
		{"just after midnight", "00:10", data.PartMorning},
		{"early", "06:00", data.PartMorning},
		{"lunch", "12:30", data.PartMorning},
		{"a minute before the split", "14:59", data.PartMorning},
		{"at the split", "15:00", data.PartEvening},
		{"evening", "21:45", data.PartEvening},
		{"last minute", "23:59", data.PartEvening},
	}
	for _, c := range cases {
		if got := data.PartOfDayAt(c.time); got != c.want {
			t.Errorf("%s: PartOfDayAt(%q): got %v, want %v", c.scenario, c.time, got, c.want)
		}
	}
}

func TestTrimNote(t *testing.T) {
	cases := []struct {
		scenario, in, want string
	}{
		{"spaces trimmed", "  stiff today \n", "stiff today"},
		{"line breaks kept", "stiff\nbetter", "stiff\nbetter"},
		{"control characters dropped", "a\x00b\x1bc\td", "abcd"},
		{"invalid UTF-8 dropped", "a\xffb", "ab"},
		{"cut to the cap", strings.Repeat("ü", 300), strings.Repeat("ü", data.MaxNoteRunes)},
	}
	for _, c := range cases {
		got := data.TrimNote(c.in)
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.scenario, got, c.want)
		}
		r := datatest.Record(t, "UTC", "2025-04-24 07:30")
		r.Note = got
		if err := r.Validate(); err != nil {
			t.Errorf("%s: a trimmed note does not validate: %v", c.scenario, err)
		}
	}
}

func TestRecordJSON(t *testing.T) {
	r := datatest.Record(t, datatest.London, "2025-04-24 08:30", func(r *data.Record) {
		r.PainBefore, r.PainAfter = data.PainScore(4), data.PainScore(3)
	})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"start":"2025-04-24T07:30:00Z"`, `"end":"2025-04-24T07:40:00Z"`, `"holdMs":5000`,
		`"activeMs":480000`, `"localDate":"2025-04-24"`, `"localTime":"08:30"`,
		`"zone":"Europe/London"`, `"painBefore":4`, `"painAfter":3`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s: want it to contain %s", b, want)
		}
	}
	if strings.Contains(string(b), `"edited"`) {
		t.Errorf("JSON %s: a record never edited has no edit time", b)
	}
	var back data.Record
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Equal(r) {
		t.Errorf("round trip: got %+v, want %+v", back, r)
	}
	r.Edited = time.Date(2025, 4, 24, 9, 0, 0, 123_000_000, time.UTC)
	if b, _ = json.Marshal(r); !strings.Contains(string(b), `"edited":"2025-04-24T09:00:00.123Z"`) {
		t.Errorf("JSON %s: want the edit time", b)
	}
	back = data.Record{}
	if err := json.Unmarshal(b, &back); err != nil || !back.Equal(r) {
		t.Errorf("round trip of an edited record: got %+v (%v), want %+v", back, err, r)
	}
}

func TestRecordEqual(t *testing.T) {
	a := datatest.Record(t, datatest.London, "2025-04-24 08:30")
	cases := []struct {
		scenario string
		edit     func(*data.Record)
		want     bool
	}{
		{"same", func(r *data.Record) {}, true},
		{"same instant in another location", func(r *data.Record) { r.Start = r.Start.In(datatest.Loc(t, "Asia/Tokyo")) }, true},
		{"pain added", func(r *data.Record) { r.PainAfter = data.PainScore(2) }, false},
		{"note changed", func(r *data.Record) { r.Note = "x" }, false},
		{"edited", func(r *data.Record) { r.Edited = r.End }, false},
		{"reps done changed", func(r *data.Record) { r.Exercises = []data.ExerciseLog{{Exercise: data.KneeToChest, Reps: 2}} }, false},
	}
	for _, c := range cases {
		b := a
		b.Exercises = append([]data.ExerciseLog(nil), a.Exercises...)
		c.edit(&b)
		if got := a.Equal(b); got != c.want {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}

func TestPainRise(t *testing.T) {
	cases := []struct {
		scenario      string
		before, after *int
		want          int
		ok            bool
	}{
		{"both", data.PainScore(3), data.PainScore(6), 3, true},
		{"fell", data.PainScore(5), data.PainScore(2), -3, true},
		{"no after", data.PainScore(3), nil, 0, false},
		{"no before", nil, data.PainScore(3), 0, false},
	}
	for _, c := range cases {
		r := data.Record{PainBefore: c.before, PainAfter: c.after}
		got, ok := r.PainRise()
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %v, %v, want %v, %v", c.scenario, got, ok, c.want, c.ok)
		}
	}
}
