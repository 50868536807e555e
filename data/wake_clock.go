package data

import "time"

// SleepGap is how far the wall clock must run ahead of the monotonic clock
// between two readings before WakeClock takes it for a sleep. Both clocks
// tick together while the page runs, frozen or throttled, so a gap this
// large means the device was suspended; smaller ones are the two clocks'
// jitter and the wall clock's own corrections.
const SleepGap = 2 * time.Second

// WakeClock turns readings of time.Now into instants that go on counting
// through a device's sleep. In the browser Go's monotonic clock is
// performance.now(), which stops on some devices while they are suspended,
// so a session timed by it alone would resume where the phone went to
// sleep. Each reading is compared with the one before on both clocks: when
// the wall clock moved further than the monotonic one, by SleepGap or more,
// the difference is added from then on. The wall clock going back (set by
// hand, or by the network) changes nothing: the monotonic clock still
// rules. Its zero value is ready to use; it is not safe for concurrent use.
type WakeClock struct {
	base    time.Time     // the first reading
	mono    time.Duration // the last reading, on the monotonic clock since base
	wall    time.Time     // the last reading's wall clock
	slept   time.Duration // the sleeps found so far
	started bool
}

// Read returns the instant for now, a reading of time.Now: now itself until
// a sleep is found, and from then on the first reading plus the time since
// on the monotonic clock and the time slept, which is where the wall clock
// says. The instants carry a monotonic reading when now does, so they
// subtract exactly.
func (c *WakeClock) Read(now time.Time) time.Time {
	if !c.started {
		c.base, c.wall, c.started = now, now.Round(0), true
		return now
	}
	return c.at(now, now.Sub(c.base), now.Round(0))
}

// at is Read for the reading now, which is mono after the first on the
// monotonic clock and wall on the wall clock.
func (c *WakeClock) at(now time.Time, mono time.Duration, wall time.Time) time.Time {
	if gap := wall.Sub(c.wall) - (mono - c.mono); gap >= SleepGap {
		c.slept += gap
	}
	c.mono, c.wall = mono, wall
	if c.slept == 0 {
		return now
	}
	// From the first reading, not now.Add: that would move the wall
	// clock of the instant too, and a checkpoint would be dated ahead.
	return c.base.Add(mono + c.slept)
}

// Slept is the time the device was found asleep, in all.
func (c *WakeClock) Slept() time.Duration { return c.slept }
