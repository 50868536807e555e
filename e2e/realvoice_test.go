package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// speechWatch leaves the browser's speech as it is and writes down every
// utterance the page gives it, and what becomes of it, in window.__speech:
// {k: "say", "start", "end", "error" or "cancel", v: the text or error, t:
// page time in ms}.
const speechWatch = `(() => {
	const log = window.__speech = [];
	const note = (k, v) => log.push({k, v: String(v || ""), t: performance.now()});
	const speak = speechSynthesis.speak.bind(speechSynthesis);
	speechSynthesis.speak = (u) => {
		note("say", u.text);
		u.addEventListener("start", () => note("start", u.text));
		u.addEventListener("end", () => note("end", u.text));
		u.addEventListener("error", (e) => note("error", e.error + ": " + u.text));
		speak(u);
	};
	const cancel = speechSynthesis.cancel.bind(speechSynthesis);
	speechSynthesis.cancel = () => { note("cancel"); cancel(); };
})();`

// TestRealVoiceSaysEveryLineToItsEnd plays one exercise in real time with
// Chromium's real voice: espeak-ng through speech-dispatcher, which needs
// Chromium's --enable-speech-dispatcher, the speech-dispatcher-espeak-ng
// package and a running sound server (pulseaudio with a null sink will
// do). Every utterance must end on its own, none cut off or failed. It
// skips where Chromium lists no English voice.
func TestRealVoiceSaysEveryLineToItsEnd(t *testing.T) {
	h := setup(t)
	startSoundServer(t)
	browser, stop, err := browsertest.Chrome{Tmp: h.tmp, Profile: "profile-voice", Voice: true}.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	tb := watch(t, browser)
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: speechWatch}); err != nil {
		t.Fatal(err)
	}
	cancel()

	// The fastest voice and the shortest lead-in keep the real-time run
	// short; the rates the plan is checked at natively include 1.5.
	s := data.DefaultSettings()
	s.VoiceRate, s.GetReadySeconds, s.SafetyAccepted = data.MaxVoiceRate, data.MinGetReadySeconds, true
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	tb.open(t, h.base, "/")
	setItem(t, tb, store.SettingsKey, string(raw))
	tb.open(t, h.base, "/session/"+data.KneeToChest)

	voices := 0
	// speech-dispatcher starts on the first ask; its voices come seconds later.
	for i := 0; i < 200 && voices == 0; i++ {
		voices = eval[int](t, tb, `speechSynthesis.getVoices().filter((v) => v.localService && v.lang.startsWith("en")).length`)
		time.Sleep(100 * time.Millisecond)
	}
	if voices == 0 {
		t.Skip("Chromium lists no English voice through speech-dispatcher here (it needs speech-dispatcher-espeak-ng and a running sound server, e.g. pulseaudio with a null sink)")
	}

	cat := data.DefaultCatalogue()
	r, _ := data.FindRoutine(cat, data.KneeToChest)
	r = data.PlanToday(r, cat, nil, time.Now().Format(data.DateLayout)).Routine
	plan, err := data.Compile(r, cat, s.Timing())
	if err != nil {
		t.Fatal(err)
	}
	pressStart(t, tb)
	deadline := time.Now().Add(plan.Total + data.MaxVoiceWait*time.Duration(len(plan.Segments)) + time.Minute)
	for text(t, tb, "#finished-title") == "" {
		if time.Now().After(deadline) {
			t.Fatalf("not finished by %v: %q", plan.Total, text(t, tb, "main"))
		}
		time.Sleep(time.Second)
	}
	time.Sleep(5 * time.Second) // the last line, over the finished screen

	var log []struct {
		K, V string
		T    float64
	}
	if err := json.Unmarshal([]byte(eval[string](t, tb, `JSON.stringify(window.__speech)`)), &log); err != nil {
		t.Fatal(err)
	}
	started := map[string]float64{}
	said, ended, slowest, slowLine := 0, 0, 0.0, ""
	for _, e := range log {
		switch e.K {
		case "say":
			said++
		case "start":
			started[e.V] = e.T
		case "end":
			ended++
			took := time.Duration((e.T - started[e.V]) * float64(time.Millisecond))
			model := data.SpeakingTime(e.V, s.VoiceRate)
			if r := float64(took) / float64(model); r > slowest {
				slowest, slowLine = r, fmt.Sprintf("%q: %v spoken, %v modelled", e.V, took.Round(time.Millisecond), model)
			}
		case "error", "cancel":
			t.Errorf("the voice was cut off or failed: %s %q", e.K, e.V)
		}
	}
	if said != len(plan.Segments) || ended != said {
		t.Errorf("%d lines given, %d ended on their own; want all %d of the plan", said, ended, len(plan.Segments))
	}
	t.Logf("%d lines spoken by the real voice at rate %g, each to its end; the slowest took %.0f%% of its modelled time (%s)",
		ended, s.VoiceRate, 100*slowest, slowLine)
}

// startSoundServer gets the real voice ready the way Chromium needs it
// here (see the voice notes): a sound server with a silent output, and no
// speech-dispatcher left from before it was up, which would give no voices
// or speech that never ends. It skips the test when pulseaudio is missing
// (make test installs it), and stops what it started when the test ends.
func startSoundServer(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pulseaudio"); err != nil {
		t.Skip("no pulseaudio: the real voice needs a sound server (make test installs pulseaudio and speech-dispatcher)")
	}
	exec.Command("pkill", "-x", "speech-dispatcher").Run()
	if home, err := os.UserHomeDir(); err == nil {
		os.RemoveAll(filepath.Join(home, ".cache", "speech-dispatcher"))
	}
	if exec.Command("pulseaudio", "--check").Run() != nil {
		if out, err := exec.Command("pulseaudio", "-D", "--exit-idle-time=-1").CombinedOutput(); err != nil {
			t.Skipf("pulseaudio did not start: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("pulseaudio", "--kill").Run() })
	}
	exec.Command("pactl", "load-module", "module-null-sink", "sink_name=nul").Run()
	if out, err := exec.Command("pactl", "set-default-sink", "nul").CombinedOutput(); err != nil {
		t.Skipf("no silent output for the voice: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("pkill", "-x", "speech-dispatcher").Run() })
}
