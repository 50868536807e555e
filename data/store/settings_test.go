package store_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// storeRaw returns a store holding the given JSON under the settings key.
func storeRaw(tb testing.TB, raw string) *store.MemoryStorage {
	tb.Helper()
	st := &store.MemoryStorage{}
	if err := st.Set(store.SettingsKey, json.RawMessage(raw)); err != nil {
		tb.Fatalf("got %v, want nil", err)
	}
	return st
}

// stored returns the JSON held under the settings key.
func stored(tb testing.TB, st store.Storage) string {
	tb.Helper()
	var raw json.RawMessage
	if err := st.Get(store.SettingsKey, &raw); err != nil {
		tb.Fatalf("got %v, want nil", err)
	}
	return string(raw)
}

func TestLoadSettingsMissing(t *testing.T) {
	got, err := store.LoadSettings(&store.MemoryStorage{})
	if err != nil || got != data.DefaultSettings() {
		t.Errorf("got %+v, %v, want %+v, nil", got, err, data.DefaultSettings())
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	tests := []struct {
		scenario string
		s        data.Settings
	}{
		{"defaults", data.DefaultSettings()},
		{"everything off", datatest.SettingsWith(func(s *data.Settings) { s.Voice, s.Beeps, s.Vibration, s.KeepAwake = false, false, false, false })},
		{"silent with vibration", datatest.SettingsWith(func(s *data.Settings) { s.Voice, s.Beeps = false, false })},
		{"voice only, slow, chosen voice", datatest.SettingsWith(func(s *data.Settings) {
			s.Beeps, s.Vibration, s.VoiceRate, s.VoiceName = false, false, 0.5, "urn:voice:en-GB"
		})},
		{"dark, large text, no motion", datatest.SettingsWith(func(s *data.Settings) { s.Theme, s.LargeText, s.ReduceMotion = data.ThemeDark, true, true })},
		{"longest lead-in, no rest", datatest.SettingsWith(func(s *data.Settings) { s.GetReadySeconds, s.RestSeconds = 60, 0 })},
		{"no reminders", datatest.SettingsWith(func(s *data.Settings) { s.MorningReminder, s.EveningReminder = "", "" })},
		{"no schema given is saved as current", datatest.SettingsWith(func(s *data.Settings) { s.Schema = 0 })},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if err := store.SaveSettings(st, tt.s); err != nil {
				t.Fatalf("save: got %v, want nil", err)
			}
			got, err := store.LoadSettings(st)
			want := tt.s
			want.Schema = data.DefaultSettings().Schema
			if err != nil || got != want {
				t.Errorf("got %+v, %v, want %+v, nil", got, err, want)
			}
		})
	}
}

func TestLoadSettingsStoredShapes(t *testing.T) {
	tests := []struct {
		scenario string
		raw      string
		want     data.Settings
		err      []string // the error must contain all of these; nil: none
	}{
		{"no schema: fields read, the rest default", `{"voice":false}`,
			datatest.SettingsWith(func(s *data.Settings) { s.Voice = false }), nil},
		{"unknown fields are ignored", `{"schema":2,"voice":true,"colour":"plum"}`, data.DefaultSettings(), nil},
		{"out of range is not used", `{"schema":2,"beepVolume":900}`, data.DefaultSettings(),
			[]string{"not used", "beep volume", "not 900%"}},
		{"unknown theme is not used", `{"schema":2,"theme":"neon"}`, data.DefaultSettings(), []string{"theme", "neon"}},
		{"null gives the defaults", `null`, data.DefaultSettings(), nil},
		{"a string where settings belong", `"voice off"`, data.DefaultSettings(), []string{"could not be read", "defaults are in use"}},
		{"a field of the wrong type", `{"schema":1,"voice":"no","beeps":false}`, data.DefaultSettings(), []string{"could not be read"}},
		{"a list where settings belong", `[true,false]`, data.DefaultSettings(), []string{"could not be read"}},
		{"newer schema", `{"schema":5,"voice":false,"beeps":true,"vibration":true,"keepAwake":true}`,
			data.DefaultSettings(), []string{"newer version", "schema 5", "left as they are"}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := storeRaw(t, tt.raw)
			before := stored(t, st)
			got, err := store.LoadSettings(st)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			switch {
			case tt.err == nil && err != nil:
				t.Errorf("got %v, want nil", err)
			case tt.err != nil && err == nil:
				t.Errorf("got nil, want an error containing %q", tt.err)
			}
			for _, want := range tt.err {
				if err != nil && !strings.Contains(err.Error(), want) {
					t.Errorf("got %q, want it to contain %q", err, want)
				}
			}
			// Loading never writes: a damaged or newer value stays for a
			// fix or a newer app to read.
			if after := stored(t, st); after != before {
				t.Errorf("stored value: got %s, want %s", after, before)
			}
		})
	}
}

func TestSaveSettingsFull(t *testing.T) {
	st := &store.MemoryStorage{Limit: 10}
	err := store.SaveSettings(st, data.DefaultSettings())
	if err == nil || !strings.Contains(err.Error(), "could not be saved") || !strings.Contains(err.Error(), store.ErrQuota.Error()) {
		t.Errorf("got %v, want an error saying the settings could not be saved as storage is full", err)
	}
	if got, err := store.LoadSettings(st); err != nil || got != data.DefaultSettings() {
		t.Errorf("got %+v, %v, want the defaults and nil", got, err)
	}
}

