package e2e

import (
	"encoding/json"
	"regexp"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// length finds "About 3 min" in a line.
var length = regexp.MustCompile(`About [0-9][^·]*`)

// routineShown is what a screen says about one routine: its length and
// each exercise's dose.
type routineShown struct {
	Length string
	Doses  []string
}

// readRoutine reads the length in the element matching meta and the doses
// in the elements matching doses.
func readRoutine(t *testing.T, tb *tab, meta, doses string) routineShown {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify([...document.querySelectorAll(`+jsString(doses)+`)].map((e) => e.textContent.replace(/^\s*—\s*/, "").trim()))`)
	var out routineShown
	if err := json.Unmarshal([]byte(raw), &out.Doses); err != nil {
		t.Fatal(err)
	}
	out.Length = length.FindString(text(t, tb, meta))
	return out
}

// openHome opens Home and waits until it shows the person's own numbers:
// until then it shows a first day's, as the server pre-rendered them.
func openHome(t *testing.T, tb *tab, base string) {
	t.Helper()
	tb.open(t, base, "/")
	waitFor(t, tb, `document.querySelector("#home-routines[aria-busy=false]") !== null`, "Home has read what is stored")
}

// TestOneNumberForOneThing reads every built-in routine's length on Home,
// on Routines and on its start page, and its doses on Routines and the
// start page, with a custom pace: they must agree.
func TestOneNumberForOneThing(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/")
	s := data.DefaultSettings()
	s.RestSeconds = 30 // a pace of the person's own
	s.SafetyAccepted = true
	setItem(t, tb, store.SettingsKey, storedSettings(t, s))
	for _, r := range data.BuiltinRoutines() {
		openHome(t, tb, h.base)
		home := readRoutine(t, tb, "#routine-"+r.ID+" .meta", "#nothing")
		tb.open(t, h.base, "/routines")
		waitFor(t, tb, `/About/.test((document.querySelector("#routine-`+r.ID+` .meta") || {}).textContent)`, "Routines shows "+r.ID+" with its length")
		list := readRoutine(t, tb, "#routine-"+r.ID+" .meta", "#routine-"+r.ID+" .item-names li .muted")
		tb.open(t, h.base, "/session/"+r.ID)
		waitFor(t, tb, `!!document.getElementById("start")`, "the start page is ready")
		start := readRoutine(t, tb, "#player .meta", "#player .dose-text > span.muted")
		if home.Length == "" || home.Length != list.Length || list.Length != start.Length {
			t.Errorf("%s: length on Home %q, on Routines %q, on its start page %q", r.ID, home.Length, list.Length, start.Length)
		}
		// As played today with no history: the evening routine carries
		// the per-day exercises while today's are not done.
		played := data.PlanToday(r, data.DefaultCatalogue(), nil, time.Now().Format(data.DateLayout)).Routine
		if len(list.Doses) != len(played.Items) || len(list.Doses) != len(start.Doses) {
			t.Fatalf("%s: doses on Routines %q, on its start page %q", r.ID, list.Doses, start.Doses)
		}
		for i := range list.Doses {
			if list.Doses[i] != start.Doses[i] {
				t.Errorf("%s item %d: %q on Routines, %q on its start page", r.ID, i+1, list.Doses[i], start.Doses[i])
			}
		}
	}
}

// TestFewerThanTheSuggestion lowers the bridge to one round on the start
// page, below the article's start of 5: allowed, and played so.
func TestFewerThanTheSuggestion(t *testing.T) {
	h := setup(t)
	tb := playerTab(t, h, data.Morning)
	untilShown(t, tb, `document.getElementById("start") || document.getElementById("safety-accept")`, "no Start")
	fewer := `document.querySelector(".stepper button[aria-label$=': Bridge']")`
	for range 6 {
		if eval[bool](t, tb, fewer+`.disabled`) {
			break
		}
		eval[bool](t, tb, `(`+fewer+`.click(), true)`)
		time.Sleep(200 * time.Millisecond) // the redraw
	}
	dose := eval[string](t, tb, `(() => { const li = `+fewer+`.closest("li"); return li.querySelector(".dose-text > span.muted").textContent; })()`)
	if !regexp.MustCompile(`^ — 1 × `).MatchString(dose) {
		t.Errorf("the bridge reads %q after Fewer, want one round", dose)
	}
	if !eval[bool](t, tb, fewer+`.disabled`) {
		t.Error("Fewer still offered at one round")
	}
	if got := text(t, tb, "#dose-hint"); got == "" {
		t.Error("the start page does not say the rounds are a suggestion")
	}
}
