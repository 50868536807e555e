package main

import (
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
}
