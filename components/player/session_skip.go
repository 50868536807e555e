package player

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// onSkipExercise leaves the current exercise for the next one (Shift+→).
func (p *Player) onSkipExercise(ctx app.Context, e app.Event) {
	p.move(data.Session.SkipExercise)
}

// skipText holds the words for skipping a whole exercise and for choosing
// fewer rounds.
var skipText = struct{ SkipExercise, KeysHint, DoseHint string }{
	SkipExercise: "Skip exercise",
	KeysHint:     "Keys: Space pauses, ← goes back, → skips a step, Shift+→ skips the exercise, H stops because it hurts.",
	DoseHint:     "These rounds are a suggestion. On a bad day do fewer, down to one: use −.",
}
