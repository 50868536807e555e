package components

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// RoutinesPage lists the built-in routines and the person's own, and lets
// them create, rename, edit, duplicate and delete their own. The editor is
// in routine_editor.go.
type RoutinesPage struct {
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
	dosing dosing

	unlisten func()
}

// OnMount reads the routines and the rest setting, and starts following
// the changes other tabs make to them.
func (p *RoutinesPage) OnMount(ctx app.Context) {
	if p.st == nil {
		p.st = appStorage(ctx)
	}
	if p.now == nil {
		p.now = time.Now
	}
	p.load()
	p.unlisten = app.Window().AddEventListener("storage", p.onStorage)
}

// OnDismount stops following other tabs.
func (p *RoutinesPage) OnDismount() {
	if p.unlisten != nil {
		p.unlisten()
		p.unlisten = nil
	}
}

// onStorage shows the routines another tab has changed. A routine being
// edited here stays as it is until it is saved or cancelled.
func (p *RoutinesPage) onStorage(ctx app.Context, e app.Event) {
	if storageChanged(e, store.RoutinesKey) || storageChanged(e, store.SettingsKey) {
		p.load()
		p.Update()
	}
}

// load reads the person's routines.
func (p *RoutinesPage) load() {
	custom, err := store.LoadCustomRoutines(p.st)
	p.custom, p.loadErr = custom, errText(err)
	p.setAside = errors.Is(err, store.ErrRoutinesDamaged) || errors.Is(err, store.ErrRoutinesNewer)
	s, _ := store.LoadSettings(p.st)
	p.restSeconds = s.RestSeconds
	p.dosing = loadDosing(p.st, time.Now())
}

// store changes the person's routines with change and reports whether it
// could save them. change gets the routines as stored now, so what another
// tab saved since this page read them is kept.
func (p *RoutinesPage) store(change func([]data.Routine) []data.Routine) bool {
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
func (p *RoutinesPage) focus(ctx app.Context, id string) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Defer, Source: p, Function: func(app.Context) {
		defer guard()
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	}})
}

func (p *RoutinesPage) onNewName(ctx app.Context, e app.Event) {
	p.newName = inputValue(ctx)
}

// onCreate handles the form's submission, which must not leave the page.
func (p *RoutinesPage) onCreate(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.create(ctx)
}

// create opens the editor on a new routine with the typed name.
func (p *RoutinesPage) create(ctx app.Context) {
	name := strings.TrimSpace(p.newName)
	if name == "" {
		p.createErr = "Give the routine a name."
		p.focus(ctx, "new-routine-name")
		return
	}
	// Refused with the limit, where the field's maxlength cut a pasted
	// name mid-word without a word.
	if n := utf8.RuneCountInString(name); n > data.MaxNameRunes {
		p.createErr = fmt.Sprintf(pageText.NameTooLong, data.MaxNameRunes, n)
		p.focus(ctx, "new-routine-name")
		return
	}
	p.createErr, p.newName = "", ""
	p.edit(ctx, data.NewCustomRoutine(name), true)
	p.announce = fmt.Sprintf(pageText.Created, quoted(name))
}

func (p *RoutinesPage) onEdit(r data.Routine) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.edit(ctx, r.Clone(), false) }
}

// onDuplicate saves a copy of r, built-in or not, among the person's own.
func (p *RoutinesPage) onDuplicate(r data.Routine) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		d := data.DuplicateRoutine(r)
		if p.store(func(rs []data.Routine) []data.Routine { return data.PutRoutine(rs, d) }) {
			p.announce = fmt.Sprintf(pageText.Duplicated, quoted(d.Name))
			p.focus(ctx, "edit-"+d.ID)
		}
	}
}

func (p *RoutinesPage) onAskDelete(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.deleting = id
		p.focus(ctx, "keep-"+id)
	}
}

func (p *RoutinesPage) onKeep(ctx app.Context, e app.Event) {
	id := p.deleting
	p.deleting = ""
	p.focus(ctx, "delete-"+id)
}

func (p *RoutinesPage) onDelete(r data.Routine) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.deleting = ""
		if p.store(func(rs []data.Routine) []data.Routine { return data.DeleteRoutine(rs, r.ID) }) {
			p.announce = fmt.Sprintf(pageText.Deleted, quoted(r.Name))
			p.focus(ctx, "yours-title")
		}
	}
}

// onSetAside copies damaged or newer routines aside so new ones can be
// saved.
func (p *RoutinesPage) onSetAside(ctx app.Context, e app.Event) {
	key, err := store.SetAsideCustomRoutines(p.st, p.now())
	if err != nil {
		p.actionErr = err.Error()
		return
	}
	p.load()
	p.actionErr, p.notice = "", ""
	if key != "" {
		p.notice = fmt.Sprintf(pageText.SetAsideDone, key)
	}
}

