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
	// it; Saving is set until it is first stored; Persisted what the
	// browser said about keeping storage.
	Record    data.Record
	SaveErr   string
	Saving    bool
	Persisted string
	// Advice is what the pain scores call for, this session's included.
	Advice data.PainAdvice
	// OnPainAfter, OnNote and OnRetry report the person's answers.
	OnPainAfter func(ctx app.Context, v *int)
	OnNote      func(ctx app.Context, note string)
	OnRetry     app.EventHandler
	// Next, when set, is where a launch during the session asked to go,
	// offered with NextLabel.
	Next, NextLabel string
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
	hurt := f.Record.Stopped == data.StoppedHurt
	return page("finished",
		elt("h1#finished-title", title),
		elt("p.lead", fmt.Sprintf(text.Finished, f.Routine, data.DurationText(f.Took))),
		app.If(hurt, hurtAdvice()),
		el("ul#results.results", app.Range(f.Results).Slice(func(i int) app.UI {
			r := f.Results[i]
			mark, class := "✓", "result done"
			if r.RepsDone < r.Reps {
				mark, class = "–", "result partial"
			}
			return elx("li",
				elt("span.mark[aria-hidden=true]", mark),
				elt("span.name", r.Name),
				elt("span.result-count", fmt.Sprintf(text.DoneOf, r.RepsDone, r.Reps)),
			).Class(class)
		})),
		painScale("pain-after", text.PainAfter, f.Record.PainAfter, f.onPain),
		painAdvice(f.Advice, risen && rise >= data.PainRiseThreshold),
		el("label.note[for=note]",
			elt("span", text.Note),
			eltx("textarea#note[rows=3]", f.Record.Note).Attr("maxlength", data.MaxNoteRunes).Attr("placeholder", text.NoteHint).OnChange(f.onNote),
		),
		app.If(f.Saving, elt("p#saved.muted.small", text.Saving)).
			ElseIf(f.SaveErr == "", elt("p#saved.muted.small", text.Saved)).
			Else(el("div#save-error.error[role=alert]",
				elt("p", fmt.Sprintf(text.SaveFailed, f.SaveErr)),
				eltx("button#retry.button", text.Retry).OnClick(f.OnRetry),
			)),
		app.If(f.Persisted != "", elt("p#persisted.muted.small", f.Persisted)),
		el("div.controls",
			app.If(f.Next != "", eltx("a#next-up.button.primary", f.NextLabel).Attr("href", f.Next)),
			elt("a#home.button.primary[href=/]", text.Home),
			eltx("a#again.button", text.Again).Attr("href", f.againURL()),
		),
		elt("p.muted.small", data.Disclaimer),
	)
}

// againURL opens the routine's player once more. The player is at
// /session/<id> already, and go-app ignores a link to the address it is
// at: the session just done, in the query, makes the address new.
func (f *Finished) againURL() string {
	u := "/session/" + f.Again
	if f.Record.ID != "" {
		u += "?again=" + f.Record.ID
	}
	return u
}
