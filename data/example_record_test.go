package data_test

import (
	"fmt"
	"time"

	"unknot/data"
)

// A session becomes a record for the history when it ends: what was done
// of each exercise, when on the person's own calendar, and whether every
// hold was. Here one session is stopped as its first hold ends, another
// runs to its end.
func ExampleNewRecord() {
	cat := data.DefaultCatalogue()
	knee, _ := data.FindRoutine(cat, data.KneeToChest)
	plan, _ := data.Compile(knee, cat, data.DefaultTiming())
	var firstHold data.Segment
	for _, s := range plan.Segments {
		if s.Kind == data.KindHold {
			firstHold = s
			break
		}
	}

	// London keeps UTC in December.
	start := time.Date(2026, time.December, 6, 7, 30, 0, 0, time.UTC)
	for _, ran := range []time.Duration{firstHold.End(), plan.Total} {
		session := data.NewSession(plan, start)
		r := data.NewRecord(session, data.NewStamp(start, "Europe/London"), start.Add(ran))
		r.PainBefore, r.PainAfter = data.PainScore(4), data.PainScore(3)
		fmt.Println(r.RoutineName, "on", r.LocalDate, "at", r.LocalTime, r.Zone, "in the", r.PartOfDay())
		for _, l := range r.Exercises {
			fmt.Printf("  %d of %d holds of %v, %d of %d repetitions\n", l.HoldsDone, l.Holds, l.Hold(), l.RepsDone, l.Reps)
		}
		fmt.Println("  complete:", r.Complete, "valid:", r.Validate() == nil)
	}
	// Output:
	// Knee-to-chest stretch on 2026-12-06 at 07:30 Europe/London in the morning
	//   1 of 6 holds of 5s, 0 of 2 repetitions
	//   complete: false valid: true
	// Knee-to-chest stretch on 2026-12-06 at 07:30 Europe/London in the morning
	//   6 of 6 holds of 5s, 2 of 2 repetitions
	//   complete: true valid: true
}
