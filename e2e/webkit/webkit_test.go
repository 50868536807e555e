package webkit

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// What a new user of an iPhone would meet, checked in WebKit. Every test
// ends by checking that the page reported no JavaScript error (newPage).

func TestHomeNamesTheExercises(t *testing.T) {
	p := newPage(t)
	p.open("/")
	list := p.text("#exercise-list")
	for _, e := range data.DefaultCatalogue() {
		if !strings.Contains(list, e.Name) {
			t.Errorf("home page does not name %q: %.200q", e.Name, list)
		}
	}
	p.screenshot("home")

	// The error record catches what it must, or its silence means nothing.
	p.checkNoErrors()
	p.run(`setTimeout(() => { throw new Error("thrown") });
		Promise.reject(new Error("rejected"));
		console.error("logged");`, nil)
	p.waitFor(`JSON.parse(sessionStorage.getItem("unknot-test-errors") || "[]").length === 3`, "three errors recorded")
	if got := strings.Join(p.errors(), "\n"); !strings.Contains(got, "uncaught: Error: thrown") ||
		!strings.Contains(got, "unhandled rejection: Error: rejected") || !strings.Contains(got, "console.error: logged") {
		t.Errorf("the error record holds:\n%s", got)
	}
	p.run(`sessionStorage.removeItem("unknot-test-errors")`, nil)
}

func TestExercisePagesShowTheirPictures(t *testing.T) {
	p := newPage(t)
	for _, e := range data.DefaultCatalogue() {
		p.open("/exercise/" + e.ID)
		p.waitText("h1", e.Name)
		var got []string
		p.run(`return [...document.querySelectorAll(".positions .figure[role=img]")].map(f =>
			[...f.classList].find(c => c.startsWith("figure--") && c !== "figure--large") + "|" +
			(f.getAttribute("aria-label") ? "labelled" : "unlabelled") + "|" +
			// A drawn picture has a size: WebKit lays out the SVG.
			((s) => s && s.getBoundingClientRect().width > 0 ? "drawn" : "empty")(f.querySelector("svg")))`, &got)
		poses := e.Poses()
		if len(got) != len(poses) {
			t.Errorf("%s: %d pictures, want %d (%v)", e.ID, len(got), len(poses), poses)
			continue
		}
		for i, pose := range poses {
			if want := "figure--" + pose + "|labelled|drawn"; got[i] != want {
				t.Errorf("%s: picture %d is %q, want %q", e.ID, i+1, got[i], want)
			}
		}
	}
	p.run(`document.querySelector(".positions").scrollIntoView({behavior: "instant"})`, nil)
	p.screenshot("exercise-pictures")
}

// shortest is the single exercise whose first session is the shortest, and
// that session's plan.
func shortest(t *testing.T) data.Plan {
	t.Helper()
	cat := data.DefaultCatalogue()
	var best data.Plan
	for _, e := range cat {
		r := data.PlanToday(data.SingleRoutine(e), cat, nil, time.Now().Format(data.DateLayout)).Routine
		plan, err := data.Compile(r, cat, data.DefaultSettings().Timing())
		if err != nil {
			t.Fatal(err)
		}
		if best.Total == 0 || plan.Total < best.Total {
			best = plan
		}
	}
	return best
}

// count returns the player's countdown as a number.
func count(p *page) int {
	p.t.Helper()
	s := p.text("#count")
	n, err := strconv.Atoi(s)
	if err != nil {
		p.t.Fatalf("the countdown shows %q, not a number", s)
	}
	return n
}

