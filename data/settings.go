package data

import (
	"fmt"
)

// SettingsKey is the storage key of the settings.
const SettingsKey = "unknot.settings"

// settingsSchema is the version of the stored settings' shape.
const settingsSchema = 1

// Settings are the person's choices for how sessions guide them.
type Settings struct {
	Schema int `json:"schema"`
	// Voice speaks each instruction; Beeps sounds tones; Vibration buzzes
	// the phone at every change; KeepAwake holds the screen on.
	Voice     bool `json:"voice"`
	Beeps     bool `json:"beeps"`
	Vibration bool `json:"vibration"`
	KeepAwake bool `json:"keepAwake"`
}

// DefaultSettings turns every cue on.
func DefaultSettings() Settings {
	return Settings{Schema: settingsSchema, Voice: true, Beeps: true, Vibration: true, KeepAwake: true}
}

// LoadSettings reads the settings from st. Missing settings give the
// defaults; settings that cannot be read give the defaults and an error that
// says so, and the stored value is left as it is.
func LoadSettings(st Storage) (Settings, error) {
	s := DefaultSettings()
	if err := st.Get(SettingsKey, &s); err != nil {
		return DefaultSettings(), fmt.Errorf("your saved settings could not be read (%w); the defaults are in use", err)
	}
	if s.Schema > settingsSchema {
		return s, fmt.Errorf("your settings were saved by a newer version of Unknot (schema %d)", s.Schema)
	}
	s.Schema = settingsSchema
	return s, nil
}

// SaveSettings writes s to st. It never overwrites settings saved by a newer
// version of the app.
func SaveSettings(st Storage, s Settings) error {
	var stored struct {
		Schema int `json:"schema"`
	}
	if err := st.Get(SettingsKey, &stored); err == nil && stored.Schema > settingsSchema {
		return fmt.Errorf("your settings were saved by a newer version of Unknot (schema %d) and are left as they are", stored.Schema)
	}
	s.Schema = settingsSchema
	if err := st.Set(SettingsKey, s); err != nil {
		return fmt.Errorf("your settings could not be saved: %w", err)
	}
	return nil
}
