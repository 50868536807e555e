package guide

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/data"
)

// ExercisePage shows one exercise: its positions, steps, hold, repetitions,
// sides and how often to do it.
type ExercisePage struct {
	app.Compo
	ex    data.Exercise
	found bool
	// path is the page's address, shown when no exercise has that id.
	path string
}

// OnPreRender loads the exercise for the server's pre-rendered page, which
// is what shows before the app starts (and offline, from the cache).
func (p *ExercisePage) OnPreRender(ctx app.Context) { p.OnNav(ctx) }

// OnInit reads the exercise before the app's first frame (ui.Address).
func (p *ExercisePage) OnInit() { p.load(ui.Address()) }

// OnNav reads the exercise id from the address.
func (p *ExercisePage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Path)
	if p.found {
		ctx.Page().SetTitle(p.ex.Name + " · " + text.AppName)
	} else {
		ctx.Page().SetTitle(ui.NotFoundTitle(text.AppName))
	}
}

// load finds the exercise of the address path.
func (p *ExercisePage) load(path string) {
	p.path = path
	p.ex, p.found = data.DefaultCatalogue().Exercise(ui.PathID(path, ui.ExercisePath))
}

// Render shows the exercise.
func (p *ExercisePage) Render() app.UI {
	if !p.found {
		return ui.NotFound("exercise", p.path, ui.Text.NotFoundExercise)
	}
	e := p.ex
	return ui.Page("exercise",
		ui.HomeLink(),
		ui.Elt("h1", e.Name),
		ui.Elt("p.lead", e.Summary),
		ui.Eltx("a#start-exercise.button.primary", text.StartExercise).Attr("href", ui.SessionPath+e.ID),
		ui.El("dl.facts",
			fact(text.Hold, e.HoldText()),
			fact(text.Reps, e.RepsRangeText()),
			fact(text.HowOften, e.Frequency.Text),
			app.If(e.Progression != nil, fact(text.Progression, progressionText(e))),
		),
		app.If(e.Note != "", ui.Linked("p.notice", e.Note)),
		app.If(ui.HoldChoosable(e), ui.El("p", ui.Elt("a#choose-hold.text-link[href=/routines]", fmt.Sprintf(text.ChooseHold, e.Name)))),
		ui.Elt("h2", text.Positions),
		ui.El("ol.positions", app.Range(e.Poses()).Slice(func(i int) app.UI {
			pose := e.Poses()[i]
			return ui.El("li", &ui.Figure{Pose: pose}, ui.Elt("p.caption", ui.FigureAlt(pose)))
		})),
		ui.Elt("h2", text.StartPosition),
		ui.Elt("p", e.Start),
		ui.Elt("h2", text.Steps),
		ui.El("ol.steps", app.Range(e.Steps).Slice(func(i int) app.UI { return ui.Elt("li", e.Steps[i]) })),
		ui.Elt("h2", text.Feel),
		ui.Elt("p", e.Feel),
		ui.Elt("h2", text.Caution),
		ui.Elt("p.caution", e.Caution),
		ui.Elt("p.muted.small", data.Disclaimer),
	)
}

// fact is one term and its value in a definition list.
func fact(term, value string) app.UI {
	return ui.El("div.fact", ui.Elt("dt", term), ui.Elt("dd", value))
}

// progressionText is the exercise's rising dose, or "" when it has none.
func progressionText(e data.Exercise) string {
	if e.Progression == nil {
		return ""
	}
	return e.Progression.Text
}
