package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Layouts of the local date and time kept with every session.
const (
	DateLayout  = "2006-01-02"
	ClockLayout = "15:04"
)

// Limits on what a record may hold. They keep a hand-edited or hostile
// backup from filling the device, and no real session comes near them.
const (
	// MaxNoteRunes is the longest note, in characters.
	MaxNoteRunes = 280
	// MaxNameRunes is the longest routine or exercise name, in characters.
	MaxNameRunes = 100
	// MaxIDLength is the longest routine id, in bytes.
	MaxIDLength = 64
	// MaxZoneLength is the longest time zone name, in bytes.
	MaxZoneLength = 64
	// MaxLogs is the most exercises one record may list.
	MaxLogs = 50
	// MaxCount is the most repetitions or holds one exercise log may count.
	MaxCount = 1000
	// MaxHoldMS is the longest single hold, in milliseconds (10 minutes).
	MaxHoldMS = 10 * 60 * 1000
	// MaxActiveMS is the most exercise time one record may hold, in
	// milliseconds (a day).
	MaxActiveMS = 24 * 60 * 60 * 1000
	// MaxPain is the top of the 0 to 10 pain scale.
	MaxPain = 10
)

// ExerciseLog is what was done of one exercise in a recorded session.
type ExerciseLog struct {
	// Exercise is the catalogue id; Name is the name shown at the time.
	Exercise string `json:"exercise"`
	Name     string `json:"name"`
	// Reps is the number of repetitions planned; RepsDone those whose
	// every hold was done, not skipped.
	Reps     int `json:"reps"`
	RepsDone int `json:"repsDone"`
	// Holds and HoldsDone count single holds (each side is one) the same
	// way.
	Holds     int `json:"holds"`
	HoldsDone int `json:"holdsDone"`
	// HoldMS is the length of one hold in milliseconds.
	HoldMS int64 `json:"holdMs"`
}

// Hold is the length of one hold of l.
func (l ExerciseLog) Hold() time.Duration { return time.Duration(l.HoldMS) * time.Millisecond }

// Done reports whether every hold of l was done.
func (l ExerciseLog) Done() bool { return l.Holds > 0 && l.HoldsDone >= l.Holds }

// Stamp is a moment as the person lived it: the instant, and the date, time
// and zone on their own calendar. Streaks and the calendar count local
// dates, so travel and clock changes neither break nor double them.
type Stamp struct {
	// At is the instant.
	At time.Time
	// LocalDate is the date on the person's calendar, as DateLayout.
	LocalDate string
	// LocalTime is the time on the person's clock, as ClockLayout.
	LocalTime string
	// Zone is the IANA time zone name, such as "Europe/London"; "" when
	// unknown.
	Zone string
}

// NewStamp stamps t on the calendar of t's own location, naming the zone
// zone. In the browser, Go's local time has no daylight-saving rules, so the
// caller should build the Stamp from the browser's own date and
// Intl.DateTimeFormat().resolvedOptions().timeZone instead.
func NewStamp(t time.Time, zone string) Stamp {
	return Stamp{At: t, LocalDate: t.Format(DateLayout), LocalTime: t.Format(ClockLayout), Zone: zone}
}

// PartOfDay is the half of the day a session belongs to.
type PartOfDay string

// The parts of the day.
const (
	PartMorning PartOfDay = "morning"
	PartEvening PartOfDay = "evening"
)

// EveningFrom is the local time from which a session of any routine other
// than the built-in morning and evening ones counts as the evening one. The
// article asks for one session in the morning and one in the evening; 15:00
// splits a day of waking hours so that a late lunch-time session still
// counts as the morning one. Such a session after midnight belongs to the
// morning of its date. The built-in morning and evening routines count as
// themselves whenever they are done (Record.PartOfDay).
const EveningFrom = "15:00"

// PartOfDayAt returns the part of the day of a local time given as
// ClockLayout: the morning before EveningFrom, the evening from then on.
func PartOfDayAt(localTime string) PartOfDay {
	if localTime < EveningFrom {
		return PartMorning
	}
	return PartEvening
}

