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
		return page("exercise", homeLink(), el("p").Class("error").Text(text.NotFound))
	}
	e := p.ex
	return page("exercise",
		homeLink(),
		el("h1").Text(e.Name),
		el("p").Class("lead").Text(e.Summary),
		el("a").ID("start-exercise").Class("button primary").Attr("href", "/session/"+e.ID).Text(text.StartExercise),
		el("dl").Class("facts").Body(
			fact(text.Hold, e.HoldText()),
			fact(text.Reps, e.RepsRangeText()),
			fact(text.HowOften, e.Frequency.Text),
			app.If(e.Progression != nil, fact(text.Progression, progressionText(e))),
		),
		app.If(e.Note != "", el("p").Class("notice").Text(e.Note)),
		el("h2").Text(text.Positions),
		el("ol").Class("positions").Body(app.Range(e.Poses()).Slice(func(i int) app.UI {
			pose := e.Poses()[i]
			return el("li").Body(&Figure{Pose: pose}, el("p").Class("caption").Text(FigureAlt(pose)))
		})),
		el("h2").Text(text.StartPosition),
		el("p").Text(e.Start),
		el("h2").Text(text.Steps),
		el("ol").Class("steps").Body(app.Range(e.Steps).Slice(func(i int) app.UI { return el("li").Text(e.Steps[i]) })),
		el("h2").Text(text.Feel),
		el("p").Text(e.Feel),
		el("h2").Text(text.Caution),
		el("p").Class("caution").Text(e.Caution),
		el("p").Class("muted small").Text(data.Disclaimer),
	)
}

// fact is one term and its value in a definition list.
func fact(term, value string) app.UI {
	return el("div").Class("fact").Body(el("dt").Text(term), el("dd").Text(value))
}

// progressionText is the exercise's rising dose, or "" when it has none.
func progressionText(e data.Exercise) string {
	if e.Progression == nil {
		return ""
	}
	return e.Progression.Text
}
