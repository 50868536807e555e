package settings

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// settingsRig mounts a Page on st with recorded cues.
func settingsRig(tb testing.TB, st store.Storage) (*uitest.CompoRig, *Page, *uitest.RecordedCues) {
	tb.Helper()
	cues := &uitest.RecordedCues{}
	p := &Page{st: st, cues: cues, now: func() time.Time { return time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC) }}
	return uitest.NewCompoRig(tb, p, "/settings"), p, cues
}

func TestSettingsPageLabelsEveryControl(t *testing.T) {
	r, _, _ := settingsRig(t, &store.MemoryStorage{})
	html := r.HTML()
	for _, id := range []string{
		"set-voice", "voice-name", "voice-rate", "set-full", "set-beeps", "beep-volume", "set-vibration", "set-awake",
		"get-ready", "rest", "theme-system", "theme-light", "theme-dark", "set-large-text", "set-reduce-motion",
		"morning-reminder", "evening-reminder",
	} {
		uitest.MustContain(t, html, `id="`+id+`"`, `for="`+id+`"`)
	}
	uitest.MustContain(t, html, `id="test-voice"`, `id="test-beep"`, `id="download-ics"`, text.ImportHelp,
		`type="time"`, `type="range"`, `min="3"`, `max="60"`, `max="120"`, `value="07:30"`, `value="19:30"`)
	for _, where := range []string{"Android", "iPhone", "computer"} {
		uitest.MustContain(t, text.ImportHelp, where)
	}
}

func TestSettingsPageSavesEveryChangeAtOnce(t *testing.T) {
	tests := []struct {
		scenario string
		change   func(p *Page, ctx app.Context)
		want     func(*data.Settings)
	}{
		{"voice off", func(p *Page, ctx app.Context) {
			p.flip("set-voice", func(s *data.Settings) *bool { return &s.Voice })(ctx, app.Event{})
		}, func(s *data.Settings) { s.Voice = false }},
		{"which voice", func(p *Page, ctx app.Context) { p.setVoice(ctx, "test-voice") },
			func(s *data.Settings) { s.VoiceName = "test-voice" }},
		{"speed", func(p *Page, ctx app.Context) { p.setRate(ctx, "1.2500001") },
			func(s *data.Settings) { s.VoiceRate = 1.25 }},
		{"whole instruction every round", func(p *Page, ctx app.Context) {
			p.flip("set-full", ui.FullInstructionsOn)(ctx, app.Event{})
		}, func(s *data.Settings) { s.FullInstructions = true }},
		{"beeps off", func(p *Page, ctx app.Context) {
			p.flip("set-beeps", func(s *data.Settings) *bool { return &s.Beeps })(ctx, app.Event{})
		}, func(s *data.Settings) { s.Beeps = false }},
		{"volume", func(p *Page, ctx app.Context) { p.setVolume(ctx, "40") },
			func(s *data.Settings) { s.BeepVolume = 40 }},
		{"get ready", func(p *Page, ctx app.Context) {
			p.setSeconds(ctx, "get-ready", 3, 60, func(s *data.Settings) *int { return &s.GetReadySeconds }, " 20 ")
		}, func(s *data.Settings) { s.GetReadySeconds = 20 }},
		{"no rest", func(p *Page, ctx app.Context) {
			p.setSeconds(ctx, "rest", 0, 120, func(s *data.Settings) *int { return &s.RestSeconds }, "0")
		}, func(s *data.Settings) { s.RestSeconds = 0 }},
		{"dark theme", func(p *Page, ctx app.Context) { p.onTheme(data.ThemeDark)(ctx, app.Event{}) },
			func(s *data.Settings) { s.Theme = data.ThemeDark }},
		{"larger text", func(p *Page, ctx app.Context) {
			p.flip("set-large-text", func(s *data.Settings) *bool { return &s.LargeText })(ctx, app.Event{})
		}, func(s *data.Settings) { s.LargeText = true }},
		{"morning reminder", func(p *Page, ctx app.Context) {
			p.setReminder(ctx, "morning-reminder", func(s *data.Settings) *string { return &s.MorningReminder }, "06:45")
		}, func(s *data.Settings) { s.MorningReminder = "06:45" }},
		{"no evening reminder", func(p *Page, ctx app.Context) {
			p.setReminder(ctx, "evening-reminder", func(s *data.Settings) *string { return &s.EveningReminder }, "")
		}, func(s *data.Settings) { s.EveningReminder = "" }},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			r, p, _ := settingsRig(t, st)
			looks := r.Catch(ui.PrefsChanged)
			r.Do(func(ctx app.Context) { tt.change(p, ctx) })
			want := data.DefaultSettings()
			tt.want(&want)
			if got := uitest.Stored(t, st); !reflect.DeepEqual(got, want) {
				t.Errorf("saved %+v, want %+v", got, want)
			}
			if len(looks.Values) != 1 || !reflect.DeepEqual(looks.Values[0], want) {
				t.Errorf("prefs-changed fired with %v, want once with the new settings", looks.Values)
			}
			uitest.MustContain(t, r.HTML(), text.Saved)
		})
	}
}

