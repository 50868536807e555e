package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// This file tests the settings, safety and routines screens in the browser.
// It uses the helpers of history_test.go: waitFor, fullShot, colourScheme,
// allowDownloads, waitDownload and getItem.

// setField sets the value of the form control matching selector as a person
// would, firing input and change.
func setField(t *testing.T, tb *tab, selector, value string) {
	t.Helper()
	s, _ := json.Marshal(selector)
	v, _ := json.Marshal(value)
	ok := eval[bool](t, tb, fmt.Sprintf(`(() => {
		const e = document.querySelector(%s);
		if (!e) return false;
		e.value = %s;
		e.dispatchEvent(new Event("input", {bubbles: true}));
		e.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, s, v))
	if !ok {
		t.Fatalf("no %s to set", selector)
	}
}

// click clicks the element matching selector.
func click(t *testing.T, tb *tab, selector string) {
	t.Helper()
	// The app may redraw the element between finding it and clicking it
	// ("Could not find node"): find it again, a few times.
	for try := 1; ; try++ {
		ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(selector)))
		cancel()
		if err == nil {
			return
		}
		if try == 5 || !strings.Contains(err.Error(), "Could not find node") {
			t.Fatalf("clicking %s: %v", selector, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// savedSettings reads the settings the tab saved.
func savedSettings(t *testing.T, tb *tab) data.Settings {
	t.Helper()
	raw, ok := getItem(t, tb, store.SettingsKey)
	if !ok {
		t.Fatal("no settings saved")
	}
	var s data.Settings
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatalf("saved settings %s: %v", raw, err)
	}
	return s
}

func TestSettingsPersistAndApplyAtOnce(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/settings")

	click(t, tb, "#theme-dark")
	waitFor(t, tb, `document.documentElement.dataset.theme === "dark"`, "the dark theme applies")
	click(t, tb, "#set-large-text")
	waitFor(t, tb, `document.documentElement.dataset.text === "large"`, "larger text applies")
	click(t, tb, "#set-reduce-motion")
	waitFor(t, tb, `document.documentElement.dataset.motion === "reduce"`, "reduced motion applies")
	setField(t, tb, "#get-ready", "25")
	setField(t, tb, "#rest", "0")
	setField(t, tb, "#beep-volume", "40")
	setField(t, tb, "#voice-rate", "1.2")
	setField(t, tb, "#morning-reminder", "06:15")
	click(t, tb, "#set-vibration")
	waitFor(t, tb, `document.getElementById("settings-status").textContent === "Saved."`, "the change is announced")

	s := savedSettings(t, tb)
	want := data.DefaultSettings()
	want.Theme, want.LargeText, want.ReduceMotion = data.ThemeDark, true, true
	want.GetReadySeconds, want.RestSeconds, want.BeepVolume, want.VoiceRate = 25, 0, 40, 1.2
	want.MorningReminder, want.Vibration = "06:15", false
	if s != want {
		t.Errorf("saved %+v, want %+v", s, want)
	}

	// A value out of range is refused, said, and not saved.
	setField(t, tb, "#rest", "500")
	waitFor(t, tb, `(document.getElementById("rest-error") || {}).textContent === "Enter a whole number of seconds from 0 to 120."`, "the rest error shows")
	if got := savedSettings(t, tb).RestSeconds; got != 0 {
		t.Errorf("rest saved as %d after a refused value", got)
	}

	tb.open(t, h.base, "/settings")
	checks := map[string]string{
		`document.documentElement.dataset.theme`:                   "dark",
		`document.documentElement.dataset.text`:                    "large",
		`String(document.getElementById("theme-dark").checked)`:    "true",
		`String(document.getElementById("set-vibration").checked)`: "false",
		`document.getElementById("get-ready").value`:               "25",
		`document.getElementById("rest").value`:                    "0",
		`document.getElementById("beep-volume").value`:             "40",
		`document.getElementById("morning-reminder").value`:        "06:15",
		`document.getElementById("voice-rate-value").textContent`:  "1.20×",
	}
	for js, want := range checks {
		if got := eval[string](t, tb, js); got != want {
			t.Errorf("after reloading, %s = %q, want %q", js, got, want)
		}
	}
	// The theme follows the device again.
	click(t, tb, "#theme-system")
	waitFor(t, tb, `!document.documentElement.hasAttribute("data-theme")`, "the theme follows the device")
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

func TestSettingsVoiceChoiceAndTests(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	recordCues(t, tb) // a fake English voice, "test-voice"
	tb.open(t, h.base, "/settings")
	waitFor(t, tb, `document.querySelector("#voice-name option[value='test-voice']") !== null`, "the device's voice is offered")
	setField(t, tb, "#voice-name", "test-voice")
	waitFor(t, tb, `document.getElementById("settings-status").textContent === "Saved."`, "the choice is saved")
	if got := savedSettings(t, tb).VoiceName; got != "test-voice" {
		t.Errorf("saved voice %q", got)
	}
	click(t, tb, "#test-voice")
	click(t, tb, "#test-beep")
	waitFor(t, tb, `(window.__cues || []).some((c) => c.k === "tone")`, "the test beep sounds")
	said := kinds(cues(t, tb), "say")
	if len(said) != 1 || !strings.Contains(said[0], "knee") {
		t.Errorf("Test voice said %q, want the sample sentence", said)
	}
	// Switching the voice off disables the choice of voice.
	click(t, tb, "#set-voice")
	waitFor(t, tb, `document.getElementById("voice-name").disabled`, "the voice list is disabled")
}

func TestReminderCalendarDownload(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	dir := allowDownloads(t, tb)
	tb.open(t, h.base, "/settings")
	setField(t, tb, "#evening-reminder", "20:45")
	click(t, tb, "#download-ics")
	ics := string(waitDownload(t, dir, "unknot-reminders.ics"))
	// Long lines are folded: a line break and a space continue a line.
	ics = strings.ReplaceAll(ics, "\r\n ", "")
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\n", "END:VCALENDAR\r\n", "RRULE:FREQ=DAILY\r\n",
		"T073000\r\n", "T204500\r\n", "Open Unknot: " + h.base + "/",
	} {
		if !strings.Contains(ics, want) {
			t.Errorf("the calendar file lacks %q:\n%s", want, ics)
		}
	}
	if n := strings.Count(ics, "BEGIN:VEVENT"); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
	waitFor(t, tb, `document.getElementById("ics-done") !== null`, "the download is confirmed")
}

func TestCustomRoutineFromTheRoutinesScreen(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/routines")
	tb.do(t, "typing a name", chromedp.SendKeys(chromedp.CSS("#new-routine-name"), "Desk break"))
	click(t, tb, "#create")
	waitFor(t, tb, `document.activeElement && document.activeElement.id === "editor-title"`, "the editor opens with the focus on its title")

	setField(t, tb, "#add-pick", data.CatStretch)
	click(t, tb, "#add-item")
	waitFor(t, tb, `document.getElementById("item-0-reps") !== null`, "the cat stretch is added")
	setField(t, tb, "#add-pick", data.Rotation)
	click(t, tb, "#add-item")
	waitFor(t, tb, `document.activeElement && document.activeElement.id === "item-1-reps"`, "the focus moves to the new exercise")
	setField(t, tb, "#item-0-reps", "4")
	click(t, tb, "#item-1-up")
	waitFor(t, tb, `document.querySelector("#item-0 .item-name").textContent === "Lower-back rotational stretch"`, "the rotation moves up")
	waitFor(t, tb, `document.activeElement && document.activeElement.id === "item-0-down"`, "the focus stays on the moved exercise")
	// Out of range: said at the field, and saving is refused.
	setField(t, tb, "#item-1-hold", "30")
	waitFor(t, tb, `/outside the range of 5 s to 10 s/.test((document.getElementById("item-1-error") || {}).textContent || "")`, "the hold error shows")
	click(t, tb, "#save-routine")
	waitFor(t, tb, `document.getElementById("draft-error") !== null`, "saving is refused")
	setField(t, tb, "#item-1-hold", "7")
	// The error goes and the layout moves up: tap Save once it has
	// settled, as a person would, not where it was a moment ago.
	waitFor(t, tb, `!/outside the range/.test((document.getElementById("item-1-error") || {}).textContent || "")`, "the hold error goes")
	waitFor(t, tb, `document.getElementById("draft-error") === null`, "the refusal goes")
	click(t, tb, "#save-routine")
	waitFor(t, tb, `document.querySelector("#custom-routines article") !== null`, "the routine is listed")

	id := strings.TrimPrefix(eval[string](t, tb, `document.querySelector("#custom-routines article").id`), "routine-")
	if !strings.HasPrefix(id, data.CustomIDPrefix) {
		t.Fatalf("routine id %q", id)
	}
	waitFor(t, tb, `document.activeElement && document.activeElement.id === `+jsString("edit-"+id), "the focus returns to the routine")
	raw, _ := getItem(t, tb, store.RoutinesKey)
	var stored struct {
		Schema   int            `json:"schema"`
		Routines []data.Routine `json:"routines"`
	}
	if err := json.Unmarshal([]byte(raw), &stored); err != nil || stored.Schema != 1 || len(stored.Routines) != 1 {
		t.Fatalf("stored %s (%v)", raw, err)
	}
	if items := stored.Routines[0].Items; len(items) != 2 || items[0].Exercise != data.Rotation || items[1].Reps != 4 {
		t.Errorf("stored items %+v", items)
	}

	tb.open(t, h.base, "/")
	waitFor(t, tb, `document.getElementById(`+jsString("routine-"+id)+`) !== null`, "home lists the routine")
	if got := text(t, tb, "#routine-"+id+" h3"); got != "Desk break" {
		t.Errorf("home card %q", got)
	}
	tb.open(t, h.base, "/session/"+id)
	waitText(t, tb, "h1", "Desk break")
	plan := text(t, tb, ".plan-list")
	if i, j := strings.Index(plan, "Lower-back rotational stretch"), strings.Index(plan, "Cat stretch"); i < 0 || j < i {
		t.Errorf("the ready screen lists %q, want the rotation then the cat stretch", plan)
	}
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

func TestRoutineDuplicateAndDeleteWithTheKeyboard(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/routines")
	tb.do(t, "focusing Duplicate", chromedp.Focus(chromedp.CSS("#duplicate-"+data.Short)))
	tb.do(t, "pressing Enter", chromedp.KeyEvent("\r"))
	waitFor(t, tb, `document.querySelector("#custom-routines article") !== null`, "the copy is listed")
	id := strings.TrimPrefix(eval[string](t, tb, `document.querySelector("#custom-routines article").id`), "routine-")
	if got := text(t, tb, "#name-"+id); got != "Short routine (copy)" {
		t.Errorf("copy named %q", got)
	}
	tb.do(t, "focusing Delete", chromedp.Focus(chromedp.CSS("#delete-"+id)))
	tb.do(t, "pressing Enter", chromedp.KeyEvent("\r"))
	waitFor(t, tb, `document.activeElement && document.activeElement.id === `+jsString("keep-"+id), "the question takes the focus, on Keep it")
	tb.do(t, "pressing Enter on Keep it", chromedp.KeyEvent("\r"))
	waitFor(t, tb, `document.activeElement && document.activeElement.id === `+jsString("delete-"+id), "the focus returns to Delete")
	tb.do(t, "pressing Enter", chromedp.KeyEvent("\r"))
	waitFor(t, tb, `document.getElementById("confirm-delete") !== null`, "the question is asked again")
	click(t, tb, "#confirm-delete")
	waitFor(t, tb, `document.querySelector("#custom-routines article") === null`, "the routine is gone")
	if raw, _ := getItem(t, tb, store.RoutinesKey); raw != `{"schema":1,"routines":[]}` {
		t.Errorf("stored %s", raw)
	}
}

func TestSafetyPageListsRedFlags(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/safety")
	if n, want := eval[int](t, tb, `document.querySelectorAll("#page-emergency-list li").length`), len(data.Signs(data.Emergency)); n != want {
		t.Errorf("%d emergency signs, want %d", n, want)
	}
	if n, want := eval[int](t, tb, `document.querySelectorAll("#page-urgent-list li").length`), len(data.Signs(data.DoctorSoon)); n != want {
		t.Errorf("%d urgent signs, want %d", n, want)
	}
	page := text(t, tb, "main")
	for _, want := range []string{"999", "112", "911", "emergency department", "both legs", "bladder or bowels",
		"worse at night", "not medical advice", "sharply worse", "unlikely to make back pain worse"} {
		if !strings.Contains(page, want) {
			t.Errorf("the safety page lacks %q", want)
		}
	}
	click(t, tb, "#to-symptoms")
	waitFor(t, tb, `location.pathname === "/symptoms" && document.getElementById("symptom-list") !== null`, "the symptoms page opens")
}

// TestSettingsScreens saves full-page screenshots of the settings, safety,
// symptoms and routines screens on a phone, light and dark.
func TestSettingsScreens(t *testing.T) {
	h := setup(t)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			tb := newTab(t)
			tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
			colourScheme(t, tb, theme)
			shot := func(name string) { fullShot(t, tb, name+"-"+theme+"-390x844") }
			for _, p := range []string{"settings", "safety", "symptoms"} {
				tb.open(t, h.base, "/"+p)
				shot(p)
			}
			tb.open(t, h.base, "/routines")
			click(t, tb, "#duplicate-"+data.Evening)
			waitFor(t, tb, `document.querySelector("#custom-routines article") !== null`, "the copy is listed")
			id := strings.TrimPrefix(eval[string](t, tb, `document.querySelector("#custom-routines article").id`), "routine-")
			click(t, tb, "#delete-"+id)
			waitFor(t, tb, `document.getElementById("confirm-delete") !== null`, "the question is asked")
			shot("routines")
			click(t, tb, "#keep-"+id)
			click(t, tb, "#edit-"+id)
			waitFor(t, tb, `document.getElementById("editor") !== null`, "the editor opens")
			setField(t, tb, "#item-2-reps", "9")
			shot("routine-editor")
			tb.open(t, h.base, "/")
			shot("home")
			screenshot(t, tb, "home-top-"+theme+"-390x844")
		})
	}
}

// The saved theme, text size and motion apply before app.wasm runs: the
// page head applies them, under the Content-Security-Policy, so a person
// who chose dark never sees a light page while the app starts. The
// stylesheet the page carries applies too, under the same policy, with no
// link to wait for.
func TestSavedLookAppliesBeforeTheApp(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/")
	s := data.DefaultSettings()
	s.Theme, s.LargeText, s.ReduceMotion = data.ThemeDark, true, true
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	setItem(t, tb, store.SettingsKey, string(raw))
	// go-app leaves app.wasm alone with ?wasm=false: only the page runs.
	tb.do(t, "opening the page without the app", chromedp.Navigate(h.base+"/settings?wasm=false"))
	got := eval[string](t, tb, `["data-theme", "data-text", "data-motion"].map((a) => document.documentElement.getAttribute(a)).join(" ")`)
	if got != "dark large reduce" {
		t.Errorf("before the app runs the page has theme, text and motion %q, want \"dark large reduce\"", got)
	}
	if bg := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`); bg != "rgb(20, 22, 26)" {
		t.Errorf("before the app runs the page's background is %s, want the dark theme's rgb(20, 22, 26)", bg)
	}
	if links := eval[int](t, tb, `document.querySelectorAll('link[rel~="stylesheet"], link[as="style"]').length`); links != 0 {
		t.Errorf("the page links to %d stylesheets, want none: it carries them", links)
	}
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors (a refused inline script or style?): %v", errs)
	}
}

