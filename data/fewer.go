package data

// MinReps is the fewest repetitions a routine may hold of any exercise.
// An exercise's Reps.Min is where the article suggests starting, not a
// floor: someone in a bad spasm may manage one bridge, not five.
const MinReps = 1

// AllowsReps reports whether a routine may ask for n repetitions of e:
// from MinReps up to the most the article allows.
func (e Exercise) AllowsReps(n int) bool { return n >= MinReps && n <= e.Reps.Max }
