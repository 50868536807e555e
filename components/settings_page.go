package components

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// SettingsPage lets the person choose how sessions guide them, how the app
// looks, and when to be reminded. Every change is checked and saved at once;
// theme, text size and motion apply at once through the prefsChanged action.
type SettingsPage struct {
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
	voices []voiceOption
	// noVoice is set when Test voice found no voice to speak with.
	noVoice bool
	// noVibrate is set where the browser cannot vibrate.
	noVibrate bool
	// icsErr is why no calendar file could be made; icsDone is set once
	// one was offered.
	icsErr  string
	icsDone bool

	cues           Cues
	now            func() time.Time
	stopVoiceWatch func()
}

// OnMount reads the settings, lists the voices and follows the device's
// voice list, which browsers fill in late.
func (p *SettingsPage) OnMount(ctx app.Context) {
	if p.st == nil {
		p.st = appStorage(ctx)
	}
	if p.cues == nil {
		p.cues = newWebCues()
	}
	p.noVibrate = !p.cues.CanVibrate()
	if p.now == nil {
		p.now = time.Now
	}
	s, err := store.LoadSettings(p.st)
	p.settings, p.loadErr, p.fieldErr = s, errText(err), map[string]string{}
	p.voices = deviceVoices()
	p.stopVoiceWatch = watchVoices(ctx, func(ctx app.Context) { p.voices = deviceVoices() })
}

// OnPreRender shows the defaults in the server's pre-rendered page, which
// is what shows until the app starts.
func (p *SettingsPage) OnPreRender(ctx app.Context) {
	p.settings, p.fieldErr = data.DefaultSettings(), map[string]string{}
}

// OnDismount stops any test sound and lets go of the voice listener.
func (p *SettingsPage) OnDismount() {
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
func (p *SettingsPage) save(ctx app.Context, field string, change func(*data.Settings)) {
	delete(p.fieldErr, field)
	next := p.settings
	change(&next)
	if err := next.Validate(); err != nil {
		p.fieldErr[field], p.status = capitalise(err.Error())+".", ""
		return
	}
	saved, err := store.UpdateSettings(p.st, change)
	if err != nil {
		p.saveErr, p.status = capitalise(err.Error())+".", ""
		return
	}
	p.settings, p.saveErr, p.status = saved, "", pageText.Saved
	ctx.NewActionWithValue(prefsChanged, saved)
}

// flip returns an event handler that turns one switch over and saves.
func (p *SettingsPage) flip(id string, field func(*data.Settings) *bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		// The switch turns to the opposite of what the person sees.
		on := !*field(&p.settings)
		p.save(ctx, id, func(s *data.Settings) { *field(s) = on })
	}
}

// seconds returns an event handler for a number input of whole seconds
// between lo and hi.
func (p *SettingsPage) seconds(id string, lo, hi int, field func(*data.Settings) *int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.setSeconds(ctx, id, lo, hi, field, inputValue(ctx)) }
}

// setSeconds saves the whole number of seconds typed in the field id.
func (p *SettingsPage) setSeconds(ctx app.Context, id string, lo, hi int, field func(*data.Settings) *int, typed string) {
	n, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil || n < lo || n > hi {
		p.fieldErr[id], p.status = fmt.Sprintf(pageText.NumberRange, lo, hi), ""
		return
	}
	p.save(ctx, id, func(s *data.Settings) { *field(s) = n })
}

func (p *SettingsPage) onVoice(ctx app.Context, e app.Event) { p.setVoice(ctx, inputValue(ctx)) }

// setVoice saves the chosen voice, "" for automatic.
func (p *SettingsPage) setVoice(ctx app.Context, uri string) {
	p.save(ctx, "voice-name", func(s *data.Settings) { s.VoiceName = uri })
}

func (p *SettingsPage) onRate(ctx app.Context, e app.Event) { p.setRate(ctx, inputValue(ctx)) }

// setRate saves the speaking speed the slider gives.
func (p *SettingsPage) setRate(ctx app.Context, typed string) {
	v, err := strconv.ParseFloat(typed, 64)
	if err != nil {
		return
	}
	p.save(ctx, "voice-rate", func(s *data.Settings) { s.VoiceRate = math.Round(v*100) / 100 })
}

func (p *SettingsPage) onVolume(ctx app.Context, e app.Event) { p.setVolume(ctx, inputValue(ctx)) }

// setVolume saves the beep volume the slider gives, in percent.
func (p *SettingsPage) setVolume(ctx app.Context, typed string) {
	n, err := strconv.Atoi(typed)
	if err != nil {
		return
	}
	p.save(ctx, "beep-volume", func(s *data.Settings) { s.BeepVolume = n })
}

func (p *SettingsPage) onTheme(theme string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.save(ctx, "theme", func(s *data.Settings) { s.Theme = theme })
	}
}

func (p *SettingsPage) onReminder(id string, field func(*data.Settings) *string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { p.setReminder(ctx, id, field, inputValue(ctx)) }
}

