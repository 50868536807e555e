package store_test

import (
	"testing"

	"unknot/data"
	"unknot/data/store"
)

func TestRecordPartOfDay(t *testing.T) {
	tests := []struct {
		routine, clock string
		want           data.PartOfDay
	}{
		{data.Evening, "01:38", data.PartEvening}, // the evening routine, late
		{data.Morning, "16:10", data.PartMorning}, // the morning one, late
		{data.Short, "01:38", data.PartMorning},   // any other: by the clock
		{data.Short, "14:59", data.PartMorning},
		{data.Short, "15:00", data.PartEvening},
		{"my-own", "21:00", data.PartEvening},
	}
	for _, tt := range tests {
		r := data.Record{Routine: tt.routine, LocalTime: tt.clock}
		if got := r.PartOfDay(); got != tt.want {
			t.Errorf("%s at %s: %s, want %s", tt.routine, tt.clock, got, tt.want)
		}
		m := store.MarksOn([]data.Record{{Routine: tt.routine, LocalDate: "2025-04-22", LocalTime: tt.clock,
			Exercises: []data.ExerciseLog{{Holds: 1, HoldsDone: 1}}}}, "2025-04-22")
		if len(m) != 1 || m[0].PartOfDay() != tt.want {
			t.Errorf("%s at %s: marks %v, want one %s", tt.routine, tt.clock, m, tt.want)
		}
	}
}
