package data_test

import (
	"fmt"
	"time"

	"unknot/data"
)

// A report sums up a period of the history for one printed page. Here a
// person did the bridge every morning for three weeks, 5 a day at first and
// 7 by the end, and stopped one evening with "This hurts"; the report of
// the last two weeks counts the sessions as History does and gives the
// bridge's day total on the first and the last day.
func ExampleMakeReport() {
	var history []data.Record
	first := time.Date(2026, time.April, 1, 8, 0, 0, 0, time.UTC)
	for day := range 21 {
		start := first.AddDate(0, 0, day)
		reps := 5 + day/7
		history = append(history, data.Record{
			ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", day), Routine: data.Bridge, RoutineName: "Bridge",
			Exercises: []data.ExerciseLog{{Exercise: data.Bridge, Name: "Bridge", Reps: reps, RepsDone: reps, Holds: reps, HoldsDone: reps, HoldMS: 18000}},
			Start:     start, End: start.Add(8 * time.Minute), LocalDate: start.Format(data.DateLayout), LocalTime: "08:00",
			Complete: true, PainBefore: data.PainScore(4), PainAfter: data.PainScore(3),
		})
	}
	hurt := history[18]
	hurt.ID, hurt.LocalTime, hurt.Stopped, hurt.Complete = "00000000-0000-4000-8000-999999999999", "19:00", data.StoppedHurt, false
	hurt.Start, hurt.End = hurt.Start.Add(11*time.Hour), hurt.End.Add(11*time.Hour)
	hurt.Exercises[0].RepsDone, hurt.Exercises[0].HoldsDone = 1, 1
	history = append(history, hurt)

	now := data.NewStamp(time.Date(2026, time.April, 21, 12, 0, 0, 0, time.UTC), "Europe/London")
	rep := data.MakeReport(data.DefaultCatalogue(), history, now, data.ReportRequest{Period: data.PeriodTwoWeeks})
	fmt.Println(rep.From, "to", rep.To+":", rep.Stats.Sessions, "sessions on", rep.Stats.Days, "days")
	for _, d := range rep.Doses {
		if d.First.Date != "" {
			fmt.Printf("%s: %d on %s, %d on %s\n", d.Exercise.Name, d.First.Reps, d.First.Date, d.Last.Reps, d.Last.Date)
		}
	}
	for _, s := range rep.Stops {
		fmt.Println("This hurts:", s.Date, s.Time)
	}
	fmt.Println(len(rep.Pain), "pain points, weekly:", rep.PainWeekly)
	// Output:
	// 2026-04-08 to 2026-04-21: 15 sessions on 14 days
	// Bridge: 6 on 2026-04-08, 7 on 2026-04-21
	// This hurts: 2026-04-19 19:00
	// 15 pain points, weekly: false
}
