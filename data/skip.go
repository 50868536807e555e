package data

import "time"

// SkipExercise leaves the exercise the session is on and goes to the start
// of the next one (its move into position, past the rest before it), or
// to the end after the last.
// The exercise is the one the screen is about: during the lead-in, the
// first; during the rest before an exercise, that exercise. Its holds not
// yet done count as skipped. Skip moves one hold at a time, which took 15
// taps to get past a knee-to-chest stretch.
func (s Session) SkipExercise(now time.Time) Session {
	p := s.At(now)
	if p.Done {
		return s
	}
	item := max(p.Segment.Item, 0)
	target := len(s.Plan.Segments)
	for i := p.Index; i < len(s.Plan.Segments); i++ {
		if seg := s.Plan.Segments[i]; seg.Item > item && seg.Kind == KindPosition {
			target = i
			break
		}
	}
	to, last := s.Plan.Total, len(s.skipped)
	if target < len(s.Plan.Segments) {
		to, last = s.Plan.Segments[target].Start, s.Plan.Segments[target].Step
	}
	s.skipped = append([]bool(nil), s.skipped...)
	for step := p.Segment.Step; step < last && step < len(s.skipped); step++ {
		s.skipped[step] = true
	}
	return s.seek(to, now)
}
