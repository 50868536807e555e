package player

import (
	"testing"
	"time"

	"unknot/components/internal/uitest"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

func TestBadgeCount(t *testing.T) {
	now := time.Date(2026, 5, 4, 20, 0, 0, 0, time.Local)
	today := webapi.LocalDate(now)
	on, off := data.DefaultSettings(), data.DefaultSettings()
	off.Badge = false
	tests := []struct {
		scenario string
		records  []data.Record
		settings data.Settings
		want     int
	}{
		{"nothing done", nil, on, 2},
		{"the morning done", []data.Record{uitest.HomeRecord(t, today, "07:30", true)}, on, 1},
		{"the evening ended early", []data.Record{uitest.HomeRecord(t, today, "19:30", false)}, on, 2},
		{"both done", []data.Record{uitest.HomeRecord(t, today, "07:30", true), uitest.HomeRecord(t, today, "19:30", true)}, on, 0},
		{"switched off", nil, off, 0},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if len(tt.records) > 0 {
				if _, err := store.SaveRecords(st, tt.records...); err != nil {
					t.Fatal(err)
				}
			}
			if got := webapi.BadgeCount(st, tt.settings, now); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

// A launch while a session runs is offered after it; on any other screen of
// the player it is not taken (the app goes there instead).
func TestOfferAfterOnlyWhileRunning(t *testing.T) {
	for _, tt := range []struct {
		state phase
		want  bool
	}{{phaseReady, false}, {phaseRunning, true}, {phaseConfirming, true}, {phaseFinished, false}} {
		p := &Player{phase: tt.state}
		if got := p.offerAfter("/session/" + data.Evening); got != tt.want {
			t.Errorf("phase %v: took the launch %v, want %v", tt.state, got, tt.want)
		}
		if tt.want && (p.next.href != "/session/evening" || p.next.label != "Start Evening routine" || p.notice == "") {
			t.Errorf("phase %v: next %+v, notice %q", tt.state, p.next, p.notice)
		}
		if !tt.want && p.next != (nextUp{}) {
			t.Errorf("phase %v: next %+v, want none", tt.state, p.next)
		}
	}
}

// The running routine's own shortcut just brings it forward.
func TestOfferAfterSameRoutine(t *testing.T) {
	p := &Player{phase: phaseRunning}
	p.plan.Routine.ID = data.Evening
	if !p.offerAfter("/session/evening?source=shortcut") || p.next != (nextUp{}) || p.notice != "" {
		t.Errorf("next %+v, notice %q; want the launch taken and nothing offered", p.next, p.notice)
	}
}

func TestLaunchLabel(t *testing.T) {
	for where, want := range map[string]string{
		"/session/morning":            "Start Morning routine",
		"/session/evening?source=pwa": "Start Evening routine",
		"/history":                    "Open your history",
		"/session/no-such":            "Open the screen you chose",
		"/settings":                   "Open the screen you chose",
	} {
		if got := launchLabel(where); got != want {
			t.Errorf("%s: got %q, want %q", where, got, want)
		}
	}
}
