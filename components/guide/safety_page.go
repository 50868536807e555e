package guide

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
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
	return ui.Page("safety",
		ui.Elt("h1", text.SafetyTitle),
		ui.Elt("p.lead", text.SafetyLead),
		ui.RedFlags("page"),
		ui.El("section[aria-labelledby=while-title]",
			ui.Elt("h2#while-title", text.WhileTitle),
			ui.Bullets("while-list", text.While),
		),
		ui.El("section[aria-labelledby=professional-title]",
			ui.Elt("h2#professional-title", ui.Text.ProfessionalTitle),
			ui.Bullets("professional-list", ui.Text.Professional),
		),
		ui.El("section#source[aria-labelledby=source-title]",
			ui.Elt("h2#source-title", text.SourceTitle),
			ui.Elt("p#source-text", fmt.Sprintf(text.SourceText, data.SourceTitle, data.SourceDate)),
		),
		ui.El("p", ui.Elt("a#to-symptoms.text-link[href=/symptoms]", text.SeeSymptoms)),
		ui.Elt("p.muted.small", data.Disclaimer),
	)
}