// TestSettingsSamples loads a sample of every schema of the settings ever
// written, kept in testdata/settings-v*.json, and checks that the current
// version still writes its sample exactly.
func TestSettingsSamples(t *testing.T) {
	samples := map[int]data.Settings{
		// Schema 1 had only the cue switches: the rest loads as defaults.
		1: datatest.SettingsWith(func(s *data.Settings) { s.Voice, s.Vibration = false, false }),
		2: datatest.SettingsWith(func(s *data.Settings) {
			s.Voice, s.Vibration, s.VoiceName, s.VoiceRate, s.BeepVolume = false, false, "urn:voice:en-GB", 1.2, 40
			s.GetReadySeconds, s.RestSeconds, s.Theme, s.LargeText, s.SafetyAccepted = 20, 30, data.ThemeDark, true, true
			s.MorningReminder, s.EveningReminder = "06:45", ""
		}),
		// Schema 3 added the badge, which schema 2 loads switched on.
		3: datatest.SettingsWith(func(s *data.Settings) {
			s.Beeps, s.Badge, s.VoiceRate, s.Theme, s.SafetyAccepted = false, false, 1.1, data.ThemeLight, true
		}),
		// Schema 4 added the whole instruction every round, which schema
		// 3 loads switched off (short cues on later rounds).
		4: datatest.SettingsWith(func(s *data.Settings) {
			s.FullInstructions, s.VoiceRate, s.Theme, s.SafetyAccepted = true, 1.1, data.ThemeDark, true
		}),
	}
	current := data.DefaultSettings().Schema
	if _, ok := samples[current]; !ok {
		t.Fatalf("no sample for schema %d: add testdata/settings-v%d.json and a row here", current, current)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "settings-v*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(samples) {
		t.Errorf("got %d sample files, want %d", len(files), len(samples))
	}
	for v, want := range samples {
		t.Run(fmt.Sprint("v", v), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", fmt.Sprintf("settings-v%d.json", v)))
			if err != nil {
				t.Fatal(err)
			}
			got, err := store.LoadSettings(storeRaw(t, string(raw)))
			want.Schema = current
			if err != nil || got != want {
				t.Errorf("got %+v, %v, want %+v, nil", got, err, want)
			}
			if v != current {
				return
			}
			st := &store.MemoryStorage{}
			if err := store.SaveSettings(st, want); err != nil {
				t.Fatal(err)
			}
			if got, want := stored(t, st), string(bytes.TrimSpace(raw)); got != want {
				t.Errorf("saved: got %s, want %s; a new shape needs a new schema and sample", got, want)
			}
		})
	}
}

func TestSettingsValidate(t *testing.T) {
	tests := []struct {
		scenario string
		change   func(*data.Settings)
		err      string
	}{
		{"defaults", func(*data.Settings) {}, ""},
		{"speech too slow", func(s *data.Settings) { s.VoiceRate = 0.4 }, "speaking speed must be between 0.5 and 1.5, not 0.4"},
		{"speech too fast", func(s *data.Settings) { s.VoiceRate = 2 }, "not 2"},
		{"silent beeps", func(s *data.Settings) { s.BeepVolume = 0 }, "beep volume must be between 10% and 100%, not 0%"},
		{"get ready too short", func(s *data.Settings) { s.GetReadySeconds = 2 }, "get-ready time must be between 3 and 60 seconds, not 2"},
		{"rest too long", func(s *data.Settings) { s.RestSeconds = 121 }, "rest between exercises must be between 0 and 120 seconds, not 121"},
		{"unknown theme", func(s *data.Settings) { s.Theme = "" }, `theme must be system, light or dark, not ""`},
		{"bad morning time", func(s *data.Settings) { s.MorningReminder = "7:30" }, `morning reminder "7:30" is not a time`},
		{"bad evening time", func(s *data.Settings) { s.EveningReminder = "24:00" }, `evening reminder "24:00" is not a time`},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			s := data.DefaultSettings()
			tt.change(&s)
			err := s.Validate()
			if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("got %v, want %q", err, tt.err)
			}
			if err != nil {
				if serr := store.SaveSettings(&store.MemoryStorage{}, s); serr == nil {
					t.Error("SaveSettings accepted settings that do not validate")
				}
			}
		})
	}
}

// A change made from settings read earlier keeps what another tab changed
// in the meantime.
func TestUpdateSettingsKeepsOtherTabsChanges(t *testing.T) {
	st := &store.MemoryStorage{}
	if err := store.SaveSettings(st, data.DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	// Another tab turns the dark theme on.
	other := data.DefaultSettings()
	other.Theme = data.ThemeDark
	if err := store.SaveSettings(st, other); err != nil {
		t.Fatal(err)
	}
	got, err := store.UpdateSettings(st, func(s *data.Settings) { s.Voice = false })
	if err != nil {
		t.Fatal(err)
	}
	stored, err := store.LoadSettings(st)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Voice || stored.Theme != data.ThemeDark || stored != got {
		t.Errorf("stored %+v, returned %+v; want voice off and the other tab's dark theme", stored, got)
	}
	// Out of range: nothing saved.
	if _, err := store.UpdateSettings(st, func(s *data.Settings) { s.RestSeconds = -1 }); err == nil {
		t.Error("a negative rest was saved")
	}
	if again, _ := store.LoadSettings(st); again != stored {
		t.Errorf("a refused change altered the settings: %+v", again)
	}
}
