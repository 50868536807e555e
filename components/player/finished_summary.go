package player

import (
	"fmt"
	"strings"
	"time"

	"unknot/data"
)

// finishedWords says how a session went, in a heading and a line that
// agree: every hold done; the end reached with some holds skipped; ended
// with the End button at exercise `at` (1-based) of the routine; ended
// before any hold was done, or gone through without one (every step
// skipped); or stopped because it hurt. took is the time the person spent,
// skips left out (data.Session.Active).
func finishedWords(routine string, results []data.Result, took time.Duration, ended, hurt bool, at int) (title, lead string) {
	length := data.DurationText(took)
	var skipped []string
	holds := 0
	for _, r := range results {
		holds += r.HoldsDone
		if r.HoldsDone < r.Holds {
			skipped = append(skipped, r.Name)
		}
	}
	switch {
	case hurt:
		return text.Ended, fmt.Sprintf(text.HurtLead, routine, length)
	case holds == 0 && ended:
		return text.Nothing, fmt.Sprintf(text.NothingLead, routine, length)
	case holds == 0:
		return text.NothingDone, fmt.Sprintf(text.NothingSkippedLead, routine, length)
	case ended && len(skipped) > 0:
		at = max(1, min(at, len(results)))
		return text.Ended, fmt.Sprintf(text.EndedLead, routine, at, len(results), length)
	case len(skipped) > 0:
		return text.Skipped, fmt.Sprintf(text.SkippedLead, routine, length, listWords(skipped))
	}
	return text.Complete, fmt.Sprintf(text.CompleteLead, routine, length)
}

// listWords joins names as "a", "a and b" or "a, b and c".
func listWords(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// roundsDone says "2 of 5 rounds", or "0 of 1 round".
func roundsDone(done, of int) string {
	if of == 1 {
		return fmt.Sprintf("%d of 1 round", done)
	}
	return fmt.Sprintf(text.DoneOf, done, of)
}