// Record is one session as kept in the history.
type Record struct {
	// ID is a random uuid, so that records made on two tabs or devices
	// never clash and can be merged.
	ID string `json:"id"`
	// Routine is the routine id; RoutineName its name at the time.
	Routine     string        `json:"routine"`
	RoutineName string        `json:"routineName"`
	Exercises   []ExerciseLog `json:"exercises"`
	// Start and End are instants in UTC, written as RFC 3339.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// ActiveMS is the exercise time in milliseconds: the plan time
	// reached, pauses left out.
	ActiveMS int64 `json:"activeMs"`
	// LocalDate (DateLayout) and LocalTime (ClockLayout) are when the
	// session started on the person's calendar, in the zone Zone (an IANA
	// name, "" when unknown).
	LocalDate string `json:"localDate"`
	LocalTime string `json:"localTime"`
	Zone      string `json:"zone"`
	// Complete is true when every hold of the routine was done.
	Complete bool `json:"complete"`
	// PainBefore and PainAfter are the person's pain from 0 (none) to 10
	// (worst), nil when not given.
	PainBefore *int `json:"painBefore,omitempty"`
	PainAfter  *int `json:"painAfter,omitempty"`
	// Note is the person's own words, at most MaxNoteRunes characters.
	Note string `json:"note,omitempty"`
	// Stopped says why the session was stopped before its end, when the
	// person said (StoppedHurt); "" otherwise.
	Stopped string `json:"stopped,omitempty"`
	// Edited is when the person last gave or changed the answers (the
	// pain scores and the note), in UTC; zero when never, or when saved
	// by a version that did not keep it. Two copies of a session take
	// their answers from the one edited last, so an answer cleared stays
	// cleared (store.MergeRecords).
	Edited time.Time `json:"edited,omitzero"`
}

// StoppedHurt is Record.Stopped for a session stopped with "This hurts".
const StoppedHurt = "hurt"

// NewRecord records session s, which started at start and ended at the
// instant end. The length of the session is end − start.At measured on the
// monotonic clock when both carry it (time.Now does), so the wall clock
// moving backwards during a session cannot make it end before it started.
// The record has a new uuid; pain scores and a note are for the caller to
// add.
func NewRecord(s Session, start Stamp, end time.Time) Record {
	d := max(end.Sub(start.At), 0)
	from := start.At.Round(0).UTC().Truncate(time.Millisecond)
	r := Record{
		ID:          uuid.NewString(),
		Routine:     s.Plan.Routine.ID,
		RoutineName: s.Plan.Routine.Name,
		Start:       from,
		End:         from.Add(d).Truncate(time.Millisecond),
		ActiveMS:    s.Active(end).Milliseconds(),
		LocalDate:   start.LocalDate,
		LocalTime:   start.LocalTime,
		Zone:        start.Zone,
		Complete:    s.Complete(end),
	}
	for _, res := range s.Results(end) {
		r.Exercises = append(r.Exercises, ExerciseLog{
			Exercise: res.Exercise, Name: res.Name,
			Reps: res.Reps, RepsDone: res.RepsDone,
			Holds: res.Holds, HoldsDone: res.HoldsDone,
			HoldMS: res.Hold.Milliseconds(),
		})
	}
	return r
}

// NewRecordID returns a new record id, for a session that will be recorded
// later (its checkpoint carries it).
func NewRecordID() string { return uuid.NewString() }

// PainScore returns a pointer to n, for the optional pain fields.
func PainScore(n int) *int { return &n }

// TrimNote makes s fit a record's note: spaces trimmed at both ends,
// control characters other than line breaks dropped, cut to MaxNoteRunes
// characters.
func TrimNote(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxNoteRunes {
		s = strings.TrimSpace(string([]rune(s)[:MaxNoteRunes]))
	}
	return s
}

// PartOfDay is the part of the day r counts for (see EveningFrom).
func (r Record) PartOfDay() PartOfDay { return partOf(r.Routine, r.LocalTime) }

// partOf is the part of the day of a session of routine at localTime: the
// built-in morning and evening routines count as themselves (an evening
// routine done at 01:38 is the evening one), any other by its time.
func partOf(routine, localTime string) PartOfDay {
	switch routine {
	case Morning:
		return PartMorning
	case Evening:
		return PartEvening
	}
	return PartOfDayAt(localTime)
}

