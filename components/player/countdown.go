package player

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
)

// Countdown is the player's big number: the whole seconds left in the step.
//
// The number is written straight into the element (Show) rather than
// rendered: a new second then costs one DOM write in the clock's own turn,
// where a redraw waited for go-app's next frame, a second entry into Go,
// and diffed the component. go-app's view of the element has no text, so
// it never overwrites the number.
type Countdown struct {
	app.Compo
	// Seconds is the number shown; below zero, none (Blank).
	Seconds int
	// shown is the number in the page, math.MinInt before the first one.
	shown int
}

// Blank is the Seconds of a step with no number to show: an instruction,
// untimed by its hold, which must not look like the hold's countdown.
const Blank = -1

// Render draws the element the number goes in. Screen readers skip it: the
// step is said once (by the live region or the app's voice) instead of the
// number every second.
func (c *Countdown) Render() app.UI {
	return ui.El("div#count.count[aria-hidden=true]")
}

// OnMount writes the number into the new element.
func (c *Countdown) OnMount(ctx app.Context) {
	c.shown = math.MinInt
	c.Show(c.Seconds)
}

// Show sets the number, or none below zero, writing it into the page when
// it is mounted there and has changed.
func (c *Countdown) Show(seconds int) {
	c.Seconds = max(seconds, Blank)
	if !app.IsClient || !c.Mounted() || c.Seconds == c.shown {
		return
	}
	t := ""
	if c.Seconds >= 0 {
		t = strconv.Itoa(c.Seconds)
	}
	c.JSValue().Set("textContent", t)
	c.shown = c.Seconds
}
