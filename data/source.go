package data

// The source article: the five exercises, their holds, rounds, sides and how
// often to do them come from it, with every number as it gives it. Unknot
// writes everything in its own words.
const (
	// SourceTitle is the article's title, as published.
	SourceTitle = "Back Muscle Cramping Up? Know Easy Exercises to Treat It at Work or Home"
	// SourceDate is the day it was published.
	SourceDate = "24 April 2025"
)
