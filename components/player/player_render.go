package player

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/data"
)

// Render shows the screen for the player's state.
func (p *Player) Render() app.UI {
	switch p.phase {
	case phaseMissing:
		return ui.NotFound("player", p.missing, p.loadErr)
	case phaseUnplayable:
		return ui.Page("player", ui.Elt("p#load-error.error", p.loadErr),
			app.If(len(p.day.Notes) > 0, ui.Bullets("day-notes", p.day.Notes)),
			ui.DailyDoses("daily", p.day.Daily), ui.HomeLink())
	case phaseFinished:
		return &Finished{
			Routine: p.plan.Routine.Name, Results: p.run.Results(), Took: p.run.Took(), Again: p.plan.Routine.ID,
			Ended: !p.run.Pos().Done, At: p.run.Pos().Segment.Item + 1,
			Record: p.rec, SaveErr: p.saveErr, Saving: p.run.Unsaved(), Persisted: p.persisted,
			Finish:      data.FinishFor(p.rec, p.history),
			OnPainAfter: p.onPainAfter, OnNote: p.onNote, OnNoteInput: p.onNoteInput, OnRetry: p.onRetry,
			Next: p.next.href, NextLabel: p.next.label,
		}
	case phaseRunning, phaseConfirming:
		return p.renderRunning()
	}
	return p.renderReady()
}

// renderReady is the screen before Start: what the routine holds, the cue
// switches and one big Start button.
func (p *Player) renderReady() app.UI {
	r := p.routine
	return ui.Page("player",
		ui.HomeLink(),
		ui.Elt("h1", r.Name),
		// Before the very first session the safety advice comes first, at
		// the top, read before anything else: Start waits for it.
		p.renderGate(),
		// The sessions waiting to be resumed, asked about at Start.
		app.If(p.offered, &ui.ResumeOffer{Asking: p.phase == phaseAsking, OnSettled: p.onSettled}),
		ui.Linked("p.lead", r.Summary),
		app.If(p.notice != "", ui.Elt("p.notice", p.notice)),
		p.renderDay(),
		ui.Elt("p.meta", fmt.Sprintf(ui.Text.Minutes, data.DurationText(p.plan.Total))),
		ui.El("ol.plan-list", app.Range(r.Items).Slice(func(i int) app.UI {
			e, reps, hold, _ := r.Items[i].Resolve(data.DefaultCatalogue())
			more, stopsID := p.day.AllowsIn(r, i, reps+1), fmt.Sprintf("stops-%d", i)
			why := ""
			if i < len(p.why) {
				why = p.why[i]
			}
			// Where + stops says its reason; the dose's own line goes
			// when it would say the same.
			stops := p.day.Limit(r, i)
			if !more && sameWords(stops.Why, why) {
				why = ""
			}
			return ui.El("li.dose",
				ui.El("div.dose-text",
					ui.Elt("strong", e.Name),
					ui.Eltx("span.muted", " — "+ui.DoseText(e, reps, hold)).ID(fmt.Sprintf("dose-%d", i)),
					app.If(why != "", ui.Linked("span.why.small", why)),
				),
				ui.El("div.stepper",
					ui.Eltx("button.button.small-button", "−").Aria("label", text.Fewer+": "+e.Name).
						Attr("disabled", !p.day.AllowsIn(r, i, reps-1)).OnClick(p.onDose(i, -1)),
					ui.Eltx("button.button.small-button", "+").Aria("label", text.More+": "+e.Name).
						Attr("disabled", !more).Aria("describedby", map[bool]string{false: stopsID}[more]).OnClick(p.onDose(i, 1)),
				),
				// Where + stops, the authority's reason, in one line.
				app.If(!more, ui.Eltx("p.stops.small.muted", stops.Stops()).ID(stopsID)),
			)
		})),
		ui.Elt("p#dose-hint.muted.small", text.DoseHint),
		ui.PainScale("pain-before", text.PainBefore, p.painBefore, p.onPainBefore),
		p.renderToggles(),
		ui.Elt("p#keys-hint.keys-hint.muted.small", text.KeysHint),
		ui.Elt("p.muted.small", data.Disclaimer),
		p.renderStartBar(),
	)
}

// renderToggles shows the cue switches.
func (p *Player) renderToggles() app.UI {
	s := &p.settings
	return ui.El("fieldset.toggles",
		ui.Elt("legend", text.CuesTitle),
		ui.Toggle("cue-voice", text.Voice, s.Voice, func(ctx app.Context, e app.Event) { p.onToggle(ctx, ui.VoiceOn) }),
		ui.Toggle("cue-beeps", text.Beeps, s.Beeps, func(ctx app.Context, e app.Event) { p.onToggle(ctx, ui.BeepsOn) }),
		ui.Toggle("cue-vibration", text.Vibration, s.Vibration, func(ctx app.Context, e app.Event) { p.onToggle(ctx, ui.VibrationOn) }),
		app.If(p.noVibrate, ui.Elt("p#cue-vibration-note.muted.small", ui.Text.NoVibration)),
		ui.Toggle("cue-awake", text.KeepAwake, s.KeepAwake, func(ctx app.Context, e app.Event) { p.onToggle(ctx, ui.KeepAwakeOn) }),
		app.If(p.noVoice, ui.Elt("p.notice", text.NoVoice)),
		app.If(p.storeErr != "", ui.Elt("p.error", p.storeErr)),
	)
}