// The app speaks with the voice the person chose, and otherwise picks an
// English voice on the device: never a network voice, which would send
// the instructions to its vendor and fall silent offline.
func TestVoicePicking(t *testing.T) {
	h := setup(t)
	for _, c := range []struct{ chosen, want string }{
		{"", "local-en"},
		{"local-fr", "local-fr"},
		{"gone", "local-en"}, // a chosen voice the device no longer has
	} {
		t.Run("chosen "+c.chosen, func(t *testing.T) {
			tb := newTab(t)
			ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
			defer cancel()
			voices := `window.__voices = [
				{name: "Cloud", lang: "en-US", voiceURI: "network-en", localService: false},
				{name: "Amélie", lang: "fr-FR", voiceURI: "local-fr", localService: true},
				{name: "Daniel", lang: "en-GB", voiceURI: "local-en", localService: true},
			];`
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
				page.AddScriptToEvaluateOnNewDocumentParams{Source: voices}); err != nil {
				t.Fatal(err)
			}
			recordCues(t, tb)
			tb.open(t, h.base, "/settings")
			s := data.DefaultSettings()
			s.VoiceName = c.chosen
			raw, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			setItem(t, tb, store.SettingsKey, string(raw))
			tb.open(t, h.base, "/settings")
			click(t, tb, "#test-voice")
			waitFor(t, tb, `(window.__cues || []).some((c) => c.k === "voice")`, "the test sentence is spoken")
			if got := kinds(cues(t, tb), "voice"); len(got) != 1 || got[0] != c.want {
				t.Errorf("spoke with %q, want %q", got, c.want)
			}
		})
	}
}

