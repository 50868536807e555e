package player

import "slices"

// phase is where the player stands: one value, never a set of flags that
// could hold together. The ready screen, a session and the finished screen
// go through these, and only by the moves in moves (Player.to): a second
// Start while the first is starting, or an offer of waiting sessions while
// one runs, is refused.
//
// What the offer shows after it was answered (offered, for Undo) and what
// the person answered on the finished screen (answered) are data kept
// beside the phase, not phases.
type phase int

const (
	// phaseLoading: the person's settings are not read yet (the server's
	// pre-rendered page, the app's first frame). Neither Start nor the
	// safety advice shows: either could be the wrong one.
	phaseLoading phase = iota
	// phaseMissing: no routine has the address's id.
	phaseMissing
	// phaseUnplayable: the routine cannot run now (nothing left of
	// today's doses, or no plan); loadErr says why.
	phaseUnplayable
	// phaseGate: the safety advice is read before the first session.
	phaseGate
	// phaseReady: Start is shown.
	phaseReady
	// phaseStarting: Start was tapped; the sessions waiting to be resumed
	// and the day's doses are being checked.
	phaseStarting
	// phaseAsking: the sessions waiting to be resumed are offered where
	// Start was, until each is answered.
	phaseAsking
	// phaseLocking: a session offered back waits for its lock, so that no
	// other tab can offer it, before it shows.
	phaseLocking
	// phaseRunning: a session runs, or is paused.
	phaseRunning
	// phaseConfirming: End was tapped; the session is paused and asks.
	phaseConfirming
	// phaseFinished: the finished screen.
	phaseFinished
)

// phaseNames name the phases, for messages.
var phaseNames = [...]string{"loading", "missing", "unplayable", "gate", "ready", "starting", "asking", "locking", "running", "confirming", "finished"}

func (f phase) String() string {
	if f < 0 || int(f) >= len(phaseNames) {
		return "phase?"
	}
	return phaseNames[f]
}

// moves lists the phases each phase may move to. Any phase may also go
// back to phaseLoading: a new address (OnNav) starts the player over.
var moves = map[phase][]phase{
	phaseLoading:    {phaseMissing, phaseUnplayable, phaseGate, phaseReady, phaseLocking},
	phaseGate:       {phaseReady},
	phaseReady:      {phaseStarting},
	phaseStarting:   {phaseAsking, phaseReady, phaseUnplayable, phaseRunning},
	phaseAsking:     {phaseReady, phaseUnplayable},
	phaseLocking:    {phaseRunning, phaseGate, phaseReady, phaseUnplayable},
	phaseRunning:    {phaseConfirming, phaseFinished},
	phaseConfirming: {phaseRunning, phaseFinished},
}

// allowed reports whether the player may move from one phase to another.
func allowed(from, to phase) bool {
	return to == phaseLoading || slices.Contains(moves[from], to)
}

// to moves the player to next and reports true, or leaves it where it is
// and reports false when the move is not allowed.
func (p *Player) to(next phase) bool {
	if !allowed(p.phase, next) {
		return false
	}
	p.phase = next
	return true
}

// ready moves a player that has its routine planned to the screen before
// Start: the safety advice first until it is read, else Start, or the
// reason the routine cannot run now.
func (p *Player) ready() bool {
	switch {
	case p.loadErr != "":
		return p.to(phaseUnplayable)
	case !p.settings.SafetyAccepted:
		return p.to(phaseGate)
	}
	return p.to(phaseReady)
}

// showsReady reports whether the player shows the screen before Start, in
// whichever of its phases.
func (p *Player) showsReady() bool {
	switch p.phase {
	case phaseLoading, phaseGate, phaseReady, phaseStarting, phaseAsking, phaseLocking:
		return true
	}
	return false
}

// session reports whether a session is on: running, paused or asking to
// end.
func (p *Player) session() bool { return p.phase == phaseRunning || p.phase == phaseConfirming }
