package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// ExercisePage shows one exercise: its positions, steps, hold, repetitions,
// sides and how often to do it.
type ExercisePage struct {
	app.Compo
	ex    data.Exercise
	found bool
}

// OnPreRender loads the exercise for the server's pre-rendered page, which
// is what shows before the app starts (and offline, from the cache).
func (p *ExercisePage) OnPreRender(ctx app.Context) { p.OnNav(ctx) }

// OnNav reads the exercise id from the address.
func (p *ExercisePage) OnNav(ctx app.Context) {
	id := routeID(ctx, ExercisePath)
	p.ex, p.found = data.DefaultCatalogue().Exercise(id)
	if p.found {
		ctx.Page().SetTitle(p.ex.Name + " · " + text.AppName)
	}
}

// Render shows the exercise.
func (p *ExercisePage) Render() app.UI {
	if !p.found {
		return page("exercise", homeLink(), elt("p.error", text.NotFound))
	}
	e := p.ex
	return page("exercise",
		homeLink(),
		elt("h1", e.Name),
		elt("p.lead", e.Summary),
		eltx("a#start-exercise.button.primary", text.StartExercise).Attr("href", SessionPath+e.ID),
		el("dl.facts",
			fact(text.Hold, e.HoldText()),
			fact(text.Reps, e.RepsRangeText()),
			fact(text.HowOften, e.Frequency.Text),
			app.If(e.Progression != nil, fact(text.Progression, progressionText(e))),
		),
		app.If(e.Note != "", linked("p.notice", e.Note)),
		app.If(holdChoosable(e), el("p", elt("a#choose-hold.text-link[href=/routines]", fmt.Sprintf(text.ChooseHold, e.Name)))),
		elt("h2", text.Positions),
		el("ol.positions", app.Range(e.Poses()).Slice(func(i int) app.UI {
			pose := e.Poses()[i]
			return el("li", &Figure{Pose: pose}, elt("p.caption", FigureAlt(pose)))
		})),
		elt("h2", text.StartPosition),
		elt("p", e.Start),
		elt("h2", text.Steps),
		el("ol.steps", app.Range(e.Steps).Slice(func(i int) app.UI { return elt("li", e.Steps[i]) })),
		elt("h2", text.Feel),
		elt("p", e.Feel),
		elt("h2", text.Caution),
		elt("p.caution", e.Caution),
		elt("p.muted.small", data.Disclaimer),
	)
}

// fact is one term and its value in a definition list.
func fact(term, value string) app.UI {
	return el("div.fact", elt("dt", term), elt("dd", value))
}

// progressionText is the exercise's rising dose, or "" when it has none.
func progressionText(e data.Exercise) string {
	if e.Progression == nil {
		return ""
	}
	return e.Progression.Text
}
