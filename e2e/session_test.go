package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/internal/browsertest"
)

// cueRecorder replaces the browser's speech, vibration, wake lock and audio
// entry points with recorders, before any of the page's scripts run. Speech
// gets a fake English voice, since headless Chromium has none. Every call
// lands in window.__cues as {k: kind, v: value, t: page time in ms}; each
// utterance as "say" (its text) then "voice" (its voice's voiceURI).
//
// The fake voice takes time like a real one, on the page's clock (virtual
// time in most tests): it speaks one utterance after another from a queue,
// each for window.__speechMs[text] milliseconds when a test set that, else
// for a length below the plan's model (0.27 s a word, 0.9 s a line, over
// the rate), and logs "start" and "end" (then fires end) for each. cancel
// cuts the current utterance off as Chrome does: it logs "cut" and fires
// error "interrupted" on it, "canceled" on those queued, never end.
const cueRecorder = `(() => {
	const cues = window.__cues = [];
	const log = (k, v) => cues.push({k, v: v === undefined ? "" : String(v), t: Math.round(performance.now())});
	const voice = {name: "Test voice", lang: "en-GB", voiceURI: "test-voice", localService: true, default: true};
	window.SpeechSynthesisUtterance = function (text) { this.text = text; this.rate = 1; };
	const queue = [];
	let current = null, timer = 0;
	const length = (u) => {
		const table = window.__speechMs || {};
		if (u.text in table) return table[u.text];
		return (0.27 * u.text.split(/\s+/).length + 0.9) * 1000 / (u.rate || 1);
	};
	const next = () => {
		if (current || queue.length === 0) return;
		const u = current = queue.shift();
		log("start", u.text);
		timer = setTimeout(() => {
			current = null;
			log("end", u.text);
			if (u.onend) u.onend({type: "end", utterance: u});
			next();
		}, length(u));
	};
	Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
		// A test may set window.__voices first to offer other voices.
		getVoices: () => window.__voices || [voice],
		speak: (u) => { log("say", u.text); log("voice", u.voice ? u.voice.voiceURI : ""); queue.push(u); next(); },
		cancel: () => {
			const cut = current ? [current] : [];
			if (current) { clearTimeout(timer); log("cut", current.text); }
			current = null;
			const dropped = queue.splice(0);
			for (const u of cut) if (u.onerror) u.onerror({type: "error", error: "interrupted", utterance: u});
			for (const u of dropped) if (u.onerror) u.onerror({type: "error", error: "canceled", utterance: u});
		},
		get speaking() { return current !== null; },
		get pending() { return queue.length > 0; },
		addEventListener: () => {},
	}});
	Object.defineProperty(navigator, "vibrate", {configurable: true, value: (p) => { log("vibrate", JSON.stringify(p)); return true; }});
	Object.defineProperty(navigator, "wakeLock", {configurable: true, value: {
		request: (type) => {
			log("wakelock", type);
			const s = {released: false, type, addEventListener: () => {},
				release() { this.released = true; log("release"); return Promise.resolve(); }};
			return Promise.resolve(s);
		},
	}});
	// A tone is a buffer source (web/cues.js) or an oscillator.
	const start = OscillatorNode.prototype.start;
	OscillatorNode.prototype.start = function (...a) { log("tone", this.frequency.value); return start.apply(this, a); };
	const play = AudioBufferSourceNode.prototype.start;
	AudioBufferSourceNode.prototype.start = function (...a) { log("tone", this.buffer ? this.buffer.duration : 0); return play.apply(this, a); };
})();`

// cue is one entry of window.__cues.
type cue struct {
	K string  `json:"k"`
	V string  `json:"v"`
	T float64 `json:"t"`
}

// recordCues installs cueRecorder in tb for every page it loads from now.
func recordCues(t *testing.T, tb *tab) {
	t.Helper()
	inject(t, tb, cueRecorder)
}

