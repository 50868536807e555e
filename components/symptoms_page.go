package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// SymptomsPage lists the signs of a lower-back spasm and what helps, with
// the advice to see a healthcare professional and a link to the warning
// signs.
type SymptomsPage struct {
	app.Compo
}

// Render shows the signs and the advice.
func (p *SymptomsPage) Render() app.UI {
	return page("symptoms",
		app.H1().Text(text.Symptoms),
		app.P().Class("lead").Text(pageText.SymptomsLead),
		bullets("symptom-list", data.Symptoms),
		app.Section().Aria("labelledby", "advice-title").Body(
			app.H2().ID("advice-title").Text(text.Advice),
			bullets("advice-list", data.Advice),
		),
		app.P().ID("see-professional").Class("notice").Text(pageText.SeeProfessional),
		app.P().Body(app.A().ID("to-safety").Class("text-link").Href("/safety").Text(pageText.SeeSafety)),
		app.P().Class("muted small").Text(data.Disclaimer),
	)
}