// setReminder saves a reminder time, "" for none.
func (p *SettingsPage) setReminder(ctx app.Context, id string, field func(*data.Settings) *string, typed string) {
	p.icsDone = false
	p.save(ctx, id, func(s *data.Settings) { *field(s) = typed })
}

// onTestVoice speaks a sample with the chosen voice and speed. It runs in
// the click, where browsers allow speech and sound to start.
func (p *SettingsPage) onTestVoice(ctx app.Context, e app.Event) {
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	// A second tap tries the new speed now, not after the first sample.
	p.cues.Hush()
	p.noVoice = !p.cues.Say(pageText.VoiceSample)
}

// onTestBeep sounds the hold tone at the chosen volume.
func (p *SettingsPage) onTestBeep(ctx app.Context, e app.Event) {
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.cues.Beep(data.ToneHold)
}

// onDownload offers the reminders as a calendar file.
func (p *SettingsPage) onDownload(ctx app.Context, e app.Event) {
	r := data.Reminders{Morning: p.settings.MorningReminder, Evening: p.settings.EveningReminder}
	appURL := appOrigin()
	if appURL != "" {
		appURL += "/"
	}
	ics, err := data.ReminderICS(r, p.now(), appURL)
	if err == nil {
		err = saveFile(pageText.ICSName, "text/calendar", ics)
	}
	p.icsErr, p.icsDone = "", err == nil
	if err != nil {
		p.icsErr = capitalise(err.Error()) + "."
	}
}

// Render shows the settings in four groups.
func (p *SettingsPage) Render() app.UI {
	return page("settings",
		elt("h1", pageText.SettingsTitle),
		elt("p.lead", pageText.SettingsLead),
		app.If(p.loadErr != "", elt("p#settings-load-error.error", p.loadErr)),
		app.If(p.saveErr != "", elt("p#settings-save-error.error[role=alert]", p.saveErr)),
		p.renderGuidance(),
		p.renderPacing(),
		p.renderAppearance(),
		p.renderReminders(),
		elt("p#settings-status.sr-only[aria-live=polite]", p.status),
	)
}

func (p *SettingsPage) renderGuidance() app.UI {
	s := p.settings
	return el("section.settings-group[aria-labelledby=guidance-title]",
		elt("h2#guidance-title", pageText.GuidanceTitle),
		toggle("set-voice", pageText.VoiceOn, s.Voice, p.flip("set-voice", voiceOn)),
		p.renderVoiceChoice(),
		p.rangeField("voice-rate", pageText.VoiceSpeed, data.MinVoiceRate, data.MaxVoiceRate, 0.05, s.VoiceRate,
			fmt.Sprintf("%.2f×", s.VoiceRate), p.onRate),
		eltx("button#test-voice.button", pageText.TestVoice).OnClick(p.onTestVoice),
		app.If(p.noVoice, elt("p#no-voice.notice[role=status]", pageText.NoVoiceToTest)),
		toggle("set-beeps", pageText.BeepsOn, s.Beeps, p.flip("set-beeps", beepsOn)),
		p.rangeField("beep-volume", pageText.BeepVolume, data.MinBeepVolume, data.MaxBeepVolume, 10, float64(s.BeepVolume),
			fmt.Sprintf("%d%%", s.BeepVolume), p.onVolume),
		eltx("button#test-beep.button", pageText.TestBeep).OnClick(p.onTestBeep),
		toggle("set-vibration", pageText.VibrationOn, s.Vibration, p.flip("set-vibration", vibrationOn)),
		app.If(p.noVibrate, elt("p#set-vibration-note.muted.small", text.NoVibration)),
		toggle("set-awake", pageText.KeepAwakeOn, s.KeepAwake, p.flip("set-awake", keepAwakeOn)),
		toggle("set-badge", installText.BadgeOn, s.Badge, p.flip("set-badge", badgeOn)),
		elt("p#set-badge-hint.muted.small.hint", installText.BadgeHint),
	)
}

// renderVoiceChoice is the list of the device's voices.
func (p *SettingsPage) renderVoiceChoice() app.UI {
	chosen := p.settings.VoiceName
	known := chosen == ""
	for _, v := range p.voices {
		known = known || v.URI == chosen
	}
	return el("div.field",
		elt("label[for=voice-name]", pageText.WhichVoice),
		elx("select#voice-name.input",
			eltx("option[value=]", pageText.AutoVoice).Attr("selected", chosen == ""),
			// A voice chosen on another device stays chosen until
			// the person picks another.
			app.If(!known, eltx("option", chosen).Attr("value", chosen).Attr("selected", true)),
			app.Range(p.voices).Slice(func(i int) app.UI {
				v := p.voices[i]
				return eltx("option", v.Label).Attr("value", v.URI).Attr("selected", v.URI == chosen)
			}),
		).Attr("disabled", !p.settings.Voice).OnChange(p.onVoice),
		app.If(len(p.voices) == 0, elt("p#no-voices.muted.small", pageText.NoVoices)),
	)
}

