package routines

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
	"unknot/data/store"
)

// routinesRig mounts a Page on st.
func routinesRig(tb testing.TB, st store.Storage) (*uitest.CompoRig, *Page) {
	tb.Helper()
	p := &Page{st: st, now: func() time.Time { return time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC) }}
	return uitest.NewCompoRig(tb, p, "/routines"), p
}

// savedRoutines reads the stored custom routines, failing on an error.
func savedRoutines(tb testing.TB, st store.Storage) []data.Routine {
	tb.Helper()
	rs, err := store.LoadCustomRoutines(st)
	if err != nil {
		tb.Fatalf("loading the routines: %v", err)
	}
	return rs
}

func TestRoutinesPageListsBuiltinRoutines(t *testing.T) {
	r, _ := routinesRig(t, &store.MemoryStorage{})
	html := r.HTML()
	uitest.MustContain(t, html, text.NoneYet, `for="new-routine-name"`, `id="create"`)
	for _, b := range data.BuiltinRoutines() {
		uitest.MustContain(t, html, b.Name, `href="/session/`+b.ID+`"`, `id="duplicate-`+b.ID+`"`)
		for _, no := range []string{`id="edit-` + b.ID + `"`, `id="delete-` + b.ID + `"`} {
			if strings.Contains(html, no) {
				t.Errorf("built-in %s has %s", b.ID, no)
			}
		}
	}
}

func TestRoutinesPageCreatesEditsAndSaves(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	p.newName = "  Desk break "
	r.Do(p.create)
	if p.draft == nil || p.draft.Name != "Desk break" || !p.isNew {
		t.Fatalf("draft %+v, want a new routine named Desk break", p.draft)
	}
	uitest.MustContain(t, r.HTML(), text.NewTitle, text.NoItems, `for="routine-name"`, `for="add-pick"`)

	// An empty routine cannot be saved.
	r.Click(p.onSave)
	uitest.MustContain(t, r.HTML(), `id="draft-error"`, "Add at least one exercise to “Desk break”.")
	if len(savedRoutines(t, st)) != 0 {
		t.Fatal("an empty routine was saved")
	}

	for _, id := range []string{data.CatStretch, data.Bridge, data.Rotation} {
		p.addPick = id
		r.Click(p.onAdd)
	}
	html := r.HTML()
	uitest.MustContain(t, html, `id="item-0-reps"`, `for="item-0-reps"`, "Rounds (1 to 5)", `id="item-0-hold"`, "Hold, in seconds (5 to 10)",
		"Hold: 3 deep breaths", `aria-label="Move Cat stretch up"`, `aria-label="Remove Bridge"`)
	if !disabledButton(html, "item-0-up") || !disabledButton(html, "item-2-down") || disabledButton(html, "item-1-up") {
		t.Error("the first item's Up and the last item's Down should be disabled, the others not")
	}

	r.Do(func(ctx app.Context) {
		p.setDose(0, false, "4")
		p.setDose(0, true, "8")
		p.setDose(2, false, "3")
	})
	r.Click(p.onMove(2, 1)) // rotation above bridge
	r.Click(p.onRemove(2))  // bridge out
	r.Click(p.onMove(1, 0)) // rotation first
	uitest.MustContain(t, p.announce, "Lower-back rotational stretch moved to position 1 of 2.")
	r.Do(func(ctx app.Context) { p.draft.Name = "Desk stretch " })
	r.Click(p.onSave)
	if p.draft != nil {
		t.Fatalf("still editing: %s", p.draftErr)
	}
	got := savedRoutines(t, st)
	if len(got) != 1 {
		t.Fatalf("saved %d routines, want 1", len(got))
	}
	want := []data.RoutineItem{{Exercise: data.Rotation, Reps: 3}, {Exercise: data.CatStretch, Reps: 4, Hold: 8 * time.Second}}
	if g := got[0]; g.Name != "Desk stretch" || len(g.Items) != 2 || g.Items[0] != want[0] || g.Items[1] != want[1] {
		t.Errorf("saved %+v, want Desk stretch with %+v", g, want)
	}
	uitest.MustContain(t, r.HTML(), "Desk stretch", `href="/session/`+got[0].ID+`"`, `id="edit-`+got[0].ID+`"`)
}

// disabledButton reports whether the button with the given id is disabled.
// go-app writes Disabled(false) as disabled="false" in static HTML; in the
// browser it sets the property.
func disabledButton(html, id string) bool {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return false
	}
	start := strings.LastIndex(html[:i], "<button")
	end := i + strings.Index(html[i:], ">")
	tag := strings.ReplaceAll(html[start:end], `disabled="false"`, "")
	return strings.Contains(tag, "disabled")
}

