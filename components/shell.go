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
		&UpdateBanner{},
		app.Main().ID(id).Class("page").Body(body...),
	)
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
