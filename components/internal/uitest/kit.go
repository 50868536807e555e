package uitest

import (
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// RecordedCues is a Cues that writes down what fired, at which plan time.
// Its voice takes time like a real one: each line lasts its modelled
// speaking time at the configured rate, times slowness (1 when unset), on
// the fake clock, after the lines before it; Hush cuts everything off.
type RecordedCues struct {
	mu      sync.Mutex
	Events  []string
	Awake   bool
	NoVoice bool
	// noVibrate is set for a browser without navigator.vibrate.
	NoVibrate bool
	Clock     *FakeClock
	rate      float64
	Slowness  float64
	quietTill time.Time
	onQuiet   func()
	// lines are the lines said on the session's clock: when each was
	// given, and when the voice starts and ends it.
	Lines []spoken
}

// spoken is one line given to the fake voice.
type spoken struct {
	Text            string
	At, Start, stop time.Time
}

func (r *RecordedCues) log(format string, a ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Events = append(r.Events, fmt.Sprintf(format, a...))
}

func (r *RecordedCues) Unlock() { r.log("unlock") }

func (r *RecordedCues) Configure(s data.Settings) {
	r.rate = s.VoiceRate
	r.log("configure rate %g volume %d", s.VoiceRate, s.BeepVolume)
}

func (r *RecordedCues) Beep(t data.Tone) { r.log("beep %s", t) }

func (r *RecordedCues) Vibrate(p []int) { r.log("vibrate %v", p) }

func (r *RecordedCues) CanVibrate() bool { return !r.NoVibrate }

func (r *RecordedCues) Close() { r.log("close") }

func (r *RecordedCues) KeepAwake(on bool) { r.Awake = on; r.log("awake %v", on) }

func (r *RecordedCues) Say(s string) bool {
	if r.NoVoice {
		return false
	}
	r.log("say %s", s)
	if r.Clock == nil {
		return true // a voice off the session's clock takes no time
	}
	now, slow := r.Clock.Now(), r.Slowness
	if slow == 0 {
		slow = 1
	}
	if r.quietTill.Before(now) {
		r.quietTill = now
	}
	start := r.quietTill
	r.quietTill = r.quietTill.Add(time.Duration(float64(data.SpeakingTime(s, r.rate)) * slow))
	r.Lines = append(r.Lines, spoken{s, now, start, r.quietTill})
	return true
}

func (r *RecordedCues) Hush() {
	r.quietTill = time.Time{}
	r.log("hush")
}

func (r *RecordedCues) HasVoice() bool { return !r.NoVoice }
func (r *RecordedCues) Speaking() bool {
	return r.Clock != nil && r.Clock.Now().Before(r.quietTill)
}

func (r *RecordedCues) OnQuiet(f func()) { r.onQuiet = f }

// Said returns the spoken texts in order.
func (r *RecordedCues) Said() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.Events {
		if s, ok := strings.CutPrefix(e, "say "); ok {
			out = append(out, s)
		}
	}
	return out
}

// Count returns how many events start with prefix.
func (r *RecordedCues) Count(prefix string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.Events {
		if strings.HasPrefix(e, prefix) {
			n++
		}
	}
	return n
}

// FakeClock is a clock the test moves by hand.
type FakeClock struct {
	mu sync.Mutex
	T  time.Time
}

func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.T
}

func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.T = c.T.Add(d)
}

// RenderAt mounts c, navigates it to path and returns its HTML.
func RenderAt(tb testing.TB, c app.Composer, path string) string {
	tb.Helper()
	disp := app.NewClientTester(c)
	defer disp.Close()
	disp.Nav(&url.URL{Path: path})
	disp.Consume()
	return app.HTMLString(c)
}

// MustContain fails for every want missing from html.
func MustContain(tb testing.TB, html string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			tb.Errorf("page lacks %q", w)
		}
	}
}

// FreshStorage gives the components an empty in-memory store for the test.
func FreshStorage(tb testing.TB) *store.MemoryStorage {
	tb.Helper()
	old := webapi.MemoryStorage
	webapi.MemoryStorage = &store.MemoryStorage{}
	tb.Cleanup(func() { webapi.MemoryStorage = old })
	return webapi.MemoryStorage
}

