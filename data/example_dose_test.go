package data_test

import (
	"fmt"

	"unknot/data"
)

// PlanToday is what every path to a session asks for the day's doses. On a
// first day (no history) the evening routine takes the article's starting
// doses and carries the two exercises the article counts per day, which
// no session has done yet.
func ExamplePlanToday() {
	cat := data.DefaultCatalogue()
	evening, _ := data.FindRoutine(cat, data.Evening)
	today := data.PlanToday(evening, cat, nil, "2026-12-06")
	for _, it := range today.Routine.Items {
		e, _ := cat.Exercise(it.Exercise)
		fmt.Printf("%s: %d %s\n", e.Name, it.Reps, e.RepsText)
	}
	for _, d := range today.Daily {
		fmt.Println(d.Text())
	}
	// Output:
	// Knee-to-chest stretch: 2 times each: left knee, right knee, both knees
	// Lower-back rotational stretch: 2 times on each side
	// Lower-back flexibility exercise: 5 rounds a day
	// Bridge: 5 rounds a day
	// Cat stretch: 3 times
	// Lower-back flexibility exercise: 0 of 5 today, 5 left
	// Bridge: 0 of 5 today, 5 left
}
