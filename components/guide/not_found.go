package guide

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
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
	ctx.Page().SetTitle(notFoundText.Title + " · " + ui.Text.AppName)
}

// Render shows where the person is and where they can go.
func (p *NotFoundPage) Render() app.UI {
	return ui.Page("not-found",
		ui.Elt("h1", notFoundText.Title),
		ui.Elt("p.lead", notFoundText.Lead),
		app.If(p.path != "", ui.El("p.muted", app.Text(notFoundText.Address), ui.Elt("code.address", p.path))),
		ui.Elt("a#not-found-home.button.primary.huge[href=/]", notFoundText.Home),
		ui.Elt("p", notFoundText.Or),
		ui.El("ul.bullets",
			ui.El("li", ui.Elt("a[href=/routines]", ui.Text.Routines)),
			ui.El("li", ui.Elt("a[href=/history]", "History")),
			ui.El("li", ui.Elt("a[href=/safety]", "Safety")),
		),
	)
}
