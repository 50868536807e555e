package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// link is an emulated network link.
type link struct {
	name           string
	downBps, upBps float64 // bits per second
	rtt            float64 // ms
}

// slowLink is the first-visit link of the budgets: a slow 3G-like phone
// connection.
var slowLink = link{"1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT", 1.6e6, 750e3, 150}

// sizes is app.wasm as served: raw, gzip and brotli bytes, the compressed
// copies as the server's own compress command writes them.
type sizes struct{ raw, gzip, brotli int64 }

func measureSizes(s *site) (sizes, error) {
	var z sizes
	for _, f := range []struct {
		ext string
		n   *int64
	}{{"", &z.raw}, {".gz", &z.gzip}, {".br", &z.brotli}} {
		fi, err := os.Stat(s.WasmPath() + f.ext)
		if err != nil {
			return z, err
		}
		*f.n = fi.Size()
	}
	return z, nil
}

// firstVisit is a first visit: no service worker, no cache.
type firstVisit struct {
	fcp         float64 // first contentful paint (Paint Timing API), ms
	content     float64 // when the pre-rendered content can be seen, ms
	interactive float64 // when go-app removed its loader, ms
	visible     bool    // the pre-rendered content shows while app.wasm loads
}

// measureFirstVisit loads "/" in a fresh browser context over l. The
// emulation applies to the page's requests; the service worker installing
// in parallel is a separate target and is not throttled, so this is the
// page's own critical path, the same for both apps.
func measureFirstVisit(c *chrome, s *site, l link) (firstVisit, error) {
	var fv firstVisit
	t, err := c.instrumentedTab()
	if err != nil {
		return fv, err
	}
	defer t.close()
	ctx := t.ctx
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return fv, err
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{
			Latency: l.rtt, DownloadThroughput: l.downBps / 8, UploadThroughput: l.upBps / 8,
		}},
	}); err != nil {
		return fv, fmt.Errorf("emulating the link: %w", err)
	}
	pt, err := t.open(s.Base+"/", 5*time.Minute)
	if err != nil {
		return fv, err
	}
	if pt.FCP == nil {
		return fv, fmt.Errorf("no first-contentful-paint entry")
	}
	fv.fcp, fv.interactive = *pt.FCP, *pt.LoaderGone
	fv.visible = pt.PreRendered != nil && pt.PreRendered.Visible
	fv.content = fv.interactive
	if fv.visible {
		fv.content = fv.fcp
	}
	return fv, nil
}

// measureWarmLaunches installs each site in a fresh browser context, stops
// the servers, then launches the sites in turn, runs times each, in a new
// tab of their context, and returns the times to interactive (ms). Taking
// them alternately spreads whatever else the machine does over both.
// Everything comes from the service worker's cache: with the servers
// stopped nothing else could.
func measureWarmLaunches(c *chrome, sites []*site, runs int) ([][]pageTimes, error) {
	tabs := make([]*tab, len(sites))
	for i, s := range sites {
		t, err := c.instrumentedTab()
		if err != nil {
			return nil, err
		}
		defer t.close()
		if err := t.install(s); err != nil {
			return nil, err
		}
		tabs[i] = t
	}
	for _, s := range sites {
		if err := s.Stop(); err != nil {
			return nil, err
		}
		defer s.Start()
	}
	out := make([][]pageTimes, len(sites))
	for range runs {
		for i, s := range sites {
			pt, err := launch(tabs[i], s.Base+"/", "")
			if err != nil {
				return out, fmt.Errorf("offline launch of %s: %w", s.name, err)
			}
			out[i] = append(out[i], pt)
		}
	}
	return out, nil
}

// phases is the median time of each phase of launches, in ms: until
// app.wasm is requested (HTML, CSS, scripts), fetching and compiling it,
// Go's start (runtime, package initialisation, main until it first waits,
// go-app mounting the page), and everything to interactive.
type phases struct{ page, compile, start, total float64 }

func launchPhases(pts []pageTimes) phases {
	var page, compile, start, total []float64
	for _, pt := range pts {
		if pt.InstStart != nil && pt.InstEnd != nil && pt.RunStart != nil && pt.RunEnd != nil {
			page = append(page, *pt.InstStart)
			compile = append(compile, *pt.InstEnd-*pt.InstStart)
			start = append(start, *pt.RunEnd-*pt.RunStart)
		}
		if pt.LoaderGone != nil {
			total = append(total, *pt.LoaderGone)
		}
	}
	return phases{median(page), median(compile), median(start), median(total)}
}

