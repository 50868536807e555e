package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

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
	// own, before and after split script: the entry that changed #count,
	// the entries in the 50 ms before it and those in the frame after it
	// (go-app's engine wakes 17 ms after any dispatch to look for a frame
	// to draw, whether or not the update asked for one).
	own, before, after []float64
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
		ahead, behind := 0.0, 0.0
		for j := i - 1; j >= 0 && resumes[j][0] >= r[0]-50; j-- {
			ahead += resumes[j][1]
		}
		for j := i + 1; j < len(resumes) && resumes[j][0] <= r[0]+r[1]+frameMS; j++ {
			behind += resumes[j][1]
		}
		cost := ahead + r[1] + behind
		u.script = append(u.script, cost)
		u.own, u.before, u.after = append(u.own, r[1]), append(u.before, ahead), append(u.after, behind)
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
