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
		el("h1").Text(text.Symptoms),
		el("p").Class("lead").Text(pageText.SymptomsLead),
		bullets("symptom-list", data.Symptoms),
		el("section").Aria("labelledby", "advice-title").Body(
			el("h2").ID("advice-title").Text(text.Advice),
			bullets("advice-list", data.Advice),
		),
		el("p").ID("see-professional").Class("notice").Text(pageText.SeeProfessional),
		el("p").Body(el("a").ID("to-safety").Class("text-link").Attr("href", "/safety").Text(pageText.SeeSafety)),
		el("p").Class("muted small").Text(data.Disclaimer),
	)
}
