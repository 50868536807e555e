package guide

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
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
	return ui.Page("symptoms",
		ui.Elt("h1", text.Symptoms),
		ui.Elt("p.lead", text.SymptomsLead),
		ui.Bullets("symptom-list", data.Symptoms),
		ui.El("section[aria-labelledby=advice-title]",
			ui.Elt("h2#advice-title", text.Advice),
			ui.Bullets("advice-list", data.Advice),
		),
		ui.Elt("p#see-professional.notice", text.SeeProfessional),
		ui.El("p", ui.Elt("a#to-safety.text-link[href=/safety]", text.SeeSafety)),
		ui.Elt("p.muted.small", data.Disclaimer),
	)
}
