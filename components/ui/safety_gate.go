package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// SafetyAcceptedAction is the action SafetyGate fires once the person has
// acknowledged the safety advice.
const SafetyAcceptedAction = "safety-accepted"

// RedFlags shows the warning signs: those that need help now, then those
// that need an urgent appointment. prefix keeps ids unique when a screen
// shows them twice.
func RedFlags(prefix string) app.UI {
	return El("div.red-flags",
		Elx("section.flag-box.emergency",
			Eltx("h2", Text.EmergencyTitle).ID(prefix+"-emergency-title"),
			Linked("p", Text.EmergencyLead),
			Bullets(prefix+"-emergency-list", Text.Emergency),
		).ID(prefix+"-emergency").Aria("labelledby", prefix+"-emergency-title"),
		Elx("section.flag-box.urgent",
			Eltx("h2", Text.UrgentTitle).ID(prefix+"-urgent-title"),
			Linked("p", Text.UrgentLead),
			Bullets(prefix+"-urgent-list", Text.Urgent),
		).ID(prefix+"-urgent").Aria("labelledby", prefix+"-urgent-title"),
	)
}

// Bullets is a list of sentences.
func Bullets(id string, items []string) app.UI {
	return Elx("ul.bullets", app.Range(items).Slice(func(i int) app.UI {
		return Linked("li", items[i])
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
		g.st = webapi.AppStorage(ctx)
	}
}

// onAccept remembers the answer. The action fires even when saving fails:
// the person has read the advice; they will only be asked again next time.
func (g *SafetyGate) onAccept(ctx app.Context, e app.Event) {
	g.err = ""
	if _, err := store.UpdateSettings(g.st, func(s *data.Settings) { s.SafetyAccepted = true }); err != nil {
		g.err = fmt.Sprintf(Text.GateSaveFailed, err)
	}
	ctx.NewAction(SafetyAcceptedAction)
}

// Render shows the gate.
func (g *SafetyGate) Render() app.UI {
	return El("section#safety-gate.safety-gate.card[aria-labelledby=gate-title]",
		Elt("h2#gate-title", Text.GateTitle),
		Elt("p.lead", Text.GateLead),
		El("div.flag-box.emergency",
			Elt("h3", Text.EmergencyTitle),
			Linked("p", Text.EmergencyLead),
			Bullets("gate-emergency-list", Text.Emergency),
		),
		app.If(g.err != "", Elt("p.error[role=alert]", g.err)),
		Eltx("button#safety-accept.button.primary", Text.GateOK).OnClick(g.onAccept),
		El("p.gate-more", Elt("a.text-link[href=/safety]", Text.GateMore)),
	)
}

// safetyAccepted reports whether the person has acknowledged the safety
// advice, as saved in the settings.
func safetyAccepted(ctx app.Context) bool {
	s, err := store.LoadSettings(webapi.AppStorage(ctx))
	return err == nil && s.SafetyAccepted
}