// cues returns what the recorder has logged so far.
func cues(t *testing.T, tb *tab) []cue {
	t.Helper()
	var out []cue
	if err := json.Unmarshal([]byte(eval[string](t, tb, `JSON.stringify(window.__cues || [])`)), &out); err != nil {
		t.Fatalf("reading the cues: %v", err)
	}
	return out
}

// kinds returns the values of the cues of kind k, in order.
func kinds(cs []cue, k string) []string {
	var out []string
	for _, c := range cs {
		if c.K == k {
			out = append(out, c.V)
		}
	}
	return out
}

// advance lets the tab's virtual time run for d and waits until it has, so
// Go's timers and clock in the page move without waiting in real time.
func advance(t *testing.T, tb *tab, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Minute)
	defer cancel()
	if err := browsertest.Advance(ctx, d); err != nil {
		t.Fatal(err)
	}
}

// waitText waits until the first element matching selector has the text
// want, and fails with what it shows instead.
func waitText(t *testing.T, tb *tab, selector, want string) {
	t.Helper()
	var got string
	if browsertest.Poll(browsertest.TextTimeout, 25*time.Millisecond, func() (bool, error) {
		got = text(t, tb, selector)
		return got == want, nil
	}) != nil {
		t.Errorf("%s shows %q, want %q", selector, got, want)
	}
}

// act performs a user action, then lets virtual time run briefly so the app
// handles it: once a budget has expired the page's clock stands still, and
// Go in the page needs its timers to process an event.
func act(t *testing.T, tb *tab, what string, a chromedp.Action[chromedp.Void]) {
	t.Helper()
	tb.do(t, what, a)
	advance(t, tb, 300*time.Millisecond)
}

// text returns the trimmed text of the first element matching the CSS
// selector, or "" when there is none.
func text(t *testing.T, tb *tab, selector string) string {
	t.Helper()
	return eval[string](t, tb, browsertest.Text(selector))
}

