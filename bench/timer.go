package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// measureTimer picks the routine and the hidden spell for the mode and
// measures the timer. Quick: the evening routine as a first visit plays
// it, hidden from 2 s to 5 s, errors read until 8 s (its first hold's
// instruction starts later, so only get-ready and position counts are
// read). Full: a routine of the person's own of at least 20 minutes when
// the player can play one, else the morning routine with the longest
// get-ready and rests the settings allow (over 20 minutes since the
// instruction phases), hidden for 5 minutes ending 5 minutes before its
// end, run to its end.
func (b *bench) measureTimer(c *chrome) (timerResult, error) {
	if b.cfg.quick {
		settings, err := settingsJSON(nil)
		if err != nil {
			return timerResult{}, err
		}
		p, err := compile(data.Evening, b.paced(nil))
		if err != nil {
			return timerResult{}, err
		}
		tp := timerPlan{id: data.Evening, name: "the evening routine", plan: p, storage: map[string]*string{store.SettingsKey: &settings},
			note: "quick: 3 s hidden, no routine end"}
		return measureTimer(c, b.app, tp, 2*time.Second, 3*time.Second, 8*time.Second, false)
	}
	tp, err := customTimerPlan(b.paced(nil))
	if err == nil {
		r, err := measureTimer(c, b.app, tp, tp.plan.Total-2*fullHidden, fullHidden, 0, true)
		if !errors.Is(err, errNoPlayer) {
			return r, err
		}
		logf("the player does not play routines of the person's own yet: timing the morning routine")
	}
	stretch := func(s *data.Settings) {
		s.GetReadySeconds, s.RestSeconds = data.MaxGetReadySeconds, data.MaxRestSeconds
	}
	settings, err := settingsJSON(stretch)
	if err != nil {
		return timerResult{}, err
	}
	p, err := compile(data.Morning, b.paced(stretch))
	if err != nil {
		return timerResult{}, err
	}
	tp = timerPlan{id: data.Morning, name: "the morning routine", plan: p, storage: map[string]*string{store.SettingsKey: &settings},
		note: fmt.Sprintf("the morning routine with %d s get-ready and %d s rests (%v): the player cannot play a 20-minute routine of the person's own yet",
			data.MaxGetReadySeconds, data.MaxRestSeconds, p.Total)}
	return measureTimer(c, b.app, tp, p.Total-2*fullHidden, fullHidden, 0, true)
}

// paced is change, then the pace the page plays at: in a browser with no
// voice (no -voice) the player paces every step for reading, as with Voice
// off, whatever the settings say, and the expected instants must follow.
func (b *bench) paced(change func(*data.Settings)) func(*data.Settings) {
	return func(s *data.Settings) {
		if change != nil {
			change(s)
		}
		if !b.cfg.voice {
			s.Voice = false
		}
	}
}

// customTimerPlan is a routine of the person's own at least 20 minutes
// long: the morning routine's exercises over and over, compiled with the
// default settings changed by pace.
func customTimerPlan(pace func(*data.Settings)) (timerPlan, error) {
	timing := data.DefaultSettings()
	pace(&timing)
	cat := data.DefaultCatalogue()
	morning, _ := data.FindRoutine(cat, data.Morning)
	r := data.NewCustomRoutine("Benchmark")
	var p data.Plan
	for i := 0; p.Total < fullRoutineLength; i++ {
		if i > 10*len(morning.Items) {
			return timerPlan{}, errors.New("could not make a 20-minute routine")
		}
		r = r.AddItem(morning.Items[i%len(morning.Items)].Exercise)
		// The player fills in the doses suggested for an empty history,
		// and runs a day's dose of the bridge and flexibility exercise
		// only once.
		today := data.PlanToday(r, cat, nil, time.Now().Format(data.DateLayout)).Routine
		var err error
		if p, err = data.Compile(today, cat, timing.Timing()); err != nil {
			return timerPlan{}, err
		}
	}
	st := &store.MemoryStorage{}
	if err := store.SaveCustomRoutines(st, []data.Routine{r}); err != nil {
		return timerPlan{}, err
	}
	routines, _ := st.GetRaw(store.RoutinesKey)
	settings, err := settingsJSON(nil)
	if err != nil {
		return timerPlan{}, err
	}
	return timerPlan{id: r.ID, name: "a routine of one's own", plan: p, storage: map[string]*string{store.SettingsKey: &settings, store.RoutinesKey: &routines},
		note: fmt.Sprintf("the morning routine's exercises over and over (%d items), saved as the person's own", len(r.Items))}, nil
}

