package ui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// undoFor is how long a discarded session can be put back.
const undoFor = 10 * time.Second

// ResumeOffer shows the sessions that were interrupted (the tab was closed
// or killed) and are not running in another tab, and offers for each to
// resume it, save it as a partial session, or discard it. Discarding can be
// undone for undoFor. Before acting it reads the session's checkpoint
// again: another tab may have finished it meanwhile.
type ResumeOffer struct {
	app.Compo
	// Asking is set when the player shows the offer because Start was
	// pressed while sessions wait: it says so first.
	Asking bool
	// OnSettled is called once no session waits any more.
	OnSettled func(ctx app.Context)

	items   []offered
	message string
	// undo is the session last discarded, until undoFor has passed;
	// undos counts discards, so that an earlier one's timer leaves a
	// later one alone.
	undo  *store.Discarded
	undos int
	// asked is Asking as last seen, to tell when the player asks anew.
	asked bool
}

// offered is one waiting session, the plan it ran on, and what resuming it
// would do now (data.ResumeAt).
type offered struct {
	c        data.Checkpoint
	plan     data.Plan
	compiles bool
	resume   data.Resumption
}

// resumable reports whether the session can be resumed: in place, or what
// is left of it planned as today's.
func (it offered) resumable() bool {
	return it.compiles && (it.resume.InPlace || len(it.resume.Today.Routine.Items) > 0)
}

// OnMount looks for waiting sessions.
func (o *ResumeOffer) OnMount(ctx app.Context) {
	o.asked = o.Asking
	o.load(ctx)
}

// OnUpdate looks again when the player asks anew: the offer stays on the
// ready screen once settled, and a session that ran in another tab then (a
// tab killed since, whose lock has gone) may wait now. Without a new look
// the player would wait for an answer with nothing offered and no Start.
func (o *ResumeOffer) OnUpdate(ctx app.Context) {
	asking := o.Asking && !o.asked
	o.asked = o.Asking
	if asking {
		o.load(ctx)
	}
}

// load reads every checkpoint, then leaves out those of sessions running
// in a tab, once the browser says which. The history, which the dose
// authority needs to say what resuming would do, is read only when a
// session waits: the offer is drawn in the app's first frame, and reading
// ten years of history there held that frame back by a third of a second.
func (o *ResumeOffer) load(ctx app.Context) {
	st := webapi.AppStorage(ctx)
	all, err := store.LoadCheckpoints(st)
	if err != nil {
		o.message = err.Error()
	}
	o.items = o.items[:0]
	if len(all) == 0 {
		o.settled(ctx)
		return
	}
	settings, _ := store.LoadSettings(st)
	now := time.Now()
	hist, _, _ := store.LoadHistory(st, now)
	for _, c := range all {
		o.items = append(o.items, offer(c, settings, hist.Records, webapi.LocalStamp(now)))
	}
	webapi.RunningElsewhere(func(ids map[string]bool, known bool) {
		if !known || len(ids) == 0 {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			kept := o.items[:0]
			for _, it := range o.items {
				if !ids[it.c.RecordID] {
					kept = append(kept, it)
				}
			}
			o.items = kept
			o.settled(ctx)
		})
	})
}

// offer compiles the plan of c again, with the pacing it ran with, and asks
// the dose authority what resuming it would do now.
func offer(c data.Checkpoint, settings data.Settings, history []data.Record, now data.Stamp) offered {
	// Offered even when it no longer compiles, so it can be discarded.
	it := offered{c: c}
	if it.plan, it.compiles = compileAt(c, settings); it.compiles {
		it.resume = data.ResumeAt(c, it.plan, data.DefaultCatalogue(), history, now)
	}
	return it
}

// settled tells the parent when nothing waits any more.
func (o *ResumeOffer) settled(ctx app.Context) {
	if len(o.items) == 0 && o.OnSettled != nil {
		o.OnSettled(ctx)
	}
}

// current reads the checkpoint of item i again. When it has gone (another
// tab finished, saved or discarded it) the item goes, the offer says so and
// it reports false.
func (o *ResumeOffer) current(ctx app.Context, i int) (offered, bool) {
	if i < 0 || i >= len(o.items) {
		return offered{}, false
	}
	id := o.items[i].c.RecordID
	c, ok, err := store.LoadCheckpointID(webapi.AppStorage(ctx), id)
	if err != nil || !ok {
		o.message = Text.Gone
		if err != nil {
			o.message = err.Error()
		}
		o.drop(ctx, id)
		return offered{}, false
	}
	// Saving it as partial takes it as it stands: no need of today's
	// doses, only of its plan.
	settings, _ := store.LoadSettings(webapi.AppStorage(ctx))
	it := o.items[i]
	it.c = c
	it.plan, it.compiles = compileAt(c, settings)
	return it, true
}

// compileAt compiles the plan c ran on again, with the pacing it ran with.
func compileAt(c data.Checkpoint, settings data.Settings) (data.Plan, bool) {
	plan, err := data.Compile(c.Routine, data.DefaultCatalogue(), c.TimingOr(settings.Timing()))
	return plan, err == nil
}

// drop takes the session id off the offer.
func (o *ResumeOffer) drop(ctx app.Context, id string) {
	for i, it := range o.items {
		if it.c.RecordID == id {
			o.items = append(o.items[:i], o.items[i+1:]...)
			break
		}
	}
	o.settled(ctx)
}

