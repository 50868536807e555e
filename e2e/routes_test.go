package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// storedRoutines is routines as the app stores them.
func storedRoutines(t *testing.T, routines ...data.Routine) string {
	t.Helper()
	return storedText(t, store.RoutinesKey, func(st store.Storage) error { return store.SaveCustomRoutines(st, routines) })
}

// ownRoutine is a routine of the person's own named name.
func ownRoutine(name string) data.Routine {
	r := data.NewCustomRoutine(name)
	r.Items = []data.RoutineItem{{Exercise: data.CatStretch, Reps: 4}}
	return r
}

// TestAddressesRoutedFromTheFirstFrame: the browser registers go-app's
// route patterns only after its first frame (components.RegisterRoutes),
// so every link that frame draws must have a route of its own. A tap on
// the person's routine at the very moment Home first shows it (clicked as
// the card enters the page, before any other turn) opens its ready
// screen, not go-app's "not found". Once the app runs, a routine made
// since (as in another tab) and an unknown address are routed too.
func TestAddressesRoutedFromTheFirstFrame(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	desk, lunch := ownRoutine("Desk break"), ownRoutine("Lunch stretch")
	tb.open(t, h.base, "/")
	setItem(t, tb, store.RoutinesKey, storedRoutines(t, desk))

	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `new MutationObserver((records, observer) => {
			const a = document.querySelector(` + jsString(`#routine-`+desk.ID+` a[href="/session/`+desk.ID+`"]`) + `);
			if (!a || document.getElementById("app-wasm-loader")) return;
			observer.disconnect();
			window.tappedAtFirstFrame = true;
			a.click();
		}).observe(document, {childList: true, subtree: true});`,
	}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, h.base, "/")
	waitFor(t, tb, `window.tappedAtFirstFrame === true`, "the card is tapped as it appears")
	waitText(t, tb, "h1", "Desk break")
	if got := eval[string](t, tb, `location.pathname`); got != "/session/"+desk.ID {
		t.Errorf("the tap opened %s", got)
	}

	setItem(t, tb, store.RoutinesKey, storedRoutines(t, desk, lunch))
	eval[bool](t, tb, `(window.goappNav(`+jsString("/session/"+lunch.ID)+`), true)`)
	waitText(t, tb, "h1", "Lunch stretch")
	const path = "/no/such/page"
	eval[bool](t, tb, `(window.goappNav(`+jsString(path)+`), true)`)
	checkNotFoundPage(t, tb, path)
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
