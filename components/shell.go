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
	return el("div.shell",
		&Prefs{},
		eltx("a.skip-link", skipLinkText).Attr("href", "#"+id).OnClick(skipToContent(id)),
		siteNav(id),
		&UpdateBanner{},
		elx("main.page[tabindex=-1]", body...).ID(id),
	)
}

// skipLinkText is the first thing a keyboard reaches on every page.
const skipLinkText = "Skip to content"

// skipToContent moves the focus to the page's main content, past the
// navigation. It handles the link itself: go-app would turn the link into
// a new history entry.
func skipToContent(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		e.Call("stopPropagation")
		defer guard()
		if m := app.Window().GetElementByID(id); m.Truthy() {
			m.Call("focus")
			m.Call("scrollIntoView")
		}
	}
}

// navLinks are the routes of the main navigation, in the table's order.
var navLinks = func() []Route {
	var links []Route
	for _, r := range Routes {
		if r.Nav != "" {
			links = append(links, r)
		}
	}
	return links
}()

// siteNav links the main screens, marking the current one.
func siteNav(current string) app.UI {
	return el("nav.site-nav[aria-label=Main]", app.Range(navLinks).Slice(func(i int) app.UI {
		l := navLinks[i]
		a := eltx("a", l.Nav).Attr("href", l.Path)
		if l.NavID == current {
			a = a.Aria("current", "page")
		}
		return a
	}))
}

// homeLink leads back to the home screen.
func homeLink() app.UI {
	return elt("a.home-link[href=/]", "← "+text.Home)
}

// toggle is a labelled on/off switch.
func toggle(id, label string, on bool, h app.EventHandler) app.UI {
	return elx("label.toggle",
		void("input[type=checkbox]").ID(id).Aria("checked", on).Attr("checked", on).OnChange(h),
		elt("span", label),
	).Attr("for", id)
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