func TestRoutinesPageRefusesDosesOutOfRange(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	p.newName = "Too much"
	r.Do(p.create)
	p.addPick = data.CatStretch
	r.Click(p.onAdd)
	r.Do(func(ctx app.Context) { p.setDose(0, false, "9") })
	uitest.MustContain(t, r.HTML(), `id="item-0-error"`, "Cat stretch: 9 rounds is outside the safe range of 1 to 5", `aria-describedby="item-0-error"`)
	r.Click(p.onSave)
	uitest.MustContain(t, p.draftErr, "Cat stretch: 9 rounds is outside the safe range of 1 to 5")
	r.Do(func(ctx app.Context) { p.setDose(0, true, "five") })
	uitest.MustContain(t, r.HTML(), "Enter a whole number.")
	r.Click(p.onSave)
	uitest.MustContain(t, p.draftErr, "Exercise 0: enter a whole number.")
	if len(savedRoutines(t, st)) != 0 {
		t.Error("a routine out of range was saved")
	}
}

func TestRoutinesPageDuplicatesRenamesAndDeletes(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	r.Click(p.onDuplicate(routine(t, data.Morning)))
	got := savedRoutines(t, st)
	if len(got) != 1 || got[0].Name != "Morning routine (copy)" || len(got[0].Items) != 5 {
		t.Fatalf("after duplicating: %+v", got)
	}
	id := got[0].ID
	uitest.MustContain(t, r.HTML(), `id="routine-`+id+`"`, p.announce)

	r.Click(p.onEdit(got[0]))
	r.Do(func(ctx app.Context) { p.draft.Name = "Long morning" })
	r.Click(p.onCancel)
	if savedRoutines(t, st)[0].Name != "Morning routine (copy)" {
		t.Error("Cancel saved the change")
	}
	r.Click(p.onEdit(p.custom[0]))
	r.Do(func(ctx app.Context) { p.draft.Name = "Long morning" })
	r.Click(p.onSave)
	if got := savedRoutines(t, st); len(got) != 1 || got[0].Name != "Long morning" || got[0].ID != id {
		t.Fatalf("after renaming: %+v", got)
	}

	r.Click(p.onAskDelete(id))
	uitest.MustContain(t, r.HTML(), `id="confirm-delete-`+id+`"`, "Delete “Long morning”? This cannot be undone.")
	r.Click(p.onKeep)
	if len(savedRoutines(t, st)) != 1 || strings.Contains(r.HTML(), "confirm-delete-") {
		t.Fatal("Keep it deleted the routine or left the question")
	}
	r.Click(p.onAskDelete(id))
	r.Click(p.onDelete(p.custom[0]))
	if len(savedRoutines(t, st)) != 0 {
		t.Error("the routine is still saved")
	}
	uitest.MustContain(t, r.HTML(), text.NoneYet)
}

// routine returns the built-in routine id.
func routine(tb testing.TB, id string) data.Routine {
	tb.Helper()
	r, ok := data.FindRoutine(data.DefaultCatalogue(), id)
	if !ok {
		tb.Fatalf("no routine %q", id)
	}
	return r
}

func TestRoutinesPageKeepsDamagedRoutines(t *testing.T) {
	st := &store.MemoryStorage{}
	const damaged = `{"schema":1,"routines":[{"id":"custom-1","name":"Fine","items":[{"exercise":"bridge"}]},{"id":"custom-2"`
	st.SetRaw(store.RoutinesKey, damaged)
	r, p := routinesRig(t, st)
	uitest.MustContain(t, r.HTML(), `id="routines-load-error"`, "could not be read", `id="set-aside"`)
	r.Click(p.onDuplicate(routine(t, data.Evening)))
	uitest.MustContain(t, r.HTML(), `id="routines-error"`)
	if raw, _ := st.GetRaw(store.RoutinesKey); raw != damaged {
		t.Fatalf("damaged routines overwritten: %s", raw)
	}
	r.Click(p.onSetAside)
	keys := store.KeysWithPrefix(st, store.RoutinesAsidePrefix)
	if len(keys) != 1 {
		t.Fatalf("copies: %v", keys)
	}
	if raw, _ := st.GetRaw(keys[0]); raw != damaged {
		t.Errorf("copy %q, want the damaged text", raw)
	}
	html := r.HTML()
	uitest.MustContain(t, html, keys[0], text.NoneYet)
	if strings.Contains(html, "routines-load-error") {
		t.Error("the error is still shown after a fresh start")
	}
	r.Click(p.onDuplicate(routine(t, data.Evening)))
	if len(savedRoutines(t, st)) != 1 {
		t.Error("could not save after setting aside")
	}
}

func TestRoutinesPageNewerRoutinesAreReadOnly(t *testing.T) {
	st := &store.MemoryStorage{}
	st.SetRaw(store.RoutinesKey, `{"schema":5,"routines":[]}`)
	_, p := routinesRig(t, st)
	if !strings.Contains(p.loadErr, "newer version") || !p.setAside {
		t.Errorf("load error %q, set aside offered %v", p.loadErr, p.setAside)
	}
	err := store.SaveCustomRoutines(st, nil)
	if !errors.Is(err, store.ErrRoutinesNewer) {
		t.Errorf("got %v", err)
	}
}

