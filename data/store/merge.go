package store

import (
	"fmt"
	"strings"

	"unknot/data"
)

// MergeRecords is one session saved twice (a and b have the same id: saved
// at its end and from its checkpoint, by two tabs, or found in a backup)
// kept as the most of both. Every path that meets two copies of a session
// asks it: saving, another tab's check, an import, the repair at start. It
// never replaces more with less, and the order of a and b never matters:
//
//   - the exercises, start and exercise time are those of the copy that got
//     further: a complete copy over a partial one, then the one with more
//     holds done, then more exercise time, then the later end;
//   - it is complete when either copy is, and ends at the later end;
//   - the answers (both pain scores and the note, as one) are those of the
//     copy edited last (Record.Edited), empty ones included, so an answer
//     the person cleared stays cleared. A copy never edited counts as the
//     oldest. At the same edit time they are those of the copy that got
//     further, and at the same progress those of the copy that gives more
//     answers (then the one whose answers sort last, so that the order
//     never decides);
//   - the edit time is the later of the two.
func MergeRecords(a, b data.Record) data.Record {
	body, other := a, b
	if further(b, a) {
		body, other = b, a
	}
	m := body
	m.Exercises = append([]data.ExerciseLog(nil), body.Exercises...)
	m.Complete = a.Complete || b.Complete
	if other.End.After(m.End) {
		m.End = other.End
	}
	m.ActiveMS = max(a.ActiveMS, b.ActiveMS)
	if m.Zone == "" {
		m.Zone = other.Zone
	}
	from := answersFrom(a, b)
	m.PainBefore, m.PainAfter, m.Note = firstPain(from.PainBefore), firstPain(from.PainAfter), from.Note
	if other.Edited.After(m.Edited) {
		m.Edited = other.Edited
	}
	return m
}

// answersFrom is the copy of a session whose answers a merge keeps; see
// MergeRecords.
func answersFrom(a, b data.Record) data.Record {
	switch {
	case a.Edited.After(b.Edited):
		return a
	case b.Edited.After(a.Edited):
		return b
	case further(a, b):
		return a
	case further(b, a):
		return b
	case answerCount(a) != answerCount(b):
		if answerCount(a) > answerCount(b) {
			return a
		}
		return b
	case answerText(b) > answerText(a):
		return b
	}
	return a
}

// answerCount is how many answers r gives.
func answerCount(r data.Record) int {
	n := 0
	for _, given := range []bool{r.PainBefore != nil, r.PainAfter != nil, r.Note != ""} {
		if given {
			n++
		}
	}
	return n
}

// answerText writes out the answers of r.
func answerText(r data.Record) string {
	pain := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return pain(r.PainBefore) + "|" + pain(r.PainAfter) + "|" + r.Note
}

// Covers reports whether stored keeps everything of r: merging r into it
// would change nothing.
func Covers(stored, r data.Record) bool {
	m := MergeRecords(stored, r)
	return bodyText(m) == bodyText(stored) && m.Complete == stored.Complete && m.ActiveMS == stored.ActiveMS &&
		answerText(m) == answerText(stored) && m.Edited.Equal(stored.Edited)
}

// further reports whether a got further than b; on a tie of everything the
// merge looks at it falls back to comparing their text, so that the order
// never decides.
func further(a, b data.Record) bool {
	switch {
	case a.Complete != b.Complete:
		return a.Complete
	case holdsDone(a) != holdsDone(b):
		return holdsDone(a) > holdsDone(b)
	case a.ActiveMS != b.ActiveMS:
		return a.ActiveMS > b.ActiveMS
	case !a.End.Equal(b.End):
		return a.End.After(b.End)
	}
	return strings.Compare(bodyText(a), bodyText(b)) > 0
}

// bodyText writes out the fields of r that the merge takes from one copy.
func bodyText(r data.Record) string {
	return fmt.Sprintf("%s|%s|%v|%d|%s|%s|%s|%s|%s", r.Routine, r.RoutineName, r.Exercises,
		r.Start.UnixNano(), r.LocalDate, r.LocalTime, r.Zone, r.End.Format("2006-01-02T15:04:05.000Z07:00"), r.Stopped)
}

// holdsDone counts the single holds done in r.
func holdsDone(r data.Record) int {
	n := 0
	for _, l := range r.Exercises {
		n += l.HoldsDone
	}
	return n
}

// firstPain is the first of the scores given, copied; nil when none is.
func firstPain(scores ...*int) *int {
	for _, p := range scores {
		if p != nil {
			return data.PainScore(*p)
		}
	}
	return nil
}
