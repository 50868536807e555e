// Package runner runs a session: its clock (a goroutine that sleeps until
// the countdown's next second and looks), which step it is on, which cue is
// due, the wait for a voice slower than the plan, a checkpoint at each step
// and the save once it has finished. It imports data but not go-app: the
// clock, the cues, the storage and the screen come through small
// interfaces, so all of it is tested natively with a fake clock and a fake
// voice that takes time. The session player (components/player)
// wires it to the browser and draws it.
package runner

import (
	"time"

	"unknot/data"
)

// Voice is what the runner needs to know of the voice.
type Voice interface {
	// Speaking reports whether words given to the voice are still being
	// said.
	Speaking() bool
}

// MaxLook bounds the sleep between two looks at the clock: a late or
// throttled timer is caught up within it. The time shown never comes from
// counting looks: each one asks the session where it stands at its instant.
const MaxLook = time.Second

// voicePoll is how often the clock looks while a step waits for the voice,
// in case the voice's end event never comes.
const voicePoll = 250 * time.Millisecond

// Look is what one look at the clock found.
type Look struct {
	// Session and Pos are the session and where it stands after the look.
	Session data.Session
	Pos     data.Position
	// Cue is the cue to fire, when Due.
	Cue data.Cue
	Due bool
	// Waiting is set while the next step waits for the voice; Pos is then
	// still the step before.
	Waiting bool
}

// At looks at the clock at now for session s, last seen at pos, with voice
// v: the next step waits while the voice still says the words of the step
// before (a voice slower than the plan's model), for at most
// data.MaxVoiceWait, and the rest of the plan then runs late by exactly the
// wait. A step's end found late (the page was hidden, frozen or asleep)
// waits for nothing, so the session lands where the plan says.
func At(s data.Session, pos data.Position, now time.Time, v Voice) Look {
	if waiting, since := s.Waiting(); waiting {
		if v.Speaking() && now.Sub(since) < data.MaxVoiceWait {
			return Look{Session: s, Pos: pos, Waiting: true}
		}
		s = s.Go(now)
	} else if cur := s.At(now); cur.Index != pos.Index && !pos.Done && v.Speaking() &&
		s.Elapsed(now)-pos.Segment.End() <= 2*MaxLook {
		s = s.Wait(pos.Segment.End(), now)
		if waiting, _ := s.Waiting(); waiting {
			return Look{Session: s, Pos: pos, Waiting: true}
		}
	}
	cur := s.At(now)
	cue, due := data.CueBetween(pos, cur)
	return Look{Session: s, Pos: cur, Cue: cue, Due: due}
}

// NextLook is how long to sleep after look l: until the countdown shows its
// next whole second (and a millisecond past it), or a short poll while the
// session waits for the voice, never more than MaxLook.
func (l Look) NextLook() time.Duration {
	if l.Waiting {
		return voicePoll
	}
	d := l.Pos.Left % time.Second
	if d <= 0 {
		d = time.Second
	}
	return min(d+time.Millisecond, MaxLook)
}
