package main

import (
	"errors"
	"fmt"
	"time"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// settingsJSON is the stored settings for the benchmark's sessions: the
// defaults with the safety advice read, and the given pacing changes.
func settingsJSON(change func(*data.Settings)) (string, error) {
	s := data.DefaultSettings()
	s.SafetyAccepted = true
	if change != nil {
		change(&s)
	}
	st := &store.MemoryStorage{}
	if err := store.SaveSettings(st, s); err != nil {
		return "", err
	}
	raw, _ := st.GetRaw(store.SettingsKey)
	return raw, nil
}

// openPlayer opens the player of routine id in t, seeding storage first,
// and waits for its Start button. The player draws Start once it has read
// the settings, a frame or so after go-app removed its loader.
func openPlayer(t *tab, s *site, id string, storage map[string]*string) error {
	if _, err := t.open(s.Base+"/", actionTimeout); err != nil {
		return err
	}
	if err := t.setStorage(storage); err != nil {
		return err
	}
	if _, err := t.open(s.Base+"/session/"+id, actionTimeout); err != nil {
		return err
	}
	err := browsertest.Poll(30*time.Second, 50*time.Millisecond, func() (bool, error) {
		state, err := eval[string](t, `document.getElementById("start") ? "start" :
			document.querySelector("main .error") ? "error" : ""`)
		switch {
		case err != nil:
			return false, browsertest.Final(err)
		case state == "error": // an unknown routine
			return false, browsertest.Final(errNoPlayer)
		}
		return state == "start", nil
	})
	if err == nil {
		return nil
	}
	if errors.Is(err, errNoPlayer) || errors.Is(err, browsertest.ErrTimeout) {
		shown, _ := eval[string](t, `(document.querySelector("main") || document.body).innerText.slice(0, 300)`)
		return fmt.Errorf("%w: %q", errNoPlayer, shown)
	}
	return err
}

var errNoPlayer = fmt.Errorf("the player shows no Start button")

// compile compiles a built-in routine with the default settings changed by
// change, as the player does on a first visit: with the doses suggested for
// an empty history.
func compile(id string, change func(*data.Settings)) (data.Plan, error) {
	cat := data.DefaultCatalogue()
	r, ok := data.FindRoutine(cat, id)
	if !ok {
		return data.Plan{}, fmt.Errorf("no routine %q", id)
	}
	r = data.PlanToday(r, cat, nil, time.Now().Format(data.DateLayout)).Routine
	s := data.DefaultSettings()
	if change != nil {
		change(&s)
	}
	return data.Compile(r, cat, s.Timing())
}