// Duration is the time from the start of r to its end, pauses included.
func (r Record) Duration() time.Duration { return r.End.Sub(r.Start) }

// Active is the exercise time of r, pauses left out.
func (r Record) Active() time.Duration { return time.Duration(r.ActiveMS) * time.Millisecond }

// PainRise is how much the pain rose from before to after the session, and
// false when either score is missing. A fall is negative.
func (r Record) PainRise() (int, bool) {
	if r.PainBefore == nil || r.PainAfter == nil {
		return 0, false
	}
	return *r.PainAfter - *r.PainBefore, true
}

// Log returns the log of the exercise with the given id in r.
func (r Record) Log(exercise string) (ExerciseLog, bool) {
	for _, l := range r.Exercises {
		if l.Exercise == exercise {
			return l, true
		}
	}
	return ExerciseLog{}, false
}

// Equal reports whether r and o hold the same session, field by field.
// Instants are compared as instants, whatever their location.
func (r Record) Equal(o Record) bool {
	return r.ID == o.ID && r.Routine == o.Routine && r.RoutineName == o.RoutineName &&
		slices.Equal(r.Exercises, o.Exercises) &&
		r.Start.Equal(o.Start) && r.End.Equal(o.End) && r.ActiveMS == o.ActiveMS &&
		r.LocalDate == o.LocalDate && r.LocalTime == o.LocalTime && r.Zone == o.Zone &&
		r.Complete == o.Complete && equalPain(r.PainBefore, o.PainBefore) &&
		equalPain(r.PainAfter, o.PainAfter) && r.Note == o.Note && r.Stopped == o.Stopped &&
		r.Edited.Equal(o.Edited)
}

