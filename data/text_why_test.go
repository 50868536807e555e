package data_test

import (
	"strings"
	"testing"

	"unknot/data"
)

// The bullets under "Why" of issue 23 that are words: the voice, the
// warning signs, the numbers shown. Each failed before it was fixed.

// Why, the numbers: the cat stretch's hold is not shown as if from the
// article, which gives none.
func TestWhyCatHoldIsUnknots(t *testing.T) {
	if got := exercise(t, data.CatStretch).HoldText(); got == "5 to 10 seconds" || !strings.Contains(got, "source article") {
		t.Errorf("cat hold: got %q, want it to say the source article gives none", got)
	}
}

// Why, the voice: the first get-ready of every session says when to stop,
// and the switch has a tone of its own and names the side.
func TestWhyVoice(t *testing.T) {
	for _, r := range data.BuiltinRoutines() {
		p := compile(t, r.ID, data.DefaultTiming())
		if say := p.Segments[0].Say; !strings.Contains(say, "sharply worse") {
			t.Errorf("%s: the get-ready says %q, want the stop rule", r.ID, say)
		}
	}
	p := compile(t, data.Morning, data.DefaultTiming())
	s := p.Segments[find(t, p, kind(data.KindSwitch))]
	if !strings.Contains(s.Say, "right side") {
		t.Errorf("switch says %q, want it to name the right side", s.Say)
	}
	cue, _ := data.CueBetween(p.At(s.Start-ms), p.At(s.Start))
	if cue.Tone == data.ToneRelease || cue.Tone == data.ToneNone {
		t.Errorf("switch tone: got %q, want one of its own", cue.Tone)
	}
}

// Why, the warning signs: the three that were missing.
func TestWhyWarningSigns(t *testing.T) {
	all := ""
	for _, w := range data.WarningSigns {
		all += strings.ToLower(w.Sign) + "\n"
	}
	for _, want := range []string{"rest or lie down", "generally unwell", "infection", "spinal surgery"} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning sign says %q", want)
		}
	}
	symptoms := strings.ToLower(strings.Join(data.Symptoms, "\n"))
	if !strings.Contains(symptoms, "warning sign") {
		t.Errorf("the symptoms list weakness with no note that worsening weakness is a warning sign")
	}
}
