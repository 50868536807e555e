package settings

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// Page lets the person choose how sessions guide them, how the app
// looks, and when to be reminded. Every change is checked and saved at once;
// theme, text size and motion apply at once through the prefsChanged action.
type Page struct {
	app.Compo

	st       store.Storage
	settings data.Settings
	// loadErr is why the stored settings were not used; saveErr the last
	// failure to save; fieldErr the last refused value, by control id.
	loadErr, saveErr string
	fieldErr         map[string]string
	// status is announced politely after each change.
	status string
	// voices are the device's voices, English ones first.
	voices []webapi.VoiceOption
	// noVoice is set when Test voice found no voice to speak with.
	noVoice bool
	// noVibrate is set where the browser cannot vibrate.
	noVibrate bool
	// icsErr is why no calendar file could be made; icsDone is set once
	// one was offered.
	icsErr  string
	icsDone bool

	cues           webapi.Cues
	now            func() time.Time
	stopVoiceWatch func()
}

// OnMount reads the settings, lists the voices and follows the device's
// voice list, which browsers fill in late.
func (p *Page) OnMount(ctx app.Context) {
	if p.st == nil {
		p.st = webapi.AppStorage(ctx)
	}
	if p.cues == nil {
		p.cues = webapi.NewWebCues()
	}
	p.noVibrate = !p.cues.CanVibrate()
	if p.now == nil {
		p.now = time.Now
	}
	s, err := store.LoadSettings(p.st)
	p.settings, p.loadErr, p.fieldErr = s, ui.ErrText(err), map[string]string{}
	p.voices = webapi.DeviceVoices()
	p.stopVoiceWatch = webapi.WatchVoices(ctx, func(ctx app.Context) { p.voices = webapi.DeviceVoices() })
}

// OnPreRender shows the defaults in the server's pre-rendered page, which
// is what shows until the app starts.
func (p *Page) OnPreRender(ctx app.Context) {
	p.settings, p.fieldErr = data.DefaultSettings(), map[string]string{}
}

// OnDismount stops any test sound and lets go of the voice listener.
func (p *Page) OnDismount() {
	if p.stopVoiceWatch != nil {
		p.stopVoiceWatch()
		p.stopVoiceWatch = nil
	}
	if p.cues != nil {
		p.cues.Close()
		p.cues = nil
	}
}

// save makes change to the settings, checks it, saves it and applies the
// look at once. A refused value is reported next to the control with id
// field; the settings stay as they were. The change is made to the settings
// as stored, so what another tab changed meanwhile is kept.
func (p *Page) save(ctx app.Context, field string, change func(*data.Settings)) {
	delete(p.fieldErr, field)
	next := p.settings
	change(&next)
	if err := next.Validate(); err != nil {
		p.fieldErr[field], p.status = ui.Capitalise(err.Error())+".", ""
		return
	}
	saved, err := store.UpdateSettings(p.st, change)
	if err != nil {
		p.saveErr, p.status = ui.Capitalise(err.Error())+".", ""
		return
	}
	p.settings, p.saveErr, p.status = saved, "", text.Saved
	ctx.NewActionWithValue(ui.PrefsChanged, saved)
}

// flip returns an event handler that turns one switch over and saves.
func (p *Page) flip(id string, field func(*data.Settings) *bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		// The switch turns to the opposite of what the person sees.
		on := !*field(&p.settings)
		p.save(ctx, id, func(s *data.Settings) { *field(s) = on })
	}
}

// seconds returns an event handler for a number input of whole seconds
// between lo and hi.
func (p *Page) seconds(id string, lo, hi int, field func(*data.Settings) *int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.setSeconds(ctx, id, lo, hi, field, ui.InputValue(ctx)) }
}

// setSeconds saves the whole number of seconds typed in the field id.
func (p *Page) setSeconds(ctx app.Context, id string, lo, hi int, field func(*data.Settings) *int, typed string) {
	n, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil || n < lo || n > hi {
		p.fieldErr[id], p.status = fmt.Sprintf(text.NumberRange, lo, hi), ""
		return
	}
	p.save(ctx, id, func(s *data.Settings) { *field(s) = n })
}

func (p *Page) onVoice(ctx app.Context, e app.Event) { p.setVoice(ctx, ui.InputValue(ctx)) }

