package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Countdown is the player's big number: the whole seconds left in the step.
// It is its own component so that, each second, only it is redrawn; the
// rest of the player's screen is redrawn when the step changes.
type Countdown struct {
	app.Compo
	// Seconds is the number shown.
	Seconds int
}

// Render shows the number. Screen readers skip it: the live region says
// each step once instead of every second.
func (c *Countdown) Render() app.UI {
	return app.Div().ID("count").Class("count").Aria("hidden", "true").Text(c.Seconds)
}
