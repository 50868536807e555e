package components

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/guide"
	"unknot/components/history"
	"unknot/components/player"
	"unknot/components/report"
	"unknot/components/routines"
	"unknot/components/settings"
	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// A Route is one screen of the app: the one table that registers it with
// go-app, pre-renders it, has the service worker cache it for offline use,
// writes it into the static site and puts it in the main navigation.
type Route struct {
	// Path is the screen's address; for a screen of many (ByID), the
	// prefix its ids follow, ending in "/".
	Path string
	ByID bool
	// New makes the screen. go-app's app.Route would ignore field values,
	// so each screen is made in code.
	New func() app.Composer
	// IDs are the ids pre-rendered under Path, for a screen of many; a
	// person's own routines are reached once the app runs.
	IDs func() []string
	// Nav is the screen's label in the main navigation, in table order;
	// NavID marks it as the current one. Empty for screens not in it.
	Nav, NavID string
}

// Routes lists every screen, the main navigation's in its order.
var Routes = []Route{
	{Path: "/", New: func() app.Composer { return &guide.Home{} }, Nav: "Home", NavID: "home"},
	{Path: "/routines", New: func() app.Composer { return &routines.Page{} }, Nav: "Routines", NavID: "routines"},
	{Path: "/history", New: func() app.Composer { return &history.Page{} }, Nav: "History", NavID: "history"},
	{Path: report.Path, New: func() app.Composer { return &report.Page{} }},
	{Path: "/settings", New: func() app.Composer { return &settings.Page{} }, Nav: "Settings", NavID: "settings"},
	{Path: "/safety", New: func() app.Composer { return &guide.SafetyPage{} }, Nav: "Safety", NavID: "safety"},
	{Path: "/symptoms", New: func() app.Composer { return &guide.SymptomsPage{} }},
	{Path: ui.ExercisePath, ByID: true, New: func() app.Composer { return &guide.ExercisePage{} }, IDs: exerciseIDs},
	{Path: ui.SessionPath, ByID: true, New: func() app.Composer { return &player.Player{} }, IDs: sessionIDs},
}

// The main navigation follows the table.
func init() {
	for _, r := range Routes {
		if r.Nav != "" {
			ui.Nav = append(ui.Nav, ui.NavLink{Label: r.Nav, Path: r.Path, ID: r.NavID})
		}
	}
}

// RegisterRoutes tells go-app which screen each address mounts. It runs in
// the browser and on the server, which pre-renders the same screens.
//
// Every address the app links to gets a route of its own (RegisterAddresses):
// each screen's, each pre-rendered id's, and each of the person's own
// routines' and of the routines of sessions waiting to be resumed. The patterns (RegisterPatterns) route the rest. go-app compiles
// them into regular expressions as they are registered, which takes the
// regexp package's code: the browser compiles that code the first time it
// runs, a tenth of Go's start before the first frame (docs/performance.md).
// So the browser registers them in a turn of its own just after the first
// frame, unless the address it opens needs one. No link of that first frame
// needs them: its own routines are routed by themselves.
func RegisterRoutes() {
	var own []string
	if app.IsClient {
		own = ownRoutineIDs(webapi.AppStorage(nil))
	}
	RegisterAddresses(own)
	if !app.IsClient || !Routed(app.Window().URL().Path, own) {
		RegisterPatterns()
		return
	}
	var once sync.Once
	patterns := func() { once.Do(RegisterPatterns) }
	// A launch the browser hands over as the app starts may ask for an
	// address only the patterns route.
	ui.BeforeLaunch = patterns
	go func() {
		webapi.Yield() // the first frame first
		patterns()
	}()
}

// RegisterAddresses routes by itself every address of addresses(own).
func RegisterAddresses(own []string) {
	for path, screen := range addresses(own) {
		app.RouteFunc(path, screen)
	}
}

// addresses are the addresses routed by themselves, with the screen each
// mounts: each screen's, each pre-rendered id's, and each id of own (the
// person's routines, the waiting sessions' routines) under the player's
// path.
func addresses(own []string) map[string]func() app.Composer {
	out := map[string]func() app.Composer{}
	for _, r := range Routes {
		if !r.ByID {
			out[r.Path] = r.New
			continue
		}
		for _, id := range r.IDs() {
			out[r.Path+id] = r.New
		}
		if r.Path == ui.SessionPath {
			for _, id := range own {
				out[r.Path+id] = r.New
			}
		}
	}
	return out
}

// RegisterPatterns routes what RegisterAddresses leaves out: any id of a
// screen of many (a routine made later, in this tab or another), then every
// other address, which gets the app's own page with its navigation, online
// and offline (the service worker answers an unknown address with the app,
// which then routes it here).
func RegisterPatterns() {
	for _, r := range Routes {
		if r.ByID {
			app.RouteWithRegexpFunc("^"+r.Path+"[a-z0-9-]+$", r.New)
		}
	}
	app.RouteWithRegexpFunc(".", func() app.Composer { return &guide.NotFoundPage{} })
}

// Routed reports whether RegisterAddresses(own) routes path by itself.
func Routed(path string, own []string) bool {
	_, ok := addresses(own)[path]
	return ok
}

// ownRoutineIDs are the ids under the player's path that the first frame
// may link to and no page is pre-rendered for: the person's routines, and
// the routines of sessions waiting to be resumed (the offer links to the
// session of a routine deleted since). None when they cannot be read
// (their screens say why).
func ownRoutineIDs(st store.Storage) []string {
	routines, _ := store.LoadCustomRoutines(st)
	waiting, _ := store.LoadCheckpoints(st)
	ids := make([]string, 0, len(routines)+len(waiting))
	for _, r := range routines {
		ids = append(ids, r.ID)
	}
	for _, c := range waiting {
		ids = append(ids, c.Routine.ID)
	}
	return ids
}

// IsPage reports whether path is the address of one of the routes'
// screens; the server sends any other address with status 404.
func IsPage(path string) bool {
	for _, r := range Routes {
		if !r.ByID && path == r.Path || r.ByID && strings.HasPrefix(path, r.Path) && isID(path[len(r.Path):]) {
			return true
		}
	}
	return false
}

// isID reports whether s is an id as the routes take them: lower-case
// letters, digits and dashes, at least one.
func isID(s string) bool {
	for _, c := range s {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

// Pages lists every address the app pre-renders, so the server can
// pre-render them, the service worker can cache them and the static build
// can write them.
func Pages() []string {
	var pages []string
	for _, r := range Routes {
		if !r.ByID {
			pages = append(pages, r.Path)
			continue
		}
		for _, id := range r.IDs() {
			pages = append(pages, r.Path+id)
		}
	}
	return pages
}

// exerciseIDs are the catalogue's exercises.
func exerciseIDs() []string {
	var ids []string
	for _, e := range data.DefaultCatalogue() {
		ids = append(ids, e.ID)
	}
	return ids
}

// sessionIDs are the built-in routines and every exercise on its own.
func sessionIDs() []string {
	var ids []string
	for _, r := range data.BuiltinRoutines() {
		ids = append(ids, r.ID)
	}
	return append(ids, exerciseIDs()...)
}
