package components

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unknot/data"
	"unknot/data/store"

	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// recordedCues is a Cues that writes down what fired, at which plan time.
// Its voice takes time like a real one: each line lasts its modelled
// speaking time at the configured rate, times slowness (1 when unset), on
// the fake clock, after the lines before it; Hush cuts everything off.
type recordedCues struct {
	mu      sync.Mutex
	events  []string
	awake   bool
	noVoice bool
	// noVibrate is set for a browser without navigator.vibrate.
	noVibrate bool
	clock     *fakeClock
	rate      float64
	slowness  float64
	quietTill time.Time
	onQuiet   func()
	// lines are the lines said on the session's clock: when each was
	// given, and when the voice starts and ends it.
	lines []spoken
}

// spoken is one line given to the fake voice.
type spoken struct {
	text            string
	at, start, stop time.Time
}

func (r *recordedCues) log(format string, a ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, fmt.Sprintf(format, a...))
}

func (r *recordedCues) Unlock() { r.log("unlock") }

func (r *recordedCues) Configure(s data.Settings) {
	r.rate = s.VoiceRate
	r.log("configure rate %g volume %d", s.VoiceRate, s.BeepVolume)
}

func (r *recordedCues) Beep(t data.Tone) { r.log("beep %s", t) }

func (r *recordedCues) Vibrate(p []int) { r.log("vibrate %v", p) }

func (r *recordedCues) CanVibrate() bool { return !r.noVibrate }

func (r *recordedCues) Close() { r.log("close") }

func (r *recordedCues) KeepAwake(on bool) { r.awake = on; r.log("awake %v", on) }

func (r *recordedCues) Say(s string) bool {
	if r.noVoice {
		return false
	}
	r.log("say %s", s)
	if r.clock == nil {
		return true // a voice off the session's clock takes no time
	}
	now, slow := r.clock.now(), r.slowness
	if slow == 0 {
		slow = 1
	}
	if r.quietTill.Before(now) {
		r.quietTill = now
	}
	start := r.quietTill
	r.quietTill = r.quietTill.Add(time.Duration(float64(data.SpeakingTime(s, r.rate)) * slow))
	r.lines = append(r.lines, spoken{s, now, start, r.quietTill})
	return true
}

func (r *recordedCues) Hush() {
	r.quietTill = time.Time{}
	r.log("hush")
}

func (r *recordedCues) Speaking() bool {
	return r.clock != nil && r.clock.now().Before(r.quietTill)
}

func (r *recordedCues) OnQuiet(f func()) { r.onQuiet = f }

// said returns the spoken texts in order.
func (r *recordedCues) said() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.events {
		if s, ok := strings.CutPrefix(e, "say "); ok {
			out = append(out, s)
		}
	}
	return out
}

// count returns how many events start with prefix.
func (r *recordedCues) count(prefix string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.events {
		if strings.HasPrefix(e, prefix) {
			n++
		}
	}
	return n
}

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// renderAt mounts c, navigates it to path and returns its HTML.
func renderAt(tb testing.TB, c app.Composer, path string) string {
	tb.Helper()
	disp := app.NewClientTester(c)
	defer disp.Close()
	disp.Nav(&url.URL{Path: path})
	disp.Consume()
	return app.HTMLString(c)
}

// mustContain fails for every want missing from html.
func mustContain(tb testing.TB, html string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			tb.Errorf("page lacks %q", w)
		}
	}
}

// freshStorage gives the components an empty in-memory store for the test.
func freshStorage(tb testing.TB) *store.MemoryStorage {
	tb.Helper()
	old := memoryStorage
	memoryStorage = &store.MemoryStorage{}
	tb.Cleanup(func() { memoryStorage = old })
	return memoryStorage
}

// homeRecord is a valid record of a session on date at clock, complete or
// not.
func homeRecord(tb testing.TB, date, clock string, complete bool) data.Record {
	tb.Helper()
	start, err := time.Parse("2006-01-02 15:04", date+" "+clock)
	if err != nil {
		tb.Fatal(err)
	}
	done := 6
	if !complete {
		done = 3
	}
	// The built-in routine of its part of the day, as a person would do.
	routine, name := data.Morning, "Morning routine"
	if data.PartOfDayAt(clock) == data.PartEvening {
		routine, name = data.Evening, "Evening routine"
	}
	r := data.Record{
		ID: uuid.NewString(), Routine: routine, RoutineName: name,
		Exercises: []data.ExerciseLog{{Exercise: data.CatStretch, Name: "Cat stretch", Reps: 3, RepsDone: done / 2, Holds: 6, HoldsDone: done, HoldMS: 5000}},
		Start:     start, End: start.Add(5 * time.Minute), ActiveMS: 60_000,
		LocalDate: date, LocalTime: clock, Complete: complete,
	}
	if err := r.Validate(); err != nil {
		tb.Fatal(err)
	}
	return r
}

// compoRig mounts one component at a path and runs code on its UI
// goroutine.
type compoRig struct {
	tb   testing.TB
	disp app.ClientDispatcher
	c    app.Composer
}

func newCompoRig(tb testing.TB, c app.Composer, path string) *compoRig {
	tb.Helper()
	disp := app.NewClientTester(c)
	disp.Nav(&url.URL{Path: path})
	disp.Consume()
	tb.Cleanup(disp.Close)
	return &compoRig{tb: tb, disp: disp, c: c}
}

// do runs fn with a real context of the component and lets it redraw.
func (r *compoRig) do(fn func(ctx app.Context)) {
	r.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: r.c, Function: fn})
	r.disp.Consume()
}

// click runs an event handler as a click would.
func (r *compoRig) click(h app.EventHandler) { r.do(func(ctx app.Context) { h(ctx, app.Event{}) }) }

// html is the component's markup as it stands.
func (r *compoRig) html() string { return app.HTMLString(r.c) }

// caught records the values of one action.
type caught struct{ values []any }

// catch records every action name fired from now on.
func (r *compoRig) catch(name string) *caught {
	c := &caught{}
	r.do(func(ctx app.Context) {
		ctx.Handle(name, func(ctx app.Context, a app.Action) { c.values = append(c.values, a.Value) })
	})
	return c
}

// stored reads the saved settings, failing on an error.
func stored(tb testing.TB, st store.Storage) data.Settings {
	tb.Helper()
	s, err := store.LoadSettings(st)
	if err != nil {
		tb.Fatalf("loading the saved settings: %v", err)
	}
	return s
}

// readWeb returns the text of a file under web/.
func readWeb(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("../web/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
