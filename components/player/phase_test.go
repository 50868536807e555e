package player

import (
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/webapi"
	"unknot/data"
)

// TestPhaseMoves lists every move the player may make, written out here
// apart from the code's table, and checks every pair of phases against it:
// the moves listed are allowed, every other is refused.
func TestPhaseMoves(t *testing.T) {
	allowedMoves := map[[2]phase]bool{
		// The ready screen, once the settings are read.
		{phaseLoading, phaseMissing}:    true,
		{phaseLoading, phaseUnplayable}: true,
		{phaseLoading, phaseGate}:       true,
		{phaseLoading, phaseReady}:      true,
		{phaseLoading, phaseLocking}:    true,
		{phaseGate, phaseReady}:         true,
		// Start.
		{phaseReady, phaseStarting}:      true,
		{phaseStarting, phaseAsking}:     true,
		{phaseStarting, phaseReady}:      true, // the doses changed: planned again
		{phaseStarting, phaseUnplayable}: true, // nothing left now
		{phaseStarting, phaseRunning}:    true,
		{phaseAsking, phaseReady}:        true,
		{phaseAsking, phaseUnplayable}:   true,
		// A session offered back.
		{phaseLocking, phaseRunning}:    true,
		{phaseLocking, phaseGate}:       true,
		{phaseLocking, phaseReady}:      true,
		{phaseLocking, phaseUnplayable}: true,
		// The session.
		{phaseRunning, phaseConfirming}:  true,
		{phaseRunning, phaseFinished}:    true,
		{phaseConfirming, phaseRunning}:  true,
		{phaseConfirming, phaseFinished}: true,
	}
	for from := phaseLoading; from <= phaseFinished; from++ {
		for to := phaseLoading; to <= phaseFinished; to++ {
			want := allowedMoves[[2]phase{from, to}] || to == phaseLoading
			if got := allowed(from, to); got != want {
				t.Errorf("%v → %v: allowed %v, want %v", from, to, got, want)
			}
			p := &Player{phase: from}
			if moved := p.to(to); moved != want || (moved && p.phase != to) || (!moved && p.phase != from) {
				t.Errorf("%v → %v: to reported %v and left the player %v", from, to, moved, p.phase)
			}
		}
	}
}

// A second tap on Start while the first is starting starts nothing more:
// the audio is set up once and one session runs.
func TestSecondStartWhileStartingIsRefused(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.p.phase = phaseStarting // the first tap's checks are under way
	r.click(r.p.onStart)
	if r.p.phase != phaseStarting || r.cues.Count("unlock") != 0 {
		t.Errorf("a tap while starting: phase %v, audio set up %d times; want still starting, nothing done", r.p.phase, r.cues.Count("unlock"))
	}
}

// The offer of waiting sessions never comes over a running session: the
// answer of which sessions run elsewhere, arriving after the session has
// started, asks nothing.
func TestNoOfferWhileRunning(t *testing.T) {
	r := newPlayerRig(t, data.KneeToChest)
	r.click(r.p.onStart)
	if r.p.phase != phaseRunning {
		t.Fatalf("after Start: %v, want running", r.p.phase)
	}
	uitest.WaitingSession(t, webapi.MemoryStorage)
	started := 0
	r.do(func(ctx app.Context) { r.p.askFirst(ctx, func() { started++ }) })
	r.disp.Consume()
	if r.p.phase != phaseRunning || r.p.offered || started != 0 {
		t.Errorf("a late offer over a running session: phase %v, offered %v, started %d times; want running, nothing offered or started", r.p.phase, r.p.offered, started)
	}
}
