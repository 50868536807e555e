package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Route paths that screens link to or read ids from.
const (
	ExercisePath = "/exercise/"
	SessionPath  = "/session/"
)

// RouteID is the id in the address of a screen of many, under prefix.
func RouteID(ctx app.Context, prefix string) string {
	return PathID(ctx.Page().URL().Path, prefix)
}

// PathID is the id in path after prefix, as RouteID reads it.
func PathID(path, prefix string) string { return strings.TrimPrefix(path, prefix) }

// Address is the page's path for a screen's OnInit, which comes before the
// app's first frame and has no Context: a screen that reads its address
// there draws in that frame what the server's page shows, where OnNav, after
// the frame, would leave it drawn empty for a moment ("There is no such
// page" for an exercise that is there). Empty on the server, whose
// OnPreRender reads the address.
func Address() string {
	if app.IsServer {
		return ""
	}
	return app.Window().URL().Path
}
