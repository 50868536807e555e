package ui

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
)

// Page wraps a screen's content in its main landmark, with the update
// banner above it. The running session player does not use it, so an update
// is never offered in the middle of a session.
func Page(id string, body ...app.UI) app.UI {
	return El("div.shell",
		&Prefs{},
		Eltx("a.skip-link", skipLinkText).Attr("href", "#"+id).OnClick(skipToContent(id)),
		SiteNav(id),
		&UpdateBanner{},
		Elx("main.page[tabindex=-1]", body...).ID(id),
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
		defer webapi.Guard()
		if m := app.Window().GetElementByID(id); m.Truthy() {
			m.Call("focus")
			m.Call("scrollIntoView")
		}
	}
}

// NavLink is one entry of the main navigation.
type NavLink struct {
	// Label is what the link says; Path where it goes; ID the id of the
	// screen's main element, which marks it as the current one.
	Label, Path, ID string
}

// Nav is the main navigation, in its order. The route table (Routes)
// fills it in when the app starts, before any screen renders.
var Nav []NavLink

// SiteNav links the main screens, marking the current one.
func SiteNav(current string) app.UI {
	return El("nav.site-nav[aria-label=Main]", app.Range(Nav).Slice(func(i int) app.UI {
		l := Nav[i]
		a := Eltx("a", l.Label).Attr("href", l.Path)
		if l.ID == current {
			a = a.Aria("current", "page")
		}
		return a
	}))
}

// HomeLink leads back to the home screen.
func HomeLink() app.UI {
	return Elt("a.home-link[href=/]", "← "+Text.Home)
}

// Toggle is a labelled on/off switch.
func Toggle(id, label string, on bool, h app.EventHandler) app.UI {
	return Elx("label.toggle",
		Void("input[type=checkbox]").ID(id).Aria("checked", on).Attr("checked", on).OnChange(h),
		Elt("span", label),
	).Attr("for", id)
}

// DoseText says what one exercise of a routine asks for: "2 rounds, 5 s
// holds".
func DoseText(e data.Exercise, reps int, hold time.Duration) string {
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

// HoldChoosable reports whether a person may choose the exercise's hold:
// not for a hold counted in breaths, nor for one the article fixes.
func HoldChoosable(e data.Exercise) bool {
	return e.Hold.Breaths == 0 && e.Hold.Min != e.Hold.Max
}

// ErrText is err's message, or "" for nil.
func ErrText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
