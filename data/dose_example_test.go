package data_test

import (
	"fmt"
	"time"

	"unknot/data"
)

// A new person's first morning: what a session started now may hold of
// the bridge, and why + stops there.
func ExampleDosesAt() {
	now := data.NewStamp(time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC), "UTC")
	d := data.DosesAt(data.DefaultCatalogue(), nil, now).For(data.Bridge)
	fmt.Println(d.Min, d.Max, d.Why)
	// Output: 1 5 5 a day to start; it rises as your pain allows.
}

// Five bridges at 23:50 are the day's dose; at 00:10 the next day's is not
// open yet.
func ExampleDosesAt_midnight() {
	late := time.Date(2025, 4, 23, 23, 50, 0, 0, time.UTC)
	done := data.Record{LocalDate: "2025-04-23", LocalTime: "23:50", Start: late, End: late.Add(10 * time.Minute),
		Exercises: []data.ExerciseLog{{Exercise: data.Bridge, Reps: 5, RepsDone: 5, Holds: 5, HoldsDone: 5, HoldMS: 18000}}}
	now := data.NewStamp(late.Add(20*time.Minute), "UTC")
	d := data.DosesAt(data.DefaultCatalogue(), []data.Record{done}, now).For(data.Bridge)
	fmt.Println(d.Max, d.Opens.Format("15:04"))
	fmt.Println(d.LeftOut)
	// Output:
	// 0 06:00
	// Bridge is left out for 5 h 50 min more: a new day's dose opens 6 hours after the last repetition at the earliest, so two days' doses never come close together.
}

// The morning routine as it runs on a first day, and how far + may take
// its bridges.
func ExamplePlanAt() {
	c := data.DefaultCatalogue()
	r, _ := data.FindRoutine(c, data.Morning)
	now := data.NewStamp(time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC), "UTC")
	p := data.PlanAt(r, c, nil, now)
	for i, it := range p.Routine.Items {
		fmt.Println(it.Exercise, it.Reps, it.Hold, p.Limit(p.Routine, i).Max)
	}
	fmt.Println(p.Limit(p.Routine, 3).Stops())
	// Output:
	// knee-to-chest 2 5s 2
	// lower-back-rotation 2 5s 2
	// lower-back-flexibility 5 5s 5
	// bridge 5 18s 5
	// cat-stretch 3 5s 3
	// + stops at 5: 5 a day to start; it rises as your pain allows.
}
