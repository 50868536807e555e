package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
)

// InstallPrompt offers to install the app: a button where the browser
// offers installation, the manual steps on iPhone and iPad, nothing once
// installed.
type InstallPrompt struct {
	app.Compo
	installable bool
	ios         bool
}

// OnMount reads the install state; the browser's install event may have
// fired before the app could listen, so it is read here as well.
func (i *InstallPrompt) OnMount(ctx app.Context) {
	i.installable = ctx.IsAppInstallable()
	i.ios = isIOSBrowser()
}

// OnAppInstallChange follows the browser's install state.
func (i *InstallPrompt) OnAppInstallChange(ctx app.Context) {
	i.installable = ctx.IsAppInstallable()
}

func (i *InstallPrompt) onInstall(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() }

// Render shows the prompt that fits the browser.
func (i *InstallPrompt) Render() app.UI {
	switch {
	case i.installable:
		return El("div.install",
			Eltx("button#install.button", Text.Install).OnClick(i.onInstall),
		)
	case i.ios:
		return Elt("p#install-ios.install.muted.small", Text.InstallIOS)
	}
	return El("div.install")
}

// isIOSBrowser reports an iPhone or iPad browser tab (not the installed
// app), where installing is a manual step.
func isIOSBrowser() (ios bool) {
	defer webapi.Guard()
	nav := app.Window().Get("navigator")
	if !nav.Truthy() || nav.Get("standalone").Truthy() {
		return false
	}
	ua := nav.Get("userAgent").String()
	touchMac := strings.Contains(ua, "Macintosh") && nav.Get("maxTouchPoints").Int() > 1
	return strings.Contains(ua, "iPhone") || strings.Contains(ua, "iPad") || touchMac
}
