package datatest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"unknot/data"
)

// realNotes are the kind of notes people leave, some with accents, quotes,
// line breaks and emoji.
var realNotes = []string{
	"Stiff this morning.",
	"Back felt looser – «mieux» after the bridge.",
	"Skipped the last hold: the phone rang.\nWill try again tonight.",
	"Long drive yesterday, lower back tight. Took it slowly and it eased off by the cat stretch.",
	"😊 good one",
	`Physio said "keep the knees together" on the bridge.`,
	"Müde, aber gemacht.",
	"Pain <3 today & better than last week",
}

// RealisticYears returns n records of a person who did the morning routine
// (five exercises) and an evening one (three, alternating between two
// choices) every day, in London and on a fortnight a year in New York, with
// pain scores on half the sessions, notes on some, partial sessions now and
// then and doses that grow over the years. Its records pass Validate.
func RealisticYears(tb testing.TB, n int) []data.Record {
	tb.Helper()
	london, newYork := Loc(tb, "Europe/London"), Loc(tb, "America/New_York")
	rng := rand.New(rand.NewPCG(1, 2))
	names := map[string]string{
		data.KneeToChest: "Knee-to-chest stretch", data.Rotation: "Lower-back rotational stretch",
		data.Flexibility: "Lower-back flexibility exercise", data.Bridge: "Bridge", data.CatStretch: "Cat stretch",
	}
	sides := map[string]int{data.KneeToChest: 3, data.Rotation: 2, data.Flexibility: 2, data.Bridge: 1, data.CatStretch: 2}
	holdMS := map[string]int64{data.KneeToChest: 5000, data.Rotation: 5000, data.Flexibility: 5000, data.Bridge: 5000, data.CatStretch: 5000}
	days := (n + 1) / 2
	first := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -days)
	recs := make([]data.Record, 0, n)
	for d := 0; len(recs) < n; d++ {
		date := first.AddDate(0, 0, d)
		loc, zone := london, "Europe/London"
		if date.YearDay() >= 200 && date.YearDay() < 214 {
			loc, zone = newYork, "America/New_York"
		}
		evening := []string{data.KneeToChest, data.Rotation, data.CatStretch}
		if d%2 == 1 {
			evening = []string{data.Flexibility, data.Bridge, data.CatStretch}
		}
		for _, s := range []struct {
			routine, name string
			hour          int
			exercises     []string
		}{
			{data.Morning, "Morning routine", 7, []string{data.KneeToChest, data.Rotation, data.Flexibility, data.Bridge, data.CatStretch}},
			{data.Evening, "Evening routine", 20, evening},
		} {
			if len(recs) == n {
				break
			}
			start := time.Date(date.Year(), date.Month(), date.Day(), s.hour, rng.IntN(60), rng.IntN(60), rng.IntN(1000)*1e6, loc)
			stamp := data.NewStamp(start, zone)
			partial := rng.IntN(12) == 0
			r := data.Record{
				ID:      UUIDFor(fmt.Sprint("realistic ", len(recs))),
				Routine: s.routine, RoutineName: s.name,
				Start: start.UTC(), LocalDate: stamp.LocalDate, LocalTime: stamp.LocalTime, Zone: zone,
				Complete: !partial,
			}
			var active int64
			for i, ex := range s.exercises {
				reps := min(2+d/150, 10)
				hold := holdMS[ex] + int64(min(d/60, 5))*1000
				l := data.ExerciseLog{
					Exercise: ex, Name: names[ex],
					Reps: reps, RepsDone: reps, Holds: reps * sides[ex], HoldsDone: reps * sides[ex], HoldMS: hold,
				}
				if partial && i == len(s.exercises)-1 {
					l.RepsDone, l.HoldsDone = reps/2, l.Holds/2
				}
				active += int64(l.HoldsDone) * (hold + 3000)
				r.Exercises = append(r.Exercises, l)
			}
			r.ActiveMS = active
			r.End = r.Start.Add(time.Duration(active)*time.Millisecond + time.Duration(rng.IntN(120_000))*time.Millisecond)
			if rng.IntN(2) == 0 {
				r.PainBefore, r.PainAfter = data.PainScore(rng.IntN(8)), data.PainScore(rng.IntN(6))
			}
			if rng.IntN(6) == 0 {
				r.Note = realNotes[rng.IntN(len(realNotes))]
			}
			recs = append(recs, r)
		}
	}
	for i, r := range recs {
		if err := r.Validate(); err != nil {
			tb.Fatalf("realistic record %d: %v", i+1, err)
		}
	}
	return recs
}
