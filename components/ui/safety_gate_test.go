package ui

import (
	"reflect"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
	"unknot/data/store"
)

// The gate before the first session calls with one tap too.
func TestSafetyGateNumbersCall(t *testing.T) {
	html := uitest.RenderAt(t, &SafetyGate{}, "/")
	uitest.MustContain(t, html, `href="tel:999"`, `href="tel:112"`, `href="tel:911"`)
	uitest.MustContainWords(t, html, Text.EmergencyLead)
}

// gateRig mounts a SafetyGate on st and records the action it fires.
func gateRig(tb testing.TB, st store.Storage) (*uitest.CompoRig, *SafetyGate, *uitest.Caught) {
	tb.Helper()
	g := &SafetyGate{st: st}
	r := uitest.NewCompoRig(tb, g, "/session/morning")
	return r, g, r.Catch(SafetyAcceptedAction)
}

func TestSafetyGateRemembersTheAnswer(t *testing.T) {
	st := &store.MemoryStorage{}
	before := data.DefaultSettings()
	before.Theme, before.RestSeconds = data.ThemeDark, 30
	if err := store.SaveSettings(st, before); err != nil {
		t.Fatal(err)
	}
	r, g, fired := gateRig(t, st)
	uitest.MustContain(t, r.HTML(), Text.GateLead, `id="safety-accept"`, `href="/safety"`)
	uitest.MustContain(t, r.HTML(), Text.Emergency...)
	r.Click(g.onAccept)
	want := before
	want.SafetyAccepted = true
	if got := uitest.Stored(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("saved %+v, want %+v", got, want)
	}
	if len(fired.Values) != 1 {
		t.Errorf("safety-accepted fired %d times, want once", len(fired.Values))
	}
}

func TestSafetyGateSaysWhenItCannotSave(t *testing.T) {
	st := &store.MemoryStorage{}
	st.SetRaw(store.SettingsKey, `{"schema":7}`)
	r, g, fired := gateRig(t, st)
	r.Click(g.onAccept)
	uitest.MustContain(t, r.HTML(), "could not be saved", "asked again next time")
	if len(fired.Values) != 1 {
		t.Errorf("safety-accepted fired %d times, want once: the person has read the advice", len(fired.Values))
	}
	if raw, _ := st.GetRaw(store.SettingsKey); raw != `{"schema":7}` {
		t.Errorf("newer settings overwritten: %s", raw)
	}
}

func TestSafetyAcceptedReadsTheSettings(t *testing.T) {
	st := uitest.FreshAppStorage(t)
	var got []bool
	r := uitest.NewCompoRig(t, &UpdateBanner{}, "/safety")
	check := func() { r.Do(func(ctx app.Context) { got = append(got, safetyAccepted(ctx)) }) }
	check()
	s := data.DefaultSettings()
	s.SafetyAccepted = true
	if err := store.SaveSettings(st, s); err != nil {
		t.Fatal(err)
	}
	check()
	st.SetRaw(store.SettingsKey, `{damaged`)
	check()
	if want := []bool{false, true, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
