package guide

import (
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// Home is the start screen: what is left to do today, the routines (built-in
// and the person's own), the five exercises, and links to the signs of a
// spasm and the safety advice.
type Home struct {
	app.Compo

	st  store.Storage
	now func() time.Time
	// custom are the person's routines; today says what is done today,
	// "" before it is known (the server's pre-rendering).
	custom []data.Routine
	today  string
	// unreadable are the parts of what is stored that cannot be read.
	unreadable []store.Part
	// What needs the whole history, read after the first frame
	// (OnMount), where the today line needs only a summary: daily is
	// where today's per-day exercises stand; pause is set when the pain
	// has risen after too many of the latest sessions (data.PainPause);
	// metas says each routine's exercises and length as it will be
	// played, by routine id, worked out once for the doses it was given
	// (a first day's for the first frame, then the person's) rather than
	// at every redraw. It is replaced, never written to: the first
	// frame's is firstDayMetas.
	daily []data.DailyDose
	pause bool
	metas map[string]string
	// read is set once the whole history has been read (OnMount). Until
	// then Home shows what a first visit shows: the server's page and the
	// app's first frame lay out alike, and the history's own numbers then
	// change words, not the layout.
	read bool
}

// OnInit reads the person's routines, before Home is first drawn: their
// cards take room, and what OnMount changes go-app draws a second time.
// Everything else that depends on what is stored is read after the first
// frame (OnMount), which draws what a first visit shows, as the server's
// page does: nothing moves as the app arrives.
func (h *Home) OnInit() {
	if h.now == nil {
		h.now = time.Now
	}
	if h.st == nil && !app.IsServer {
		h.st = webapi.AppStorage(nil)
	}
	if h.st != nil {
		h.custom, _ = store.LoadCustomRoutines(h.st)
	}
	h.firstVisit()
}

// firstVisit fills Home with what a first visit shows: both of today's
// sessions to do, the article's start for the per-day exercises, and each
// routine's length on a first day (for the built-in ones, firstDayMetas).
// The server pre-renders it, the app's first frame draws it the same way,
// and the person's own numbers replace it in place once read.
func (h *Home) firstVisit() {
	now := h.now()
	h.today = todayText(nil, now.Format(data.DateLayout))
	d := ui.LoadDosing(nil, now)
	h.daily, h.metas = d.Daily(), firstDayMetas
	if len(h.custom) > 0 {
		h.metas = maps.Clone(firstDayMetas)
		maps.Copy(h.metas, routineMetas(h.custom, d))
	}
}

// routines are the built-in routines, then the person's own.
func (h *Home) routines() []data.Routine { return append(data.BuiltinRoutines(), h.custom...) }

// routineMetas says each routine's exercises and length as d plays it, by
// routine id.
func routineMetas(routines []data.Routine, d ui.Dosing) map[string]string {
	metas := make(map[string]string, len(routines))
	for _, r := range routines {
		metas[r.ID] = ui.RoutineMeta(d.Play(r))
	}
	return metas
}

// storedProblem says in one line that something stored could not be read,
// and links to where it is explained and can be saved as a file.
func (h *Home) storedProblem() app.UI {
	names := ui.PartNames(h.unreadable)
	if names == "" {
		return nil // app.If asks for it either way
	}
	names = strings.ToUpper(names[:1]) + names[1:]
	return ui.El("p#stored-problem.error[role=alert]",
		app.Text(fmt.Sprintf(text.HomeNotice, names)+" "),
		ui.Elt("a#to-kept.text-link[href=/history#kept]", text.HomeLink),
	)
}

// OnMount reads what is stored once the screen is up, in a turn of its own
// after the first frame: it saves what waits to be saved and writes back a
// session a stale tab lost (webapi.Repair), then says which of today's
// sessions are done (from the summary kept beside the history,
// store.SessionsOn, not from years of sessions), what could not be read,
// where today's per-day exercises stand, the pause advice, and each
// routine's length as it will be played now.
func (h *Home) OnMount(ctx app.Context) {
	if h.st == nil || h.read {
		return
	}
	st, now := h.st, h.now()
	ctx.Async(func() {
		webapi.Yield() // lets the browser draw Home first
		webapi.Repair(st)
		day := webapi.LocalDate(now)
		marks, err := store.SessionsOn(st, day, now)
		// A damaged history fails the summary's check, so SessionsOn has
		// read it in full and says so: a healthy launch reads only the
		// summary. The other parts are small.
		unreadable := store.Unreadable(st, err)
		d := ui.LoadDosing(st, now)
		daily := d.Daily()
		pause := data.PainAdviceFor(d.History) == data.PainPause
		metas := routineMetas(h.routines(), d)
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				h.today = todayText(marks, day)
			}
			h.unreadable = unreadable
			h.metas, h.daily, h.pause, h.read = metas, daily, pause, true
		})
	})
}

