package store

import (
	"errors"
	"fmt"

	"unknot/data"
)

// SettingsKey is the storage key of the settings.
const SettingsKey = "unknot.settings"

// ErrNewerSettings is wrapped by the errors about settings saved by a newer
// version of the app; such settings are never overwritten.
var ErrNewerSettings = errors.New("saved by a newer version of Unknot")

// LoadSettings reads the settings from st. Missing settings give the
// defaults. Settings that cannot be read, or are out of range, give the
// defaults and an error that says so; the stored value is left as it is.
// Fields a older schema lacked take their defaults.
func LoadSettings(st Storage) (data.Settings, error) {
	s := data.DefaultSettings()
	if err := st.Get(SettingsKey, &s); err != nil {
		return data.DefaultSettings(), fmt.Errorf("your saved settings could not be read (%w); the defaults are in use", err)
	}
	if s.Schema > data.SettingsSchema {
		return data.DefaultSettings(), fmt.Errorf("your settings were %w (schema %d); the defaults are in use and your settings are left as they are", ErrNewerSettings, s.Schema)
	}
	s.Schema = data.SettingsSchema
	if err := s.Validate(); err != nil {
		return data.DefaultSettings(), fmt.Errorf("your saved settings were not used: %w", err)
	}
	return s, nil
}

// SaveSettings writes s to st. It never overwrites settings saved by a newer
// version of the app, and refuses settings out of range.
func SaveSettings(st Storage, s data.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	var stored struct {
		Schema int `json:"schema"`
	}
	if err := st.Get(SettingsKey, &stored); err == nil && stored.Schema > data.SettingsSchema {
		return fmt.Errorf("your settings were %w (schema %d) and are left as they are", ErrNewerSettings, stored.Schema)
	}
	if err := keepDamagedSettings(st); err != nil {
		return fmt.Errorf("your saved settings could not be read, nor copied aside (%w), so they are left as they are and these were not saved", err)
	}
	s.Schema = data.SettingsSchema
	if err := st.Set(SettingsKey, s); err != nil {
		return fmt.Errorf("your settings could not be saved: %w", err)
	}
	return nil
}

// UpdateSettings changes the stored settings with change and returns them
// as saved. It reads them again first, so what another tab changed since a
// screen read them is kept; settings that cannot be read are changed from
// the defaults (SaveSettings keeps a copy of the damaged text). It saves
// nothing when the changed settings are out of range or the stored ones
// come from a newer version.
func UpdateSettings(st Storage, change func(*data.Settings)) (data.Settings, error) {
	s, _ := LoadSettings(st)
	change(&s)
	if err := SaveSettings(st, s); err != nil {
		return data.Settings{}, err
	}
	return s, nil
}

// SettingsCorruptKey holds a copy of saved settings that could not be read,
// kept before new settings replace them. Settings damaged again later are
// kept as well, under SettingsCorruptKey followed by ".2", ".3" and so on.
const SettingsCorruptKey = SettingsKey + ".corrupt"

// keepDamagedSettings copies stored settings that cannot be read aside, byte
// for byte, before they are overwritten: every damaged text once, never over
// an earlier copy. It needs a store that gives the raw text.
func keepDamagedSettings(st Storage) error {
	rs, ok := st.(RawStorage)
	if !ok {
		return nil
	}
	if _, found := rs.GetRaw(SettingsKey); !found {
		return nil
	}
	if _, err := LoadSettings(st); err == nil {
		return nil
	}
	_, err := keepAside(st, SettingsKey, SettingsCorruptKey)
	return err
}
