package player

import (
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// A switch turned on the player's page keeps what another tab changed after
// the player read the settings.
func TestPlayerToggleKeepsAnotherTabsChange(t *testing.T) {
	r := newPlayerRig(t, data.Evening)
	var st store.Storage
	r.do(func(ctx app.Context) { st = webapi.AppStorage(ctx) })
	uitest.OtherTabSetsDarkTheme(t, st)
	r.do(func(ctx app.Context) { r.p.onToggle(ctx, ui.VoiceOn) })
	if s := uitest.Stored(t, st); s.Voice || s.Theme != data.ThemeDark {
		t.Errorf("stored voice %v, theme %q; want voice off and the other tab's dark theme", s.Voice, s.Theme)
	}
}
