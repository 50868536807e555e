package store

import (
	"fmt"
	"strings"

	"unknot/data"
)

// MergeRecords is one session saved twice (a and b have the same id: saved
// at its end and from its checkpoint, or by two tabs) kept as the most of
// both. It never replaces more with less:
//
//   - the exercises, start and exercise time are those of the copy that got
//     further: a complete copy over a partial one, then the one with more
//     holds done, then more exercise time, then the later end;
//   - it is complete when either copy is, and ends at the later end;
//   - each pain score and the note are b's when b has them, and a's when
//     only a has them.
//
// Everything but the answers is the same whichever copy comes first; the
// answers differ only when both copies have one and they are not the same,
// and then the later save, b, is the person's latest word.
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
	m.PainBefore = firstPain(b.PainBefore, a.PainBefore)
	m.PainAfter = firstPain(b.PainAfter, a.PainAfter)
	m.Note = b.Note
	if m.Note == "" {
		m.Note = a.Note
	}
	return m
}

// Covers reports whether stored keeps everything of r: merging r into it
// would change nothing. A save checks it after writing.
func Covers(stored, r data.Record) bool {
	m := MergeRecords(stored, r)
	return bodyText(m) == bodyText(stored) && m.Complete == stored.Complete && m.ActiveMS == stored.ActiveMS &&
		samePain(m.PainBefore, stored.PainBefore) && samePain(m.PainAfter, stored.PainAfter) && m.Note == stored.Note
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
	return fmt.Sprintf("%s|%s|%v|%d|%s|%s|%s|%s", r.Routine, r.RoutineName, r.Exercises,
		r.Start.UnixNano(), r.LocalDate, r.LocalTime, r.Zone, r.End.Format("2006-01-02T15:04:05.000Z07:00"))
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

// samePain reports whether two optional pain scores are the same.
func samePain(a, b *int) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}
