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
	return strings.TrimPrefix(ctx.Page().URL().Path, prefix)
}