func (o *ResumeOffer) onSave(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		it, ok := o.current(ctx, i)
		if !ok {
			return
		}
		if !it.compiles {
			o.message = Text.CannotResume
			return
		}
		st := webapi.AppStorage(ctx)
		if err := webapi.KeepRecord(st, it.c.Record(it.plan), false); err != nil {
			o.message = fmt.Sprintf(Text.SaveFailed, err)
			return
		}
		// The checkpoint stays until a later start finds the session in
		// the history (store.Repair); it is offered no more meanwhile.
		o.message = Text.Saved
		o.drop(ctx, it.c.RecordID)
	}
}

// onDiscard discards waiting session i, once the browser has said that no
// tab runs it: the offer may have been drawn before another tab resumed it
// and took its lock (the player takes it before the session shows).
func (o *ResumeOffer) onDiscard(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		it, ok := o.current(ctx, i)
		if !ok {
			return
		}
		id := it.c.RecordID
		webapi.RunningElsewhere(func(ids map[string]bool, known bool) {
			ctx.Dispatch(func(ctx app.Context) {
				if ids[id] {
					o.message = Text.RunningElsewhere
					o.drop(ctx, id)
					return
				}
				o.discard(ctx, it)
			})
		})
	}
}

// discard takes the checkpoint of waiting session it out of storage and
// offers to put it back for undoFor.
func (o *ResumeOffer) discard(ctx app.Context, it offered) {
	d, ok := store.TakeCheckpoint(webapi.AppStorage(ctx), it.c.RecordID)
	if !ok {
		o.message = Text.Gone
		o.drop(ctx, it.c.RecordID)
		return
	}
	o.undos++
	o.undo, o.message = &d, fmt.Sprintf(Text.Discarded, it.c.Routine.Name, int(undoFor/time.Second))
	o.drop(ctx, it.c.RecordID)
	mine := o.undos
	// A plain goroutine, not ctx.Async, which tests wait for.
	go func() {
		select {
		case <-ctx.Done():
		case <-time.After(undoFor):
			ctx.Dispatch(func(ctx app.Context) {
				if o.undos == mine {
					o.undo, o.message = nil, ""
				}
			})
		}
	}()
	o.focusSoon(ctx, "resume-undo")
}

func (o *ResumeOffer) onUndo(ctx app.Context, e app.Event) {
	if o.undo == nil {
		return
	}
	d := *o.undo
	o.undo, o.undos = nil, o.undos+1
	if err := store.PutBack(webapi.AppStorage(ctx), d); err != nil {
		o.message = fmt.Sprintf(Text.UndoFailed, err)
		return
	}
	o.load(ctx)
	o.message = ""
	for _, it := range o.items {
		if it.c.RecordID == d.ID {
			o.message = fmt.Sprintf(Text.PutBack, it.c.Routine.Name)
		}
	}
}

// focusSoon moves the keyboard focus to the element id once drawn: the
// button that had it is gone.
func (o *ResumeOffer) focusSoon(ctx app.Context, id string) {
	ctx.Defer(func(ctx app.Context) {
		defer webapi.Guard()
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// itemID is the id of an element of item i: the first item's are the
// plain ids, the others' carry their place.
func itemID(id string, i int) string {
	if i == 0 {
		return id
	}
	return id + "-" + strconv.Itoa(i+1)
}

// Render shows the offer, or what became of the last session acted on.
func (o *ResumeOffer) Render() app.UI {
	status := El("div#resume-status[role=status]",
		app.If(o.message != "", Elt("p#resume-message.notice", o.message)),
		app.If(o.undo != nil, Eltx("button#resume-undo.button", Text.Undo).OnClick(o.onUndo)),
	)
	if len(o.items) == 0 {
		return El("div.resume-slot", status)
	}
	title, ask := Text.Unfinished, Text.AskOne
	if len(o.items) > 1 {
		title, ask = Text.Many, Text.AskMany
	}
	return El("section#resume.resume-slot.card[aria-labelledby=resume-title][tabindex=-1]",
		Elt("h2#resume-title", title),
		app.If(o.Asking, Elt("p#resume-ask.notice", ask)),
		status,
		app.Range(o.items).Slice(func(i int) app.UI { return o.renderItem(i) }),
	)
}

// renderItem shows waiting session i and what can be done with it.
func (o *ResumeOffer) renderItem(i int) app.UI {
	it := o.items[i]
	c := it.c
	return El("div.resume-item",
		Elt("p", fmt.Sprintf(Text.UnfinishedText, c.Routine.Name, HistoryDate(c.LocalDate), c.LocalTime,
			data.DurationText(c.Elapsed()), data.DurationText(it.plan.Total))),
		app.If(!it.compiles, Elt("p.muted", Text.CannotResume)).
			ElseIf(!it.resume.InPlace, Eltx("p.muted.resume-why", it.resume.Why).ID(itemID("resume-why", i))),
		El("div.controls",
			app.If(it.resumable(), Eltx("a.button.primary", Text.ResumeIt).ID(itemID("resume-go", i)).Aria("label", Text.ResumeIt+": "+c.Routine.Name).
				Attr("href", SessionPath+c.Routine.ID+"?resume="+c.RecordID)),
			app.If(it.compiles, Eltx("button.button", Text.SaveAsPartial).ID(itemID("resume-save", i)).Aria("label", Text.SaveAsPartial+": "+c.Routine.Name).OnClick(o.onSave(i))),
			Eltx("button.button.quiet", Text.Discard).ID(itemID("resume-discard", i)).Aria("label", Text.Discard+": "+c.Routine.Name).OnClick(o.onDiscard(i))),
	)
}
