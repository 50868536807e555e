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
)

// voiceTab opens routine's player in a new tab whose fake voice (see
// cueRecorder) says each line of plan for its modelled time at the
// default speed, times slowness.
func voiceTab(t *testing.T, h *harness, routine string, plan data.Plan, slowness float64) *tab {
	t.Helper()
	tb := newTab(t)
	table := map[string]float64{}
	for _, s := range plan.Segments {
		table[s.Say] = float64(data.SpeakingTime(s.Say, plan.Timing.Voice).Milliseconds()) * slowness
	}
	raw, err := json.Marshal(table)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: "window.__speechMs = " + string(raw) + ";"}); err != nil {
		t.Fatal(err)
	}
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+routine)
	return tb
}

// playOnVirtualTime lets the tab's clock run until the finished screen
// shows, at most for limit.
func playOnVirtualTime(t *testing.T, tb *tab, limit time.Duration) {
	t.Helper()
	for waited := time.Duration(0); text(t, tb, "#finished-title") == ""; waited += 10 * time.Second {
		if waited > limit {
			t.Fatalf("not finished after %v of virtual time: %q", limit, text(t, tb, "main"))
		}
		advance(t, tb, 10*time.Second)
	}
}

// TestEveryLineIsHeardToItsEnd plays the short routine on virtual time
// with a voice that takes its modelled time, and with one half as slow
// again: no utterance is cut off, no step is given to the voice before the
// words of the one before have ended, every hold lasts its full time from
// its go-cue, and only the slow voice makes the session end late.
func TestEveryLineIsHeardToItsEnd(t *testing.T) {
	h := setup(t)
	for _, slowness := range []float64{1, 1.5} {
		t.Run(fmt.Sprintf("voice %gx the model", slowness), func(t *testing.T) {
			plan := firstDayPlan(t, data.Short)
			tb := voiceTab(t, h, data.Short, plan, slowness)
			pressStart(t, tb)
			playOnVirtualTime(t, tb, 2*plan.Total)
			advance(t, tb, 10*time.Second) // the last line is said over the finished screen

			got := cues(t, tb)
			if cut := kinds(got, "cut"); len(cut) > 0 {
				t.Errorf("%d utterances cut off, the first %q", len(cut), cut[0])
			}
			var says []cue
			var lastEnd float64
			for _, c := range got {
				switch c.K {
				case "say":
					if c.T < lastEnd {
						t.Errorf("%q given at %.0f ms, while the line before was said until %.0f ms", c.V, c.T, lastEnd)
					}
					says = append(says, c)
				case "end":
					lastEnd = c.T
				}
			}
			if len(says) != len(plan.Segments) || len(kinds(got, "end")) != len(says) {
				t.Fatalf("%d lines said, %d ended; want the plan's %d", len(says), len(kinds(got, "end")), len(plan.Segments))
			}
			segs := plan.Segments
			for i := 1; i < len(segs); i++ {
				if says[i].V != segs[i].Say {
					t.Fatalf("line %d: %q, want %q", i, says[i].V, segs[i].Say)
				}
				if segs[i-1].Kind == data.KindHold {
					want := float64(segs[i-1].Duration.Milliseconds())
					if d := says[i].T - says[i-1].T; d < want-5 || d > want+300 {
						t.Errorf("the hold before line %d lasted %.0f ms, want %.0f", i, d, want)
					}
				}
			}
			// From the first step on virtual time (the lead-in's line is
			// given in real time, at the tap on Start).
			late := says[len(says)-1].T - says[1].T - float64((plan.Total - segs[1].Start).Milliseconds())
			if slowness == 1 && (late < -5 || late > 300) {
				t.Errorf("a voice at the model's speed ended the session %.0f ms off the plan", late)
			}
			if slowness > 1 && late < 1000 {
				t.Errorf("a slow voice ended the session %.0f ms late; want the waits for its words", late)
			}
			t.Logf("voice %gx: %d lines, none cut, the end %.1f s after the plan's", slowness, len(says), late/1000)
		})
	}
}

// TestSkipBackAndPauseCutSpeech: the person's skip, back and pause stop
// the words at once, and the new step (or the resumed one) is said.
func TestSkipBackAndPauseCutSpeech(t *testing.T) {
	h := setup(t)
	plan := firstDayPlan(t, data.Short)
	tb := voiceTab(t, h, data.Short, plan, 1)
	pressStart(t, tb)
	advance(t, tb, time.Second)
	for i, button := range []string{"#skip", "#back", "#pause"} {
		saying := lastOf(cues(t, tb), "start")
		act(t, tb, "pressing "+button, chromedp.Click(chromedp.CSS(button)))
		cut := kinds(cues(t, tb), "cut")
		if len(cut) != i+1 || cut[i] != saying {
			t.Errorf("%s: cut %q, want %q cut at once", button, cut, saying)
		}
		advance(t, tb, time.Second)
	}
	if said := lastOf(cues(t, tb), "say"); !strings.Contains(text(t, tb, "#paused"), "Paused") || said == "" {
		t.Errorf("paused: badge %q, last line %q", text(t, tb, "#paused"), said)
	}
}

// lastOf is the value of the last cue of kind k.
func lastOf(cs []cue, k string) string {
	v := kinds(cs, k)
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}