func TestSettingsPageRefusesValuesOutOfRange(t *testing.T) {
	getReady := func(s *data.Settings) *int { return &s.GetReadySeconds }
	rest := func(s *data.Settings) *int { return &s.RestSeconds }
	tests := []struct {
		scenario, id string
		change       func(p *Page, ctx app.Context)
		want         string
	}{
		{"get ready too short", "get-ready", func(p *Page, ctx app.Context) { p.setSeconds(ctx, "get-ready", 3, 60, getReady, "2") },
			"Enter a whole number of seconds from 3 to 60."},
		{"get ready too long", "get-ready", func(p *Page, ctx app.Context) { p.setSeconds(ctx, "get-ready", 3, 60, getReady, "61") },
			"Enter a whole number of seconds from 3 to 60."},
		{"rest not a number", "rest", func(p *Page, ctx app.Context) { p.setSeconds(ctx, "rest", 0, 120, rest, "1.5") },
			"Enter a whole number of seconds from 0 to 120."},
		{"rest too long", "rest", func(p *Page, ctx app.Context) { p.setSeconds(ctx, "rest", 0, 120, rest, "121") },
			"Enter a whole number of seconds from 0 to 120."},
		{"volume too low", "beep-volume", func(p *Page, ctx app.Context) { p.setVolume(ctx, "5") },
			"The beep volume must be between 10% and 100%, not 5%."},
		{"bad time", "morning-reminder", func(p *Page, ctx app.Context) {
			p.setReminder(ctx, "morning-reminder", func(s *data.Settings) *string { return &s.MorningReminder }, "25:00")
		}, `The morning reminder "25:00" is not a time like 07:30.`},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			r, p, _ := settingsRig(t, st)
			r.Do(func(ctx app.Context) { tt.change(p, ctx) })
			if got := p.fieldErr[tt.id]; got != tt.want {
				t.Errorf("message %q, want %q", got, tt.want)
			}
			html := r.HTML()
			uitest.MustContain(t, html, `id="`+tt.id+`-error"`)
			if !strings.Contains(html, "aria-invalid ") && !strings.Contains(html, "aria-invalid>") {
				t.Error("no field is marked aria-invalid")
			}
			if _, ok := st.GetRaw(store.SettingsKey); ok {
				t.Error("a refused value was saved")
			}
		})
	}
}

func TestSettingsPageReportsSettingsItCannotSave(t *testing.T) {
	st := &store.MemoryStorage{}
	if err := st.SetRaw(store.SettingsKey, `{"schema":9,"theme":"dark"}`); err != nil {
		t.Fatal(err)
	}
	r, p, _ := settingsRig(t, st)
	uitest.MustContain(t, r.HTML(), `id="settings-load-error"`, "newer version of Unknot")
	r.Do(func(ctx app.Context) { p.onTheme(data.ThemeLight)(ctx, app.Event{}) })
	uitest.MustContain(t, r.HTML(), `id="settings-save-error"`, "left as they are")
	if raw, _ := st.GetRaw(store.SettingsKey); raw != `{"schema":9,"theme":"dark"}` {
		t.Errorf("newer settings overwritten with %s", raw)
	}
}

func TestSettingsPageTestsVoiceAndBeep(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p, cues := settingsRig(t, st)
	r.Do(func(ctx app.Context) { p.setRate(ctx, "1.5") })
	r.Click(p.onTestVoice)
	if got := cues.Said(); len(got) != 1 || got[0] != text.VoiceSample {
		t.Errorf("said %q, want the sample", got)
	}
	if cues.Count("configure rate 1.5") == 0 || cues.Count("unlock") == 0 {
		t.Errorf("events %q: want the chosen rate configured and audio unlocked", cues.Events)
	}
	r.Click(p.onTestBeep)
	if cues.Count("beep") != 1 {
		t.Errorf("events %q: want one beep", cues.Events)
	}
	cues.NoVoice = true
	r.Click(p.onTestVoice)
	uitest.MustContain(t, r.HTML(), `id="no-voice"`, text.NoVoiceToTest)
}

