package data

// Tone is a beep the player can sound.
type Tone string

// The tones, each a distinct sound so that a person who cannot see the
// screen can tell them apart.
const (
	ToneNone    Tone = ""
	ToneTick    Tone = "tick"    // the last seconds of a countdown
	ToneHold    Tone = "hold"    // a hold starts
	ToneRelease Tone = "release" // a hold ends: release
	ToneSwitch  Tone = "switch"  // a hold ends: change sides
	ToneBreath  Tone = "breath"  // breathe in or out
	ToneStep    Tone = "step"    // get ready, rest, next exercise
	ToneDone    Tone = "done"    // the routine is over
)

// Tones lists every tone a cue can sound, so the player can make each one
// ready (and a test can check that each has a sound).
func Tones() []Tone {
	return []Tone{ToneTick, ToneHold, ToneRelease, ToneSwitch, ToneBreath, ToneStep, ToneDone}
}

// countdownTicks is how many final seconds of a countdown get a tick.
const countdownTicks = 3

// Cue is what the player should sound, say and vibrate at one moment.
type Cue struct {
	Tone Tone
	// Say is spoken; empty for a bare beep.
	Say string
	// Vibrate is a vibration pattern in milliseconds: on, off, on, …
	Vibrate []int
}

// CueBetween returns the cue to fire when the player moves from prev to cur,
// and false when nothing is due. Only the current segment is announced:
// segments passed over while the page was hidden are not replayed, and a
// countdown gives at most one tick per call, none while the segment's words
// are still being said.
func CueBetween(prev, cur Position) (Cue, bool) {
	if cur.Index != prev.Index || cur.Done != prev.Done {
		return segmentCue(cur.Segment), true
	}
	s := cur.SecondsLeft()
	speaking := cur.Elapsed-cur.Segment.Start < cur.Segment.Speech
	if cur.Segment.Countdown && s < prev.SecondsLeft() && s >= 1 && s <= countdownTicks && !speaking {
		return Cue{Tone: ToneTick}, true
	}
	return Cue{}, false
}

// StartCue is the cue that opens a session at position p.
func StartCue(p Position) Cue { return segmentCue(p.Segment) }

// segmentCue announces the start of s.
func segmentCue(s Segment) Cue {
	c := Cue{Say: s.Say}
	switch s.Kind {
	case KindHold:
		c.Tone = ToneHold
		c.Vibrate = []int{250}
		if s.Breath > 1 || (s.Breath == 1 && !s.Inhale) {
			c.Tone, c.Vibrate = ToneBreath, nil
		}
	case KindRelease:
		c.Tone, c.Vibrate = ToneRelease, []int{80, 80, 80}
	case KindSwitch:
		// A tone of its own: a person who hears a release where a side
		// change is due cuts the second side short.
		c.Tone, c.Vibrate = ToneSwitch, []int{80, 80, 80, 80, 80}
	case KindDone:
		c.Tone, c.Vibrate = ToneDone, []int{400, 150, 400}
	default:
		c.Tone, c.Vibrate = ToneStep, []int{150}
	}
	return c
}
