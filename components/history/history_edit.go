package history

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// sessionEdits is what the History page's list is doing to a session: the
// one being edited and its draft, and the last one deleted, for Undo.
type sessionEdits struct {
	editing string
	// was is the session as the editor opened it, draft what the person
	// made of it: the edit is what changed between the two.
	was, draft data.Record
	deleted    *data.Record
	err        string
}

// recentEntry shows one session with its Edit and Delete buttons, or the
// form that edits its pain scores and note.
func (p *Page) recentEntry(r data.Record) app.UI {
	when := historyWhen(r)
	if p.edits.editing == r.ID {
		return ui.El("li.hist-session.editing", recentBody(r), p.renderEditor(when))
	}
	return ui.El("li.hist-session", recentBody(r),
		ui.El("div.session-actions",
			ui.Eltx("button.button.small-action", text.Edit).ID("edit-"+r.ID).
				Aria("label", fmt.Sprintf(text.EditLabel, when)).OnClick(p.onEdit(r)),
			ui.Eltx("button.button.quiet.small-action", text.Delete).ID("delete-"+r.ID).
				Aria("label", fmt.Sprintf(text.DeleteLabel, when)).OnClick(p.onDelete(r)),
		),
	)
}

// renderEditor is the form that changes the draft's pain scores and note.
func (p *Page) renderEditor(when string) app.UI {
	d := &p.edits.draft
	return ui.Elx("form.session-editor",
		ui.PainScale("edit-before", text.PainBefore, d.PainBefore, func(ctx app.Context, v *int) { d.PainBefore = v }),
		ui.PainScale("edit-after", text.PainAfter, d.PainAfter, func(ctx app.Context, v *int) { d.PainAfter = v }),
		ui.El("label.note[for=edit-note]",
			ui.Elt("span", text.Note),
			ui.Eltx("textarea#edit-note[rows=3]", d.Note).Attr("maxlength", data.MaxNoteRunes).
				OnInput(func(ctx app.Context, e app.Event) { d.Note = ctx.JSSrc().Get("value").String() }),
		),
		app.If(p.edits.err != "", ui.Elt("p#edit-error.error[role=alert]", p.edits.err)),
		ui.El("div.history-actions",
			ui.Elt("button#edit-save.button.primary[type=submit]", text.Save),
			ui.Eltx("button#edit-cancel.button[type=button]", text.Cancel).OnClick(p.onCancelEdit),
		),
	).Aria("label", fmt.Sprintf(text.EditLabel, when)).OnSubmit(p.onSaveEdit)
}

// renderUndo offers to bring back the session just deleted.
func (p *Page) renderUndo() app.UI {
	r := p.edits.deleted
	if r == nil {
		return ui.El("div#undo-slot[role=status]")
	}
	return ui.El("div#undo-slot.notice.undo[role=status]",
		ui.Elt("span", fmt.Sprintf(text.Deleted, historyWhen(*r))),
		ui.Eltx("button#undo-delete.button", text.Undo).OnClick(p.onUndo),
	)
}

func (p *Page) onEdit(r data.Record) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.edits = sessionEdits{editing: r.ID, was: r, draft: r, deleted: p.edits.deleted}
		p.focusSoon(ctx, "edit-before-q")
	}
}

func (p *Page) onCancelEdit(ctx app.Context, e app.Event) {
	id := p.edits.editing
	p.edits.editing, p.edits.err = "", ""
	p.focusSoon(ctx, "edit-"+id)
}

// onSaveEdit stores what the person changed of the session's answers,
// emptied ones included (store.EditRecord): a note cleared stays cleared,
// in this tab, in others and in backups.
func (p *Page) onSaveEdit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	d := p.edits.draft
	d.Note = data.TrimNote(d.Note)
	if _, err := store.EditRecord(p.st, d.ID, store.EditOf(p.edits.was, d), p.now()); err != nil {
		p.edits.err = err.Error()
		return
	}
	p.edits.editing, p.edits.err = "", ""
	p.load()
	p.focusSoon(ctx, "edit-"+d.ID)
}

// onDelete deletes the session at once and offers Undo: asking first
// would take two taps for every deletion, Undo only for a mistake.
func (p *Page) onDelete(r data.Record) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if _, err := store.DeleteRecordAt(p.st, r.ID, p.now()); err != nil {
			p.actionErr = err.Error()
			return
		}
		p.edits = sessionEdits{deleted: &r}
		p.load()
		p.focusSoon(ctx, "undo-delete")
	}
}

// onUndo saves the deleted session again, as it was.
func (p *Page) onUndo(ctx app.Context, e app.Event) {
	r := p.edits.deleted
	if r == nil {
		return
	}
	if _, err := store.SaveRecord(p.st, *r); err != nil {
		p.actionErr = err.Error()
		return
	}
	p.edits.deleted = nil
	p.load()
	p.focusSoon(ctx, "delete-"+r.ID)
}

// focusSoon moves the keyboard focus to the element with id once the list
// has been redrawn, so it is not lost with the button that had it. It runs
// on the page, not on ctx: that is the button's, and a deleted session's
// button is gone by then, with whatever it was to run.
func (p *Page) focusSoon(ctx app.Context, id string) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Defer, Source: p, Function: func(ctx app.Context) {
		defer webapi.Guard()
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	}})
}

// onDay shows the sessions of a calendar day, or hides them when the day
// is shown already.
func (p *Page) onDay(ctx app.Context, date string) {
	if p.day == date {
		p.day = ""
		return
	}
	p.day = date
}

// renderDay lists the sessions of the chosen calendar day.
func (p *Page) renderDay() app.UI {
	var recs []data.Record
	for _, r := range p.hist.Records {
		if r.LocalDate == p.day && r.Counts() {
			recs = append(recs, r)
		}
	}
	if p.day == "" || len(recs) == 0 {
		return ui.El("div#day-sessions[aria-live=polite]")
	}
	return ui.El("section#day-sessions.day-sessions[aria-live=polite][aria-labelledby=day-title]",
		ui.Elt("h3#day-title", fmt.Sprintf(text.DayTitle, ui.HistoryDate(p.day))),
		ui.El("ol.recent-list", app.Range(recs).Slice(func(i int) app.UI {
			return ui.El("li.hist-session", recentBody(recs[i]))
		})),
	)
}
