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