// setVoice saves the chosen voice, "" for automatic.
func (p *Page) setVoice(ctx app.Context, uri string) {
	p.save(ctx, "voice-name", func(s *data.Settings) { s.VoiceName = uri })
}

func (p *Page) onRate(ctx app.Context, e app.Event) { p.setRate(ctx, ui.InputValue(ctx)) }

// setRate saves the speaking speed the slider gives.
func (p *Page) setRate(ctx app.Context, typed string) {
	v, err := strconv.ParseFloat(typed, 64)
	if err != nil {
		return
	}
	p.save(ctx, "voice-rate", func(s *data.Settings) { s.VoiceRate = math.Round(v*100) / 100 })
}

func (p *Page) onVolume(ctx app.Context, e app.Event) { p.setVolume(ctx, ui.InputValue(ctx)) }

// setVolume saves the beep volume the slider gives, in percent.
func (p *Page) setVolume(ctx app.Context, typed string) {
	n, err := strconv.Atoi(typed)
	if err != nil {
		return
	}
	p.save(ctx, "beep-volume", func(s *data.Settings) { s.BeepVolume = n })
}

func (p *Page) onTheme(theme string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.save(ctx, "theme", func(s *data.Settings) { s.Theme = theme })
	}
}

func (p *Page) onReminder(id string, field func(*data.Settings) *string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.setReminder(ctx, id, field, ui.InputValue(ctx)) }
}

// setReminder saves a reminder time, "" for none.
func (p *Page) setReminder(ctx app.Context, id string, field func(*data.Settings) *string, typed string) {
	p.icsDone = false
	p.save(ctx, id, func(s *data.Settings) { *field(s) = typed })
}

// onTestVoice speaks a sample with the chosen voice and speed. It runs in
// the click, where browsers allow speech and sound to start.
func (p *Page) onTestVoice(ctx app.Context, e app.Event) {
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	// A second tap tries the new speed now, not after the first sample.
	p.cues.Hush()
	p.noVoice = !p.cues.Say(text.VoiceSample)
}

// onTestBeep sounds the hold tone at the chosen volume.
func (p *Page) onTestBeep(ctx app.Context, e app.Event) {
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.cues.Beep(data.ToneHold)
}

// onDownload offers the reminders as a calendar file.
func (p *Page) onDownload(ctx app.Context, e app.Event) {
	r := data.Reminders{Morning: p.settings.MorningReminder, Evening: p.settings.EveningReminder}
	appURL := webapi.AppOrigin()
	if appURL != "" {
		appURL += "/"
	}
	ics, err := data.ReminderICS(r, p.now(), appURL)
	if err == nil {
		err = webapi.SaveFile(text.ICSName, "text/calendar", ics)
	}
	p.icsErr, p.icsDone = "", err == nil
	if err != nil {
		p.icsErr = ui.Capitalise(err.Error()) + "."
	}
}

// Render shows the settings in four groups.
func (p *Page) Render() app.UI {
	return ui.Page("settings",
		ui.Elt("h1", ui.Text.SettingsTitle),
		ui.Elt("p.lead", text.SettingsLead),
		app.If(p.loadErr != "", ui.Elt("p#settings-load-error.error", p.loadErr)),
		app.If(p.saveErr != "", ui.Elt("p#settings-save-error.error[role=alert]", p.saveErr)),
		p.renderGuidance(),
		p.renderPacing(),
		p.renderAppearance(),
		p.renderReminders(),
		ui.Elt("p#settings-status.sr-only[aria-live=polite]", p.status),
	)
}

