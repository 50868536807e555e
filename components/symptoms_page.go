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
		elt("h1", text.Symptoms),
		elt("p.lead", pageText.SymptomsLead),
		bullets("symptom-list", data.Symptoms),
		el("section[aria-labelledby=advice-title]",
			elt("h2#advice-title", text.Advice),
			bullets("advice-list", data.Advice),
		),
		elt("p#see-professional.notice", pageText.SeeProfessional),
		el("p", elt("a#to-safety.text-link[href=/safety]", pageText.SeeSafety)),
		elt("p.muted.small", data.Disclaimer),
	)
}
