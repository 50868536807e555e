package data_test

import (
	"fmt"
	"time"

	"unknot/data"
)

// A routine becomes a plan: a flat list of timed segments. Each hold lasts
// the article's time; what is said around it lasts as long as its words
// take at the voice's speed.
func ExampleCompile() {
	cat := data.DefaultCatalogue()
	knee, _ := data.FindRoutine(cat, data.KneeToChest)
	plan, err := data.Compile(knee, cat, data.DefaultTiming())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range plan.Segments {
		if s.Kind == data.KindHold {
			fmt.Printf("%s, repetition %d of %d, %s: hold %v\n", s.Title, s.Rep, s.Reps, s.Side, s.Duration)
		}
	}
	last := plan.Segments[len(plan.Segments)-1]
	fmt.Printf("then %s, at the plan's end: %v\n", last.Kind, last.Start == plan.Total)
	// Output:
	// Knee-to-chest stretch, repetition 1 of 2, left: hold 5s
	// Knee-to-chest stretch, repetition 1 of 2, right: hold 5s
	// Knee-to-chest stretch, repetition 1 of 2, both: hold 5s
	// Knee-to-chest stretch, repetition 2 of 2, left: hold 5s
	// Knee-to-chest stretch, repetition 2 of 2, right: hold 5s
	// Knee-to-chest stretch, repetition 2 of 2, both: hold 5s
	// then done, at the plan's end: true
}

// The player asks the plan where the session stands at the time elapsed,
// and shows the countdown of that segment.
func ExamplePlan_At() {
	cat := data.DefaultCatalogue()
	knee, _ := data.FindRoutine(cat, data.KneeToChest)
	plan, _ := data.Compile(knee, cat, data.DefaultTiming())
	var hold data.Segment
	for _, s := range plan.Segments {
		if s.Kind == data.KindHold {
			hold = s
			break
		}
	}
	for _, after := range []time.Duration{0, 1500 * time.Millisecond, 4999 * time.Millisecond} {
		p := plan.At(hold.Start + after)
		fmt.Printf("%v into the first hold: %s, %d s left\n", after, p.Segment.Kind, p.SecondsLeft())
	}
	fmt.Println("at its end:", plan.At(hold.End()).Segment.Kind)
	fmt.Println("past the plan's end, done:", plan.At(plan.Total+time.Minute).Done)
	// Output:
	// 0s into the first hold: hold, 5 s left
	// 1.5s into the first hold: hold, 4 s left
	// 4.999s into the first hold: hold, 1 s left
	// at its end: switch
	// past the plan's end, done: true
}