// HomeRecord is a valid record of a session on date at clock, complete or
// not.
func HomeRecord(tb testing.TB, date, clock string, complete bool) data.Record {
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

// CompoRig mounts one component at a path and runs code on its UI
// goroutine.
type CompoRig struct {
	tb   testing.TB
	disp app.ClientDispatcher
	c    app.Composer
}

func NewCompoRig(tb testing.TB, c app.Composer, path string) *CompoRig {
	tb.Helper()
	disp := app.NewClientTester(c)
	disp.Nav(&url.URL{Path: path})
	disp.Consume()
	tb.Cleanup(disp.Close)
	return &CompoRig{tb: tb, disp: disp, c: c}
}

// Do runs fn with a real context of the component and lets it redraw.
func (r *CompoRig) Do(fn func(ctx app.Context)) {
	r.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: r.c, Function: fn})
	r.disp.Consume()
}

// Click runs an event handler as a click would.
func (r *CompoRig) Click(h app.EventHandler) { r.Do(func(ctx app.Context) { h(ctx, app.Event{}) }) }

// html is the component's markup as it stands.
func (r *CompoRig) HTML() string { return app.HTMLString(r.c) }

// Caught records the values of one action.
type Caught struct{ Values []any }

// Catch records every action name fired from now on.
func (r *CompoRig) Catch(name string) *Caught {
	c := &Caught{}
	r.Do(func(ctx app.Context) {
		ctx.Handle(name, func(ctx app.Context, a app.Action) { c.Values = append(c.Values, a.Value) })
	})
	return c
}

// Stored reads the saved settings, failing on an error.
func Stored(tb testing.TB, st store.Storage) data.Settings {
	tb.Helper()
	s, err := store.LoadSettings(st)
	if err != nil {
		tb.Fatalf("loading the saved settings: %v", err)
	}
	return s
}

// ReadWeb returns the text of a file under web/.
func ReadWeb(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("../../web/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// OtherTabSetsDarkTheme saves the dark theme into st as another tab would,
// after the screen under test read the settings.
func OtherTabSetsDarkTheme(tb testing.TB, st store.Storage) {
	tb.Helper()
	s := Stored(tb, st)
	s.Theme = data.ThemeDark
	if err := store.SaveSettings(st, s); err != nil {
		tb.Fatal(err)
	}
}

// WaitingSession stores the checkpoint of an evening session interrupted
// 40 s in and returns it.
func WaitingSession(tb testing.TB, st store.Storage) data.Checkpoint {
	tb.Helper()
	r, _ := data.FindRoutine(data.DefaultCatalogue(), data.Evening)
	return WaitingSessionOf(tb, st, r)
}

// WaitingSessionOf stores the checkpoint of a session of r interrupted
// 40 s in and returns it.
func WaitingSessionOf(tb testing.TB, st store.Storage, r data.Routine) data.Checkpoint {
	tb.Helper()
	plan, err := data.Compile(r, data.DefaultCatalogue(), data.DefaultTiming())
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Date(2026, 11, 24, 18, 0, 0, 0, time.UTC)
	c := data.NewSession(plan, start).Checkpoint(data.NewStamp(start, "UTC"), nil, start.Add(40*time.Second))
	c.RecordID = data.NewRecordID()
	if err := store.SaveCheckpoint(st, c); err != nil {
		tb.Fatal(err)
	}
	return c
}

// MustLack fails when html contains any of the strings.
func MustLack(tb testing.TB, html string, unwanted ...string) {
	tb.Helper()
	for _, u := range unwanted {
		if strings.Contains(html, u) {
			tb.Errorf("page has %q", u)
		}
	}
}

// visibleText is html without its tags and with no white space at all: the
// rendered HTML indents the text around a link, so the words a person reads
// are compared through squeezed, the way mustContainWords does.
func visibleText(html string) string {
	return squeeze(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, ""))
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// MustContainWords fails for every sentence of want not shown on the page
// of html, links or not.
func MustContainWords(tb testing.TB, html string, want ...string) {
	tb.Helper()
	text := visibleText(html)
	for _, w := range want {
		if !strings.Contains(text, squeeze(w)) {
			tb.Errorf("page does not read %q", w)
		}
	}
}

// FreshAppStorage gives webapi.AppStorage an empty store for the test.
func FreshAppStorage(tb testing.TB) *store.MemoryStorage {
	tb.Helper()
	old := webapi.MemoryStorage
	webapi.MemoryStorage = &store.MemoryStorage{}
	tb.Cleanup(func() { webapi.MemoryStorage = old })
	return webapi.MemoryStorage
}
