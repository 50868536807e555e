package player

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/data"
)

// onHurt stops the session at once, gently: no question first, as someone
// in pain on the floor should not have to answer one. The session is
// recorded as partial with the reason, and the finished screen says what
// to do now.
func (p *Player) onHurt(ctx app.Context, e app.Event) {
	if !p.session() {
		return
	}
	p.run.Finish(data.StoppedHurt)
}

// renderDay shows, on the screen before Start, where today's per-day
// exercises stand, what was left out of the routine and why, and the
// advice to pause when the pain has kept rising.
func (p *Player) renderDay() app.UI {
	return ui.El("div.day",
		ui.DailyDoses("daily", p.day.Daily),
		app.If(len(p.day.Notes) > 0, ui.Bullets("day-notes", p.day.Notes)),
		app.If(data.PainAdviceFor(p.history) == data.PainPause, ui.PainAdvice(data.PainPause, false)),
	)
}
