package data

import (
	"fmt"
	"time"
)

// SettingsSchema is the version of the stored settings' shape. Schema 1 had
// only the four cue switches; schema 2 added everything else but the badge,
// which schema 3 added; schema 4 added FullInstructions. An older value
// loads with the fields it lacks at their defaults.
const SettingsSchema = 4

// Themes the person can choose.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// Settings are the person's choices for how the app looks and how sessions
// guide them.
type Settings struct {
	Schema int `json:"schema"`
	// Voice speaks each instruction; Beeps sounds tones; Vibration buzzes
	// the phone at every change; KeepAwake holds the screen on.
	Voice     bool `json:"voice"`
	Beeps     bool `json:"beeps"`
	Vibration bool `json:"vibration"`
	KeepAwake bool `json:"keepAwake"`
	// Badge shows on the installed app's icon how many of today's
	// sessions are left, where the system can.
	Badge bool `json:"badge"`
	// VoiceName is the chosen voice (its voiceURI); "" picks one.
	VoiceName string `json:"voiceName"`
	// VoiceRate is the speaking speed, 1 being normal.
	VoiceRate float64 `json:"voiceRate"`
	// BeepVolume is the loudness of the tones, in percent.
	BeepVolume int `json:"beepVolume"`
	// FullInstructions has the voice say the whole instruction on every
	// round; without it, rounds after the first say a short cue
	// (Timing.ShortCues).
	FullInstructions bool `json:"fullInstructions"`
	// GetReadySeconds is the lead-in before the first exercise; RestSeconds
	// the pause between exercises.
	GetReadySeconds int `json:"getReadySeconds"`
	RestSeconds     int `json:"restSeconds"`
	// Theme is ThemeSystem, ThemeLight or ThemeDark.
	Theme string `json:"theme"`
	// LargeText makes all text bigger; ReduceMotion stops animations even
	// where the system does not ask for it.
	LargeText    bool `json:"largeText"`
	ReduceMotion bool `json:"reduceMotion"`
	// SafetyAccepted is set once the person has read the safety advice,
	// which is shown before the first session.
	SafetyAccepted bool `json:"safetyAccepted"`
	// Reminders are the times chosen for the calendar reminders.
	MorningReminder string `json:"morningReminder"`
	EveningReminder string `json:"eveningReminder"`
}

// defaultVoiceRate is the speaking speed a new person starts with.
const defaultVoiceRate = 0.95

// Limits of the adjustable settings.
const (
	MinVoiceRate, MaxVoiceRate             = 0.5, 1.5
	MinBeepVolume, MaxBeepVolume           = 10, 100
	MinGetReadySeconds, MaxGetReadySeconds = 3, 60
	MinRestSeconds, MaxRestSeconds         = 0, 120
)

// DefaultSettings turns every cue on, with Unknot's pacing.
func DefaultSettings() Settings {
	t := DefaultTiming()
	return Settings{
		Schema: SettingsSchema, Voice: true, Beeps: true, Vibration: true, KeepAwake: true, Badge: true,
		VoiceRate: defaultVoiceRate, BeepVolume: 70,
		GetReadySeconds: int(t.GetReady / time.Second), RestSeconds: int(t.Rest / time.Second),
		Theme: ThemeSystem, MorningReminder: "07:30", EveningReminder: "19:30",
	}
}

// Validate reports the first setting out of its range, in words.
func (s Settings) Validate() error {
	switch {
	case s.VoiceRate < MinVoiceRate || s.VoiceRate > MaxVoiceRate:
		return fmt.Errorf("the speaking speed must be between %g and %g, not %g", MinVoiceRate, MaxVoiceRate, s.VoiceRate)
	case s.BeepVolume < MinBeepVolume || s.BeepVolume > MaxBeepVolume:
		return fmt.Errorf("the beep volume must be between %d%% and %d%%, not %d%%", MinBeepVolume, MaxBeepVolume, s.BeepVolume)
	case s.GetReadySeconds < MinGetReadySeconds || s.GetReadySeconds > MaxGetReadySeconds:
		return fmt.Errorf("the get-ready time must be between %d and %d seconds, not %d", MinGetReadySeconds, MaxGetReadySeconds, s.GetReadySeconds)
	case s.RestSeconds < MinRestSeconds || s.RestSeconds > MaxRestSeconds:
		return fmt.Errorf("the rest between exercises must be between %d and %d seconds, not %d", MinRestSeconds, MaxRestSeconds, s.RestSeconds)
	case s.Theme != ThemeSystem && s.Theme != ThemeLight && s.Theme != ThemeDark:
		return fmt.Errorf("the theme must be system, light or dark, not %q", s.Theme)
	case s.MorningReminder != "" && !IsClock(s.MorningReminder):
		return fmt.Errorf("the morning reminder %q is not a time like 07:30", s.MorningReminder)
	case s.EveningReminder != "" && !IsClock(s.EveningReminder):
		return fmt.Errorf("the evening reminder %q is not a time like 19:30", s.EveningReminder)
	}
	return nil
}

// Timing is the session pacing these settings ask for, paced for the voice
// when it is on.
func (s Settings) Timing() Timing {
	t := DefaultTiming()
	t.GetReady = time.Duration(s.GetReadySeconds) * time.Second
	t.Rest = time.Duration(s.RestSeconds) * time.Second
	t.Voice = 0
	if s.Voice {
		t.Voice = s.VoiceRate
	}
	t.ShortCues = !s.FullInstructions
	return t
}

// Restored is the settings to keep when a backup's settings s are restored
// on a device whose own are device: everything from the file but
// SafetyAccepted, which stays the device's. The safety advice is read once
// on each device: a backup made elsewhere says nothing about this one
// (issue 23's decision).
func (s Settings) Restored(device Settings) Settings {
	s.SafetyAccepted = device.SafetyAccepted
	return s
}
