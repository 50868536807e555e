package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// notFoundText holds the words of the page for an address the app does not
// have.
var notFoundText = struct {
	Title, Lead, Address, Home, Or string
}{
	Title:   "There is no such page",
	Lead:    "This address is not a page of Unknot. It may be mistyped, or the page may have moved.",
	Address: "The address: ",
	Home:    "Go to Home",
	Or:      "Or go straight to:",
}

// NotFoundPage is shown for any address the app has no page for, online
// and offline, with the app's navigation and a way home: go-app's own was a
// bare "404 Not Found" with no way back.
type NotFoundPage struct {
	app.Compo
	path string
}

// OnPreRender reads the address for the server's page.
func (p *NotFoundPage) OnPreRender(ctx app.Context) { p.OnNav(ctx) }

// OnNav reads the address.
func (p *NotFoundPage) OnNav(ctx app.Context) {
	p.path = ctx.Page().URL().Path
	ctx.Page().SetTitle(notFoundText.Title + " · " + text.AppName)
}

// Render shows where the person is and where they can go.
func (p *NotFoundPage) Render() app.UI {
	return page("not-found",
		elt("h1", notFoundText.Title),
		elt("p.lead", notFoundText.Lead),
		app.If(p.path != "", el("p.muted", app.Text(notFoundText.Address), elt("code.address", p.path))),
		elt("a#not-found-home.button.primary.huge[href=/]", notFoundText.Home),
		elt("p", notFoundText.Or),
		el("ul.bullets",
			el("li", elt("a[href=/routines]", text.Routines)),
			el("li", elt("a[href=/history]", "History")),
			el("li", elt("a[href=/safety]", "Safety")),
		),
	)
}
