package ui

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// PrefsChanged is the action fired when the settings that shape every page
// (theme, text size, motion) change.
const PrefsChanged = "prefs-changed"

// Prefs applies the look the person chose to the whole document: theme,
// larger text and reduced motion, as attributes on the html element that the
// stylesheets read. It renders nothing visible. app/prefs.js, in the page
// head, applies the stored ones before the app loads, so the page does not
// flash; Prefs applies the changes made in the app.
type Prefs struct {
	app.Compo
}

// OnMount follows changes, made in this tab or another, and keeps the app
// icon's badge (badge.go) and takes launches (launch.go). The stored
// settings were applied when the page loaded, by the script in its head
// (app/prefs.js), and stay applied as the app moves from screen to screen.
// The app reads them once, after its first screen is up, and applies what
// it makes of them: where the stored settings are damaged it uses the
// defaults, which the script cannot know.
func (p *Prefs) OnMount(ctx app.Context) {
	launchCtx = ctx
	prefsOnce.Do(func() {
		ctx.Async(func() {
			time.Sleep(prefsDelay)
			ctx.Dispatch(func(ctx app.Context) {
				st := webapi.AppStorage(ctx)
				webapi.Repair(st)
				s, _ := store.LoadSettings(st)
				ApplyPrefs(s)
				// The badge in a turn of its own: a short task each.
				ctx.Dispatch(func(ctx app.Context) { webapi.UpdateBadge(st, s, time.Now()) })
			})
		})
		// A look chosen in another tab applies here too, for as long as
		// the app runs (the listener is never removed).
		app.Window().AddEventListener("storage", func(ctx app.Context, e app.Event) {
			if webapi.StorageChanged(e, store.SettingsKey) {
				s, _ := store.LoadSettings(webapi.AppStorage(ctx))
				ApplyPrefs(s)
			}
			// A session saved or a badge switched in another tab.
			if webapi.StorageChanged(e, store.SettingsKey) || webapi.StorageChanged(e, store.HistoryKey) {
				webapi.RefreshBadge(ctx)
			}
		})
		// Back on screen after midnight, today has two sessions to do again.
		app.Window().AddEventListener("visibilitychange", func(ctx app.Context, e app.Event) {
			if app.Window().Get("document").Get("visibilityState").String() == "visible" {
				webapi.RefreshBadge(ctx)
			}
		})
		listenLaunches()
	})
	ctx.Handle(PrefsChanged, func(ctx app.Context, a app.Action) {
		if s, ok := a.Value.(data.Settings); ok {
			ApplyPrefs(s)
			webapi.UpdateBadge(webapi.AppStorage(ctx), s, time.Now())
		}
	})
}

// prefsOnce reads the stored settings once per start of the app,
// prefsDelay after the first screen has mounted.
var prefsOnce sync.Once

const prefsDelay = 500 * time.Millisecond

// Render draws nothing.
func (p *Prefs) Render() app.UI { return Elx("span.prefs").Hidden(true) }

// ApplyPrefs sets the html element's data-theme, data-text and data-motion.
func ApplyPrefs(s data.Settings) {
	defer webapi.Guard()
	root := app.Window().Get("document").Get("documentElement")
	if !root.Truthy() {
		return
	}
	set := func(name, value string) {
		if value == "" {
			root.Call("removeAttribute", name)
			return
		}
		root.Call("setAttribute", name, value)
	}
	theme := s.Theme
	if theme == data.ThemeSystem {
		theme = ""
	}
	set("data-theme", theme)
	set("data-text", map[bool]string{true: "large"}[s.LargeText])
	set("data-motion", map[bool]string{true: "reduce"}[s.ReduceMotion])
}
