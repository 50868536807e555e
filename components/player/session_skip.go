package player

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// onSkipExercise leaves the current exercise for the next one (Shift+→).
func (p *Player) onSkipExercise(ctx app.Context, e app.Event) {
	p.move(data.Session.SkipExercise)
}
