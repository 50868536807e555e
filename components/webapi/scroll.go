package webapi

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// ScrollTop shows the top of the page when a screen changes in place, as
// the player's ready screen, with Start low on it, turns into the session.
// A new address goes to the top by itself (web/scroll.js).
func ScrollTop() {
	defer Guard()
	if app.IsClient {
		app.Window().Call("scrollTo", 0, 0)
	}
}
