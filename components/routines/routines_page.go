package routines

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// Page lists the built-in routines and the person's own, and lets
// them create, rename, edit, duplicate and delete their own. The editor is
// in routine_editor.go.
type Page struct {
	app.Compo

	st  store.Storage
	now func() time.Time

	custom []data.Routine
	// loadErr says why the stored routines could not all be read; while
	// it is set nothing is saved, and setAside offers a fresh start.
	loadErr  string
	setAside bool
	// actionErr is the last failure to save; notice the last result of
	// setting old routines aside.
	actionErr, notice string
	// announce is read out politely after each action.
	announce string
	// newName is the name typed for a new routine; createErr why it was
	// refused.
	newName, createErr string
	// deleting is the id of the routine whose deletion is being confirmed.
	deleting string
	// restSeconds is the rest between exercises, from the settings.
	restSeconds int

	// The editor: draft is the routine being edited, nil when none.
	draft    *data.Routine
	isNew    bool
	draftErr string
	// shownName is the name the name field starts with. The field is not
	// written back as the person types: go-app trims attribute values,
	// which would eat a space at the end of what is typed.
	shownName string
	// doseErr holds what was typed in a dose field that is not a number,
	// by field id.
	doseErr map[string]string
	addPick string
	// dosing shows each routine's doses and length as it will be played.
	dosing ui.Dosing

	otherTabs webapi.OtherTabs
}

// OnMount reads the routines and the rest setting, and starts following
// the changes other tabs make to them.
func (p *Page) OnMount(ctx app.Context) {
	if p.st == nil {
		p.st = webapi.AppStorage(ctx)
	}
	if p.now == nil {
		p.now = time.Now
	}
	p.load()
	p.otherTabs.Follow(p.onOtherTab, store.RoutinesKey, store.SettingsKey)
}

// OnDismount stops following other tabs.
func (p *Page) OnDismount() {
	p.otherTabs.Stop()
}

// onOtherTab shows the routines another tab has changed. A routine being
// edited here stays as it is until it is saved or cancelled.
func (p *Page) onOtherTab(ctx app.Context) {
	p.load()
	p.Update()
}

// load reads the person's routines.
func (p *Page) load() {
	custom, err := store.LoadCustomRoutines(p.st)
	p.custom, p.loadErr = custom, ui.ErrText(err)
	p.setAside = errors.Is(err, store.ErrRoutinesDamaged) || errors.Is(err, store.ErrRoutinesNewer)
	s, _ := store.LoadSettings(p.st)
	p.restSeconds = s.RestSeconds
	p.dosing = ui.LoadDosing(p.st, time.Now())
}

// store changes the person's routines with change and reports whether it
// could save them. change gets the routines as stored now, so what another
// tab saved since this page read them is kept.
func (p *Page) store(change func([]data.Routine) []data.Routine) bool {
	list, err := store.UpdateCustomRoutines(p.st, change)
	if err != nil {
		p.actionErr = err.Error()
		return false
	}
	p.custom, p.actionErr = list, ""
	return true
}

// focus moves the keyboard focus to the element with the given id once the
// screen has been redrawn. The page, not the element that fired the event,
// is the source: that element may be gone by then, and go-app drops a
// deferred call whose source is no longer mounted.
func (p *Page) focus(ctx app.Context, id string) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Defer, Source: p, Function: func(app.Context) {
		defer webapi.Guard()
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	}})
}

func (p *Page) onNewName(ctx app.Context, e app.Event) {
	p.newName = ui.InputValue(ctx)
}

// onCreate handles the form's submission, which must not leave the page.
func (p *Page) onCreate(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.create(ctx)
}

// create opens the editor on a new routine with the typed name.
func (p *Page) create(ctx app.Context) {
	name := strings.TrimSpace(p.newName)
	if name == "" {
		p.createErr = "Give the routine a name."
		p.focus(ctx, "new-routine-name")
		return
	}
	// Refused with the limit, where the field's maxlength cut a pasted
	// name mid-word without a word.
	if n := utf8.RuneCountInString(name); n > data.MaxNameRunes {
		p.createErr = fmt.Sprintf(text.NameTooLong, data.MaxNameRunes, n)
		p.focus(ctx, "new-routine-name")
		return
	}
	p.createErr, p.newName = "", ""
	p.edit(ctx, data.NewCustomRoutine(name), true)
	p.announce = fmt.Sprintf(text.Created, quoted(name))
}

func (p *Page) onEdit(r data.Routine) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.edit(ctx, r.Clone(), false) }
}

// onDuplicate saves a copy of r, built-in or not, among the person's own.
func (p *Page) onDuplicate(r data.Routine) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		d := data.DuplicateRoutine(r)
		if p.store(func(rs []data.Routine) []data.Routine { return data.PutRoutine(rs, d) }) {
			p.announce = fmt.Sprintf(text.Duplicated, quoted(d.Name))
			p.focus(ctx, "edit-"+d.ID)
		}
	}
}

func (p *Page) onAskDelete(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.deleting = id
		p.focus(ctx, "keep-"+id)
	}
}

func (p *Page) onKeep(ctx app.Context, e app.Event) {
	id := p.deleting
	p.deleting = ""
	p.focus(ctx, "delete-"+id)
}

func (p *Page) onDelete(r data.Routine) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.deleting = ""
		if p.store(func(rs []data.Routine) []data.Routine { return data.DeleteRoutine(rs, r.ID) }) {
			p.announce = fmt.Sprintf(text.Deleted, quoted(r.Name))
			p.focus(ctx, "yours-title")
		}
	}
}

