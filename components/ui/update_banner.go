package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// UpdateBanner offers a new version once it has been downloaded. It reloads
// only when the person taps it; screens with a session running never show
// it.
type UpdateBanner struct {
	app.Compo
	available bool
}

// OnMount reads whether an update is already waiting.
func (b *UpdateBanner) OnMount(ctx app.Context) { b.available = ctx.AppUpdateAvailable() }

// OnAppUpdate is called by go-app once a new version is ready.
func (b *UpdateBanner) OnAppUpdate(ctx app.Context) { b.available = ctx.AppUpdateAvailable() }

func (b *UpdateBanner) onReload(ctx app.Context, e app.Event) { ctx.Reload() }

// Render shows the banner, or nothing.
func (b *UpdateBanner) Render() app.UI {
	if !b.available {
		return El("div.update-slot")
	}
	return El("div#update-banner.update-slot.banner[role=status]",
		Elt("span", Text.UpdateReady),
		Eltx("button#reload.button.primary", Text.Reload).OnClick(b.onReload),
	)
}
