package player

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
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
	// Ended is set when the person ended the session before its end, at
	// exercise At (1-based).
	Ended bool
	At    int
	// Record is the session as recorded; SaveErr the last failure to store
	// it; Saving is set until it is first stored; Persisted what the
	// browser said about keeping storage.
	Record    data.Record
	SaveErr   string
	Saving    bool
	Persisted string
	// Finish is what the screen offers now (data.FinishFor): no "do it
	// again" after "This hurts" or when the pain calls for a pause, and
	// the advice the pain scores call for.
	Finish data.Finish
	// OnPainAfter, OnNote, OnNoteInput (each keystroke) and OnRetry report
	// the person's answers.
	OnPainAfter func(ctx app.Context, v *int)
	OnNote      func(ctx app.Context, note string)
	OnNoteInput func(ctx app.Context, note string)
	OnRetry     app.EventHandler
	// Next, when set, is where a launch during the session asked to go,
	// offered with NextLabel.
	Next, NextLabel string
}

func (f *Finished) onNoteInput(ctx app.Context, e app.Event) {
	if f.OnNoteInput != nil {
		f.OnNoteInput(ctx, ctx.JSSrc().Get("value").String())
	}
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
	// A session without a hold done is not kept, unless it stopped because
	// it hurt: nothing to rate or note.
	hurt := f.Record.Stopped == data.StoppedHurt
	title, lead := finishedWords(f.Routine, f.Results, f.Took, f.Ended, hurt, f.At)
	kept := data.HoldsDone(f.Results) || hurt
	return ui.Page("finished",
		ui.Elt("h1#finished-title", title),
		ui.Elt("p#finished-lead.lead", lead),
		app.If(hurt, ui.HurtAdvice()),
		ui.El("ul#results.results", app.Range(f.Results).Slice(func(i int) app.UI {
			r := f.Results[i]
			mark, class := "✓", "result done"
			if r.RepsDone < r.Reps {
				mark, class = "–", "result partial"
			}
			return ui.Elx("li",
				ui.Elt("span.mark[aria-hidden=true]", mark),
				ui.Elt("span.name", r.Name),
				ui.Elt("span.result-count", roundsDone(r.RepsDone, r.Reps)),
			).Class(class)
		})),
		app.If(kept, f.renderAnswers()),
		app.If(f.Persisted != "", ui.Elt("p#persisted.muted.small", f.Persisted)),
		ui.El("div.controls",
			app.If(f.Next != "", ui.Eltx("a#next-up.button.primary", f.NextLabel).Attr("href", f.Next)),
			ui.Elt("a#home.button.primary[href=/]", ui.Text.Home),
			app.If(f.Finish.Again, ui.Eltx("a#again.button", text.Again).Attr("href", f.againURL())),
		),
		ui.Elt("p.muted.small", data.Disclaimer),
	)
}

// renderAnswers asks for the pain score and a note, and says whether the
// session is saved.
func (f *Finished) renderAnswers() app.UI {
	rise, risen := f.Record.PainRise()
	return ui.El("div.answers",
		ui.PainScale("pain-after", text.PainAfter, f.Record.PainAfter, f.onPain),
		ui.PainAdvice(f.Finish.Advice, risen && rise >= data.PainRiseThreshold),
		ui.El("label.note[for=note]",
			ui.Elt("span", text.Note),
			ui.Eltx("textarea#note[rows=3]", f.Record.Note).Attr("maxlength", data.MaxNoteRunes).Attr("placeholder", text.NoteHint).OnInput(f.onNoteInput).OnChange(f.onNote),
		),
		app.If(f.Saving, ui.Elt("p#saved.muted.small", text.Saving)).
			ElseIf(f.SaveErr == "", ui.Elt("p#saved.muted.small", ui.Text.Saved)).
			Else(ui.El("div#save-error.error[role=alert]",
				ui.Elt("p", fmt.Sprintf(ui.Text.SaveFailed, f.SaveErr)),
				ui.Eltx("button#retry.button", text.Retry).OnClick(f.OnRetry),
			)),
	)
}

// againURL opens the routine's player once more. The player is at
// /session/<id> already, and go-app ignores a link to the address it is
// at: the session just done, in the query, makes the address new.
func (f *Finished) againURL() string {
	u := ui.SessionPath + f.Again
	if f.Record.ID != "" {
		u += "?again=" + f.Record.ID
	}
	return u
}
