package main

import (
	"testing"
	"time"

	"unknot/data"
)

func ms(d time.Duration) float64 { return float64(d.Milliseconds()) }

// The countdown is empty while an instruction is said: no number is
// expected then; after it, the time left to move into position, as the
// player shows it; every timed part starts at its whole seconds.
func TestCountChangesFollowThePhases(t *testing.T) {
	p, err := compile(data.Evening, nil)
	if err != nil {
		t.Fatal(err)
	}
	changes := countChanges(p)
	instructs, holds := 0, 0
	for _, s := range p.Segments {
		from, to := ms(s.Start), ms(s.End())
		switch s.Kind {
		case data.KindInstruct:
			instructs++
			said := ms(s.Start + s.Speech)
			moving := false
			for _, c := range changes {
				if c.at >= from && c.at < min(said, to) {
					t.Errorf("instruction at %v (%q) expects the count to show %d at %.0f ms, while it is said", s.Start, s.Title, c.value, c.at)
				}
				moving = moving || c.at == said && c.value == int((s.End()-s.Start-s.Speech+time.Second-1)/time.Second)
			}
			if said < to && !moving {
				t.Errorf("instruction at %v (%q): no count of the time to move from %.0f ms, once it is said", s.Start, s.Title, said)
			}
		case data.KindHold:
			holds++
			want := int((s.Duration + time.Second - 1) / time.Second)
			found := false
			for _, c := range changes {
				found = found || (c.at == from && c.value == want)
			}
			if !found {
				t.Errorf("hold at %v (%q): no change to %d at its start", s.Start, s.Title, want)
			}
		}
	}
	if instructs == 0 || holds == 0 {
		t.Fatalf("the evening plan has %d instructions and %d holds; the test needs both", instructs, holds)
	}
}

// The expected instants move by what the voice made the player wait, read
// from the utterances' end events, never more than the player's bound.
func TestVoiceWaitsFromEndEvents(t *testing.T) {
	p, err := compile(data.Evening, nil)
	if err != nil {
		t.Fatal(err)
	}
	const start = 1000.0
	at := func(x float64) *float64 { return &x }
	first := ms(p.Segments[0].End())
	second := ms(p.Segments[1].End())

	if w := voiceWaits(p, start, nil); w != nil {
		t.Errorf("no voice: waits %v, want none", w)
	}
	// A line that ends before its step does holds nothing back.
	if w := voiceWaits(p, start, [][2]*float64{{at(start + 5), at(start + first - 100)}}); len(w) != 0 {
		t.Errorf("a line that ended in time: waits %v, want none", w)
	}
	// The get-ready line runs 1.5 s over its step; the next line, given
	// after the wait, runs 2 s past the second step's end as moved.
	speech := [][2]*float64{
		{at(start + 5), at(start + first + 1500)},
		{at(start + first + 1500), at(start + second + 1500 + 2000)},
	}
	w := voiceWaits(p, start, speech)
	if len(w) != 2 || w[0] != (voiceWait{first, 1500}) || w[1] != (voiceWait{second, 2000}) {
		t.Fatalf("waits %v, want 1500 ms at %.0f and 2000 ms at %.0f", w, first, second)
	}
	if got := lateBy(w, first-1); got != 0 {
		t.Errorf("before the first wait the plan is late by %.0f ms, want 0", got)
	}
	if got := lateBy(w, ms(p.Total)); got != 3500 {
		t.Errorf("at the end the plan is late by %.0f ms, want 3500", got)
	}
	moved := delayed([]change{{first - 1000, 1}, {first, 9}, {second + 1000, 3}}, w)
	if moved[0].at != first-1000 || moved[1].at != first+1500 || moved[2].at != second+1000+3500 {
		t.Errorf("changes moved to %v", moved)
	}
	// A line with no end event is never over for the player either
	// (web/cues.js forgets a line only at its end or a hush): every step
	// end waits, each for the bound only.
	w = voiceWaits(p, start, [][2]*float64{{at(start + 5), nil}})
	if len(w) == 0 || w[0] != (voiceWait{first, ms(data.MaxVoiceWait)}) {
		t.Fatalf("a line with no end: waits %v, want the bound at %.0f first", w, first)
	}
	for i, x := range w {
		if x.ms != ms(data.MaxVoiceWait) || (i > 0 && x.at <= w[i-1].at) {
			t.Errorf("a line with no end: wait %d is %v, want %v at a later step end", i, x, data.MaxVoiceWait)
		}
	}
}
