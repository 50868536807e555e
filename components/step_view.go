package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// StepView is the running player's picture of the current step: its title,
// the session's progress, the figure, the countdown with the phase, what to
// do, where in the exercise the person is, what comes next, and the live
// region a screen reader announces.
//
// Like Countdown, it writes into its own elements (Show) instead of being
// rendered: go-app's view of those elements holds no text, so go-app never
// overwrites what Show wrote. A new step then costs a few DOM writes in the
// clock's own turn; redrawing the whole player for it took go-app's next
// frame, a second entry into Go and a diff of some thirty elements.
type StepView struct {
	app.Compo
	// Counter is the countdown inside the view.
	Counter *Countdown
	// view is what the view shows, shown what is in the page.
	view, shown stepText
	// slots are the view's elements, found once it is mounted.
	slots map[string]app.Value
}

// stepText is everything StepView writes. The strings are keyed by the id
// of the element they go in (stepSlots).
type stepText struct {
	Class    string // the view's class, with the kind of step
	Figure   string // the figure's class, with the pose
	Alt      string // the figure's description
	Text     [6]string
	Progress [2]int // seconds done and in all
	Label    string // the progress bar's accessible name
	Live     string // what the live region announces
}

// stepSlots are the ids of the elements whose text Show writes, in the
// order of stepText.Text. An empty text hides its element.
var stepSlots = [6]string{"step-title", "step-of", "phase", "instruction", "where", "next"}

// stepLive is the live region: one announcement per step, unless the
// app's voice says it (SessionPlayer.showStep).
const stepLive = "step-live"

// Render draws the view's elements without their content.
func (v *StepView) Render() app.UI {
	return el("div#step",
		el("header.player-top",
			el("h1#step-title.player-title"),
			el("div#step-of.muted"),
			el("progress#step-progress.progress"),
		),
		el("div#step-figure[role=img]", app.If(!app.IsServer, app.Raw(figureSVG("")))),
		el("div.countdown",
			v.Counter,
			el("div#phase.phase"),
		),
		el("p#instruction.instruction"),
		el("p#where.where"),
		el("p#next.next"),
		// At most one announcement per step, never per second, so a
		// screen reader is told what to do without being flooded.
		elx("div.sr-only[aria-live=polite]").ID(stepLive),
	)
}

// OnMount finds the elements and writes the step into them.
func (v *StepView) OnMount(ctx app.Context) {
	root := v.JSValue()
	v.slots = map[string]app.Value{"step": root}
	for _, id := range append(stepSlots[:], stepLive, "step-progress", "step-figure") {
		v.slots[id] = root.Call("querySelector", "#"+id)
	}
	v.shown = stepText{}
	v.write()
}

// OnDismount forgets the elements.
func (v *StepView) OnDismount() { v.slots = nil }

// Show sets what the view shows, writing what changed into the page when
// the view is there.
func (v *StepView) Show(t stepText) {
	v.view = t
	if app.IsClient && v.slots != nil {
		v.write()
	}
}

// write puts into the page what differs from what is there.
func (v *StepView) write() {
	t, old := v.view, v.shown
	set := func(id, prop, val, was string) {
		if val != was {
			v.slots[id].Set(prop, val)
		}
	}
	set("step", "className", t.Class, old.Class)
	set("step-figure", "className", t.Figure, old.Figure)
	if t.Alt != old.Alt {
		v.slots["step-figure"].Call("setAttribute", "aria-label", t.Alt)
	}
	for i, id := range stepSlots {
		if t.Text[i] != old.Text[i] || old.Class == "" {
			e := v.slots[id]
			e.Set("textContent", t.Text[i])
			e.Set("hidden", t.Text[i] == "")
		}
	}
	if t.Progress != old.Progress {
		bar := v.slots["step-progress"]
		bar.Set("max", t.Progress[1])
		bar.Set("value", t.Progress[0])
	}
	if t.Label != old.Label {
		v.slots["step-progress"].Call("setAttribute", "aria-label", t.Label)
	}
	if t.Live != old.Live {
		v.slots[stepLive].Set("textContent", t.Live)
	}
	v.shown = t
}