func (p *SettingsPage) renderPacing() app.UI {
	s := p.settings
	return el("section.settings-group[aria-labelledby=pacing-title]",
		elt("h2#pacing-title", pageText.PacingTitle),
		p.secondsField("get-ready", pageText.GetReady, data.MinGetReadySeconds, data.MaxGetReadySeconds, s.GetReadySeconds,
			func(s *data.Settings) *int { return &s.GetReadySeconds }),
		p.secondsField("rest", pageText.RestBetween, data.MinRestSeconds, data.MaxRestSeconds, s.RestSeconds,
			func(s *data.Settings) *int { return &s.RestSeconds }),
	)
}

// secondsField is a labelled number input of whole seconds, with its error.
func (p *SettingsPage) secondsField(id, label string, lo, hi, value int, field func(*data.Settings) *int) app.UI {
	msg := p.fieldErr[id]
	hint := id + "-hint"
	return el("div.field",
		eltx("label", label).Attr("for", id),
		el("div.number-row",
			void("input.input.number[type=number][inputmode=numeric][step=1]").ID(id).
				Attr("min", lo).Attr("max", hi).Attr("value", value).Aria("describedby", hint).Aria("invalid", msg != "").
				OnChange(p.seconds(id, lo, hi, field)),
			elt("span.unit", pageText.SecondsUnit),
		),
		eltx("p.muted.small.hint", fmt.Sprintf("%d–%d", lo, hi)).ID(hint),
		app.If(msg != "", eltx("p.error.field-error[role=alert]", msg).ID(id+"-error")),
	)
}

func (p *SettingsPage) renderAppearance() app.UI {
	s := p.settings
	themes := []string{data.ThemeSystem, data.ThemeLight, data.ThemeDark}
	return el("section.settings-group[aria-labelledby=appearance-title]",
		elt("h2#appearance-title", pageText.AppearanceTitle),
		el("fieldset.choices",
			elt("legend", pageText.Theme),
			app.Range(themes).Slice(func(i int) app.UI {
				id := "theme-" + themes[i]
				return elx("label.toggle",
					void("input[type=radio][name=theme]").ID(id).Attr("value", themes[i]).
						Attr("checked", s.Theme == themes[i]).OnChange(p.onTheme(themes[i])),
					elt("span", pageText.ThemeLabel[themes[i]]),
				).Attr("for", id)
			}),
		),
		toggle("set-large-text", pageText.LargerText, s.LargeText, p.flip("set-large-text", func(s *data.Settings) *bool { return &s.LargeText })),
		toggle("set-reduce-motion", pageText.ReduceMotion, s.ReduceMotion, p.flip("set-reduce-motion", func(s *data.Settings) *bool { return &s.ReduceMotion })),
	)
}

func (p *SettingsPage) renderReminders() app.UI {
	s := p.settings
	return el("section.settings-group[aria-labelledby=reminders-title]",
		elt("h2#reminders-title", pageText.RemindersTitle),
		elt("p.muted", pageText.RemindersLead),
		p.timeField("morning-reminder", pageText.MorningAt, s.MorningReminder, func(s *data.Settings) *string { return &s.MorningReminder }),
		p.timeField("evening-reminder", pageText.EveningAt, s.EveningReminder, func(s *data.Settings) *string { return &s.EveningReminder }),
		eltx("button#download-ics.button.primary", pageText.DownloadICS).OnClick(p.onDownload),
		app.If(p.icsErr != "", elt("p#ics-error.error[role=alert]", p.icsErr)),
		app.If(p.icsDone, elt("p#ics-done.notice[role=status]", pageText.ICSReady)),
		elt("p#import-help.small", pageText.ImportHelp),
	)
}

// timeField is a labelled time input with its error.
func (p *SettingsPage) timeField(id, label, value string, field func(*data.Settings) *string) app.UI {
	msg := p.fieldErr[id]
	return el("div.field",
		eltx("label", label).Attr("for", id),
		void("input.input.time[type=time]").ID(id).Attr("value", value).Aria("invalid", msg != "").
			OnChange(p.onReminder(id, field)),
		app.If(msg != "", eltx("p.error.field-error[role=alert]", msg).ID(id+"-error")),
	)
}

// rangeField is a labelled slider that shows its value and saves when let
// go.
func (p *SettingsPage) rangeField(id, label string, lo, hi, step, value float64, shown string, h app.EventHandler) app.UI {
	msg := p.fieldErr[id]
	return el("div.field",
		elx("label",
			app.Text(label+" "),
			eltx("span.range-value", shown).ID(id+"-value"),
		).Attr("for", id),
		void("input.range[type=range]").ID(id).Attr("min", lo).Attr("max", hi).Attr("step", step).Attr("value", value).
			Aria("valuetext", shown).Aria("invalid", msg != "").OnChange(h),
		app.If(msg != "", eltx("p.error.field-error[role=alert]", msg).ID(id+"-error")),
	)
}
