package data

// PainAdvice is what the pain scores of the latest sessions call for.
type PainAdvice int

// The pain advice, from none to the strongest.
const (
	// PainFine: nothing to say.
	PainFine PainAdvice = iota
	// PainEaseOff: a session of the latest day gave a pain signal (see
	// Record.PainSignal): do less next time. The next level is one step
	// lower already (DosesAt).
	PainEaseOff
	// PainPause: the pain rose in RisesToPause of the last RecentSessions
	// sessions: pause the exercises and see a healthcare professional.
	PainPause
)

// When rising pain calls for a pause: the pain rose (by PainRiseThreshold
// or more), or the person stopped with "This hurts", after RisesToPause of
// the last RecentSessions sessions. Once can be a bad day; three times in
// five is a pattern the exercises are not helping with.
const (
	RecentSessions = 5
	RisesToPause   = 3
)

// PainAdviceFor returns the advice after the latest session of history
// (by start), the strongest that applies: the pause after rises in
// RisesToPause of the last RecentSessions sessions ("This hurts" counts as
// a rise), or easing off when any session of the latest session's local
// day gave a pain signal, as the signals of one day lower the next dose
// together.
func PainAdviceFor(history []Record) PainAdvice {
	recs := InOrder(history)
	if len(recs) == 0 {
		return PainFine
	}
	rises := 0
	for _, r := range recs[max(len(recs)-RecentSessions, 0):] {
		if s := signalOf(r).kind; s == rose || s == hurtStop {
			rises++
		}
	}
	if rises >= RisesToPause {
		return PainPause
	}
	last := recs[len(recs)-1].LocalDate
	for i := len(recs) - 1; i >= 0; i-- {
		if recs[i].LocalDate == last && recs[i].PainSignal() {
			return PainEaseOff
		}
	}
	return PainFine
}
