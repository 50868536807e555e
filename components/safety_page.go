package components

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// safetyAcceptedAction is the action SafetyGate fires once the person has
// acknowledged the safety advice.
const safetyAcceptedAction = "safety-accepted"

// SafetyPage is the safety advice, one tap away from every screen: what this
// app is not, how to exercise safely, the warning signs that need a doctor
// now or soon, and when to see a healthcare professional.
type SafetyPage struct {
	app.Compo
}

// Render shows the advice.
func (p *SafetyPage) Render() app.UI {
	return page("safety",
		el("h1").Text(pageText.SafetyTitle),
		el("p").Class("lead").Text(pageText.SafetyLead),
		redFlags("page"),
		el("section").Aria("labelledby", "while-title").Body(
			el("h2").ID("while-title").Text(pageText.WhileTitle),
			bullets("while-list", pageText.While),
		),
		el("section").Aria("labelledby", "professional-title").Body(
			el("h2").ID("professional-title").Text(pageText.ProfessionalTitle),
			bullets("professional-list", pageText.Professional),
		),
		el("p").Body(el("a").ID("to-symptoms").Class("text-link").Attr("href", "/symptoms").Text(pageText.SeeSymptoms)),
		el("p").Class("muted small").Text(data.Disclaimer),
	)
}

// redFlags shows the warning signs: those that need help now, then those
// that need an urgent appointment. prefix keeps ids unique when a screen
// shows them twice.
func redFlags(prefix string) app.UI {
	return el("div").Class("red-flags").Body(
		el("section").ID(prefix+"-emergency").Class("flag-box emergency").Aria("labelledby", prefix+"-emergency-title").Body(
			el("h2").ID(prefix+"-emergency-title").Text(pageText.EmergencyTitle),
			el("p").Text(pageText.EmergencyLead),
			bullets(prefix+"-emergency-list", pageText.Emergency),
		),
		el("section").ID(prefix+"-urgent").Class("flag-box urgent").Aria("labelledby", prefix+"-urgent-title").Body(
			el("h2").ID(prefix+"-urgent-title").Text(pageText.UrgentTitle),
			el("p").Text(pageText.UrgentLead),
			bullets(prefix+"-urgent-list", pageText.Urgent),
		),
	)
}

// bullets is a list of sentences.
func bullets(id string, items []string) app.UI {
	return el("ul").ID(id).Class("bullets").Body(app.Range(items).Slice(func(i int) app.UI {
		return el("li").Text(items[i])
	}))
}

// SafetyGate is the acknowledgement shown before the first session: the key
// advice and the signs that need help now, with an "I understand" button.
// The button sets Settings.SafetyAccepted, saves it and fires the
// "safety-accepted" action, which the screen showing the gate handles.
type SafetyGate struct {
	app.Compo
	st  data.Storage
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
	s, _ := data.LoadSettings(g.st)
	s.SafetyAccepted = true
	g.err = ""
	if err := data.SaveSettings(g.st, s); err != nil {
		g.err = fmt.Sprintf(pageText.GateSaveFailed, err)
	}
	ctx.NewAction(safetyAcceptedAction)
}

// Render shows the gate.
func (g *SafetyGate) Render() app.UI {
	return el("section").ID("safety-gate").Class("safety-gate card").Aria("labelledby", "gate-title").Body(
		el("h2").ID("gate-title").Text(pageText.GateTitle),
		el("p").Class("lead").Text(pageText.GateLead),
		el("div").Class("flag-box emergency").Body(
			el("h3").Text(pageText.EmergencyTitle),
			el("p").Text(pageText.EmergencyLead),
			bullets("gate-emergency-list", pageText.Emergency),
		),
		el("p").Body(el("a").Class("text-link").Attr("href", "/safety").Text(pageText.GateMore)),
		app.If(g.err != "", el("p").Class("error").Attr("role", "alert").Text(g.err)),
		el("button").ID("safety-accept").Class("button primary").Text(pageText.GateOK).OnClick(g.onAccept),
	)
}

// safetyAccepted reports whether the person has acknowledged the safety
// advice, as saved in the settings.
func safetyAccepted(ctx app.Context) bool {
	s, err := data.LoadSettings(appStorage(ctx))
	return err == nil && s.SafetyAccepted
}
