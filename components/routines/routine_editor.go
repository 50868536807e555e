package routines

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/data"
)

// The routine editor of Page: a draft of one routine, changed by
// buttons and fields and saved only by "Save routine".

// edit opens the editor on r; isNew is true for a routine not saved yet.
func (p *Page) edit(ctx app.Context, r data.Routine, isNew bool) {
	p.draft, p.isNew, p.draftErr, p.deleting, p.shownName = &r, isNew, "", "", r.Name
	p.doseErr = map[string]string{}
	if p.addPick == "" {
		p.addPick = data.DefaultCatalogue()[0].ID
	}
	p.focus(ctx, "editor-title")
}

// change replaces the draft with r and forgets typing errors, whose fields
// may now belong to another exercise.
func (p *Page) change(r data.Routine) {
	p.draft, p.draftErr = &r, ""
	p.doseErr = map[string]string{}
}

func (p *Page) onRename(ctx app.Context, e app.Event) {
	p.draft.Name = ui.InputValue(ctx)
}

func (p *Page) onPick(ctx app.Context, e app.Event) {
	p.addPick = ui.InputValue(ctx)
}

// onAdd adds the chosen exercise at the end.
func (p *Page) onAdd(ctx app.Context, e app.Event) {
	e2, ok := data.DefaultCatalogue().Exercise(p.addPick)
	if !ok {
		return
	}
	if e2.PerDay() && slices.ContainsFunc(p.draft.Items, func(it data.RoutineItem) bool { return it.Exercise == e2.ID }) {
		p.draftErr = fmt.Sprintf(text.PerDayTwice, e2.Name)
		p.focus(ctx, "draft-error")
		return
	}
	p.change(p.draft.AddItem(e2.ID))
	n := len(p.draft.Items)
	p.announce = fmt.Sprintf(text.Added, e2.Name, n)
	p.focus(ctx, fmt.Sprintf("item-%d-reps", n-1))
}

// onMove moves item i to position to, keeping the focus on the button
// pressed, or on its partner once the item reaches an end.
func (p *Page) onMove(i, to int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		n := len(p.draft.Items)
		if to < 0 || to >= n {
			return
		}
		name := exerciseName(p.draft.Items[i].Exercise)
		p.change(p.draft.MoveItem(i, to))
		p.announce = fmt.Sprintf(text.Moved, name, to+1, n)
		dir := "up"
		if to > i {
			dir = "down"
		}
		if (dir == "up" && to == 0) || (dir == "down" && to == n-1) {
			dir = map[string]string{"up": "down", "down": "up"}[dir]
		}
		if n == 1 {
			dir = "remove"
		}
		p.focus(ctx, fmt.Sprintf("item-%d-%s", to, dir))
	}
}

// onRemove takes item i out, moving the focus to the next item or to the
// exercise picker.
func (p *Page) onRemove(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		name := exerciseName(p.draft.Items[i].Exercise)
		p.change(p.draft.RemoveItem(i))
		p.announce = fmt.Sprintf(text.Removed, name)
		switch n := len(p.draft.Items); {
		case n == 0:
			p.focus(ctx, "add-pick")
		case i < n:
			p.focus(ctx, fmt.Sprintf("item-%d-remove", i))
		default:
			p.focus(ctx, fmt.Sprintf("item-%d-remove", n-1))
		}
	}
}

// onDose returns the handler of item i's repetitions (hold false) or hold
// time in seconds (hold true).
func (p *Page) onDose(i int, hold bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.setDose(i, hold, ui.InputValue(ctx)) }
}

// setDose applies what was typed in item i's repetitions or hold field.
func (p *Page) setDose(i int, hold bool, typed string) {
	id := doseFieldID(i, hold)
	n, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil {
		p.doseErr[id] = "Enter a whole number."
		return
	}
	delete(p.doseErr, id)
	it := p.draft.Items[i]
	if hold {
		it.Hold = time.Duration(n) * time.Second
	} else {
		it.Reps = n
	}
	r := p.draft.SetDose(i, it.Reps, it.Hold)
	p.draft, p.draftErr = &r, ""
}