// renderRunning is the screen during a session, readable from two metres.
func (p *Player) renderRunning() app.UI {
	paused := p.run.Session().Paused()
	// The controls sit below the step, outside it, at the foot of a
	// player one screen high: Pause stays in one place whatever the step
	// says, and a long step scrolls inside its own box.
	return ui.El("main#player.player.running",
		&ui.Prefs{},
		// The notices show above the step (the stylesheet puts them
		// there), short, so the step stays whole: its Next line gives way
		// first. They come after it here so that, as they come and go,
		// the step keeps its elements and the texts written into them.
		ui.El("div.player-body",
			p.stepView,
			app.If(p.notice != "", ui.Elt("p.notice.player-notice", p.notice)),
			app.If(p.storeErr != "", ui.Elt("p.error.player-notice[role=alert]", p.storeErr)),
			app.If(p.noVoice && p.settings.Voice, ui.Elt("p.notice.player-notice.no-voice", text.NoVoiceShort)),
		),
		app.If(p.phase == phaseConfirming, p.renderConfirm()).Else(p.renderControls(paused)),
	)
}

func (p *Player) renderControls(paused bool) app.UI {
	playLabel := text.Pause
	if paused {
		playLabel = text.Resume
	}
	return ui.El("nav.controls",
		ui.Eltx("button#back.button", "← "+text.Back).Aria("label", text.Back).OnClick(p.onBack),
		ui.Eltx("button#pause.button.primary", playLabel).OnClick(p.onPauseResume),
		ui.Eltx("button#skip.button", text.Skip+" →").Aria("label", text.Skip).OnClick(p.onSkip),
		ui.Eltx("button#skip-exercise.button", text.SkipExercise).Aria("keyshortcuts", "Shift+ArrowRight").OnClick(p.onSkipExercise),
		ui.Eltx("button#end.button.quiet", text.Stop).OnClick(p.onEnd),
		ui.Eltx("button#hurt.button", text.Hurt).Attr("aria-keyshortcuts", text.HurtKey).OnClick(p.onHurt),
	)
}

func (p *Player) renderConfirm() app.UI {
	return ui.El("div.confirm[role=alertdialog][aria-labelledby=confirm-end-text]",
		ui.Elt("p#confirm-end-text", text.EndSession),
		ui.El("div.controls",
			ui.Eltx("button#keep-going.button.primary", text.KeepGoing).OnClick(p.onKeepGoing),
			ui.Eltx("button#confirm-end.button", text.ConfirmEnd).OnClick(p.onConfirmEnd),
		),
	)
}

// announcement is what the live region says for a segment: once per
// segment (and on pause), never per second; showStep leaves it out while
// the app's voice says the step.
func announcement(label string, s data.Segment, paused bool) string {
	a := label + ". " + s.Text
	if w := whereText(s); w != "" {
		a += " " + w + "."
	}
	if paused {
		a = text.Paused + ". " + a
	}
	return a
}

// kindLabel names what the segment asks for, in a word or two.
func kindLabel(s data.Segment) string {
	switch {
	case s.Breaths > 0 && s.Inhale:
		return text.KindLabel["in"]
	case s.Breaths > 0:
		return text.KindLabel["out"]
	}
	return text.KindLabel[string(s.Kind)]
}

// whereText says the round, side and breath of a segment.
func whereText(s data.Segment) string {
	var parts []string
	if s.Rep > 0 {
		parts = append(parts, fmt.Sprintf(text.RoundOf, s.Rep, s.Reps))
	}
	if l, ok := sideLabel(s); ok {
		parts = append(parts, l)
	}
	if s.Breaths > 0 {
		parts = append(parts, fmt.Sprintf("Breath %d of %d", s.Breath, s.Breaths))
	}
	return strings.Join(parts, " · ")
}

// renderGate is the safety advice at the top of the ready screen before
// the first session. The server's page, which cannot know, holds it for a
// first visit; the page's head script and the stylesheet hide it at once
// for a person who has read it (app/prefs.js), as the app then draws.
func (p *Player) renderGate() app.UI {
	switch p.phase {
	case phaseGate:
		return &ui.SafetyGate{}
	case phaseLoading:
		return ui.El("div.first-visit-only", &ui.SafetyGate{})
	}
	return nil
}

// renderStartBar keeps Start in reach, in a bar at the foot of the screen
// however long the plan above it: the twice-a-day note, then Start, or
// its place while the person's settings are read or a session offered back
// waits for its lock. There is none while the safety advice or the waiting
// sessions are asked about at the top.
func (p *Player) renderStartBar() app.UI {
	var start app.UI
	switch p.phase {
	case phaseLoading, phaseLocking:
		start = ui.El("div.start-slot[aria-hidden=true]")
	case phaseReady, phaseStarting:
		start = ui.Eltx("button#start.button.primary.huge", ui.Text.Start).OnClick(p.onStart)
	default:
		return nil
	}
	bar := ui.Elx("div#start-bar.start-bar",
		app.If(p.twice.Note != "", ui.Elt("p#twice-a-day.notice.small", p.twice.Note)),
		start,
	)
	if p.phase == phaseLoading {
		bar = bar.Class("returning-only")
	}
	return bar
}

// sameWords reports whether two lines say the same, whatever their case
// and final full stop.
func sameWords(a, b string) bool {
	trim := func(s string) string { return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), ".")) }
	return trim(a) == trim(b)
}
