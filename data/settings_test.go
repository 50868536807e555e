package data_test

import (
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestDefaultSettings(t *testing.T) {
	want := data.Settings{Schema: 4, Voice: true, Beeps: true, Vibration: true, KeepAwake: true, Badge: true,
		VoiceRate: 0.95, BeepVolume: 70, GetReadySeconds: 10, RestSeconds: 15, Theme: data.ThemeSystem,
		MorningReminder: "07:30", EveningReminder: "19:30"}
	if got := data.DefaultSettings(); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestSettingsTiming(t *testing.T) {
	s := datatest.SettingsWith(func(s *data.Settings) { s.GetReadySeconds, s.RestSeconds = 20, 0 })
	tm := s.Timing()
	if tm.GetReady != 20*time.Second || tm.Rest != 0 {
		t.Errorf("got get ready %v, rest %v, want 20s, 0s", tm.GetReady, tm.Rest)
	}
	if err := tm.Validate(); err != nil {
		t.Errorf("got %v, want nil", err)
	}
	if !tm.ShortCues {
		t.Error("later rounds say the whole instruction by default, want a short cue")
	}
	if full := datatest.SettingsWith(func(s *data.Settings) { s.FullInstructions = true }).Timing(); full.ShortCues {
		t.Error("with full instructions asked for, later rounds still say a short cue")
	}
}

// A backup restored on a new device does not bring back the safety
// acceptance; everything else comes from the file.
func TestSettingsRestored(t *testing.T) {
	file := data.DefaultSettings()
	file.SafetyAccepted, file.Theme, file.RestSeconds = true, data.ThemeDark, 30
	fresh := data.DefaultSettings()
	got := file.Restored(fresh)
	want := file
	want.SafetyAccepted = false
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	accepted := fresh
	accepted.SafetyAccepted = true
	if !data.DefaultSettings().Restored(accepted).SafetyAccepted {
		t.Errorf("a device that had accepted: got not accepted, want accepted")
	}
}
