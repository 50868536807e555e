package data

import (
	"testing"
	"time"
)

// A reading whose monotonic clock stood still while the wall clock moved
// cannot be made with the time package, which moves both together: these
// tests give the two clocks to WakeClock.at as the browser would.

// TestWakeClockCountsASleep: after the monotonic clock stood still for a
// minute while the wall clock moved (a suspended phone), readings come out
// where the wall clock says, on both clocks, and keep doing so.
func TestWakeClockCountsASleep(t *testing.T) {
	var c WakeClock
	start := time.Now() // with a monotonic reading, as in the browser
	if got := c.Read(start); got != start {
		t.Fatalf("first reading %v, want it unchanged", got)
	}
	wall := start.Round(0)
	// A second on both clocks: no sleep, the reading is time.Now's own.
	now := start.Add(time.Second)
	if got := c.at(now, time.Second, wall.Add(time.Second)); got != now {
		t.Errorf("a second in: %v, want %v unchanged", got, now)
	}
	// Asleep a minute: the monotonic clock moves 1 s, the wall 61 s.
	got := c.at(start.Add(2*time.Second), 2*time.Second, wall.Add(62*time.Second))
	if d := got.Sub(start); d != 62*time.Second {
		t.Errorf("after a minute asleep, %v since the start, want 62s", d)
	}
	if got.Round(0) != wall.Add(62*time.Second) {
		t.Errorf("after a minute asleep the wall clock reads %v, want %v", got.Round(0), wall.Add(62*time.Second))
	}
	// It keeps counting from there, on the monotonic clock.
	if d := c.at(start.Add(4*time.Second), 4*time.Second, wall.Add(64*time.Second)).Sub(start); d != 64*time.Second {
		t.Errorf("2 s after waking, %v since the start, want 1m4s", d)
	}
	if c.Slept() != time.Minute {
		t.Errorf("Slept %v, want 1m0s", c.Slept())
	}
}

// TestWakeClockIgnoresJitterAndTheWallGoingBack: the wall clock set back,
// or ahead by less than SleepGap, is not a sleep.
func TestWakeClockIgnoresJitterAndTheWallGoingBack(t *testing.T) {
	var c WakeClock
	start := time.Now()
	c.Read(start)
	wall := start.Round(0)
	now := start.Add(time.Second)
	if got := c.at(now, time.Second, wall.Add(-time.Hour)); got != now {
		t.Errorf("wall clock set back an hour: %v, want %v", got, now)
	}
	now = start.Add(2 * time.Second)
	if got := c.at(now, 2*time.Second, wall.Add(-time.Hour+time.Second+SleepGap-time.Millisecond)); got != now {
		t.Errorf("wall clock ahead by less than SleepGap: %v, want %v", got, now)
	}
	if c.Slept() != 0 {
		t.Errorf("Slept %v, want 0", c.Slept())
	}
}

// TestWakeClockWithoutMonotonic: readings without a monotonic reading (a
// test's clock) come back unchanged whatever they do.
func TestWakeClockWithoutMonotonic(t *testing.T) {
	var c WakeClock
	t0 := time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)
	for _, d := range []time.Duration{0, time.Second, time.Hour, -time.Minute, 48 * time.Hour} {
		if got := c.Read(t0.Add(d)); !got.Equal(t0.Add(d)) {
			t.Errorf("Read(t0+%v) = %v, want it unchanged", d, got)
		}
	}
}
