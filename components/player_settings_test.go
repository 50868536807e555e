package components

import (
	"testing"
	"unknot/data"
	"unknot/data/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// A switch turned here, on this page or the player's, keeps what another
// tab changed after this screen read the settings.
func TestSettingsChangesKeepAnotherTabsChange(t *testing.T) {
	otherTab := func(t *testing.T, st store.Storage) {
		s := stored(t, st)
		s.Theme = data.ThemeDark
		if err := store.SaveSettings(st, s); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("settings page", func(t *testing.T) {
		st := &store.MemoryStorage{}
		r, p, _ := settingsRig(t, st)
		otherTab(t, st)
		r.click(p.flip("set-beeps", beepsOn))
		if s := stored(t, st); s.Beeps || s.Theme != data.ThemeDark {
			t.Errorf("stored beeps %v, theme %q; want beeps off and the other tab's dark theme", s.Beeps, s.Theme)
		}
		if p.settings.Beeps || p.settings.Theme != data.ThemeDark {
			t.Errorf("the page shows beeps %v, theme %q", p.settings.Beeps, p.settings.Theme)
		}
	})
	t.Run("player", func(t *testing.T) {
		r := newPlayerRig(t, data.Evening)
		var st store.Storage
		r.do(func(ctx app.Context) { st = appStorage(ctx) })
		otherTab(t, st)
		r.do(func(ctx app.Context) { r.p.onToggle(ctx, voiceOn) })
		if s := stored(t, st); s.Voice || s.Theme != data.ThemeDark {
			t.Errorf("stored voice %v, theme %q; want voice off and the other tab's dark theme", s.Voice, s.Theme)
		}
	})
}