// Render shows the editor while a routine is being edited, else the lists.
func (p *RoutinesPage) Render() app.UI {
	// app.If builds both branches, so the editor is only built with a draft.
	var main app.UI
	if p.draft != nil {
		main = p.renderEditor()
	} else {
		main = p.renderLists()
	}
	return page("routines",
		elt("h1", pageText.RoutinesTitle),
		app.If(p.loadErr != "", p.renderLoadErr()),
		app.If(p.notice != "", elt("p#routines-notice.notice", p.notice)),
		app.If(p.actionErr != "", elt("p#routines-error.error[role=alert]", p.actionErr)),
		main,
		elt("p#routines-status.sr-only[aria-live=polite]", p.announce),
	)
}

func (p *RoutinesPage) renderLoadErr() app.UI {
	return el("div#routines-load-error.error",
		elt("p", p.loadErr),
		app.If(p.setAside, eltx("button#set-aside.button", pageText.SetAside).OnClick(p.onSetAside)),
	)
}

func (p *RoutinesPage) renderLists() app.UI {
	builtin := data.BuiltinRoutines()
	return el("div.routine-lists",
		elt("p.lead", pageText.RoutinesLead),
		el("section[aria-labelledby=yours-title]",
			eltx("h2#yours-title", pageText.YoursTitle).TabIndex(-1),
			app.If(len(p.custom) == 0, elt("p#no-routines.muted", pageText.NoneYet)),
			el("div#custom-routines.cards", app.Range(p.custom).Slice(func(i int) app.UI {
				return p.renderCard(p.custom[i], true)
			})),
			p.renderCreate(),
		),
		el("section[aria-labelledby=builtin-title]",
			elt("h2#builtin-title", pageText.BuiltinTitle),
			el("div#builtin-routines.cards", app.Range(builtin).Slice(func(i int) app.UI {
				return p.renderCard(builtin[i], false)
			})),
		),
	)
}

// renderCreate is the form that names a new routine. Submitting it never
// leaves the page (the security policy forbids form actions anyway).
func (p *RoutinesPage) renderCreate() app.UI {
	return elx("form#create-routine.create-routine",
		elt("label[for=new-routine-name]", pageText.NewName),
		el("div.inline-row",
			// No Value: go-app trims attribute values, so writing back
			// what is typed would eat a space at the end of it.
			void("input#new-routine-name.input[type=text][autocomplete=off]").Aria("invalid", p.createErr != "").OnInput(p.onNewName),
			elt("button#create[type=submit].button.primary", pageText.Create),
		),
		app.If(p.createErr != "", elt("p#create-error.error.field-error[role=alert]", p.createErr)),
	).OnSubmit(p.onCreate)
}

// renderCard shows one routine with what it holds and its actions; mine is
// true for the person's own routines, which can be edited and deleted.
func (p *RoutinesPage) renderCard(r data.Routine, mine bool) app.UI {
	cat := data.DefaultCatalogue()
	pl, err := p.dosing.play(r)
	return elx("article.card.routine",
		eltx("h3", r.Name).ID("name-"+r.ID),
		app.If(r.Summary != "", linked("p", r.Summary)),
		elt("p.meta", routineMeta(pl, err)),
		itemList(pl, cat),
		elx("div.card-actions[role=group]",
			eltx("a.button.primary", text.Start).ID("start-"+r.ID).Attr("href", SessionPath+r.ID).
				Aria("label", fmt.Sprintf(text.StartRoutine, r.Name)),
			app.If(mine, eltx("button.button", pageText.Edit).ID("edit-"+r.ID).Aria("label", pageText.Edit+" "+r.Name).OnClick(p.onEdit(r))),
			eltx("button.button", pageText.Duplicate).ID("duplicate-"+r.ID).Aria("label", pageText.Duplicate+" "+r.Name).OnClick(p.onDuplicate(r)),
			app.If(mine, eltx("button.button.quiet", pageText.Delete).ID("delete-"+r.ID).Aria("label", pageText.Delete+" "+r.Name).OnClick(p.onAskDelete(r.ID))),
		).Aria("label", fmt.Sprintf(pageText.RoutineActions, r.Name)),
		app.If(mine && p.deleting == r.ID, p.renderConfirmDelete(r)),
	).ID("routine-"+r.ID).Aria("labelledby", "name-"+r.ID)
}

func (p *RoutinesPage) renderConfirmDelete(r data.Routine) app.UI {
	return elx("div.confirm-box[role=group]",
		eltx("p", fmt.Sprintf(pageText.ConfirmDelete, quoted(r.Name))).ID("confirm-text-"+r.ID),
		el("div.card-actions",
			eltx("button#confirm-delete.button.danger", pageText.Delete).OnClick(p.onDelete(r)),
			eltx("button.button", pageText.KeepIt).ID("keep-"+r.ID).OnClick(p.onKeep),
		),
	).ID("confirm-delete-"+r.ID).
		Aria("labelledby", "confirm-text-"+r.ID)
}

// quoted puts a name in curly quotes for a sentence.
func quoted(name string) string { return "“" + name + "”" }