// timerResult is how far the countdown is from the wall clock.
type timerResult struct {
	routine      string
	total        time.Duration
	hidden       time.Duration // how long the page was hidden
	hiddenWakeup float64       // entries into Go per second while hidden
	visibleWake  float64       // the same while visible
	// before and after are the errors (ms, observed − expected) of every
	// change of #count before the page was hidden and from 1 s after it
	// was visible again; end is the error of the finished screen, when the
	// routine was run to its end. Expected instants count from the click
	// on Start.
	before, after []float64
	end           *float64
	hiddenLatest  float64 // the latest change while hidden, ms
	// said is how many lines the page gave the browser's voice; waits
	// and waited are the waits for the voice at a step's end that the
	// expected instants include (see voiceWaits), and their sum, ms.
	said, waits int
	waited      float64
	// startScreen is the time from the click on Start to the running
	// screen, ms.
	startScreen float64
	// endBusy is the time Go ran, ms, between the routine's planned end
	// and the finished screen, in endTurns entries; endFirst is when the
	// first of them began, after the planned end.
	endBusy, endFirst float64
	endTurns          int
	note              string
}

// maxAbs is the largest error, in ms.
func (r timerResult) maxAbs() float64 {
	m := 0.0
	for _, e := range r.after {
		m = math.Max(m, math.Abs(e))
	}
	if r.end != nil {
		m = math.Max(m, math.Abs(*r.end))
	}
	return m
}

// timerPlan is a routine for the timer measurement: its id, its plan and
// the storage that makes the player play it that way.
type timerPlan struct {
	id      string
	name    string // as the table shows it
	plan    data.Plan
	storage map[string]*string
	note    string
}

