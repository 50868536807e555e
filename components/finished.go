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
		el("h1").ID("finished-title").Text(title),
		el("p").Class("lead").Text(fmt.Sprintf(text.Finished, f.Routine, data.DurationText(f.Took))),
		el("ul").ID("results").Class("results").Body(app.Range(f.Results).Slice(func(i int) app.UI {
			r := f.Results[i]
			mark, class := "✓", "result done"
			if r.RepsDone < r.Reps {
				mark, class = "–", "result partial"
			}
			return el("li").Class(class).Body(
				el("span").Class("mark").Aria("hidden", "true").Text(mark),
				el("span").Class("name").Text(r.Name),
				el("span").Class("result-count").Text(fmt.Sprintf(text.DoneOf, r.RepsDone, r.Reps)),
			)
		})),
		painScale("pain-after", text.PainAfter, f.Record.PainAfter, f.onPain),
		app.If(risen && rise >= data.PainRiseThreshold, el("div").ID("ease-off").Class("notice").Attr("role", "status").Body(
			el("p").Text(text.EaseOff),
			el("a").Attr("href", "/safety").Text(text.SeeSafety),
		)),
		el("label").Class("note").Attr("for", "note").Body(
			el("span").Text(text.Note),
			el("textarea").ID("note").Attr("rows", 3).Attr("maxlength", data.MaxNoteRunes).Attr("placeholder", text.NoteHint).
				Text(f.Record.Note).OnChange(f.onNote),
		),
		app.If(f.SaveErr == "", el("p").ID("saved").Class("muted small").Text(text.Saved)).
			Else(el("div").ID("save-error").Class("error").Attr("role", "alert").Body(
				el("p").Text(fmt.Sprintf(text.SaveFailed, f.SaveErr)),
				el("button").ID("retry").Class("button").Text(text.Retry).OnClick(f.OnRetry),
			)),
		app.If(f.Persisted != "", el("p").ID("persisted").Class("muted small").Text(f.Persisted)),
		el("div").Class("controls").Body(
			el("a").ID("home").Class("button primary").Attr("href", "/").Text(text.Home),
			el("a").ID("again").Class("button").Attr("href", "/session/"+f.Again).Text(text.Again),
		),
		el("p").Class("muted small").Text(data.Disclaimer),
	)
}
