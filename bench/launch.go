package main

import (
	"fmt"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
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
