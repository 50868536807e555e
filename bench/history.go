package main

import (
	"fmt"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// historyYears and sessionsPerDay shape the long history: ten years of the
// article's twice-daily rhythm.
const (
	historyYears   = 10
	sessionsPerDay = 2
)

// longHistory is a generated history as the app stores it.
type longHistory struct {
	records int
	raw     string // the value of store.HistoryKey, exactly as stored
	today   string
	// native is the time store.LoadHistory and data.ComputeStats take on
	// it in Go outside the browser, for comparison.
	native time.Duration
}

// result is the start of a historyResult for launches of path with h.
func (h longHistory) result(path string) historyResult {
	return historyResult{records: h.records, bytes: len(h.raw), native: h.native, path: path}
}

// makeHistory builds ten years of twice-daily sessions up to yesterday:
// the morning routine at 07:30 and the evening one at 19:30, each a whole
// session recorded by data.NewRecord, every other one with pain scores as
// the finished screen asks for them, and stores them with store.SaveRecords,
// so the text is what the app itself writes under store.HistoryKey.
func makeHistory(now time.Time) (longHistory, error) {
	cat := data.DefaultCatalogue()
	timing := data.DefaultSettings().Timing()
	var plans []data.Plan
	for _, id := range []string{data.Morning, data.Evening} {
		r, ok := data.FindRoutine(cat, id)
		if !ok {
			return longHistory{}, fmt.Errorf("no built-in routine %q", id)
		}
		p, err := data.Compile(r, cat, timing)
		if err != nil {
			return longHistory{}, err
		}
		plans = append(plans, p)
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		loc = time.UTC
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	days := historyYears * 365
	recs := make([]data.Record, 0, days*sessionsPerDay)
	for d := days; d >= 1; d-- {
		day := today.AddDate(0, 0, -d)
		for i, at := range []time.Duration{7*time.Hour + 30*time.Minute, 19*time.Hour + 30*time.Minute} {
			start := day.Add(at)
			p := plans[i]
			s := data.NewSession(p, start)
			r := data.NewRecord(s, data.NewStamp(start, loc.String()), start.Add(p.Total))
			if len(recs)%2 == 0 {
				r.PainBefore, r.PainAfter = data.PainScore(4), data.PainScore(2)
			}
			recs = append(recs, r)
		}
	}
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		return longHistory{}, err
	}
	raw, ok := st.GetRaw(store.HistoryKey)
	if !ok {
		return longHistory{}, fmt.Errorf("nothing stored under %s", store.HistoryKey)
	}
	h := longHistory{records: len(recs), raw: raw, today: today.Format(data.DateLayout)}

	t0 := time.Now()
	loaded, status, err := store.LoadHistory(st, now)
	if err != nil || status != store.StatusOK || len(loaded.Records) != len(recs) {
		return h, fmt.Errorf("reading the generated history back: %v (status %v, %d records)", err, status, len(loaded.Records))
	}
	data.ComputeStats(loaded.Records, h.today)
	h.native = time.Since(t0)
	return h, nil
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
	r := h.result("/history")
	fullSel, emptySel := "#stats", "#history-empty"
	if code, err := s.status("/history"); err != nil || code != 200 {
		r.path, r.note = "/", "/history is missing (status "+fmt.Sprint(code)+"): measured / instead"
		fullSel, emptySel = "main", "main"
	}
	return launchesWithHistory(c, s, h, runs, r, fullSel, emptySel)
}

// measureHomeWithHistory times launches of Home with the long history
// against an empty one, as measureHistory does the history screen's: Home
// reads the history for today's doses, and the launch reads it for what it
// keeps (docs/performance.md, "A launch with ten years of history").
func measureHomeWithHistory(c *chrome, s *site, h longHistory, runs int) (historyResult, error) {
	return launchesWithHistory(c, s, h, runs, h.result("/"), "main", "main")
}

// launchesWithHistory launches r.path in a new tab of an installed app,
// alternately with the long history and with none, runs times each after
// one of each not counted, and adds when fullSel and emptySel matched.
func launchesWithHistory(c *chrome, s *site, h longHistory, runs int, r historyResult, fullSel, emptySel string) (historyResult, error) {
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
