package components

import (
	"fmt"
	"unknot/data"
	"unknot/data/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// safetyAcceptedAction is the action SafetyGate fires once the person has
// acknowledged the safety advice.
const safetyAcceptedAction = "safety-accepted"

// redFlags shows the warning signs: those that need help now, then those
// that need an urgent appointment. prefix keeps ids unique when a screen
// shows them twice.
func redFlags(prefix string) app.UI {
	return el("div.red-flags",
		elx("section.flag-box.emergency",
			eltx("h2", pageText.EmergencyTitle).ID(prefix+"-emergency-title"),
			linked("p", pageText.EmergencyLead),
			bullets(prefix+"-emergency-list", pageText.Emergency),
		).ID(prefix+"-emergency").Aria("labelledby", prefix+"-emergency-title"),
		elx("section.flag-box.urgent",
			eltx("h2", pageText.UrgentTitle).ID(prefix+"-urgent-title"),
			linked("p", pageText.UrgentLead),
			bullets(prefix+"-urgent-list", pageText.Urgent),
		).ID(prefix+"-urgent").Aria("labelledby", prefix+"-urgent-title"),
	)
}

// bullets is a list of sentences.
func bullets(id string, items []string) app.UI {
	return elx("ul.bullets", app.Range(items).Slice(func(i int) app.UI {
		return linked("li", items[i])
	})).ID(id)
}

// SafetyGate is the acknowledgement shown before the first session: the key
// advice and the signs that need help now, with an "I understand" button.
// The button sets Settings.SafetyAccepted, saves it and fires the
// "safety-accepted" action, which the screen showing the gate handles.
type SafetyGate struct {
	app.Compo
	st  store.Storage
	err string
}

// OnMount picks the storage.
func (g *SafetyGate) OnMount(ctx app.Context) {
	if g.st == nil {
		g.st = appStorage(ctx)
	}
}

// onAccept remembers the answer. The action fires even when saving fails:
// the person has read the advice; they will only be asked again next time.
func (g *SafetyGate) onAccept(ctx app.Context, e app.Event) {
	g.err = ""
	if _, err := store.UpdateSettings(g.st, func(s *data.Settings) { s.SafetyAccepted = true }); err != nil {
		g.err = fmt.Sprintf(pageText.GateSaveFailed, err)
	}
	ctx.NewAction(safetyAcceptedAction)
}

// Render shows the gate.
func (g *SafetyGate) Render() app.UI {
	return el("section#safety-gate.safety-gate.card[aria-labelledby=gate-title]",
		elt("h2#gate-title", pageText.GateTitle),
		elt("p.lead", pageText.GateLead),
		el("div.flag-box.emergency",
			elt("h3", pageText.EmergencyTitle),
			linked("p", pageText.EmergencyLead),
			bullets("gate-emergency-list", pageText.Emergency),
		),
		el("p", elt("a.text-link[href=/safety]", pageText.GateMore)),
		app.If(g.err != "", elt("p.error[role=alert]", g.err)),
		eltx("button#safety-accept.button.primary", pageText.GateOK).OnClick(g.onAccept),
	)
}

// safetyAccepted reports whether the person has acknowledged the safety
// advice, as saved in the settings.
func safetyAccepted(ctx app.Context) bool {
	s, err := store.LoadSettings(appStorage(ctx))
	return err == nil && s.SafetyAccepted
}