// onSave checks the draft and saves it among the person's routines.
func (p *Page) onSave(ctx app.Context, e app.Event) {
	r := p.draft.Clone()
	r.Name = strings.TrimSpace(r.Name)
	if err := p.draftError(r); err != "" {
		p.draftErr = err
		p.focus(ctx, "draft-error")
		return
	}
	if !p.store(func(rs []data.Routine) []data.Routine { return data.PutRoutine(rs, r) }) {
		p.focus(ctx, "routines-error")
		return
	}
	p.draft, p.draftErr = nil, ""
	p.announce = fmt.Sprintf(text.SavedRoutine, quoted(r.Name))
	p.focus(ctx, "edit-"+r.ID)
}

// draftError is what stops r from being saved, in words, or "".
func (p *Page) draftError(r data.Routine) string {
	for id := range p.doseErr {
		return fmt.Sprintf("Exercise %s: enter a whole number.", strings.Split(id, "-")[1])
	}
	if err := data.ValidateCustomRoutine(r); err != nil {
		return ui.Capitalise(err.Error()) + "."
	}
	// The editor refuses what the article's daily dose makes meaningless;
	// routines already stored, and backups, load and play as they are
	// (data.ValidateCustomRoutine allows them), with the day's limit
	// shared among the items.
	seen := map[string]bool{}
	for _, it := range r.Items {
		if e, ok := data.DefaultCatalogue().Exercise(it.Exercise); ok && e.PerDay() {
			if seen[e.ID] {
				return fmt.Sprintf(text.PerDayTwice, e.Name)
			}
			seen[e.ID] = true
		}
	}
	return ""
}

func (p *Page) onCancel(ctx app.Context, e app.Event) {
	id := p.draft.ID
	p.draft, p.draftErr = nil, ""
	if p.isNew {
		p.focus(ctx, "new-routine-name")
		return
	}
	p.focus(ctx, "edit-"+id)
}

// renderEditor shows the draft with its fields and buttons.
func (p *Page) renderEditor() app.UI {
	r := *p.draft
	title := fmt.Sprintf(text.EditTitle, quoted(r.Name))
	if p.isNew {
		title = text.NewTitle
	}
	return ui.El("section#editor.editor[aria-labelledby=editor-title]",
		ui.Eltx("h2#editor-title", title).TabIndex(-1),
		ui.El("div.field",
			ui.Elt("label[for=routine-name]", text.Name),
			ui.Void("input#routine-name.input[type=text][autocomplete=off]").Attr("value", p.shownName).OnInput(p.onRename),
		),
		ui.Elt("h3#items-title", text.Exercises),
		app.If(len(r.Items) == 0, ui.Elt("p#no-items.muted", text.NoItems)),
		ui.El("ol#editor-items.editor-items[aria-labelledby=items-title]",
			app.Range(r.Items).Slice(func(i int) app.UI { return p.renderItem(i, len(r.Items)) }),
		),
		p.renderAdd(),
		ui.El("p.muted.small",
			app.Text(fmt.Sprintf(text.RestNote, p.restSeconds)),
			ui.Elt("a[href=/settings]", ui.Text.SettingsTitle),
			app.Text("."),
		),
		app.If(p.draftErr != "", ui.Eltx("p#draft-error.error[role=alert]", p.draftErr).TabIndex(-1)),
		ui.El("div.card-actions",
			ui.Eltx("button#save-routine.button.primary", text.Save).OnClick(p.onSave),
			ui.Eltx("button#cancel-edit.button", text.Cancel).OnClick(p.onCancel),
		),
	)
}

