package player

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
)

// StepView is the running player's picture of the current step: its title,
// the session's progress, the figure, the countdown with the phase, what to
// do, where in the exercise the person is, what comes next, and the live
// region a screen reader announces.
//
// Like Countdown, it writes into its own elements (Show) instead of being
// rendered: go-app's view of those elements holds no text, so go-app never
// overwrites what Show wrote. A new step then costs one call into
// JavaScript (showStep in web/cues.js) in the clock's own turn; redrawing
// the whole player for it took go-app's next frame, a second entry into Go
// and a diff of some thirty elements, and writing each element from Go
// took some twenty calls.
type StepView struct {
	app.Compo
	// Counter is the countdown inside the view.
	Counter *Countdown
	// Paused is set while the session is paused: "Paused" then stands
	// where the count was.
	Paused bool
	// view is what the view shows, shown what is in the page.
	view, shown stepText
	// mounted is set while the view's elements are in the page.
	mounted bool
}

// stepText is everything StepView writes.
type stepText struct {
	Class  string // the view's class, with the kind of step
	Figure string // the figure's class, with the pose
	Alt    string // the figure's description
	// The texts, each in the element of stepSlots named after it; an
	// empty one hides its element.
	Title       string // the exercise, or Get ready, Rest, Done
	Of          string // which exercise of the routine
	Phase       string // what the step asks, in a word or two
	Instruction string // what to do
	Where       string // round, side and breath
	Next        string // what comes next
	Done, Total int    // the progress bar: seconds done and in all
	Label       string // the progress bar's accessible name
	Live        string // what the live region announces
}

// texts are t's texts in the order of stepSlots.
func (t stepText) texts() [6]string {
	return [6]string{t.Title, t.Of, t.Phase, t.Instruction, t.Where, t.Next}
}

// stepSlots are the ids of the elements whose text Show writes, in the
// order of stepText.texts; web/cues.js has the same list.
var stepSlots = [6]string{"step-title", "step-of", "phase", "instruction", "where", "next"}

// stepLive is the live region: one announcement per step, unless the
// app's voice says it (Player.showStep).
const stepLive = "step-live"

// Render draws the view's elements without their content.
func (v *StepView) Render() app.UI {
	return ui.El("div#step",
		ui.El("header.player-top",
			ui.El("h1#step-title.player-title"),
			ui.El("div#step-of.muted"),
			ui.El("progress#step-progress.progress"),
		),
		// The figure is drawn as lying until the first step names its
		// pose: without a figure class every view would show at once, a
		// jumble, for the moment before it.
		ui.El("div#step-figure.figure.figure--supine.figure--large[role=img]", app.If(!app.IsServer, app.Raw(ui.FigureSVG("")))),
		// Paused comes last, so the count and the phase keep their
		// elements (and the texts written into them) as it comes and
		// goes; the stylesheet shows it where the count was.
		ui.El("div.countdown",
			v.Counter,
			ui.El("div#phase.phase"),
			app.If(v.Paused, ui.Elt("div#paused.count.paused-word", text.Paused)),
		),
		ui.El("p#instruction.instruction"),
		ui.El("p#where.where"),
		ui.El("p#next.next"),
		// At most one announcement per step, never per second, so a
		// screen reader is told what to do without being flooded.
		ui.Elx("div.sr-only[aria-live=polite]").ID(stepLive),
	)
}

// OnMount writes the step into the new elements.
func (v *StepView) OnMount(ctx app.Context) {
	v.mounted = true
	v.shown = stepText{}
	v.write()
}

// OnDismount notes that the elements are gone.
func (v *StepView) OnDismount() { v.mounted = false }

// Show sets what the view shows, writing it into the page when the view is
// there and it has changed.
func (v *StepView) Show(t stepText) {
	v.view = t
	if app.IsClient && v.mounted && t != v.shown {
		v.write()
	}
}

// write puts the step into the page in one call into JavaScript, which
// writes what differs from the page. Without web/cues.js (a failed load)
// it writes the texts itself.
func (v *StepView) write() {
	defer webapi.Guard()
	if !app.IsClient {
		return
	}
	t := v.view
	js := webapi.Helpers()
	if !js.Truthy() || !js.Get("showStep").Truthy() {
		v.writeTexts(t)
		return
	}
	args := []any{v.JSValue(), t.Class, t.Figure, t.Alt, t.Done, t.Total, t.Label, t.Live}
	for _, s := range t.texts() {
		args = append(args, s)
	}
	js.Call("showStep", args...)
	v.shown = t
}

// writeTexts writes a step's texts and announcement from Go, one call into
// JavaScript each: what the person needs to follow the session when
// web/cues.js, which draws the rest, did not load.
func (v *StepView) writeTexts(t stepText) {
	root := v.JSValue()
	texts := t.texts()
	for i, id := range stepSlots {
		e := root.Call("querySelector", "#"+id)
		e.Set("textContent", texts[i])
		e.Set("hidden", texts[i] == "")
	}
	root.Call("querySelector", "#"+stepLive).Set("textContent", t.Live)
	v.shown = t
}

// sideLabel names a segment's side. A switch, whose words turn to the other
// side, says the side it leaves is done: "Left side" over "Then switch to
// the right side" reads as if the right were the wrong one.
func sideLabel(s data.Segment) (string, bool) {
	if l, ok := text.SideDone[string(s.Side)]; ok && s.Kind == data.KindSwitch {
		return l, true
	}
	l, ok := text.SideLabel[string(s.Side)]
	return l, ok
}