// measureTimer plays a routine in real time in a browser whose timers are
// throttled in hidden pages, hides the page (its window minimized) from
// hideAt for hide, shows it again, and compares every change of #count
// with the instant the plan says it should happen: the click on Start plus
// the offset in the plan at which the shown number changes to that value,
// plus the waits for the voice before it (voiceWaits). With toEnd the routine runs to its end and the finished screen is timed
// too; otherwise the run stops at stopAt.
func measureTimer(c *chrome, s *site, tp timerPlan, hideAt, hide, stopAt time.Duration, toEnd bool) (timerResult, error) {
	r := timerResult{routine: tp.name, total: tp.plan.Total, note: tp.note}
	t, err := c.instrumentedTab()
	if err != nil {
		return r, err
	}
	defer t.close()
	if err := openPlayer(t, s, tp.id, tp.storage); err != nil {
		return r, err
	}
	if _, err := eval[bool](t, `(window.__bench.trace = true)`); err != nil {
		return r, err
	}
	if err := t.do("pressing Start", chromedp.Click(chromedp.CSS("#start"))); err != nil {
		return r, err
	}
	started := time.Now()
	sleepUntil := func(d time.Duration) { time.Sleep(time.Until(started.Add(d))) }

	sleepUntil(hideAt)
	if err := t.setWindowState(browser.WindowStateMinimized); err != nil {
		return r, fmt.Errorf("hiding the page: %w", err)
	}
	time.Sleep(300 * time.Millisecond)
	if v, err := eval[string](t, `document.visibilityState`); err != nil || v != "hidden" {
		return r, fmt.Errorf("the minimized page is %q, not hidden (%v)", v, err)
	}
	sleepUntil(hideAt + hide)
	if err := t.setWindowState(browser.WindowStateNormal); err != nil {
		return r, fmt.Errorf("showing the page again: %w", err)
	}
	if toEnd {
		sleepUntil(tp.plan.Total + 2*time.Second)
		if err := t.waitFinished(); err != nil {
			return r, err
		}
	} else {
		sleepUntil(stopAt)
	}

	var rec struct {
		StartAt    *float64      `json:"startAt"`
		FinishedAt *float64      `json:"finishedAt"`
		Counts     [][4]any      `json:"counts"`
		Vis        [][2]any      `json:"vis"`
		Resumes    [][4]float64  `json:"resumes"`
		Speech     [][2]*float64 `json:"speech"`
	}
	raw, err := eval[string](t, `(window.__bench.trace = false, JSON.stringify({startAt: __bench.startAt, finishedAt: __bench.finishedAt, counts: __bench.counts, vis: __bench.vis, resumes: __bench.resumes, speech: __bench.speech}))`)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return r, err
	}
	if rec.StartAt == nil {
		return r, fmt.Errorf("the click on Start was not seen")
	}
	start := *rec.StartAt
	var hiddenAt, shownAt float64
	for _, v := range rec.Vis {
		at, _ := v[0].(float64)
		switch v[1] {
		case "hidden":
			hiddenAt = at
		case "visible":
			if hiddenAt > 0 {
				shownAt = at
			}
		}
	}
	if hiddenAt == 0 || shownAt == 0 {
		return r, fmt.Errorf("the page did not go hidden and visible again (%v)", rec.Vis)
	}
	r.hidden = time.Duration((shownAt - hiddenAt) * float64(time.Millisecond))
	var hiddenN, visibleN int
	var visibleSpan float64
	for _, x := range rec.Resumes {
		if x[0] > hiddenAt && x[0] < shownAt {
			hiddenN++
		} else if x[0] > start && x[0] < hiddenAt {
			visibleN++
		}
	}
	visibleSpan = hiddenAt - start
	r.hiddenWakeup = float64(hiddenN) / (shownAt - hiddenAt) * 1000
	if visibleSpan > 0 {
		r.visibleWake = float64(visibleN) / visibleSpan * 1000
	}

	waits := voiceWaits(tp.plan, start, rec.Speech)
	r.said, r.waits = len(rec.Speech), len(waits)
	for _, w := range waits {
		r.waited += w.ms
	}
	changes := delayed(countChanges(tp.plan), waits)
	for _, x := range rec.Counts {
		at, _ := x[0].(float64)
		text, _ := x[1].(string)
		if at <= start {
			continue
		}
		var n int
		if _, err := fmt.Sscan(text, &n); err != nil {
			continue
		}
		e, ok := nearest(changes, n, at-start)
		if !ok {
			continue
		}
		switch {
		case at < hiddenAt:
			if len(r.before) == 0 && r.startScreen == 0 {
				r.startScreen = at - start // the running screen's first number
				continue
			}
			r.before = append(r.before, e)
		case at > hiddenAt && at < shownAt:
			r.hiddenLatest = math.Max(r.hiddenLatest, e)
		case at >= shownAt+1000:
			r.after = append(r.after, e)
		}
	}
	if toEnd {
		if rec.FinishedAt == nil {
			return r, fmt.Errorf("the finished screen was not seen")
		}
		total := float64(tp.plan.Total.Milliseconds())
		planned := start + total + lateBy(waits, total)
		e := *rec.FinishedAt - planned
		r.end = &e
		r.endFirst = -1
		for _, x := range rec.Resumes {
			if x[0] >= planned && x[0] < *rec.FinishedAt {
				if r.endTurns == 0 {
					r.endFirst = x[0] - planned
				}
				r.endBusy += x[1]
				r.endTurns++
			}
		}
	}
	if len(r.after) == 0 {
		return r, fmt.Errorf("no change of #count after the page was visible again (start %.0f, hidden %.0f, shown %.0f, changes %v); %s", start, hiddenAt, shownAt, rec.Counts, t.consoleErrors())
	}
	return r, nil
}