// onSetAside copies damaged or newer routines aside so new ones can be
// saved.
func (p *Page) onSetAside(ctx app.Context, e app.Event) {
	key, err := store.SetAsideCustomRoutines(p.st, p.now())
	if err != nil {
		p.actionErr = err.Error()
		return
	}
	p.load()
	p.actionErr, p.notice = "", ""
	if key != "" {
		p.notice = fmt.Sprintf(text.SetAsideDone, key)
	}
}

// Render shows the editor while a routine is being edited, else the lists.
func (p *Page) Render() app.UI {
	// app.If builds both branches, so the editor is only built with a draft.
	var main app.UI
	if p.draft != nil {
		main = p.renderEditor()
	} else {
		main = p.renderLists()
	}
	return ui.Page("routines",
		ui.Elt("h1", text.RoutinesTitle),
		app.If(p.loadErr != "", p.renderLoadErr()),
		app.If(p.notice != "", ui.Elt("p#routines-notice.notice", p.notice)),
		app.If(p.actionErr != "", ui.Elt("p#routines-error.error[role=alert]", p.actionErr)),
		main,
		ui.Elt("p#routines-status.sr-only[aria-live=polite]", p.announce),
	)
}

func (p *Page) renderLoadErr() app.UI {
	return ui.El("div#routines-load-error.error",
		ui.Elt("p", p.loadErr),
		app.If(p.setAside, ui.Eltx("button#set-aside.button", text.SetAside).OnClick(p.onSetAside)),
	)
}

func (p *Page) renderLists() app.UI {
	builtin := data.BuiltinRoutines()
	return ui.El("div.routine-lists",
		ui.Elt("p.lead", text.RoutinesLead),
		ui.El("section[aria-labelledby=yours-title]",
			ui.Eltx("h2#yours-title", text.YoursTitle).TabIndex(-1),
			app.If(len(p.custom) == 0, ui.Elt("p#no-routines.muted", text.NoneYet)),
			ui.El("div#custom-routines.cards", app.Range(p.custom).Slice(func(i int) app.UI {
				return p.renderCard(p.custom[i], true)
			})),
			p.renderCreate(),
		),
		ui.El("section[aria-labelledby=builtin-title]",
			ui.Elt("h2#builtin-title", text.BuiltinTitle),
			ui.El("div#builtin-routines.cards", app.Range(builtin).Slice(func(i int) app.UI {
				return p.renderCard(builtin[i], false)
			})),
		),
	)
}

// renderCreate is the form that names a new routine. Submitting it never
// leaves the page (the security policy forbids form actions anyway).
func (p *Page) renderCreate() app.UI {
	return ui.Elx("form#create-routine.create-routine",
		ui.Elt("label[for=new-routine-name]", text.NewName),
		ui.El("div.inline-row",
			// No Value: go-app trims attribute values, so writing back
			// what is typed would eat a space at the end of it.
			ui.Void("input#new-routine-name.input[type=text][autocomplete=off]").Aria("invalid", p.createErr != "").OnInput(p.onNewName),
			ui.Elt("button#create[type=submit].button.primary", text.Create),
		),
		app.If(p.createErr != "", ui.Elt("p#create-error.error.field-error[role=alert]", p.createErr)),
	).OnSubmit(p.onCreate)
}

// renderCard shows one routine with what it holds and its actions; mine is
// true for the person's own routines, which can be edited and deleted.
func (p *Page) renderCard(r data.Routine, mine bool) app.UI {
	cat := data.DefaultCatalogue()
	pl, err := p.dosing.Play(r)
	return ui.Elx("article.card.routine",
		ui.Eltx("h3", r.Name).ID("name-"+r.ID),
		app.If(r.Summary != "", ui.Linked("p", r.Summary)),
		ui.Elt("p.meta", ui.RoutineMeta(pl, err)),
		ui.ItemList(pl, cat),
		ui.Elx("div.card-actions[role=group]",
			ui.Eltx("a.button.primary", ui.Text.Start).ID("start-"+r.ID).Attr("href", ui.SessionPath+r.ID).
				Aria("label", fmt.Sprintf(ui.Text.StartRoutine, r.Name)),
			app.If(mine, ui.Eltx("button.button", text.Edit).ID("edit-"+r.ID).Aria("label", text.Edit+" "+r.Name).OnClick(p.onEdit(r))),
			ui.Eltx("button.button", text.Duplicate).ID("duplicate-"+r.ID).Aria("label", text.Duplicate+" "+r.Name).OnClick(p.onDuplicate(r)),
			app.If(mine, ui.Eltx("button.button.quiet", text.Delete).ID("delete-"+r.ID).Aria("label", text.Delete+" "+r.Name).OnClick(p.onAskDelete(r.ID))),
		).Aria("label", fmt.Sprintf(text.RoutineActions, r.Name)),
		app.If(mine && p.deleting == r.ID, p.renderConfirmDelete(r)),
	).ID("routine-"+r.ID).Aria("labelledby", "name-"+r.ID)
}

func (p *Page) renderConfirmDelete(r data.Routine) app.UI {
	return ui.Elx("div.confirm-box[role=group]",
		ui.Eltx("p", fmt.Sprintf(text.ConfirmDelete, quoted(r.Name))).ID("confirm-text-"+r.ID),
		ui.El("div.card-actions",
			ui.Eltx("button#confirm-delete.button.danger", text.Delete).OnClick(p.onDelete(r)),
			ui.Eltx("button.button", text.KeepIt).ID("keep-"+r.ID).OnClick(p.onKeep),
		),
	).ID("confirm-delete-"+r.ID).
		Aria("labelledby", "confirm-text-"+r.ID)
}

// quoted puts a name in curly quotes for a sentence.
func quoted(name string) string { return "“" + name + "”" }