// Two tabs on the routines screen: a routine duplicated in one shows in the
// other without a reload, and a change made in the other keeps it. A theme
// chosen in one applies in the other.
func TestRoutinesAndThemeInTwoTabs(t *testing.T) {
	h := setup(t)
	a := newTab(t)
	a.open(t, h.base, "/routines")
	b := a.sibling(t)
	b.open(t, h.base, "/routines")

	click(t, b, "#duplicate-"+data.Evening)
	waitFor(t, b, `document.querySelectorAll("#custom-routines article").length === 1`, "the second tab lists its copy")
	waitFor(t, a, `document.querySelectorAll("#custom-routines article").length === 1`, "the first tab shows the copy without a reload")

	click(t, a, "#duplicate-"+data.Morning)
	waitFor(t, a, `document.querySelectorAll("#custom-routines article").length === 2`, "the first tab lists both copies")
	raw, _ := getItem(t, a, store.RoutinesKey)
	var stored struct {
		Routines []data.Routine `json:"routines"`
	}
	if err := json.Unmarshal([]byte(raw), &stored); err != nil {
		t.Fatalf("stored %s: %v", raw, err)
	}
	var names []string
	for _, r := range stored.Routines {
		names = append(names, r.Name)
	}
	if got := strings.Join(names, ", "); got != "Evening routine (copy), Morning routine (copy)" {
		t.Errorf("stored routines %q, want both copies", got)
	}
	waitFor(t, b, `document.querySelectorAll("#custom-routines article").length === 2`, "the second tab shows the first tab's copy")

	// A theme chosen in one tab applies in the other at once.
	b.open(t, h.base, "/settings")
	click(t, b, "#theme-dark")
	waitFor(t, b, `document.documentElement.dataset.theme === "dark"`, "the dark theme applies in its tab")
	waitFor(t, a, `document.documentElement.dataset.theme === "dark"`, "the dark theme applies in the other tab")
	for _, tb := range []*tab{a, b} {
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	}
}
