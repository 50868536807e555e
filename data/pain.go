package data

// PainAdvice is what the pain scores of the latest sessions call for.
type PainAdvice int

// The pain advice, from none to the strongest.
const (
	// PainFine: nothing to say.
	PainFine PainAdvice = iota
	// PainEaseOff: the pain after the last session was HighPain or more,
	// or rose by PainRiseThreshold or more: do less next time.
	PainEaseOff
	// PainPause: the pain rose in RisesToPause of the last RecentSessions
	// sessions: pause the exercises and see a healthcare professional.
	PainPause
)

// When rising pain calls for a pause: the pain rose (by PainRiseThreshold
// or more) after RisesToPause of the last RecentSessions sessions. Once
// can be a bad day; three times in five is a pattern the exercises are not
// helping with.
const (
	RecentSessions = 5
	RisesToPause   = 3
)

// PainAdviceFor returns the advice after the latest session of history
// (by start), the strongest that applies.
func PainAdviceFor(history []Record) PainAdvice {
	recs := InOrder(history)
	if len(recs) == 0 {
		return PainFine
	}
	rises := 0
	for _, r := range recs[max(len(recs)-RecentSessions, 0):] {
		if rise, ok := r.PainRise(); ok && rise >= PainRiseThreshold {
			rises++
		}
	}
	last := recs[len(recs)-1]
	rise, risen := last.PainRise()
	switch {
	case rises >= RisesToPause:
		return PainPause
	case risen && rise >= PainRiseThreshold, last.PainAfter != nil && *last.PainAfter >= HighPain:
		return PainEaseOff
	}
	return PainFine
}