// TestSessionInRealTime plays the shortest single exercise on the wall
// clock: the countdown moves, pause holds it, resume moves it again, the
// session finishes and is in the history after a reload.
func TestSessionInRealTime(t *testing.T) {
	plan := shortest(t)
	routine := plan.Routine
	p := newPage(t)
	p.open("/session/" + routine.ID)
	p.waitText("h1", routine.Name)
	p.waitFor(`document.getElementById("start") || document.getElementById("safety-accept")`, "Start or the safety advice")
	if p.is(`document.getElementById("safety-accept")`) {
		p.click("#safety-accept")
		p.waitFor(`document.getElementById("start")`, "Start after the safety advice")
	}
	p.screenshot("player-ready")
	started := time.Now()
	p.click("#start")
	p.waitFor(`document.getElementById("count")`, "the countdown")

	// The get-ready lead-in counts down on the wall clock.
	first := count(p)
	time.Sleep(2500 * time.Millisecond)
	if later := count(p); later >= first {
		t.Errorf("2.5 s after %d the countdown shows %d: it does not move", first, later)
	}
	p.screenshot("player-running")

	p.click("#pause")
	p.waitFor(`document.getElementById("paused")`, "the paused badge")
	if got := p.text("#pause"); got != "Resume" {
		t.Errorf("paused, the button says %q, want Resume", got)
	}
	held := count(p)
	pausedAt := time.Now()
	time.Sleep(2500 * time.Millisecond)
	if now := count(p); now != held {
		t.Errorf("paused at %d, the countdown moved to %d", held, now)
	}
	p.click("#pause")
	p.waitFor(`!document.getElementById("paused")`, "the paused badge to go")
	paused := time.Since(pausedAt)
	time.Sleep(2500 * time.Millisecond)
	if now := count(p); now == held {
		t.Errorf("resumed at %d, the countdown stood still", held)
	}

	// The rest of the session, in real time.
	left := plan.Total + paused - time.Since(started)
	deadline := time.Now().Add(left + 20*time.Second)
	for !p.is(`document.getElementById("finished-title")`) {
		if time.Now().After(deadline) {
			t.Fatalf("%v after Start (%v of session, %v paused) the session has not finished: %.300q",
				time.Since(started).Round(time.Second), plan.Total, paused.Round(time.Second), p.text("main"))
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("%s finished %v after Start (%v of session, %v paused)", routine.Name,
		time.Since(started).Round(100*time.Millisecond), plan.Total, paused.Round(100*time.Millisecond))
	p.waitText("#finished-title", "Well done")
	p.waitFor(`document.getElementById("saved")`, "the saved note")
	p.screenshot("finished")

	// After a reload, the history lists it.
	p.reload()
	p.open("/history")
	p.waitFor(`document.querySelector("#recent .hist-session")`, "a session in the history")
	if got := p.text("#recent .hist-session .session-routine"); got != routine.Name {
		t.Errorf("the history lists %q, want %q", got, routine.Name)
	}
	if got := p.text("#recent .hist-session .session-badge"); got != "Complete" {
		t.Errorf("the session's badge says %q, want Complete", got)
	}
}

// TestOfflineAfterTheWorkerControls: the service worker takes control, and
// with the server gone / and deep routes still open.
func TestOfflineAfterTheWorkerControls(t *testing.T) {
	h := setup(t)
	p := newPage(t)
	p.open("/")
	p.waitControlled()
	p.reload()
	if got := p.serviceWorker(); got != "controlled" {
		t.Fatalf("after a reload the service worker is %q, want controlled", got)
	}

	if err := h.app.Stop(); err != nil {
		t.Fatalf("stopping the server: %v", err)
	}
	t.Cleanup(func() {
		if err := h.app.Start(); err != nil {
			t.Errorf("restarting the server: %v", err)
		}
	})
	if _, err := http.Get(h.app.Base + "/"); err == nil {
		t.Fatal("the server still answers")
	}
	routes := []struct{ path, selector, want string }{
		{"/", "#exercise-list", data.DefaultCatalogue()[0].Name},
		{"/exercise/" + data.Bridge, "h1", "Bridge"},
		{"/session/" + data.Evening, "h1", "Evening routine"},
	}
	for _, r := range routes {
		p.open(r.path)
		if got := p.text(r.selector); !strings.Contains(got, r.want) {
			t.Errorf("offline, %s shows %q in %s, want %q", r.path, got, r.selector, r.want)
		}
		var path string
		p.run(`return location.pathname`, &path)
		if path != r.path {
			t.Errorf("offline, %s opened as %s", r.path, path)
		}
	}
}

// TestMissingFeaturesAreExplained: WebKit on this machine has no
// navigator.vibrate and no navigator.storage.persist, and the voices it
// lists are not ones the app will speak with unasked (web/cues.js). For each
// missing feature the app says what it does instead, and a session still
// runs (TestSessionInRealTime). Where the engine has the feature the app
// must not claim it is missing.
func TestMissingFeaturesAreExplained(t *testing.T) {
	p := newPage(t)
	p.open("/settings")
	var engine struct {
		Vibrate, Persist bool
		// Listed: voices with a voiceURI, which Settings can keep.
		// Usable: local English voices, which the player picks unasked.
		Listed, Usable int
	}
	p.run(`const v = window.speechSynthesis ? speechSynthesis.getVoices() : [];
		return {Vibrate: typeof navigator.vibrate === "function",
			Persist: !!(navigator.storage && navigator.storage.persist),
			Listed: v.filter(x => x.voiceURI).length,
			Usable: v.filter(x => x.localService && /^en/i.test(x.lang)).length}`, &engine)
	t.Logf("this engine: %+v", engine)

	// Settings: vibration and voices.
	// Settings asks the engine what it can do as it mounts and draws the
	// note after that: the loader can be gone before (one suite run in
	// this session read the note as "").
	if !engine.Vibrate {
		p.waitText("#set-vibration-note", noVibration)
	}
	if vib := p.text("#set-vibration-note"); engine.Vibrate && vib != "" {
		t.Errorf("with navigator.vibrate Settings says %q", vib)
	}
	if engine.Listed == 0 { // drawn once Settings has asked for the voices
		p.waitFor(`(document.querySelector("#no-voices") || {}).textContent`, "Settings' note that no voice is listed")
	}
	voices := p.text("#no-voices")
	if (engine.Listed == 0) != (voices != "") {
		t.Errorf("with %d voices listed Settings says %q about voices", engine.Listed, voices)
	}
	p.click("#test-voice")
	if engine.Usable == 0 {
		p.waitText("#no-voice", "No voice could speak on this device.")
	}
	p.screenshot("settings")

	// The player: the same note under its vibration switch, and the
	// voice's absence said once speech was wanted.
	plan := shortest(t)
	p.open("/session/" + plan.Routine.ID)
	p.waitFor(`document.getElementById("start") || document.getElementById("safety-accept")`, "Start or the safety advice")
	if got := p.text("#cue-vibration-note"); !engine.Vibrate && got != noVibration {
		t.Errorf("without navigator.vibrate the player says %q under its vibration switch, want %q", got, noVibration)
	}
	// Without a voice the ready screen says so, before Start: the session
	// is paced for reading.
	const noVoice = "This device has no voice for speech, so Unknot will guide you with beeps, and each step lasts as long as its words take to read."
	if engine.Usable == 0 {
		p.waitFor(`[...document.querySelectorAll("#player .notice")].some(n => n.textContent.trim() === `+browsertest.JSString(noVoice)+`)`,
			"the ready screen to say there is no voice")
	}
	if p.is(`document.getElementById("safety-accept")`) {
		p.click("#safety-accept")
		p.waitFor(`document.getElementById("start")`, "Start after the safety advice")
	}
	p.click("#start")
	p.waitFor(`document.getElementById("count")`, "the countdown")

	// Finish at once, to reach the persistence note: "This hurts" ends the
	// session and keeps it (a session ended before any hold otherwise is
	// not kept, so nothing is saved and no note is shown).
	p.click("#hurt")
	p.waitFor(`document.getElementById("finished-title")`, "the finished screen after This hurts")
	p.waitFor(`document.getElementById("persisted")`, "the note on keeping the data")
	persisted := p.text("#persisted")
	if !engine.Persist && persisted != notPersisted {
		t.Errorf("without navigator.storage.persist the finished screen says %q, want %q", persisted, notPersisted)
	}
	p.screenshot("finished-skipped")
}

// What the app says where a feature is missing.
const (
	noVibration  = "This browser cannot vibrate: each change still shows on the screen, and sounds when beeps are on."
	notPersisted = "Your browser may clear Unknot's data if space runs low: back up from History now and then."
)

// TestChosenThemesColourThePage: the theme chosen in Settings colours the
// page, dark then light again: a dark page with light text, then the
// reverse. Its colours come from one stylesheet block in which every colour
// pairs its light value with its dark one (web/app.css), which WebKit must
// resolve as Chromium does.
func TestChosenThemesColourThePage(t *testing.T) {
	p := newPage(t)
	p.open("/")
	for _, c := range []struct {
		theme string
		shows func(background, text float64) bool // by their luminance
	}{
		{data.ThemeDark, func(bg, text float64) bool { return bg < 0.05 && text > 0.6 }},
		{data.ThemeLight, func(bg, text float64) bool { return bg > 0.8 && text < 0.05 }},
	} {
		s := data.DefaultSettings()
		s.Theme = c.theme
		st := &store.MemoryStorage{}
		if err := store.SaveSettings(st, s); err != nil {
			t.Fatal(err)
		}
		raw, _ := st.GetRaw(store.SettingsKey)
		p.run(browsertest.Return(browsertest.SetItems(map[string]*string{store.SettingsKey: &raw})), nil)
		p.reload()
		var got struct{ Background, Text string }
		p.run(`const b = getComputedStyle(document.body); return {Background: b.backgroundColor, Text: b.color}`, &got)
		if bg, text := luminance(t, got.Background), luminance(t, got.Text); !c.shows(bg, text) {
			t.Errorf("with the %s theme chosen the page is %s with text %s (luminance %.2f on %.2f)", c.theme, got.Background, got.Text, text, bg)
		}
		p.screenshot("home-" + c.theme)
	}
}

// luminance is WCAG 2's relative luminance of a computed "rgb(r, g, b)".
func luminance(t *testing.T, rgb string) float64 {
	t.Helper()
	var c [3]float64
	if _, err := fmt.Sscanf(rgb, "rgb(%g, %g, %g)", &c[0], &c[1], &c[2]); err != nil {
		t.Fatalf("%q is not an rgb() colour: %v", rgb, err)
	}
	for i, v := range c {
		v /= 255
		if v <= 0.03928 {
			c[i] = v / 12.92
		} else {
			c[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
