package main

import (
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

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
