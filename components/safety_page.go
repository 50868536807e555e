package components

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// SafetyPage is the safety advice, one tap away from every screen: what this
// app is not, how to exercise safely, the warning signs that need a doctor
// now or soon, and when to see a healthcare professional.
type SafetyPage struct {
	app.Compo
}

// Render shows the advice.
func (p *SafetyPage) Render() app.UI {
	return page("safety",
		elt("h1", pageText.SafetyTitle),
		elt("p.lead", pageText.SafetyLead),
		redFlags("page"),
		el("section[aria-labelledby=while-title]",
			elt("h2#while-title", pageText.WhileTitle),
			bullets("while-list", pageText.While),
		),
		el("section[aria-labelledby=professional-title]",
			elt("h2#professional-title", pageText.ProfessionalTitle),
			bullets("professional-list", pageText.Professional),
		),
		el("section#source[aria-labelledby=source-title]",
			elt("h2#source-title", pageText.SourceTitle),
			elt("p", pageText.SourceText),
		),
		el("p", elt("a#to-symptoms.text-link[href=/symptoms]", pageText.SeeSymptoms)),
		elt("p.muted.small", data.Disclaimer),
	)
}