// Render shows the home screen.
func (h *Home) Render() app.UI {
	cat := data.DefaultCatalogue()
	routines := h.routines()
	return ui.Page("home",
		ui.El("header.brand",
			ui.Elt("h1", text.AppName),
			ui.Elt("p.lead", text.Tagline),
		),
		app.If(len(h.unreadable) > 0, h.storedProblem()),
		&ui.ResumeOffer{},
		app.If(h.today != "", ui.Elt("p#today.today", h.today)),
		app.If(h.pause, ui.PainAdvice(data.PainPause, false)),
		ui.El("section[aria-labelledby=routines-title]",
			ui.Elt("h2#routines-title", text.Routines),
			// Busy until the person's own numbers replace a first day's:
			// screen readers wait for them rather than read both.
			ui.Elx("div#home-routines.cards", app.Range(routines).Slice(func(i int) app.UI {
				return routineCard(routines[i], cat, h.metas[routines[i].ID])
			})).Aria("busy", h.st != nil && !h.read),
			ui.El("p", ui.Elt("a#to-routines.text-link[href=/routines]", text.ManageRoutines)),
		),
		// What is left of today's once-a-day doses, after the routines: at
		// 320×568 above them it put the first Start below the fold.
		ui.DailyDoses("home-daily", h.daily),
		// Below the routines: the offer to install comes with the browser's
		// say-so, after the first frame, and must not push Start down.
		&ui.InstallPrompt{},
		ui.El("section[aria-labelledby=exercises-title]",
			ui.Elt("h2#exercises-title", text.Exercises),
			ui.El("ul#exercise-list.exercise-list", app.Range(cat).Slice(func(i int) app.UI {
				return exerciseItem(cat[i])
			})),
		),
		ui.El("nav.more-links[aria-label=More]",
			ui.Elt("a#to-symptoms.text-link[href=/symptoms]", text.SymptomsLink),
			ui.Elt("a#to-safety.text-link[href=/safety]", text.SafetyLink),
		),
		ui.Elt("p.muted.small", data.Disclaimer),
	)
}

// todayText says which of today's two sessions are done: "Today: morning ✓
// · evening to do". A session counts as done when every hold was done, and
// as partly done when it ended early. Spaces inside a part do not break.
func todayText(records []store.Mark, today string) string {
	state := map[data.PartOfDay]string{}
	for _, r := range records {
		if r.LocalDate != today {
			continue
		}
		part := r.PartOfDay()
		switch {
		case r.Complete:
			state[part] = "done"
		case state[part] == "":
			state[part] = "partly"
		}
	}
	parts := make([]string, 0, 2)
	for _, part := range []data.PartOfDay{data.PartMorning, data.PartEvening} {
		name := text.PartName[string(part)]
		switch state[part] {
		case "done":
			parts = append(parts, fmt.Sprintf(text.TodayDone, name))
		case "partly":
			parts = append(parts, fmt.Sprintf(text.TodayPartly, name))
		default:
			parts = append(parts, fmt.Sprintf(text.TodayToDo, name))
		}
	}
	// Each part stays on one line: "evening to" / "do" reads badly.
	for i, part := range parts {
		parts[i] = strings.ReplaceAll(part, " ", "\u00a0")
	}
	return text.Today + ": " + strings.Join(parts, " · ")
}

// routineCard shows one routine with its length and a Start button. A
// routine without a summary (the person's own) lists its exercises.
func routineCard(r data.Routine, cat data.Catalogue, meta string) app.UI {
	// Until the length is known, the count alone: no length that may be
	// wrong.
	if meta == "" {
		meta = ui.RoutineMeta(data.Played{Routine: r}, ui.ErrNotYet)
	}
	return ui.Elx("article.card.routine",
		ui.Elt("h3", r.Name),
		app.If(r.Summary != "", ui.Linked("p", r.Summary)).Else(ui.Elt("p", exerciseNames(r, cat))),
		ui.Elt("p.meta", meta),
		ui.Eltx("a.button.primary", fmt.Sprintf(ui.Text.StartRoutine, r.Name)).Attr("href", ui.SessionPath+r.ID),
	).ID("routine-" + r.ID)
}

// exerciseNames lists a routine's exercises in one line.
func exerciseNames(r data.Routine, cat data.Catalogue) string {
	names := make([]string, 0, len(r.Items))
	for _, it := range r.Items {
		if e, ok := cat.Exercise(it.Exercise); ok {
			names = append(names, e.Name)
		}
	}
	return strings.Join(names, ", ")
}

// exerciseItem shows one exercise with its picture and dose, linking to its
// page.
func exerciseItem(e data.Exercise) app.UI {
	poses := e.Poses()
	return ui.El("li.card.exercise",
		ui.Elx("a.exercise-link",
			&ui.Figure{Pose: poses[1]},
			ui.El("div",
				ui.Elt("h3", e.Name),
				ui.Elt("p", e.Summary),
				ui.Elt("p.meta", e.HoldText()+" · "+e.RepsRangeText()),
			),
		).Attr("href", ui.ExercisePath+e.ID),
	)
}