// renderItem shows item i of n: its dose fields and its buttons.
func (p *Page) renderItem(i, n int) app.UI {
	it := p.draft.Items[i]
	e, _ := data.DefaultCatalogue().Exercise(it.Exercise)
	_, _, _, err := it.Resolve(data.DefaultCatalogue())
	msg := ui.ErrText(err)
	errID := fmt.Sprintf("item-%d-error", i)
	// Resolve checks the repetitions first, so a bad count is the reason
	// whenever there is one.
	repsBad := msg != "" && !e.AllowsReps(orDefault(it.Reps, e.DefaultReps))
	return ui.Elx("li.editor-item",
		ui.El("div.item-head",
			ui.Elt("span.item-pos[aria-hidden=true]", fmt.Sprintf(text.Position, i+1)),
			ui.Elt("strong.item-name", e.Name),
		),
		ui.El("div.dose-fields",
			p.doseField(i, false, e.RoundsLabel(), data.MinReps, e.Reps.Max, orDefault(it.Reps, e.DefaultReps), errID, repsBad),
			p.holdField(i, e, it, errID, msg != "" && !repsBad),
		),
		dailyCap(e),
		app.If(msg != "", ui.Eltx("p.error.field-error", msg).ID(errID)),
		ui.El("div.item-actions",
			ui.Eltx("button.button.item-button", "↑ Up").ID(fmt.Sprintf("item-%d-up", i)).Attr("disabled", i == 0).
				Aria("label", fmt.Sprintf(text.MoveUp, e.Name)).OnClick(p.onMove(i, i-1)),
			ui.Eltx("button.button.item-button", "↓ Down").ID(fmt.Sprintf("item-%d-down", i)).Attr("disabled", i == n-1).
				Aria("label", fmt.Sprintf(text.MoveDown, e.Name)).OnClick(p.onMove(i, i+1)),
			ui.Eltx("button.button.item-button.quiet", "Remove").ID(fmt.Sprintf("item-%d-remove", i)).
				Aria("label", fmt.Sprintf(text.Remove, e.Name)).OnClick(p.onRemove(i)),
		),
	).ID(fmt.Sprintf("item-%d", i))
}

// holdField is the hold-time field, or the fixed hold in words when the
// exercise allows only one.
func (p *Page) holdField(i int, e data.Exercise, it data.RoutineItem, errID string, bad bool) app.UI {
	if !ui.HoldChoosable(e) {
		return ui.Elt("p.fixed-hold", fmt.Sprintf(text.HoldFixed, e.HoldText()))
	}
	lo, hi := int(e.Hold.Min/time.Second), int(e.Hold.Max/time.Second)
	hold := it.Hold
	if hold == 0 {
		hold = e.Hold.Default
	}
	return p.doseField(i, true, fmt.Sprintf(text.HoldOf, lo, hi), lo, hi, int(hold/time.Second), errID, bad)
}

// doseField is one labelled number input of item i.
func (p *Page) doseField(i int, hold bool, label string, lo, hi, value int, errID string, bad bool) app.UI {
	id := doseFieldID(i, hold)
	typed := p.doseErr[id]
	input := ui.Void("input.input.number[type=number][inputmode=numeric][step=1]").ID(id).
		Attr("min", lo).Attr("max", hi).Attr("value", value).Aria("invalid", bad || typed != "").OnChange(p.onDose(i, hold))
	if bad {
		input = input.Aria("describedby", errID)
	}
	return ui.El("div.field.dose-field",
		ui.Eltx("label", label).Attr("for", id),
		input,
		app.If(typed != "", ui.Elt("p.error.field-error", typed)),
	)
}

// renderAdd is the exercise picker and its Add button.
func (p *Page) renderAdd() app.UI {
	cat := data.DefaultCatalogue()
	return ui.El("div.field.add-item",
		ui.Elt("label[for=add-pick]", text.AddWhich),
		ui.El("div.inline-row",
			ui.Elx("select#add-pick.input", app.Range(cat).Slice(func(i int) app.UI {
				return ui.Eltx("option", cat[i].Name).Attr("value", cat[i].ID).Attr("selected", cat[i].ID == p.addPick)
			})).OnChange(p.onPick),
			ui.Eltx("button#add-item.button", text.AddExercise).OnClick(p.onAdd),
		),
	)
}

// doseFieldID is the id of item i's repetitions or hold field.
func doseFieldID(i int, hold bool) string {
	if hold {
		return fmt.Sprintf("item-%d-hold", i)
	}
	return fmt.Sprintf("item-%d-reps", i)
}

// exerciseName is the name of the exercise with the given id.
func exerciseName(id string) string {
	if e, ok := data.DefaultCatalogue().Exercise(id); ok {
		return e.Name
	}
	return id
}

// orDefault is n, or def when n is 0.
func orDefault(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}

// dailyCap says, under a per-day exercise's fields, how its daily dose
// works; nothing for other exercises.
func dailyCap(e data.Exercise) app.UI {
	if !e.PerDay() {
		return nil
	}
	return ui.Elt("p.muted.small.daily-cap", fmt.Sprintf(text.DailyCap, e.Progression.Start, e.Progression.Target))
}