// launch opens url in a new tab beside t and returns its times once the app
// is interactive and, when watch is set, once watch matched.
func launch(t *tab, url, watch string) (pageTimes, error) {
	n, err := t.sibling()
	if err != nil {
		return pageTimes{}, err
	}
	defer n.close()
	if err := n.instrument(watch); err != nil {
		return pageTimes{}, err
	}
	pt, err := n.open(url, actionTimeout)
	if err != nil || watch == "" {
		return pt, err
	}
	return n.waitTimes(30*time.Second, func(pt pageTimes) bool { return pt.WatchAt != nil })
}

// settingsJSON is the stored settings for the benchmark's sessions: the
// defaults with the safety advice read, and the given pacing changes.
func settingsJSON(change func(*data.Settings)) (string, error) {
	s := data.DefaultSettings()
	s.SafetyAccepted = true
	if change != nil {
		change(&s)
	}
	st := &store.MemoryStorage{}
	if err := store.SaveSettings(st, s); err != nil {
		return "", err
	}
	raw, _ := st.GetRaw(store.SettingsKey)
	return raw, nil
}

// openPlayer opens the player of routine id in t, seeding storage first,
// and waits for its Start button. The player draws Start once it has read
// the settings, a frame or so after go-app removed its loader.
func openPlayer(t *tab, s *site, id string, storage map[string]*string) error {
	if _, err := t.open(s.Base+"/", actionTimeout); err != nil {
		return err
	}
	if err := t.setStorage(storage); err != nil {
		return err
	}
	if _, err := t.open(s.Base+"/session/"+id, actionTimeout); err != nil {
		return err
	}
	err := browsertest.Poll(30*time.Second, 50*time.Millisecond, func() (bool, error) {
		state, err := eval[string](t, `document.getElementById("start") ? "start" :
			document.querySelector("main .error") ? "error" : ""`)
		switch {
		case err != nil:
			return false, browsertest.Final(err)
		case state == "error": // an unknown routine
			return false, browsertest.Final(errNoPlayer)
		}
		return state == "start", nil
	})
	if err == nil {
		return nil
	}
	if errors.Is(err, errNoPlayer) || errors.Is(err, browsertest.ErrTimeout) {
		shown, _ := eval[string](t, `(document.querySelector("main") || document.body).innerText.slice(0, 300)`)
		return fmt.Errorf("%w: %q", errNoPlayer, shown)
	}
	return err
}

var errNoPlayer = fmt.Errorf("the player shows no Start button")

// frameMS is one frame at 60 Hz, in ms.
const frameMS = 1000.0 / 60

// updateCost is what one countdown update costs the main thread.
type updateCost struct {
	updates int
	// script is per update: the entry into Go that changed #count plus the
	// entries in the 50 ms before it (go-app may handle the ticker's
	// dispatch in one entry and redraw on its next frame in another) and
	// those in the frame after it (a redraw the update asked for), in ms. seconds are the updates within a segment (the number goes down
	// by one), segments those that start a new segment (cues, checkpoint,
	// a new figure).
	script, seconds, segments []float64
	// render is the browser's style and layout time per second of session
	// (ms), from Performance.getMetrics: it includes CSS animations, so it
	// is not all the countdown's.
	render float64
	// busy is the share of the main thread that Go's entries took.
	busy float64
}