// waitFinished waits for the finished screen.
func (t *tab) waitFinished() error {
	err := browsertest.Poll(30*time.Second, 200*time.Millisecond, func() (bool, error) {
		return eval[bool](t, `window.__bench.finishedAt !== null`)
	})
	if err != nil {
		return fmt.Errorf("the finished screen did not show (%w)", err)
	}
	return nil
}

// change is an instant at which the countdown should show a new number.
type change struct {
	at    float64 // ms from the start of the plan
	value int
}

// countChanges lists when the player's countdown should change and to what:
// at the start of every segment it shows the segment's whole seconds, then
// one less at every whole second before its end (data.Position.SecondsLeft).
// An instruction shows no number while it is said (the count read empty is
// not compared), then the time left to move into position, as the player's
// setPos does.
func countChanges(p data.Plan) []change {
	var out []change
	for _, s := range p.Segments {
		from := s.Start
		if s.Kind == data.KindInstruct {
			from += s.Speech
		}
		if s.Duration <= 0 || from >= s.End() {
			continue
		}
		n := int((s.End() - from + time.Second - 1) / time.Second)
		out = append(out, change{float64(from.Milliseconds()), n})
		for k := n - 1; k >= 1; k-- {
			at := s.End() - time.Duration(k)*time.Second
			if at > from {
				out = append(out, change{float64(at.Milliseconds()), k})
			}
		}
	}
	return out
}

// voiceWait is a wait for the voice: at plan time at (ms), a segment's end,
// the rest of the plan moved ms later.
type voiceWait struct{ at, ms float64 }

// voiceWaits is how the voice moved the plan, worked out from what the voice
// did, not from the player's own account of it (which would hide a clock
// that drifts): the player's rule (runner.At) applied to the utterances the
// page recorded. At every segment's end, reached at start + its plan time +
// the waits before it, the next segment waits while a line given before that
// instant is still being said: until its end event, at most
// data.MaxVoiceWait (a line with no end event stays "being said", as in
// web/cues.js, so every later step waits that long too). speech is
// [speak() called, end] in the page's ms; start is the click on Start.
// Whatever the player takes beyond this is the timer's error. A browser with
// no voice (the bench's Chromium has none unless started with speech-
// dispatcher) says nothing, and nothing waits.
func voiceWaits(p data.Plan, start float64, speech [][2]*float64) []voiceWait {
	if len(speech) == 0 {
		return nil
	}
	maxWait := float64(data.MaxVoiceWait.Milliseconds())
	var out []voiceWait
	late := 0.0
	for _, s := range p.Segments {
		if s.Duration <= 0 {
			continue // never the player's position: nothing waits at its end
		}
		end := float64(s.End().Milliseconds())
		reached := start + end + late
		busy := math.Inf(-1)
		for _, u := range speech {
			if u[0] == nil || *u[0] >= reached {
				continue
			}
			until := math.Inf(1)
			if u[1] != nil {
				until = *u[1]
			}
			busy = math.Max(busy, until)
		}
		if busy > reached {
			w := math.Min(busy-reached, maxWait)
			out = append(out, voiceWait{end, w})
			late += w
		}
	}
	return out
}

// lateBy is how much later than planned plan time at (ms) comes after waits:
// a wait at a segment's end moves the next segment's start with the rest.
func lateBy(waits []voiceWait, at float64) float64 {
	late := 0.0
	for _, w := range waits {
		if w.at <= at {
			late += w.ms
		}
	}
	return late
}

// delayed moves each change later by the waits for the voice before it.
func delayed(changes []change, waits []voiceWait) []change {
	out := slices.Clone(changes)
	for i := range out {
		out[i].at += lateBy(waits, out[i].at)
	}
	return out
}

// nearest returns the error of an observed change to n at elapsed ms: its
// distance to the nearest planned change to the same number.
func nearest(changes []change, n int, elapsed float64) (float64, bool) {
	best, ok := math.Inf(1), false
	for _, c := range changes {
		if c.value == n && math.Abs(elapsed-c.at) < math.Abs(best) {
			best, ok = elapsed-c.at, true
		}
	}
	return best, ok
}
