package components

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// page wraps a screen's content in its main landmark, with the update
// banner above it. The running session player does not use it, so an update
// is never offered in the middle of a session.
func page(id string, body ...app.UI) app.UI {
	return app.Div().Class("shell").Body(
		&Prefs{},
		siteNav(id),
		&UpdateBanner{},
		app.Main().ID(id).Class("page").Body(body...),
	)
}

// navLinks are the app's main screens, in the order the nav shows them.
var navLinks = []struct{ id, href, label string }{
	{"home", "/", "Home"},
	{"history", "/history", "History"},
	{"settings", "/settings", "Settings"},
	{"safety", "/safety", "Safety"},
}

// siteNav links the main screens, marking the current one.
func siteNav(current string) app.UI {
	return app.Nav().Class("site-nav").Aria("label", "Main").Body(app.Range(navLinks).Slice(func(i int) app.UI {
		l := navLinks[i]
		a := app.A().Href(l.href).Text(l.label)
		if l.id == current {
			a = a.Aria("current", "page")
		}
		return a
	}))
}

// homeLink leads back to the home screen.
func homeLink() app.UI {
	return app.A().Class("home-link").Href("/").Text("← " + text.Home)
}

// toggle is a labelled on/off switch.
func toggle(id, label string, on bool, h app.EventHandler) app.UI {
	return app.Label().Class("toggle").For(id).Body(
		app.Input().ID(id).Type("checkbox").Aria("checked", on).Checked(on).OnChange(h),
		app.Span().Text(label),
	)
}

// doseText says what one exercise of a routine asks for: "2 rounds, 5 s
// holds".
func doseText(e data.Exercise, reps int, hold time.Duration) string {
	if e.Hold.Breaths > 0 {
		return fmt.Sprintf("%d × %d deep breaths", reps, e.Hold.Breaths)
	}
	return fmt.Sprintf("%d × %d s hold %s", reps, int(hold/time.Second), sideNote(e.Sides))
}

// sideNote says which sides a dose covers.
func sideNote(m data.SideMode) string {
	switch m {
	case data.SidesEach:
		return "each side"
	case data.SidesEachThenBoth:
		return "left, right, both"
	}
	return ""
}