// measureUpdates runs a session in real time for d and times every entry
// into Go (go._resume, wrapped by instrumentJS) with performance.now(). An
// entry in which #count's text changed is a countdown update; its cost is
// that entry plus the entries that led to it in the 50 ms before (the
// ticker's dispatch) and those that follow it within a frame (a redraw it
// set off for go-app's next frame), which is an upper bound. The browser's own style and
// layout work comes after the entry and cannot be told apart per update
// (CSS animations cause it too): it is reported per second of session, the
// deltas of Performance.getMetrics RecalcStyleDuration and LayoutDuration
// divided by the length of the run. Paint is left out: getMetrics does not
// report it.
func measureUpdates(c *chrome, s *site, d time.Duration) (updateCost, error) {
	var u updateCost
	t, err := c.instrumentedTab()
	if err != nil {
		return u, err
	}
	defer t.close()
	settings, err := settingsJSON(nil)
	if err != nil {
		return u, err
	}
	if err := openPlayer(t, s, data.Evening, map[string]*string{store.SettingsKey: &settings}); err != nil {
		return u, err
	}
	if err := t.do("pressing Start", chromedp.Click(chromedp.CSS("#start"))); err != nil {
		return u, err
	}
	time.Sleep(time.Second)
	if _, err := chromedp.Call(t.ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return u, err
	}
	before, err := metrics(t)
	if err != nil {
		return u, err
	}
	if _, err := eval[bool](t, `(window.__bench.resumes = [], window.__bench.trace = true)`); err != nil {
		return u, err
	}
	t0 := time.Now()
	time.Sleep(d)
	raw, err := eval[string](t, `(window.__bench.trace = false, JSON.stringify(window.__bench.resumes))`)
	if err != nil {
		return u, err
	}
	wall := time.Since(t0)
	after, err := metrics(t)
	if err != nil {
		return u, err
	}
	var resumes [][4]float64 // start, duration, #count changed, new number (-1 emptied)
	if err := json.Unmarshal([]byte(raw), &resumes); err != nil {
		return u, err
	}
	total, last := 0.0, 0.0
	for i, r := range resumes {
		total += r[1]
		if r[2] != 1 {
			continue
		}
		cost := r[1]
		for j := i - 1; j >= 0 && resumes[j][0] >= r[0]-50; j-- {
			cost += resumes[j][1]
		}
		for j := i + 1; j < len(resumes) && resumes[j][0] <= r[0]+r[1]+frameMS; j++ {
			cost += resumes[j][1]
		}
		u.script = append(u.script, cost)
		// An instruction empties the count (its hold has not started):
		// that is a new segment, like the hold's first number after it.
		if last >= 1 && r[3] == last-1 {
			u.seconds = append(u.seconds, cost)
		} else if len(u.script) > 1 { // the first has nothing before it
			u.segments = append(u.segments, cost)
		}
		last = r[3]
	}
	u.updates = len(u.script)
	if u.updates == 0 {
		return u, fmt.Errorf("no countdown update in %v; %s", d, t.consoleErrors())
	}
	style := (after["RecalcStyleDuration"] - before["RecalcStyleDuration"]) + (after["LayoutDuration"] - before["LayoutDuration"])
	u.render = style * 1000 / wall.Seconds()
	u.busy = total / float64(wall.Milliseconds())
	return u, nil
}

