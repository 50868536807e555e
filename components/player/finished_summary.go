package player

import (
	"fmt"
	"strings"
	"time"

	"unknot/components/ui"
	"unknot/data"
)

// finishedText holds the finished screen's headings and lead lines, one
// pair for each way a session can end.
var finishedText = struct {
	Complete, CompleteLead, Skipped, SkippedLead, Ended, EndedLead string
	Nothing, NothingLead, HurtLead                                 string
}{
	Complete:     "Well done",
	CompleteLead: "You finished %s in %s.",
	Skipped:      "Done, with some skipped",
	SkippedLead:  "You went through %s in %s and skipped part of %s.",
	Ended:        "Session ended early",
	EndedLead:    "You ended %s at exercise %d of %d, after %s.",
	Nothing:      "Session ended",
	NothingLead:  "You ended %s after %s, before any hold was done. It is not kept in your history.",
	HurtLead:     "You stopped %s after %s because it hurt. It is kept in your history as stopped early, with that reason.",
}

// finishedWords says how a session went, in a heading and a line that
// agree: every hold done; the end reached with some holds skipped; ended
// with the End button at exercise `at` (1-based) of the routine; ended
// before any hold was done; or stopped because it hurt.
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
		return finishedText.Ended, fmt.Sprintf(finishedText.HurtLead, routine, length)
	case holds == 0:
		return finishedText.Nothing, fmt.Sprintf(finishedText.NothingLead, routine, length)
	case ended && len(skipped) > 0:
		at = max(1, min(at, len(results)))
		return finishedText.Ended, fmt.Sprintf(finishedText.EndedLead, routine, at, len(results), length)
	case len(skipped) > 0:
		return finishedText.Skipped, fmt.Sprintf(finishedText.SkippedLead, routine, length, listWords(skipped))
	}
	return finishedText.Complete, fmt.Sprintf(finishedText.CompleteLead, routine, length)
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
	return fmt.Sprintf(ui.Text.DoneOf, done, of)
}