func TestRoutineRunsToTheEndOnVirtualTime(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	recordCues(t, tb)
	tb.open(t, h.base, "/session/evening")

	plan := firstDayPlan(t, data.Evening)
	routine := plan.Routine
	if got := text(t, tb, "h1"); got != routine.Name {
		t.Fatalf("player heading %q, want %q", got, routine.Name)
	}
	screenshot(t, tb, "player-ready-390x844")
	// The page's clock at the tap: until virtual time starts, the page's
	// time runs in real time, which a busy machine stretches.
	eval[bool](t, tb, `document.addEventListener("click", (e) => {
		if (e.target.closest("#start")) window.__startAt = performance.now();
	}, {capture: true}) || true`)
	pressStart(t, tb)

	// A few seconds in: the get-ready lead-in with its countdown, which
	// shows the whole seconds left of it at the page's own clock.
	advance(t, tb, 3*time.Second)
	if got := text(t, tb, "#phase"); got != "Get ready" {
		t.Errorf("3 s in, phase %q, want Get ready", got)
	}
	lead := plan.Segments[0].Duration.Seconds()
	in := eval[float64](t, tb, `performance.now() - window.__startAt`)
	if got, want := text(t, tb, "#count"), fmt.Sprint(int(math.Ceil(lead-in/1000))); got != want || in < 3000 {
		t.Errorf("%.0f ms into a %v s lead-in the countdown shows %q, want %s", in, lead, got, want)
	}
	// The progress bar counts from 0 of the routine's seconds, not an
	// indeterminate bar.
	if got := eval[string](t, tb, `(b => b.getAttribute("value") + " of " + b.max)(document.getElementById("step-progress"))`); got != fmt.Sprintf("0 of %d", int(plan.Total/time.Second)) {
		t.Errorf("progress bar in the lead-in: %s, want 0 of %d", got, int(plan.Total/time.Second))
	}
	// Into the first hold: left knee to chest.
	advance(t, tb, plan.Segments[2].Start+2*time.Second-3*time.Second)
	if got := text(t, tb, "#instruction"); !strings.Contains(got, "left knee") {
		t.Errorf("first hold shows %q, want the left knee", got)
	}
	if got := text(t, tb, "#where"); !strings.Contains(got, "Round 1 of 2") || !strings.Contains(got, "Left side") {
		t.Errorf("first hold says %q, want round 1 of 2, left side", got)
	}
	if !eval[bool](t, tb, `document.querySelector("#player .figure--knee-left") !== null`) {
		t.Error("the first hold does not show the left-knee figure")
	}
	screenshot(t, tb, "player-hold-390x844")

	advance(t, tb, plan.Total)
	if got := text(t, tb, "#finished-title"); got != "Well done" {
		t.Fatalf("after the whole routine the title is %q, want Well done", got)
	}
	results := text(t, tb, "#results")
	for _, name := range []string{"Knee-to-chest stretch", "Lower-back rotational stretch", "Cat stretch"} {
		if !strings.Contains(results, name) {
			t.Errorf("finished screen lacks %q: %q", name, results)
		}
	}
	for _, c := range []string{"2 of 2 rounds", "3 of 3 rounds"} {
		if !strings.Contains(results, c) {
			t.Errorf("finished screen lacks %q: %q", c, results)
		}
	}
	screenshot(t, tb, "finished-390x844")

	got := cues(t, tb)
	var want []string
	for _, s := range plan.Segments {
		want = append(want, s.Say)
	}
	if said := kinds(got, "say"); strings.Join(said, "\n") != strings.Join(want, "\n") {
		t.Errorf("spoken steps are not the plan in order:\ngot  %d %q\nwant %d %q", len(said), said, len(want), want)
	}
	if n := len(kinds(got, "tone")); n < len(plan.Segments) {
		t.Errorf("%d tones for %d steps: beeps missing", n, len(plan.Segments))
	}
	if n := len(kinds(got, "vibrate")); n == 0 {
		t.Error("no vibration at any change")
	}
	locks, releases := kinds(got, "wakelock"), kinds(got, "release")
	if len(locks) == 0 || len(releases) != len(locks) {
		t.Errorf("wake lock taken %d times, released %d times; want taken and released at the end", len(locks), len(releases))
	}
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
	if foreign := tb.foreignRequests(h.base); len(foreign) > 0 {
		t.Errorf("requests to another origin: %v", foreign)
	}
}

// TestScreens walks through every screen in light and dark, on a phone and a
// desktop, and saves screenshots to look at. It also checks that each screen
// rendered (not the error page) and that the player shows a figure.
func TestScreens(t *testing.T) {
	h := setup(t)
	sizes := []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"390x844", 390, 844, true}, {"1280x800", 1280, 800, false}}
	for _, theme := range []string{"light", "dark"} {
		for _, size := range sizes {
			t.Run(theme+"-"+size.name, func(t *testing.T) {
				tb := newTab(t)
				opts := []chromedp.EmulateViewportOption{}
				if size.mobile {
					opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
				}
				tb.do(t, "emulating the screen", chromedp.EmulateViewport(size.width, size.height, opts...))
				colourScheme(t, tb, theme)
				recordCues(t, tb)
				shot := func(screen string) { screenshot(t, tb, screen+"-"+theme+"-"+size.name) }

				tb.open(t, h.base, "/")
				shot("home")
				tb.open(t, h.base, "/exercise/"+data.KneeToChest)
				waitText(t, tb, "h1", "Knee-to-chest stretch")
				shot("exercise")
				tb.open(t, h.base, "/session/"+data.Bridge)
				pressStart(t, tb)
				// Get ready, position, into the first hold's instruction,
				// then into its first breath.
				plan := firstDayPlan(t, data.Bridge)
				told := plan.Segments[find(plan, data.KindInstruct)].Start
				advance(t, tb, told+time.Second)
				if got := text(t, tb, "#phase"); got != "Get ready to hold" {
					t.Errorf("the bridge's instruction shows %q, want Get ready to hold", got)
				}
				shot("player-instruct")
				advance(t, tb, plan.Segments[find(plan, data.KindHold)].Start-told)
				if !eval[bool](t, tb, `document.querySelector("#player .figure--bridge") !== null`) {
					t.Error("the bridge hold does not show the bridge figure")
				}
				shot("player")
				act(t, tb, "pausing with Space", chromedp.KeyEvent(" "))
				if got := text(t, tb, "#paused"); got != "Paused" {
					t.Errorf("after Space the player shows %q, want Paused", got)
				}
				shot("player-paused")
				act(t, tb, "ending", chromedp.Click(chromedp.CSS("#end")))
				act(t, tb, "confirming", chromedp.Click(chromedp.CSS("#confirm-end")))
				// Ended in the first hold: no hold done, so no session
				// kept (issue 17).
				if got := text(t, tb, "#finished-title"); got != "Session ended" {
					t.Errorf("after ending in the first hold the title is %q, want Session ended", got)
				}
				shot("finished")
			})
		}
	}
}