// metrics returns Performance.getMetrics by name.
func metrics(t *tab) (map[string]float64, error) {
	res, err := chromedp.Call(t.ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	m := map[string]float64{}
	for _, x := range res.Metrics {
		m[x.Name] = x.Value
	}
	return m, nil
}

// memory is what a page holds after garbage collection.
type memory struct {
	jsHeap, wasm float64 // bytes
	what         string
}

// measureMemory runs the evening routine to its end on virtual time and
// reads the JS heap (Performance.getMetrics JSHeapUsedSize, after a garbage
// collection) and the size of the wasm memory. Without a routine (the
// baseline has none) it reads them once the app is interactive.
func measureMemory(c *chrome, s *site, routine bool) (memory, error) {
	m := memory{what: "after launch"}
	t, err := c.instrumentedTab()
	if err != nil {
		return m, err
	}
	defer t.close()
	if routine {
		settings, err := settingsJSON(nil)
		if err != nil {
			return m, err
		}
		if err := openPlayer(t, s, data.Evening, map[string]*string{store.SettingsKey: &settings}); err != nil {
			return m, err
		}
		plan, err := compile(data.Evening, nil)
		if err != nil {
			return m, err
		}
		if err := t.do("pressing Start", chromedp.Click(chromedp.CSS("#start"))); err != nil {
			return m, err
		}
		if err := t.advance(plan.Total + 5*time.Second); err != nil {
			return m, err
		}
		done, err := eval[bool](t, `document.getElementById("finished-title") !== null`)
		if err != nil {
			return m, err
		}
		if !done {
			return m, fmt.Errorf("the %s routine did not reach its end on virtual time", data.Evening)
		}
		m.what = "after the " + data.Evening + " routine (" + plan.Total.String() + " on virtual time)"
	} else if _, err := t.open(s.Base+"/", actionTimeout); err != nil {
		return m, err
	}
	if _, err := chromedp.Call(t.ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return m, err
	}
	if _, err := chromedp.Call(t.ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return m, err
	}
	mt, err := metrics(t)
	if err != nil {
		return m, err
	}
	m.jsHeap = mt["JSHeapUsedSize"]
	m.wasm, err = eval[float64](t, `(() => { const g = window.__bench.go; return g && g._inst ? g._inst.exports.mem.buffer.byteLength : 0; })()`)
	if err == nil && m.wasm == 0 {
		err = fmt.Errorf("the page's Go instance was not found")
	}
	return m, err
}

// compile compiles a built-in routine with the default settings changed by
// change, as the player does on a first visit: with the doses suggested for
// an empty history.
func compile(id string, change func(*data.Settings)) (data.Plan, error) {
	cat := data.DefaultCatalogue()
	r, ok := data.FindRoutine(cat, id)
	if !ok {
		return data.Plan{}, fmt.Errorf("no routine %q", id)
	}
	r = data.PlanToday(r, cat, nil, time.Now().Format(data.DateLayout)).Routine
	s := data.DefaultSettings()
	if change != nil {
		change(&s)
	}
	return data.Compile(r, cat, s.Timing())
}

// historyResult is the long history in storage and on screen.
type historyResult struct {
	records    int
	bytes      int
	path, note string
	native     time.Duration
	empty      []float64 // navigation to drawn, ms, with no history
	full       []float64 // the same with the long history
	// emptyRuns and fullRuns are the launches, for their phases.
	emptyRuns, fullRuns []pageTimes
}

// measureHistory stores the long history and times the history screen
// against an empty history: navigation start to the app interactive and
// the screen's content drawn (#stats with records, #history-empty without),
// in a new tab of an installed app each time, alternating.
func measureHistory(c *chrome, s *site, h longHistory, runs int) (historyResult, error) {
	r := historyResult{records: h.records, bytes: len(h.raw), native: h.native, path: "/history"}
	fullSel, emptySel := "#stats", "#history-empty"
	if code, err := s.status("/history"); err != nil || code != 200 {
		r.path, r.note = "/", "/history is missing (status "+fmt.Sprint(code)+"): measured / instead"
		fullSel, emptySel = "main", "main"
	}
	t, err := c.instrumentedTab()
	if err != nil {
		return r, err
	}
	defer t.close()
	if err := t.install(s); err != nil {
		return r, err
	}
	settings, err := settingsJSON(nil)
	if err != nil {
		return r, err
	}
	if err := t.setStorage(map[string]*string{store.SettingsKey: &settings}); err != nil {
		return r, err
	}
	url := s.Base + r.path
	// One launch of each first, not counted: it warms the browser's
	// caches for app.wasm.
	for i := -1; i < runs; i++ {
		for _, full := range []bool{false, true} {
			val, sel := (*string)(nil), emptySel
			if full {
				val, sel = &h.raw, fullSel
			}
			if err := t.setStorage(map[string]*string{store.HistoryKey: val}); err != nil {
				return r, fmt.Errorf("storing %d records (%d bytes): %w", h.records, len(h.raw), err)
			}
			pt, err := launch(t, url, sel)
			if err != nil {
				return r, fmt.Errorf("%s with %s history: %w", r.path, map[bool]string{true: "the long", false: "an empty"}[full], err)
			}
			if i < 0 {
				continue
			}
			if full {
				r.full, r.fullRuns = append(r.full, *pt.WatchAt), append(r.fullRuns, pt)
			} else {
				r.empty, r.emptyRuns = append(r.empty, *pt.WatchAt), append(r.emptyRuns, pt)
			}
		}
	}
	return r, nil
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
// An instruction shows no number (its hold's time starts at the go-cue), so
// it has none here, and the count read empty is not compared.
func countChanges(p data.Plan) []change {
	var out []change
	for _, s := range p.Segments {
		if s.Duration <= 0 || s.Kind == data.KindInstruct {
			continue
		}
		n := int((s.Duration + time.Second - 1) / time.Second)
		out = append(out, change{float64(s.Start.Milliseconds()), n})
		for k := n - 1; k >= 1; k-- {
			at := s.End() - time.Duration(k)*time.Second
			if at > s.Start {
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

// median and percentile of xs (nearest rank); NaN when empty.
func median(xs []float64) float64 { return percentile(xs, 50) }

func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}