func (p *Page) renderGuidance() app.UI {
	s := p.settings
	return ui.El("section.settings-group[aria-labelledby=guidance-title]",
		ui.Elt("h2#guidance-title", text.GuidanceTitle),
		ui.Toggle("set-voice", text.VoiceOn, s.Voice, p.flip("set-voice", ui.VoiceOn)),
		p.renderVoiceChoice(),
		p.rangeField("voice-rate", text.VoiceSpeed, data.MinVoiceRate, data.MaxVoiceRate, 0.05, s.VoiceRate,
			fmt.Sprintf("%.2f×", s.VoiceRate), p.onRate),
		ui.Eltx("button#test-voice.button", text.TestVoice).OnClick(p.onTestVoice),
		ui.Toggle("set-full", text.FullOn, s.FullInstructions, p.flip("set-full", ui.FullInstructionsOn)),
		ui.Elt("p#set-full-hint.muted.small.hint", text.FullHint),
		app.If(p.noVoice, ui.Elt("p#no-voice.notice[role=status]", text.NoVoiceToTest)),
		ui.Toggle("set-beeps", text.BeepsOn, s.Beeps, p.flip("set-beeps", ui.BeepsOn)),
		p.rangeField("beep-volume", text.BeepVolume, data.MinBeepVolume, data.MaxBeepVolume, 10, float64(s.BeepVolume),
			fmt.Sprintf("%d%%", s.BeepVolume), p.onVolume),
		ui.Eltx("button#test-beep.button", text.TestBeep).OnClick(p.onTestBeep),
		ui.Toggle("set-vibration", text.VibrationOn, s.Vibration, p.flip("set-vibration", ui.VibrationOn)),
		app.If(p.noVibrate, ui.Elt("p#set-vibration-note.muted.small", ui.Text.NoVibration)),
		ui.Toggle("set-awake", text.KeepAwakeOn, s.KeepAwake, p.flip("set-awake", ui.KeepAwakeOn)),
		ui.Toggle("set-badge", text.BadgeOn, s.Badge, p.flip("set-badge", ui.BadgeOn)),
		ui.Elt("p#set-badge-hint.muted.small.hint", text.BadgeHint),
	)
}

// renderVoiceChoice is the list of the device's voices.
func (p *Page) renderVoiceChoice() app.UI {
	chosen := p.settings.VoiceName
	known := chosen == ""
	for _, v := range p.voices {
		known = known || v.URI == chosen
	}
	return ui.El("div.field",
		ui.Elt("label[for=voice-name]", text.WhichVoice),
		ui.Elx("select#voice-name.input",
			ui.Eltx("option[value=]", text.AutoVoice).Attr("selected", chosen == ""),
			// A voice chosen on another device stays chosen until
			// the person picks another.
			app.If(!known, ui.Eltx("option", chosen).Attr("value", chosen).Attr("selected", true)),
			app.Range(p.voices).Slice(func(i int) app.UI {
				v := p.voices[i]
				return ui.Eltx("option", v.Label).Attr("value", v.URI).Attr("selected", v.URI == chosen)
			}),
		).Attr("disabled", !p.settings.Voice).Aria("describedby", "voice-chosen").OnChange(p.onVoice),
		// A closed menu shows as much of the name as its width allows:
		// the whole of it is said here, where it wraps.
		ui.Elt("p#voice-chosen.muted.small", p.chosenVoice()),
		app.If(len(p.voices) == 0, ui.Elt("p#no-voices.muted.small", text.NoVoices)),
	)
}

// chosenVoice says which voice speaks, in full.
func (p *Page) chosenVoice() string {
	chosen := p.settings.VoiceName
	if chosen == "" {
		return text.AutoVoiceHint
	}
	for _, v := range p.voices {
		if v.URI == chosen {
			return fmt.Sprintf(text.ChosenVoice, v.Label)
		}
	}
	return fmt.Sprintf(text.ChosenVoice, chosen)
}

func (p *Page) renderPacing() app.UI {
	s := p.settings
	return ui.El("section.settings-group[aria-labelledby=pacing-title]",
		ui.Elt("h2#pacing-title", text.PacingTitle),
		p.secondsField("get-ready", text.GetReady, data.MinGetReadySeconds, data.MaxGetReadySeconds, s.GetReadySeconds,
			func(s *data.Settings) *int { return &s.GetReadySeconds }),
		p.secondsField("rest", text.RestBetween, data.MinRestSeconds, data.MaxRestSeconds, s.RestSeconds,
			func(s *data.Settings) *int { return &s.RestSeconds }),
	)
}

