package guide

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
)

// NotFoundPage is shown for any address the app has no page for, online
// and offline, with the app's navigation and a way home: go-app's own was a
// bare "404 Not Found" with no way back.
type NotFoundPage struct {
	app.Compo
	path string
}

// OnPreRender reads the address for the server's page.
func (p *NotFoundPage) OnPreRender(ctx app.Context) { p.OnNav(ctx) }

// OnInit reads the address before the app's first frame (ui.Address).
func (p *NotFoundPage) OnInit() { p.path = ui.Address() }

// OnNav reads the address.
func (p *NotFoundPage) OnNav(ctx app.Context) {
	p.path = ctx.Page().URL().Path
	ctx.Page().SetTitle(ui.NotFoundTitle(text.AppName))
}

// Render shows where the person is and where they can go.
func (p *NotFoundPage) Render() app.UI {
	return ui.NotFound("not-found", p.path, ui.Text.NotFoundLead)
}
