package data

import (
	"fmt"
	"slices"
)

// SessionsOn counts the sessions of local date day for the article's "twice
// a day": records with a hold of knee-to-chest, the rotational stretch or
// the cat stretch done (Record.TwiceADaySession).
func SessionsOn(history []Record, day string) int {
	n := 0
	for _, r := range history {
		if r.LocalDate == day && r.TwiceADaySession() {
			n++
		}
	}
	return n
}

// TwiceADay is what Start says about the day's sessions.
type TwiceADay struct {
	// Done is the sessions of the day so far; Next the one a session of
	// the routine started now would be (Done when the routine holds none
	// of the twice-a-day stretches, as it would be no such session).
	Done, Next int
	// Note is the line to show from the day's third session on, "" before:
	// the person may still go on. A third session is kept, but never
	// raises a level (DosesAt).
	Note string
}

// TwiceADayAt answers, for a session of routine r started at now, which
// session of the day it would be, and from the third on says that the
// article suggests twice a day.
func TwiceADayAt(history []Record, r Routine, now Stamp) TwiceADay {
	t := TwiceADay{Done: SessionsOn(history, now.LocalDate)}
	t.Next = t.Done
	if !slices.ContainsFunc(r.Items, func(it RoutineItem) bool { return slices.Contains(twiceADay, it.Exercise) }) {
		return t
	}
	t.Next++
	if t.Next >= 3 {
		t.Note = fmt.Sprintf("This would be your %s session today. The source article suggests these stretches twice a day, morning and evening; you can still go on, but a third session does not raise your level.", ordinal(t.Next))
	}
	return t
}

// ordinal says n as "3rd", "11th", "22nd".
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// Finish is what the finished screen offers once a session is over.
type Finish struct {
	// Again offers to run the routine once more: not after "This hurts",
	// nor when the pain calls for a pause.
	Again bool
	// Hurt is set after "This hurts": the screen shows what to do now,
	// the warning signs (WarningSigns) and when to see a healthcare
	// professional, instead of another go.
	Hurt bool
	// Advice is what the pain scores call for, this session's included.
	Advice PainAdvice
}

// FinishFor decides what the finished screen offers after session rec,
// given the history (which may hold rec already, by its ID, or not).
func FinishFor(rec Record, history []Record) Finish {
	all := slices.DeleteFunc(slices.Clone(history), func(r Record) bool { return r.ID == rec.ID })
	all = append(all, rec)
	f := Finish{Hurt: rec.Stopped == StoppedHurt, Advice: PainAdviceFor(all)}
	f.Again = !f.Hurt && f.Advice != PainPause
	return f
}
