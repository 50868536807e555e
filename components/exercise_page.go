package components

import (
	"strings"

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
	id := strings.TrimPrefix(ctx.Page().URL().Path, "/exercise/")
	p.ex, p.found = data.DefaultCatalogue().Exercise(id)
	if p.found {
		ctx.Page().SetTitle(p.ex.Name + " · " + text.AppName)
	}
}

// Render shows the exercise.
func (p *ExercisePage) Render() app.UI {
	if !p.found {
		return page("exercise", homeLink(), app.P().Class("error").Text(text.NotFound))
	}
	e := p.ex
	return page("exercise",
		homeLink(),
		app.H1().Text(e.Name),
		app.P().Class("lead").Text(e.Summary),
		app.A().ID("start-exercise").Class("button primary").Href("/session/"+e.ID).Text(text.StartExercise),
		app.Dl().Class("facts").Body(
			fact(text.Hold, e.HoldText()),
			fact(text.Reps, e.RepsRangeText()),
			fact(text.HowOften, e.Frequency.Text),
			app.If(e.Progression != nil, fact(text.Progression, progressionText(e))),
		),
		app.If(e.Note != "", app.P().Class("notice").Text(e.Note)),
		app.H2().Text(text.Positions),
		app.Ol().Class("positions").Body(app.Range(e.Poses()).Slice(func(i int) app.UI {
			pose := e.Poses()[i]
			return app.Li().Body(&Figure{Pose: pose}, app.P().Class("caption").Text(FigureAlt(pose)))
		})),
		app.H2().Text(text.StartPosition),
		app.P().Text(e.Start),
		app.H2().Text(text.Steps),
		app.Ol().Class("steps").Body(app.Range(e.Steps).Slice(func(i int) app.UI { return app.Li().Text(e.Steps[i]) })),
		app.H2().Text(text.Feel),
		app.P().Text(e.Feel),
		app.H2().Text(text.Caution),
		app.P().Class("caution").Text(e.Caution),
		app.P().Class("muted small").Text(data.Disclaimer),
	)
}

// fact is one term and its value in a definition list.
func fact(term, value string) app.UI {
	return app.Div().Class("fact").Body(app.Dt().Text(term), app.Dd().Text(value))
}

// progressionText is the exercise's rising dose, or "" when it has none.
func progressionText(e data.Exercise) string {
	if e.Progression == nil {
		return ""
	}
	return e.Progression.Text
}