func TestRoutinesPageCreateNeedsAName(t *testing.T) {
	r, p := routinesRig(t, &store.MemoryStorage{})
	p.newName = "   "
	r.Do(p.create)
	if p.draft != nil {
		t.Fatal("a routine without a name was opened")
	}
	uitest.MustContain(t, r.HTML(), `id="create-error"`, "Give the routine a name.")
	p.newName = "Later"
	r.Do(p.create)
	r.Click(p.onCancel)
	if p.draft != nil || len(p.custom) != 0 {
		t.Error("Cancel kept the new routine")
	}
}

// Another tab saves a routine while this page is open: saving, duplicating
// or deleting here keeps it, and the page shows it once told.
func TestRoutinesPageKeepsWhatAnotherTabSaved(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	r.Click(p.onDuplicate(routine(t, data.Morning)))
	mine := savedRoutines(t, st)[0]

	other := data.NewCustomRoutine("From the other tab").AddItem(data.Bridge)
	if err := store.SaveCustomRoutines(st, []data.Routine{mine, other}); err != nil {
		t.Fatal(err)
	}
	r.Click(p.onEdit(p.custom[0]))
	r.Do(func(ctx app.Context) { p.draft.Name = "Long morning" })
	r.Click(p.onSave)
	got := savedRoutines(t, st)
	if len(got) != 2 || got[0].Name != "Long morning" || got[1].ID != other.ID {
		t.Fatalf("after saving here: %+v, want this tab's change and the other tab's routine", got)
	}
	uitest.MustContain(t, r.HTML(), "Long morning", "From the other tab")

	r.Click(p.onDelete(mine))
	if got := savedRoutines(t, st); len(got) != 1 || got[0].ID != other.ID {
		t.Fatalf("after deleting here: %+v, want the other tab's routine left", got)
	}

	// The other tab adds one more; its storage event reloads the list.
	third := data.NewCustomRoutine("Third").AddItem(data.CatStretch)
	if err := store.SaveCustomRoutines(st, []data.Routine{other, third}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.HTML(), "Third") {
		t.Fatal("shown before the storage event")
	}
	r.Do(p.onOtherTab) // what the other tab's storage event calls (webapi.OtherTabs)
	uitest.MustContain(t, r.HTML(), "From the other tab", "Third")
}

func TestLongRoutineNameIsRefusedWithTheLimit(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	p.newName = strings.Repeat("Stretch ", 15) // 120 characters
	r.Do(p.create)
	if !strings.Contains(p.createErr, "at most 100 characters") || !strings.Contains(p.createErr, "has 119") {
		t.Errorf("a 119-character name: %q, want the limit and its length", p.createErr)
	}
	if p.draft != nil {
		t.Error("the routine was created with the name cut")
	}
	if strings.Contains(r.HTML(), `maxlength`) {
		t.Error("the name field still cuts what is typed")
	}
}

// The editor shows a per-day exercise's dose as a daily one and keeps it
// once per routine: adding it again is refused with why, and so is saving a
// draft that has it twice. A routine stored with it twice (an older version,
// a backup) still loads.
func TestRoutineEditorKeepsADailyDoseOnce(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p := routinesRig(t, st)
	p.newName = "Desk break"
	r.Do(p.create)
	for _, id := range []string{data.CatStretch, data.Bridge} {
		p.addPick = id
		r.Click(p.onAdd)
	}
	html := r.HTML()
	uitest.MustContain(t, html, "Rounds (1 to 5)", "Rounds a day (1 to 30)",
		"counts this exercise per day: the rounds of every session of the day add up. Unknot starts you at 5 a day")
	if n := strings.Count(html, `class="muted small daily-cap"`); n != 1 {
		t.Errorf("%d daily-dose notes, want one, under the bridge", n)
	}

	p.addPick = data.Bridge
	r.Click(p.onAdd)
	if n := len(p.draft.Items); n != 2 {
		t.Errorf("the bridge was added again: %d items", n)
	}
	uitest.MustContain(t, r.HTML(), `id="draft-error"`, "Bridge is in this routine already. The source article counts it per day")

	twice := p.draft.AddItem(data.Bridge)
	p.draft = &twice
	r.Click(p.onSave)
	uitest.MustContain(t, r.HTML(), `id="draft-error"`, "Bridge is in this routine already.")
	if got := savedRoutines(t, st); len(got) != 0 {
		t.Errorf("a routine with the bridge twice was saved: %+v", got)
	}

	stored := data.Routine{ID: "mine-twice", Name: "Twice", Items: []data.RoutineItem{{Exercise: data.Bridge, Reps: 5}, {Exercise: data.Bridge, Reps: 5}}}
	if err := store.SaveCustomRoutines(st, []data.Routine{stored}); err != nil {
		t.Fatalf("a stored routine with the bridge twice: %v", err)
	}
	r2, _ := routinesRig(t, st)
	uitest.MustContain(t, r2.HTML(), "Twice", `href="/session/mine-twice"`)
}