// TestFrozenPageKeepsTime freezes the page mid-session in real time, as a
// phone does when it locks, and checks that on waking the session is where
// the wall clock says, and that the steps passed while frozen are not
// spoken in a burst: only the current one is.
func TestFrozenPageKeepsTime(t *testing.T) {
	h := setup(t)
	tb := playerTab(t, h, data.Evening)
	plan := firstDayPlan(t, data.Evening)
	pressStart(t, tb)
	started := time.Now()
	time.Sleep(500 * time.Millisecond)
	before := len(kinds(cues(t, tb), "say"))

	setState := func(s page.SetWebLifecycleStateState) {
		ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
		defer cancel()
		if _, err := chromedp.Call(ctx, page.SetWebLifecycleState, page.SetWebLifecycleStateParams{State: s}); err != nil {
			t.Fatalf("setting the page %s: %v", s, err)
		}
	}
	// 22 s frozen: past get ready (10 s), into the position (17 s), the
	// lead-in's words long over; the step found late waits for no voice.
	setState(page.SetWebLifecycleStateStateFrozen)
	time.Sleep(22 * time.Second)
	setState(page.SetWebLifecycleStateStateActive)
	time.Sleep(700 * time.Millisecond)

	elapsed := time.Since(started)
	want := plan.At(elapsed)
	if got := text(t, tb, "#instruction"); got != want.Segment.Text {
		t.Errorf("after %v (22 s frozen) the player shows %q, want %q", elapsed.Round(time.Millisecond), got, want.Segment.Text)
	}
	// The count is read a moment later than elapsed, which on a busy
	// machine can be a second: it may show any second from elapsed less
	// 1 s of page lag to the instant of the read.
	count := text(t, tb, "#count")
	read := time.Since(started)
	ok := false
	for at := elapsed - time.Second; at <= read; at += 100 * time.Millisecond {
		ok = ok || count == fmt.Sprint(plan.At(at).SecondsLeft())
	}
	if !ok {
		t.Errorf("countdown shows %s, want %d to %d (1 s of page lag, %v to read)", count,
			plan.At(elapsed-time.Second).SecondsLeft(), plan.At(read).SecondsLeft(), (read - elapsed).Round(time.Millisecond))
	}
	said := kinds(cues(t, tb), "say")[before:]
	if len(said) != 1 || said[0] != want.Segment.Say {
		t.Errorf("on waking the player said %q, want only the current step %q", said, want.Segment.Say)
	}
}

