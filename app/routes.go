package main

import (
	"regexp"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components"
)

// registerRoutes tells go-app which component each path mounts. It runs in
// the browser and on the server, which pre-renders the same components.
// RouteFunc builds each component in code; app.Route would ignore field values.
func registerRoutes() {
	app.RouteFunc("/", func() app.Composer { return &components.Home{} })
	app.RouteFunc("/history", func() app.Composer { return &components.HistoryPage{} })
	app.RouteFunc("/settings", func() app.Composer { return &components.SettingsPage{} })
	app.RouteFunc("/safety", func() app.Composer { return &components.SafetyPage{} })
	app.RouteFunc("/symptoms", func() app.Composer { return &components.SymptomsPage{} })
	app.RouteFunc("/routines", func() app.Composer { return &components.RoutinesPage{} })
	app.RouteWithRegexpFunc("^/exercise/[a-z0-9-]+$", func() app.Composer { return &components.ExercisePage{} })
	app.RouteWithRegexpFunc("^/session/[a-z0-9-]+$", func() app.Composer { return &components.SessionPlayer{} })
	// Last: every other address gets the app's own page, with its
	// navigation, online and offline (the service worker answers an
	// unknown address with the app, which then routes it here).
	app.RouteWithRegexpFunc(".", func() app.Composer { return &components.NotFoundPage{} })
}

// pagePaths and pagePatterns are the addresses of the app's pages, as
// registerRoutes routes them; any other address is not found.
var (
	pagePaths    = map[string]bool{"/": true, "/history": true, "/settings": true, "/safety": true, "/symptoms": true, "/routines": true}
	pagePatterns = []*regexp.Regexp{regexp.MustCompile("^/exercise/[a-z0-9-]+$"), regexp.MustCompile("^/session/[a-z0-9-]+$")}
)

// isPage reports whether path is the address of one of the app's pages.
func isPage(path string) bool {
	if pagePaths[path] {
		return true
	}
	for _, re := range pagePatterns {
		if re.MatchString(path) {
			return true
		}
	}
	return false
}