// equalPain compares two optional pain scores.
func equalPain(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// Validate reports the first thing wrong with r, in words a person can act
// on, or nil.
func (r Record) Validate() error {
	if u, err := uuid.Parse(r.ID); err != nil || u.String() != r.ID {
		return fmt.Errorf("id %q is not a uuid like 0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c", Clip(r.ID))
	}
	if err := checkID("routine", r.Routine); err != nil {
		return err
	}
	if err := checkText("routine name", r.RoutineName, MaxNameRunes, true, false); err != nil {
		return err
	}
	if len(r.Exercises) == 0 {
		return errors.New("it lists no exercises")
	}
	if len(r.Exercises) > MaxLogs {
		return fmt.Errorf("it lists %d exercises, at most %d", len(r.Exercises), MaxLogs)
	}
	for i, l := range r.Exercises {
		if err := l.validate(); err != nil {
			return fmt.Errorf("exercise %d: %w", i+1, err)
		}
	}
	if err := checkStamp("start", r.Start, r.LocalDate, r.LocalTime, r.Zone); err != nil {
		return err
	}
	if err := CheckInstant("end", r.End); err != nil {
		return err
	}
	if r.End.Before(r.Start) {
		return fmt.Errorf("end %s is before start %s", r.End.UTC().Format(time.RFC3339), r.Start.UTC().Format(time.RFC3339))
	}
	if r.ActiveMS < 0 || r.ActiveMS > MaxActiveMS {
		return fmt.Errorf("exercise time is %d ms, must be 0 to %d", r.ActiveMS, MaxActiveMS)
	}
	if err := checkPain("pain before", r.PainBefore); err != nil {
		return err
	}
	if err := checkPain("pain after", r.PainAfter); err != nil {
		return err
	}
	if !r.Edited.IsZero() {
		if err := CheckInstant("edit time", r.Edited); err != nil {
			return err
		}
	}
	if r.Stopped != "" && r.Stopped != StoppedHurt {
		return fmt.Errorf("the reason it stopped is %q, must be %q or none", Clip(r.Stopped), StoppedHurt)
	}
	return checkText("note", r.Note, MaxNoteRunes, false, true)
}

// validate reports the first thing wrong with l.
func (l ExerciseLog) validate() error {
	if !isKnownExercise(l.Exercise) {
		return fmt.Errorf("%q is not an exercise Unknot knows", Clip(l.Exercise))
	}
	if err := checkText("name", l.Name, MaxNameRunes, true, false); err != nil {
		return err
	}
	switch {
	case l.Reps < 1 || l.Reps > MaxCount:
		return fmt.Errorf("repetitions planned is %d, must be 1 to %d", l.Reps, MaxCount)
	case l.RepsDone < 0 || l.RepsDone > l.Reps:
		return fmt.Errorf("repetitions done is %d, must be 0 to the %d planned", l.RepsDone, l.Reps)
	case l.Holds < 1 || l.Holds > MaxCount:
		return fmt.Errorf("holds planned is %d, must be 1 to %d", l.Holds, MaxCount)
	case l.HoldsDone < 0 || l.HoldsDone > l.Holds:
		return fmt.Errorf("holds done is %d, must be 0 to the %d planned", l.HoldsDone, l.Holds)
	}
	if l.HoldMS <= 0 || l.HoldMS > MaxHoldMS {
		return fmt.Errorf("hold is %d ms, must be 1 to %d", l.HoldMS, MaxHoldMS)
	}
	return nil
}

// checkStamp checks an instant with its local date, time and zone.
func checkStamp(what string, at time.Time, date, clock, zone string) error {
	if err := CheckInstant(what, at); err != nil {
		return err
	}
	d, err := time.Parse(DateLayout, date)
	if err != nil || d.Format(DateLayout) != date {
		return fmt.Errorf("local date %q is not a date like 2025-04-24", Clip(date))
	}
	// Time zones lie between UTC−12 and UTC+14, so the local date is the
	// UTC date or a day either side of it.
	u := at.UTC()
	utcDay := time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
	if gap := d.Sub(utcDay); gap < -24*time.Hour || gap > 24*time.Hour {
		return fmt.Errorf("local date %s is more than a day from the %s instant %s", date, what, u.Format(time.RFC3339))
	}
	if c, err := time.Parse(ClockLayout, clock); err != nil || c.Format(ClockLayout) != clock {
		return fmt.Errorf("local time %q is not a time like 07:30", Clip(clock))
	}
	if zone != "" && (len(zone) > MaxZoneLength || !isZoneName(zone)) {
		return fmt.Errorf("zone %q is not a time zone name like Europe/London", Clip(zone))
	}
	return nil
}

// CheckInstant checks that t is set and can be written as RFC 3339.
func CheckInstant(what string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("%s is missing", what)
	}
	if y := t.UTC().Year(); y < 1970 || y > 9999 {
		return fmt.Errorf("%s is in the year %d, must be 1970 to 9999", what, y)
	}
	return nil
}

// checkPain checks an optional pain score.
func checkPain(what string, p *int) error {
	if p != nil && (*p < 0 || *p > MaxPain) {
		return fmt.Errorf("%s is %d, must be 0 to %d", what, *p, MaxPain)
	}
	return nil
}

// checkID checks an id made of lower-case words joined by hyphens.
func checkID(what, id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%s id is missing", what)
	case len(id) > MaxIDLength:
		return fmt.Errorf("%s id is %d characters long, at most %d", what, len(id), MaxIDLength)
	case !isID(id):
		return fmt.Errorf("%s id %q must be lower-case letters and digits joined by hyphens", what, Clip(id))
	}
	return nil
}

// checkText checks a string for length, valid UTF-8 and control
// characters; multiline allows line breaks.
func checkText(what, s string, maxRunes int, required, multiline bool) error {
	if required && strings.TrimSpace(s) == "" {
		return fmt.Errorf("%s is missing", what)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8 text", what)
	}
	if n := utf8.RuneCountInString(s); n > maxRunes {
		return fmt.Errorf("%s is %d characters long, at most %d", what, n, maxRunes)
	}
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && r == '\n') {
			return fmt.Errorf("%s contains a control character (%U)", what, r)
		}
	}
	return nil
}

// Clip shortens a quoted value in a message, so a hostile file cannot fill
// the screen with its own text.
func Clip(s string) string {
	n := 40
	// Counted without converting the whole text: it can be megabytes of a
	// hostile file.
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
