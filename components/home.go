package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// Home is the start screen: the routines, the five exercises, and what the
// article says about back spasms.
type Home struct {
	app.Compo
}

// Render shows the home screen.
func (h *Home) Render() app.UI {
	cat := data.DefaultCatalogue()
	routines := data.BuiltinRoutines()
	return page("home",
		app.Header().Class("brand").Body(
			app.H1().Text(text.AppName),
			app.P().Class("lead").Text(text.Tagline),
		),
		&InstallPrompt{},
		app.Section().Aria("labelledby", "routines-title").Body(
			app.H2().ID("routines-title").Text(text.Routines),
			app.Div().Class("cards").Body(app.Range(routines).Slice(func(i int) app.UI {
				return routineCard(routines[i], cat)
			})),
		),
		app.Section().Aria("labelledby", "exercises-title").Body(
			app.H2().ID("exercises-title").Text(text.Exercises),
			app.Ul().ID("exercise-list").Class("exercise-list").Body(app.Range(cat).Slice(func(i int) app.UI {
				return exerciseItem(cat[i])
			})),
		),
		app.Section().Class("about").Aria("labelledby", "symptoms-title").Body(
			app.H2().ID("symptoms-title").Text(text.Symptoms),
			app.Ul().Body(app.Range(data.Symptoms).Slice(func(i int) app.UI { return app.Li().Text(data.Symptoms[i]) })),
			app.H2().Text(text.Advice),
			app.Ul().Body(app.Range(data.Advice).Slice(func(i int) app.UI { return app.Li().Text(data.Advice[i]) })),
			app.P().Class("muted small").Text(data.Disclaimer),
		),
	)
}

// routineCard shows one routine with its length and a Start button.
func routineCard(r data.Routine, cat data.Catalogue) app.UI {
	length := ""
	if plan, err := data.Compile(r, cat, data.DefaultTiming()); err == nil {
		length = fmt.Sprintf(text.Minutes, data.DurationText(plan.Total))
	}
	return app.Article().Class("card routine").ID("routine-"+r.ID).Body(
		app.H3().Text(r.Name),
		app.P().Text(r.Summary),
		app.P().Class("meta").Text(fmt.Sprintf(text.ExerciseCount, len(r.Items))+" · "+length),
		app.A().Class("button primary").Href("/session/"+r.ID).Text(fmt.Sprintf(text.StartRoutine, r.Name)),
	)
}

// exerciseItem shows one exercise with its picture and dose, linking to its
// page.
func exerciseItem(e data.Exercise) app.UI {
	poses := e.Poses()
	return app.Li().Class("card exercise").Body(
		app.A().Href("/exercise/"+e.ID).Class("exercise-link").Body(
			&Figure{Pose: poses[1]},
			app.Div().Body(
				app.H3().Text(e.Name),
				app.P().Text(e.Summary),
				app.P().Class("meta").Text(e.HoldText()+" · "+e.RepsRangeText()),
			),
		),
	)
}
