package guide

import "unknot/data"

// firstDayMetas is what routineMetas says of each built-in routine on a
// first visit (no history, the default pacing), by routine id: what the
// server pre-renders and the app's first frame draws on Home. Working it
// out compiles each routine's whole plan, and in the browser the code that
// does so is compiled at its first call: a tenth of Go's start before the
// first frame, for a table that changes only with the catalogue or the
// pacing (docs/performance.md). TestFirstDayMetas holds it to the doses'
// own answer at every hour of the day, and prints the table to put here
// when they differ.
var firstDayMetas = map[string]string{
	data.Morning: "5 exercises · About 12 min",
	data.Evening: "5 exercises · About 12 min",
	data.Short:   "2 exercises · About 4 min",
}
