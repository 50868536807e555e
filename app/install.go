//go:build !wasm

package main

import (
	"strings"

	"unknot/data"
)

// What the manifest adds for an installed app: shortcuts on the icon, the
// screenshots of the richer install sheet, and how a second launch is
// handled. e2e/install_test.go makes the PNGs named here (UNKNOT_ART=1) and
// checks that their sizes match.

// shortcutIconSize is the side of each shortcut's square icon, in pixels:
// Android asks for 96 px at least and shows them at up to 192.
const shortcutIconSize = 192

// manifestShortcut is one entry of the manifest's shortcuts.
type manifestShortcut struct {
	Name        string         `json:"name"`
	ShortName   string         `json:"short_name"`
	Description string         `json:"description"`
	URL         string         `json:"url"`
	Icons       []manifestIcon `json:"icons"`
}

// manifestScreenshot is one entry of the manifest's screenshots. A wide one
// is shown by desktop browsers, a narrow one by phones.
type manifestScreenshot struct {
	Src        string `json:"src"`
	Sizes      string `json:"sizes"`
	Type       string `json:"type"`
	FormFactor string `json:"form_factor"`
	Label      string `json:"label"`
}

// manifestLaunch is the manifest's launch_handler. "focus-existing" brings
// the open window forward on a second launch (a shortcut, a link) instead of
// loading the address in it, which would end a running session; the app
// reads the address from window.launchQueue (components/ui/launch_queue.go).
type manifestLaunch struct {
	ClientMode string `json:"client_mode"`
}

// shortcuts are the routines and the screen a person opens most, by the
// long-press menu of the home-screen icon.
func shortcuts() []manifestShortcut {
	icon := func(name string) []manifestIcon {
		return []manifestIcon{{Src: "/web/icons/shortcut-" + name + ".png", Sizes: "192x192", Type: "image/png"}}
	}
	var out []manifestShortcut
	for _, r := range data.BuiltinRoutines() {
		if r.ID != data.Morning && r.ID != data.Evening {
			continue
		}
		short := strings.TrimSuffix(r.Name, " routine")
		out = append(out, manifestShortcut{
			Name:        "Start the " + strings.ToLower(r.Name),
			ShortName:   short,
			Description: r.Summary,
			URL:         "/session/" + r.ID,
			Icons:       icon(r.ID),
		})
	}
	return append(out, manifestShortcut{
		Name:        "Open history",
		ShortName:   "History",
		Description: "Past sessions, streaks, and pain before and after.",
		URL:         "/history",
		Icons:       icon("history"),
	})
}

// screenshots are real screens of the app, made by e2e/install_test.go.
// They are not cached for offline use: only the install sheet shows them.
var screenshots = []manifestScreenshot{
	{Src: "/web/screenshots/home-narrow.png", Sizes: "780x1688", Type: "image/png", FormFactor: "narrow",
		Label: "Today's sessions and the routines, ready to start"},
	{Src: "/web/screenshots/player-narrow.png", Sizes: "780x1688", Type: "image/png", FormFactor: "narrow",
		Label: "A stretch in progress: the figure, the countdown and what comes next"},
	{Src: "/web/screenshots/home-wide.png", Sizes: "1280x800", Type: "image/png", FormFactor: "wide",
		Label: "Unknot on a computer"},
}

// screenshotDir is where screenshots are kept under web/. The service
// worker does not cache it (webAssets).
const screenshotDir = "screenshots/"

// installAssets are the files the manifest's shortcuts and screenshots name.
func installAssets() []string {
	var out []string
	for _, s := range shortcuts() {
		for _, ic := range s.Icons {
			out = append(out, ic.Src)
		}
	}
	for _, s := range screenshots {
		out = append(out, s.Src)
	}
	return out
}

// installManifest is what this file adds to the manifest (manifestJSON).
type installManifest struct {
	Shortcuts     []manifestShortcut   `json:"shortcuts"`
	Screenshots   []manifestScreenshot `json:"screenshots"`
	LaunchHandler manifestLaunch       `json:"launch_handler"`
}

func newInstallManifest() installManifest {
	return installManifest{
		Shortcuts:     shortcuts(),
		Screenshots:   screenshots,
		LaunchHandler: manifestLaunch{ClientMode: "focus-existing"},
	}
}