// pressStart starts the session on the player's ready screen, first
// accepting the safety advice when the app asks for it, as a person would
// before their first session.
func pressStart(t *testing.T, tb *tab) {
	t.Helper()
	untilShown(t, tb, `document.getElementById("start") || document.getElementById("safety-accept")`,
		"the player shows neither Start nor the safety advice")
	if eval[bool](t, tb, `document.getElementById("safety-accept") !== null`) {
		tb.do(t, "accepting the safety advice", chromedp.Click(chromedp.CSS("#safety-accept")))
		untilShown(t, tb, `document.getElementById("start")`, "no Start button after accepting the safety advice")
	}
	tb.do(t, "pressing Start", chromedp.Click(chromedp.CSS("#start")))
}

// untilShown waits until the expression finds an element, failing with
// what otherwise. It waits in real time first, then lets virtual time run
// a little, as the tab's virtual time may stand still.
func untilShown(t *testing.T, tb *tab, expr, what string) {
	t.Helper()
	for i := 0; !eval[bool](t, tb, `!!(`+expr+`)`); i++ {
		switch {
		case i == 170:
			t.Fatalf("%s: %q", what, text(t, tb, "main"))
		case i < 120:
			// Real time first (3 s): tests that follow the wall
			// clock must not switch the tab to virtual time.
			time.Sleep(25 * time.Millisecond)
		default:
			advance(t, tb, 100*time.Millisecond)
		}
	}
}

func TestSafetyAdviceComesBeforeTheFirstSession(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/session/"+data.Evening)
	untilShown(t, tb, `document.getElementById("start") || document.getElementById("safety-gate")`,
		"the player shows neither Start nor the safety advice")
	if eval[bool](t, tb, `document.getElementById("start") !== null`) {
		t.Fatal("Start offered before the safety advice was read")
	}
	gate := text(t, tb, "#safety-gate")
	for _, want := range []string{"not medical advice", "emergency"} {
		if !strings.Contains(strings.ToLower(gate), want) {
			t.Errorf("the safety gate does not mention %q: %q", want, gate)
		}
	}
	screenshot(t, tb, "safety-gate-390x844")
	pressStart(t, tb)
	// Once accepted, the next session starts straight away.
	again := tb.sibling(t)
	again.open(t, h.base, "/session/"+data.Morning)
	if eval[bool](t, again, `document.getElementById("safety-gate") !== null`) {
		t.Error("the safety gate came back after it was accepted")
	}
}

// firstDayPlan is the plan the player runs for routine id on a first visit:
// default settings, and the doses suggested for an empty history.
func firstDayPlan(t *testing.T, id string) data.Plan {
	t.Helper()
	cat := data.DefaultCatalogue()
	r, ok := data.FindRoutine(cat, id)
	if !ok {
		t.Fatalf("no routine %q", id)
	}
	r = data.PlanToday(r, cat, nil, time.Now().Format(data.DateLayout)).Routine
	plan, err := data.Compile(r, cat, data.DefaultSettings().Timing())
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// Without web/cues.js (a failed load) there are no sounds, but each step
// still says what to do.
func TestStepsShowWithoutTheCuesScript(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	// As if cues.js had not loaded: its object is never defined.
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, "unknotCues", {get() {}, set(v) {}})`,
	}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, h.base, "/session/evening")
	if eval[bool](t, tb, `window.unknotCues !== undefined`) {
		t.Fatal("web/cues.js's object is there")
	}
	pressStart(t, tb)
	plan := firstDayPlan(t, data.Evening)
	advance(t, tb, plan.Segments[2].Start+2*time.Second)
	if got := text(t, tb, "#instruction"); !strings.Contains(got, "left knee") {
		t.Errorf("first hold shows %q, want the left knee", got)
	}
	if got := text(t, tb, "#where"); !strings.Contains(got, "Round 1 of 2") {
		t.Errorf("first hold says %q, want round 1 of 2", got)
	}
}

// find is the index of the first segment of p of kind k.
func find(p data.Plan, k data.Kind) int {
	for i, s := range p.Segments {
		if s.Kind == k {
			return i
		}
	}
	return -1
}