// secondsField is a labelled number input of whole seconds, with its error.
func (p *Page) secondsField(id, label string, lo, hi, value int, field func(*data.Settings) *int) app.UI {
	msg := p.fieldErr[id]
	hint := id + "-hint"
	return ui.El("div.field",
		ui.Eltx("label", label).Attr("for", id),
		ui.El("div.number-row",
			ui.Void("input.input.number[type=number][inputmode=numeric][step=1]").ID(id).
				Attr("min", lo).Attr("max", hi).Attr("value", value).Aria("describedby", hint).Aria("invalid", msg != "").
				OnChange(p.seconds(id, lo, hi, field)),
			ui.Elt("span.unit", text.SecondsUnit),
		),
		ui.Eltx("p.muted.small.hint", fmt.Sprintf("%d–%d", lo, hi)).ID(hint),
		app.If(msg != "", ui.Eltx("p.error.field-error[role=alert]", msg).ID(id+"-error")),
	)
}

func (p *Page) renderAppearance() app.UI {
	s := p.settings
	themes := []string{data.ThemeSystem, data.ThemeLight, data.ThemeDark}
	return ui.El("section.settings-group[aria-labelledby=appearance-title]",
		ui.Elt("h2#appearance-title", text.AppearanceTitle),
		ui.El("fieldset.choices",
			ui.Elt("legend", text.Theme),
			app.Range(themes).Slice(func(i int) app.UI {
				id := "theme-" + themes[i]
				return ui.Elx("label.toggle",
					ui.Void("input[type=radio][name=theme]").ID(id).Attr("value", themes[i]).
						Attr("checked", s.Theme == themes[i]).OnChange(p.onTheme(themes[i])),
					ui.Elt("span", text.ThemeLabel[themes[i]]),
				).Attr("for", id)
			}),
		),
		ui.Toggle("set-large-text", text.LargerText, s.LargeText, p.flip("set-large-text", func(s *data.Settings) *bool { return &s.LargeText })),
		ui.Toggle("set-reduce-motion", text.ReduceMotion, s.ReduceMotion, p.flip("set-reduce-motion", func(s *data.Settings) *bool { return &s.ReduceMotion })),
	)
}

func (p *Page) renderReminders() app.UI {
	s := p.settings
	return ui.El("section.settings-group[aria-labelledby=reminders-title]",
		ui.Elt("h2#reminders-title", text.RemindersTitle),
		ui.Elt("p.muted", text.RemindersLead),
		p.timeField("morning-reminder", text.MorningAt, s.MorningReminder, func(s *data.Settings) *string { return &s.MorningReminder }),
		p.timeField("evening-reminder", text.EveningAt, s.EveningReminder, func(s *data.Settings) *string { return &s.EveningReminder }),
		ui.Eltx("button#download-ics.button.primary", text.DownloadICS).OnClick(p.onDownload),
		app.If(p.icsErr != "", ui.Elt("p#ics-error.error[role=alert]", p.icsErr)),
		app.If(p.icsDone, ui.Elt("p#ics-done.notice[role=status]", text.ICSReady)),
		ui.Elt("p#import-help.small", text.ImportHelp),
	)
}

// timeField is a labelled time input with its error.
func (p *Page) timeField(id, label, value string, field func(*data.Settings) *string) app.UI {
	msg := p.fieldErr[id]
	return ui.El("div.field",
		ui.Eltx("label", label).Attr("for", id),
		ui.Void("input.input.time[type=time]").ID(id).Attr("value", value).Aria("invalid", msg != "").
			OnChange(p.onReminder(id, field)),
		app.If(msg != "", ui.Eltx("p.error.field-error[role=alert]", msg).ID(id+"-error")),
	)
}

// rangeField is a labelled slider that shows its value and saves when let
// go.
func (p *Page) rangeField(id, label string, lo, hi, step, value float64, shown string, h app.EventHandler) app.UI {
	msg := p.fieldErr[id]
	return ui.El("div.field",
		ui.Elx("label",
			app.Text(label+" "),
			ui.Eltx("span.range-value", shown).ID(id+"-value"),
		).Attr("for", id),
		ui.Void("input.range[type=range]").ID(id).Attr("min", lo).Attr("max", hi).Attr("step", step).Attr("value", value).
			Aria("valuetext", shown).Aria("invalid", msg != "").OnChange(h),
		app.If(msg != "", ui.Eltx("p.error.field-error[role=alert]", msg).ID(id+"-error")),
	)
}