func TestSettingsPageCalendarFileErrors(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p, _ := settingsRig(t, st)
	for _, f := range []func(*data.Settings) *string{
		func(s *data.Settings) *string { return &s.MorningReminder },
		func(s *data.Settings) *string { return &s.EveningReminder },
	} {
		r.Do(func(ctx app.Context) { p.setReminder(ctx, "r", f, "") })
	}
	r.Click(p.onDownload)
	uitest.MustContain(t, r.HTML(), `id="ics-error"`, "Choose at least one time.")
	// Outside a browser there is no download to offer.
	r.Do(func(ctx app.Context) {
		p.setReminder(ctx, "r", func(s *data.Settings) *string { return &s.MorningReminder }, "07:00")
	})
	r.Click(p.onDownload)
	uitest.MustContain(t, r.HTML(), "Downloads work only in the browser.")
}

func TestSortVoicesPutsEnglishFirst(t *testing.T) {
	in := []webapi.VoiceOption{
		{URI: "fr", Label: "Amélie (fr-FR)"},
		{URI: "gb", Label: "Daniel (en-GB)", English: true},
		{URI: "de", Label: "Anna (de-DE)"},
		{URI: "us", Label: "Samantha (en-US)", English: true},
		{URI: "gb", Label: "Daniel (en-GB)", English: true},
		{URI: "", Label: "nameless"},
	}
	var got []string
	for _, v := range webapi.SortVoices(in) {
		got = append(got, v.URI)
	}
	if want := "gb us fr de"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestSettingsPageKeepsAVoiceFromAnotherDevice(t *testing.T) {
	st := &store.MemoryStorage{}
	s := data.DefaultSettings()
	s.VoiceName = "com.apple.voice.Daniel"
	if err := store.SaveSettings(st, s); err != nil {
		t.Fatal(err)
	}
	r, _, _ := settingsRig(t, st)
	uitest.MustContain(t, r.HTML(), `value="com.apple.voice.Daniel"`, text.AutoVoice, `id="no-voices"`)
}

// Safari, and so every iPhone browser, has no navigator.vibrate: the
// vibration switch says what happens instead, and only there.
func TestSettingsPageSaysWhenTheBrowserCannotVibrate(t *testing.T) {
	for _, noVibrate := range []bool{false, true} {
		p := &Page{st: &store.MemoryStorage{}, cues: &uitest.RecordedCues{NoVibrate: noVibrate}, now: time.Now}
		html := uitest.NewCompoRig(t, p, "/settings").HTML()
		if got := strings.Contains(html, `id="set-vibration-note"`); got != noVibrate {
			t.Errorf("browser without vibration %v: note shown %v", noVibrate, got)
		}
		if noVibrate {
			uitest.MustContain(t, html, ui.Text.NoVibration)
		}
	}
}

// A switch turned here keeps what another tab changed after this screen
// read the settings.
func TestSettingsChangesKeepAnotherTabsChange(t *testing.T) {
	st := &store.MemoryStorage{}
	r, p, _ := settingsRig(t, st)
	uitest.OtherTabSetsDarkTheme(t, st)
	r.Click(p.flip("set-beeps", ui.BeepsOn))
	if s := uitest.Stored(t, st); s.Beeps || s.Theme != data.ThemeDark {
		t.Errorf("stored beeps %v, theme %q; want beeps off and the other tab's dark theme", s.Beeps, s.Theme)
	}
	if p.settings.Beeps || p.settings.Theme != data.ThemeDark {
		t.Errorf("the page shows beeps %v, theme %q", p.settings.Beeps, p.settings.Theme)
	}
}

// The closed voice menu shows as much of a name as its width allows: the
// line under it says the whole of it, and the automatic choice says what
// it picks.
func TestSettingsPageSaysTheWholeVoiceName(t *testing.T) {
	r, p, _ := settingsRig(t, &store.MemoryStorage{})
	uitest.MustContain(t, r.HTML(), `id="voice-chosen"`, "Automatic: an English voice on this device speaks.", `>Automatic</option>`)
	r.Do(func(ctx app.Context) {
		p.voices = []webapi.VoiceOption{{URI: "urn:long", Label: "Microsoft Libby Online (Natural) - English (United Kingdom) (en-GB)"}}
		p.setVoice(ctx, "urn:long")
	})
	uitest.MustContain(t, r.HTML(), "Speaking with Microsoft Libby Online (Natural) - English (United Kingdom) (en-GB).")
}
