package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// ResumeOffer shows an unfinished session, if the last one was interrupted
// (the tab was closed or killed), and offers to resume it, save it as a
// partial session, or discard it.
type ResumeOffer struct {
	app.Compo
	c        data.Checkpoint
	plan     data.Plan
	fits     bool
	compiles bool
	found    bool
	message  string
}

// OnMount looks for a checkpoint.
func (o *ResumeOffer) OnMount(ctx app.Context) {
	c, ok, err := data.LoadCheckpoint(appStorage(ctx))
	o.message = errText(err)
	if !ok {
		return
	}
	settings, _ := data.LoadSettings(appStorage(ctx))
	plan, err := data.Compile(c.Routine, data.DefaultCatalogue(), c.TimingOr(settings.Timing()))
	// Shown even when it no longer compiles, so it can be discarded.
	o.c, o.plan, o.found, o.compiles = c, plan, true, err == nil
	o.fits = err == nil && c.Fits(plan)
}

func (o *ResumeOffer) onSave(ctx app.Context, e app.Event) {
	if _, err := data.SaveRecord(appStorage(ctx), o.c.Record(o.plan)); err != nil {
		o.message = fmt.Sprintf(text.SaveFailed, err)
		return
	}
	o.message, o.found = text.Saved, false
	data.ClearCheckpoint(appStorage(ctx))
}

func (o *ResumeOffer) onDiscard(ctx app.Context, e app.Event) {
	data.ClearCheckpoint(appStorage(ctx))
	o.found, o.message = false, ""
}

// Render shows the offer, or nothing.
func (o *ResumeOffer) Render() app.UI {
	if !o.found {
		return el("div.resume-slot",
			app.If(o.message != "", elt("p#resume-message.notice", o.message)),
		)
	}
	c := o.c
	return el("section#resume.resume-slot.card[aria-labelledby=resume-title]",
		elt("h2#resume-title", text.Unfinished),
		elt("p", fmt.Sprintf(text.UnfinishedText, c.Routine.Name, c.LocalDate, c.LocalTime,
			data.DurationText(c.Elapsed()), data.DurationText(o.plan.Total))),
		app.If(!o.fits, elt("p.muted", text.CannotResume)),
		el("div.controls",
			app.If(o.fits, eltx("a#resume-go.button.primary", text.ResumeIt).Attr("href", "/session/"+c.Routine.ID+"?resume=1")),
			app.If(o.compiles, eltx("button#resume-save.button", text.SaveAsPartial).OnClick(o.onSave)),
			eltx("button#resume-discard.button.quiet", text.Discard).OnClick(o.onDiscard),
		),
	)
}
