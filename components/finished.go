package components

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// Finished is the screen at the end of a session: what was done, exercise
// by exercise, the pain question and a note. The player owns the record;
// this screen shows it and reports the person's answers.
type Finished struct {
	app.Compo
	Routine string
	Results []data.Result
	// Took is the session time, pauses excluded.
	Took time.Duration
	// Again is the routine id to run once more.
	Again string
	// Record is the session as recorded; SaveErr the last failure to store
	// it; Persisted what the browser said about keeping storage.
	Record    data.Record
	SaveErr   string
	Persisted string
	// OnPainAfter, OnNote and OnRetry report the person's answers.
	OnPainAfter func(ctx app.Context, v *int)
	OnNote      func(ctx app.Context, note string)
	OnRetry     app.EventHandler
}

func (f *Finished) onNote(ctx app.Context, e app.Event) {
	if f.OnNote != nil {
		f.OnNote(ctx, ctx.JSSrc().Get("value").String())
	}
}

func (f *Finished) onPain(ctx app.Context, v *int) {
	if f.OnPainAfter != nil {
		f.OnPainAfter(ctx, v)
	}
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
	rise, risen := f.Record.PainRise()
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
		painScale("pain-after", text.PainAfter, f.Record.PainAfter, f.onPain),
		app.If(risen && rise >= data.PainRiseThreshold, app.Div().ID("ease-off").Class("notice").Attr("role", "status").Body(
			app.P().Text(text.EaseOff),
			app.A().Href("/safety").Text(text.SeeSafety),
		)),
		app.Label().Class("note").For("note").Body(
			app.Span().Text(text.Note),
			app.Textarea().ID("note").Rows(3).MaxLength(data.MaxNoteRunes).Placeholder(text.NoteHint).
				Text(f.Record.Note).OnChange(f.onNote),
		),
		app.If(f.SaveErr == "", app.P().ID("saved").Class("muted small").Text(text.Saved)).
			Else(app.Div().ID("save-error").Class("error").Attr("role", "alert").Body(
				app.P().Text(fmt.Sprintf(text.SaveFailed, f.SaveErr)),
				app.Button().ID("retry").Class("button").Text(text.Retry).OnClick(f.OnRetry),
			)),
		app.If(f.Persisted != "", app.P().ID("persisted").Class("muted small").Text(f.Persisted)),
		app.Div().Class("controls").Body(
			app.A().ID("home").Class("button primary").Href("/").Text(text.Home),
			app.A().ID("again").Class("button").Href("/session/"+f.Again).Text(text.Again),
		),
		app.P().Class("muted small").Text(data.Disclaimer),
	)
}
