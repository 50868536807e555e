package components

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// Finished is the screen at the end of a session: what was done, exercise
// by exercise.
type Finished struct {
	app.Compo
	Routine string
	Results []data.Result
	// Took is the session time, pauses excluded.
	Took time.Duration
	// Again is the routine id to run once more.
	Again string
}

// Render shows the summary.
func (f *Finished) Render() app.UI {
	complete := true
	for _, r := range f.Results {
		complete = complete && r.HoldsDone == r.Holds
	}
	title := text.WellDone
	if !complete {
		title = text.StoppedEarly
	}
	return page("finished",
		app.H1().ID("finished-title").Text(title),
		app.P().Class("lead").Text(fmt.Sprintf(text.Finished, f.Routine, data.DurationText(f.Took))),
		app.Ul().ID("results").Class("results").Body(app.Range(f.Results).Slice(func(i int) app.UI {
			r := f.Results[i]
			mark, class := "✓", "result done"
			if r.RepsDone < r.Reps {
				mark, class = "–", "result partial"
			}
			return app.Li().Class(class).Body(
				app.Span().Class("mark").Aria("hidden", "true").Text(mark),
				app.Span().Class("name").Text(r.Name),
				app.Span().Class("result-count").Text(fmt.Sprintf(text.DoneOf, r.RepsDone, r.Reps)),
			)
		})),
		app.Div().Class("controls").Body(
			app.A().ID("home").Class("button primary").Href("/").Text(text.Home),
			app.A().ID("again").Class("button").Href("/session/"+f.Again).Text(text.Again),
		),
		app.P().Class("muted small").Text(data.Disclaimer),
	)
}
