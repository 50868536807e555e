package e2e

import (
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// TestWalkThroughScreens takes screenshots of every screen issue 17
// changed, at a phone's size and a desktop's, in the light and the dark
// theme, for people to look at. It fails only when a screen does not open.
func TestWalkThroughScreens(t *testing.T) {
	h := setup(t)
	inEveryLook(t, "walk", func(t *testing.T, tb *tab, name func(string) string) {
		today := historyToday(t)
		tb.open(t, h.base, "/")
		setItem(t, tb, store.HistoryKey, storedHistory(t, []data.Record{
			e2eRecord(t, today.AddDate(0, 0, -1), "07:30", true, data.PainScore(5), data.PainScore(3), "stiff"),
			e2eRecord(t, today, "07:40", true, nil, nil, ""),
		}))
		s := data.DefaultSettings()
		s.SafetyAccepted = true
		setItem(t, tb, store.SettingsKey, storedSettings(t, s))

		tb.open(t, h.base, "/routines")
		fullShot(t, tb, name("routines"))
		tb.open(t, h.base, "/history")
		waitFor(t, tb, `!!document.querySelector("#recent .session-actions button")`, "History lists sessions")
		eval[bool](t, tb, `(document.querySelector("#recent .session-actions button").click(), true)`)
		waitFor(t, tb, `!!document.getElementById("edit-note")`, "the editor opens")
		eval[bool](t, tb, `(document.getElementById("recent").scrollIntoView(), true)`)
		screenshot(t, tb, name("history-edit"))
		tb.open(t, h.base, "/no/such/page")
		screenshot(t, tb, name("not-found"))
		tb.open(t, h.base, "/session/"+data.Morning)
		untilShown(t, tb, `document.getElementById("start")`, "no Start")
		fullShot(t, tb, name("ready"))
		pressStart(t, tb)
		advance(t, tb, 25*time.Second)
		screenshot(t, tb, name("running"))
		endNow(t, tb)
		waitFor(t, tb, `!!document.getElementById("finished-title")`, "the finished screen")
		fullShot(t, tb, name("finished-ended"))
	})
}
