package data_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unknot/data"
)

// storeRaw returns a store holding the given JSON under the settings key.
func storeRaw(tb testing.TB, raw string) *data.MemoryStorage {
	tb.Helper()
	st := &data.MemoryStorage{}
	if err := st.Set(data.SettingsKey, json.RawMessage(raw)); err != nil {
		tb.Fatalf("got %v, want nil", err)
	}
	return st
}

// stored returns the JSON held under the settings key.
func stored(tb testing.TB, st data.Storage) string {
	tb.Helper()
	var raw json.RawMessage
	if err := st.Get(data.SettingsKey, &raw); err != nil {
		tb.Fatalf("got %v, want nil", err)
	}
	return string(raw)
}

func TestDefaultSettings(t *testing.T) {
	want := data.Settings{Schema: 1, Voice: true, Beeps: true, Vibration: true, KeepAwake: true}
	if got := data.DefaultSettings(); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestLoadSettingsMissing(t *testing.T) {
	got, err := data.LoadSettings(&data.MemoryStorage{})
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
		{"everything off", data.Settings{Schema: 1}},
		{"silent with vibration", data.Settings{Schema: 1, Vibration: true, KeepAwake: true}},
		{"voice only", data.Settings{Schema: 1, Voice: true}},
		{"no schema given is saved as current", data.Settings{Beeps: true}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &data.MemoryStorage{}
			if err := data.SaveSettings(st, tt.s); err != nil {
				t.Fatalf("save: got %v, want nil", err)
			}
			got, err := data.LoadSettings(st)
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
			data.Settings{Schema: 1, Beeps: true, Vibration: true, KeepAwake: true}, nil},
		{"unknown fields are ignored", `{"schema":1,"voice":true,"theme":"dark"}`,
			data.Settings{Schema: 1, Voice: true, Beeps: true, Vibration: true, KeepAwake: true}, nil},
		{"null gives the defaults", `null`, data.DefaultSettings(), nil},
		{"a string where settings belong", `"voice off"`, data.DefaultSettings(), []string{"could not be read", "defaults are in use"}},
		{"a field of the wrong type", `{"schema":1,"voice":"no","beeps":false}`, data.DefaultSettings(), []string{"could not be read"}},
		{"a list where settings belong", `[true,false]`, data.DefaultSettings(), []string{"could not be read"}},
		{"newer schema", `{"schema":2,"voice":false,"beeps":true,"vibration":true,"keepAwake":true}`,
			data.Settings{Schema: 2, Beeps: true, Vibration: true, KeepAwake: true}, []string{"newer version", "schema 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := storeRaw(t, tt.raw)
			before := stored(t, st)
			got, err := data.LoadSettings(st)
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
	st := &data.MemoryStorage{Limit: 10}
	err := data.SaveSettings(st, data.DefaultSettings())
	if err == nil || !strings.Contains(err.Error(), "could not be saved") || !strings.Contains(err.Error(), data.ErrQuota.Error()) {
		t.Errorf("got %v, want an error saying the settings could not be saved as storage is full", err)
	}
	if got, err := data.LoadSettings(st); err != nil || got != data.DefaultSettings() {
		t.Errorf("got %+v, %v, want the defaults and nil", got, err)
	}
}

// TestSettingsSamples loads a sample of every schema of the settings ever
// written, kept in testdata/settings-v*.json, and checks that the current
// version still writes its sample exactly.
func TestSettingsSamples(t *testing.T) {
	samples := map[int]data.Settings{
		1: {Schema: 1, Voice: false, Beeps: true, Vibration: false, KeepAwake: true},
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
			got, err := data.LoadSettings(storeRaw(t, string(raw)))
			want.Schema = current
			if err != nil || got != want {
				t.Errorf("got %+v, %v, want %+v, nil", got, err, want)
			}
			if v != current {
				return
			}
			st := &data.MemoryStorage{}
			if err := data.SaveSettings(st, want); err != nil {
				t.Fatal(err)
			}
			if got, want := stored(t, st), string(bytes.TrimSpace(raw)); got != want {
				t.Errorf("saved: got %s, want %s; a new shape needs a new schema and sample", got, want)
			}
		})
	}
}
