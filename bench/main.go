// Command bench measures Unknot against its speed budgets, side by side with
// a minimal go-app v9 app (bench/baseline) built and served the same way.
//
//	go run ./bench                 every measurement, full length (~30 min)
//	go run ./bench -strict         the same; exit 1 when a budget fails (make bench)
//	go run ./bench -quick -smoke   a short run that proves the benchmark works (make test)
//
// It builds both apps into a temporary folder with the Makefile's flags,
// serves each with Unknot's own server code, drives headless Chromium
// (/usr/bin/chromium, or $UNKNOT_CHROMIUM) and prints a Markdown table with
// PASS or FAIL for every budget, then Lighthouse's figures for a first visit
// of each page (Lighthouse pinned in bench/lighthouse, installed there with
// npm ci when missing) and app.wasm's code by Go package. README.md's "Performance" section explains
// the figures.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"unknot/internal/browsertest"
)

// The budgets, as README.md's Performance section states them.
const (
	budgetBrotliRatio  = 1.25  // app.wasm brotli ≤ 1.25× the baseline's
	budgetWarmRatio    = 1.5   // warm offline launch ≤ 1.5× the baseline's, medians of launches taken alternately
	budgetUpdateShare  = 0.10  // one countdown update ≤ 10% of a frame at p95
	budgetHistoryBytes = 1.5e6 // ten years of history ≤ 1.5 MB stored
	budgetHistoryRatio = 3.0   // its screen ≤ 3× an empty one
	budgetTimerError   = 50.0  // ms at the end of a routine, 5 min hidden
	fullRoutineLength  = 20 * time.Minute
	fullHidden         = 5 * time.Minute
)

// config is the command line.
type config struct {
	quick, smoke, strict, keep bool
	voice                      bool // the timer's browser speaks (speech-dispatcher)
	chromium                   string
	only                       map[string]bool // measurements to take; nil for all
}

// measurements names what -only can pick.
var measurements = []string{"size", "first", "warm", "updates", "memory", "history", "lighthouse", "timer"}

// wants reports whether the measurement name is to be taken.
func (c config) wants(name string) bool { return c.only == nil || c.only[name] }

// mode is the length of each measurement.
type mode struct {
	link        link
	warmRuns    int
	updateFor   time.Duration
	historyRuns int
}

func main() {
	var cfg config
	flag.BoolVar(&cfg.quick, "quick", false, "short runs: a faster link, fewer launches, a short hidden spell instead of a whole routine")
	flag.BoolVar(&cfg.smoke, "smoke", false, "prove the benchmark works: fail only when a measurement cannot be taken, never on a budget")
	flag.BoolVar(&cfg.strict, "strict", false, "exit 1 when a budget fails")
	flag.BoolVar(&cfg.voice, "voice", false, "the timer's browser speaks through speech-dispatcher (espeak-ng; needs a running sound server), so the player waits for real speech")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the temporary folder (builds, profiles) and print its path")
	flag.StringVar(&cfg.chromium, "chromium", browsertest.ChromiumPath(), "the Chromium binary")
	only := flag.String("only", "", "take only these measurements, comma-separated: "+strings.Join(measurements, ","))
	flag.Parse()
	if *only != "" {
		cfg.only = map[string]bool{}
		for _, name := range strings.Split(*only, ",") {
			if !slices.Contains(measurements, name) {
				fmt.Fprintf(os.Stderr, "bench: -only: unknown measurement %q (want %s)\n", name, strings.Join(measurements, ","))
				os.Exit(2)
			}
			cfg.only[name] = true
		}
	}
	os.Exit(run(cfg, os.Stdout))
}

// logf reports progress on stderr, so stdout is the table alone.
func logf(format string, a ...any) { fmt.Fprintf(os.Stderr, "bench: "+format+"\n", a...) }

// run measures everything and prints the table; it returns the exit code.
func run(cfg config, out io.Writer) int {
	began := time.Now()
	root, err := filepath.Abs(".")
	if err == nil {
		_, err = os.Stat(filepath.Join(root, "go.mod"))
	}
	if err != nil {
		logf("run from the repository root (go run ./bench): %v", err)
		return 2
	}
	checkMakefile(root)
	m := mode{link: slowLink, warmRuns: 15, updateFor: time.Minute, historyRuns: 3}
	if cfg.quick {
		m = mode{link: link{"quick: 16 Mbit/s down, 7.5 Mbit/s up, 15 ms RTT", 16e6, 7.5e6, 15}, warmRuns: 2, updateFor: 4 * time.Second, historyRuns: 1}
	}

	tmp, err := tempDir()
	if err != nil {
		logf("%v", err)
		return 1
	}
	if cfg.keep {
		logf("keeping %s", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	b := &bench{cfg: cfg, m: m}
	code := b.measure(root, tmp)
	b.print(out, time.Since(began))
	if code != 0 {
		return code
	}
	if len(b.failed) > 0 {
		logf("%d budget(s) failed: %s", len(b.failed), strings.Join(b.failed, "; "))
		if cfg.strict && !cfg.smoke {
			return 1
		}
	}
	return 0
}

// bench holds the results as they come.
type bench struct {
	cfg config
	m   mode

	app, base           *site
	appSize, baseSize   sizes
	appPkgs, basePkgs   packageSizes
	appLH, baseLH       []lighthouseReport
	appFirst, baseFirst *firstVisit
	appWarm, baseWarm   []pageTimes
	updates             *updateCost
	appMem, baseMem     *memory
	history, home       *historyResult
	timer               *timerResult

	errs   []string // measurements that could not be taken
	failed []string // budgets that failed
}

// fail records a measurement that could not be taken.
func (b *bench) fail(what string, err error) {
	logf("%s: %v", what, err)
	b.errs = append(b.errs, what+": "+err.Error())
}

// measure builds, serves and measures. It returns 1 when the apps could not
// be built or served, or a measurement failed.
func (b *bench) measure(root, tmp string) int {
	t0 := time.Now()
	var err error
	if b.app, err = buildApp(root, tmp); err != nil {
		b.fail("building Unknot", err)
		return 1
	}
	if b.base, err = buildBaseline(root, tmp); err != nil {
		b.fail("building the baseline", err)
		return 1
	}
	logf("built both apps in %v", time.Since(t0).Round(time.Millisecond))
	for _, s := range []*site{b.app, b.base} {
		if err := s.Start(); err != nil {
			b.fail("serving "+s.name, err)
			return 1
		}
		defer s.Stop()
	}
	if b.cfg.wants("size") {
		if b.appSize, err = measureSizes(b.app); err != nil {
			b.fail("sizes", err)
		}
		if b.baseSize, err = measureSizes(b.base); err != nil {
			b.fail("sizes", err)
		}
		if b.appPkgs, err = measurePackages(root, tmp, "app", "./app"); err != nil {
			b.fail("code by package, Unknot", err)
		}
		if b.basePkgs, err = measurePackages(root, tmp, "baseline", "./bench/baseline"); err != nil {
			b.fail("code by package, baseline", err)
		}
	}

	c, err := startChrome(b.cfg.chromium, tmp, "main", false, false)
	if err != nil {
		b.fail("browser", err)
		return 1
	}
	defer c.close()

	step := func(name, what string, f func() error) {
		if !b.cfg.wants(name) {
			return
		}
		t := time.Now()
		if err := f(); err != nil {
			b.fail(what, err)
			return
		}
		logf("%s: %v", what, time.Since(t).Round(time.Millisecond))
	}
	for _, s := range []*site{b.app, b.base} {
		step("first", "first visit, "+s.name, func() error {
			fv, err := measureFirstVisit(c, s, b.m.link)
			if err == nil {
				if s == b.app {
					b.appFirst = &fv
				} else {
					b.baseFirst = &fv
				}
			}
			return err
		})
	}
	step("warm", "warm launches, taken alternately", func() error {
		w, err := measureWarmLaunches(c, []*site{b.app, b.base}, b.m.warmRuns)
		if len(w) == 2 {
			b.appWarm, b.baseWarm = w[0], w[1]
		}
		return err
	})
	step("updates", "countdown updates", func() error {
		u, err := measureUpdates(c, b.app, b.m.updateFor)
		if err == nil {
			b.updates = &u
		}
		return err
	})
	for _, s := range []*site{b.app, b.base} {
		step("memory", "memory, "+s.name, func() error {
			mem, err := measureMemory(c, s, s == b.app)
			if err == nil {
				if s == b.app {
					b.appMem = &mem
				} else {
					b.baseMem = &mem
				}
			}
			return err
		})
	}
	step("history", "history", func() error {
		hist, err := makeHistory(time.Now())
		if err != nil {
			return fmt.Errorf("generating it: %w", err)
		}
		h, err := measureHistory(c, b.app, hist, b.m.historyRuns)
		b.history = &h
		if err != nil {
			return err
		}
		home, err := measureHomeWithHistory(c, b.app, hist, b.m.historyRuns)
		b.home = &home
		return err
	})
	c.close()

	step("lighthouse", "Lighthouse", func() error {
		// A quick run proves the runner: Home and the baseline once.
		routes, passes := lighthouseRoutes, 3
		if b.cfg.quick {
			routes, passes = routes[:1], 1
		}
		var err error
		b.appLH, b.baseLH, err = measureLighthouse(root, b.cfg.chromium, tmp, b.app, b.base, routes, passes)
		return err
	})

	if b.cfg.wants("timer") {
		tc, err := startChrome(b.cfg.chromium, tmp, "throttled", true, b.cfg.voice)
		if err != nil {
			b.fail("timer", err)
		} else {
			defer tc.close()
			step("timer", "timer", func() error {
				r, err := b.measureTimer(tc)
				if err == nil {
					b.timer = &r
				}
				return err
			})
		}
	}
	if len(b.errs) > 0 {
		return 1
	}
	return 0
}

// print writes the table and what it measured.
func (b *bench) print(w io.Writer, took time.Duration) {
	kind := "full"
	if b.cfg.quick {
		kind = "quick"
	}
	fmt.Fprintf(w, "\nUnknot benchmark (%s run, %v, %s)\n\n", kind, took.Round(time.Second), time.Now().Format("2006-01-02"))
	fmt.Fprintln(w, "| Measure | Unknot | Baseline | Ratio | Budget | Result |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	row := func(measure, app, base, ratio, budget, result string) {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", measure, app, base, ratio, budget, result)
	}
	check := func(name string, ok bool) string {
		if ok {
			return "PASS"
		}
		b.failed = append(b.failed, name)
		return "**FAIL**"
	}

	if b.appSize.raw > 0 && b.baseSize.raw > 0 {
		a, z := b.appSize, b.baseSize
		row("app.wasm, raw", mb(a.raw), mb(z.raw), ratio(float64(a.raw), float64(z.raw)), "", "")
		row("app.wasm, gzip", mb(a.gzip), mb(z.gzip), ratio(float64(a.gzip), float64(z.gzip)), "", "")
		r := float64(a.brotli) / float64(z.brotli)
		row("app.wasm, brotli", mb(a.brotli), mb(z.brotli), ratio(float64(a.brotli), float64(z.brotli)),
			fmt.Sprintf("≤ %.2f×", budgetBrotliRatio), check("app.wasm brotli", r <= budgetBrotliRatio))
	}
	if b.appFirst != nil && b.baseFirst != nil {
		a, z := b.appFirst, b.baseFirst
		row("first visit ("+b.m.link.name+"): first contentful paint", secs(a.fcp), secs(z.fcp), ratio(a.fcp, z.fcp), "", "")
		row("first visit: pre-rendered content visible while app.wasm loads", yesNo(a.visible), yesNo(z.visible), "", "", "")
		row("first visit: content visible", secs(a.content), secs(z.content), ratio(a.content, z.content), "", "")
		row("first visit: interactive (loader gone)", secs(a.interactive), secs(z.interactive), ratio(a.interactive, z.interactive), "", "")
	}
	if len(b.appWarm) > 0 && len(b.baseWarm) > 0 {
		a, z := launchPhases(b.appWarm), launchPhases(b.baseWarm)
		row(fmt.Sprintf("warm launch offline, to interactive (median of %d)", len(b.appWarm)), secs(a.total), secs(z.total), ratio(a.total, z.total),
			fmt.Sprintf("≤ %.1f×", budgetWarmRatio), check("warm launch", a.total/z.total <= budgetWarmRatio))
		row("warm launch: page until app.wasm is requested", secs(a.page), secs(z.page), ratio(a.page, z.page), "", "")
		row("warm launch: app.wasm fetched and compiled", secs(a.compile), secs(z.compile), ratio(a.compile, z.compile), "", "")
		row("warm launch: Go starts and go-app draws the page", secs(a.start), secs(z.start), ratio(a.start, z.start), "", "")
	}
	if u := b.updates; u != nil {
		p95 := percentile(u.script, 95)
		row(fmt.Sprintf("countdown update, Go and DOM (median / p95 of %d)", u.updates), medP95(u.script), "–", "", "", "")
		row("countdown update at p95, share of a 16.7 ms frame", pct(p95/frameMS), "–", "",
			fmt.Sprintf("≤ %.0f%%", budgetUpdateShare*100), check("countdown update", p95/frameMS <= budgetUpdateShare))
		row(fmt.Sprintf("countdown: next second (median / p95 of %d)", len(u.seconds)), medP95(u.seconds), "–", "", "", "")
		row(fmt.Sprintf("countdown: next segment, with its cues (median / p95 of %d)", len(u.segments)), medP95(u.segments), "–", "", "", "")
		row("countdown update, in parts: its own entry into Go / the entries in the 50 ms before / those in the frame after (mean)",
			fmt.Sprintf("%.2f / %.2f / %.2f ms", mean(u.own), mean(u.before), mean(u.after)), "–", "", "", "")
		row("session: Go's share of the main thread", pct(u.busy), "–", "", "", "")
		row("session: style and layout, per second (animations included)", fmt.Sprintf("%.1f ms", u.render), "–", "", "", "")
	}
	if b.appMem != nil && b.baseMem != nil {
		row("JS heap ("+b.appMem.what+" / baseline "+b.baseMem.what+")", mb(int64(b.appMem.jsHeap)), mb(int64(b.baseMem.jsHeap)), ratio(b.appMem.jsHeap, b.baseMem.jsHeap), "", "")
		row("wasm memory (same moments)", mb(int64(b.appMem.wasm)), mb(int64(b.baseMem.wasm)), ratio(b.appMem.wasm, b.baseMem.wasm), "", "")
	}
	if h := b.history; h != nil && h.bytes > 0 {
		row(fmt.Sprintf("history, %d years twice daily (%d sessions), stored", historyYears, h.records),
			fmt.Sprintf("%s (%d B a session)", mb(int64(h.bytes)), h.bytes/max(h.records, 1)), "–", "",
			fmt.Sprintf("≤ %.1f MB", budgetHistoryBytes/1e6), check("history size", float64(h.bytes) <= budgetHistoryBytes))
		if len(h.full) > 0 && len(h.empty) > 0 {
			f, e := median(h.full), median(h.empty)
			name := fmt.Sprintf("%s drawn, long / empty history (median of %d)", h.path, len(h.full))
			if h.note != "" {
				name += " — " + h.note
			}
			row(name, secs(f)+" / "+secs(e), "–", ratio(f, e),
				fmt.Sprintf("≤ %.0f×", budgetHistoryRatio), check("history screen", f/e <= budgetHistoryRatio))
			pf, pe := launchPhases(h.fullRuns), launchPhases(h.emptyRuns)
			row("history screen: Go starts and draws it, long / empty history", secs(pf.start)+" / "+secs(pe.start), "–", ratio(pf.start, pe.start), "", "")
		}
		if hm := b.home; hm != nil && len(hm.fullRuns) > 0 && len(hm.emptyRuns) > 0 {
			pf, pe := launchPhases(hm.fullRuns), launchPhases(hm.emptyRuns)
			row(fmt.Sprintf("Home launched, long / empty history: interactive (median of %d)", len(hm.fullRuns)), secs(pf.total)+" / "+secs(pe.total), "–", ratio(pf.total, pe.total), "", "")
			row("Home: Go starts and draws it, long / empty history", secs(pf.start)+" / "+secs(pe.start), "–", ratio(pf.start, pe.start), "", "")
		}
		row("history load and stats in Go, natively (for comparison)", fmt.Sprintf("%.0f ms", float64(h.native.Microseconds())/1000), "–", "", "", "")
	}
	if t := b.timer; t != nil {
		name := fmt.Sprintf("timer error, %s (%v), %v hidden (largest error)", t.routine, t.total, t.hidden.Round(time.Second))
		// The budget is for the end of a whole routine: a quick run only
		// shows that the measurement works.
		budget, result := "(full run only)", ""
		if !b.cfg.quick {
			budget = fmt.Sprintf("≤ %.0f ms", budgetTimerError)
			result = check("timer error", t.maxAbs() <= budgetTimerError)
		}
		row(name, fmt.Sprintf("%.0f ms", t.maxAbs()), "–", "", budget, result)
		detail := fmt.Sprintf("errors from the click on Start: %+.0f ms median before hiding (%d changes), %+.0f ms after showing again (%d)",
			median(t.before), len(t.before), median(t.after), len(t.after))
		if t.end != nil {
			detail += fmt.Sprintf(", %+.0f ms at the end", *t.end)
		}
		row("timer: "+detail, "", "", "", "", "")
		if t.end != nil {
			row(fmt.Sprintf("timer: from the planned end to the finished screen, Go ran %.0f ms in %d turns, the first %.0f ms after the end", t.endBusy, t.endTurns, t.endFirst),
				"", "", "", "", "")
		}
		voice := "timer: the page said nothing (the browser had no voice; -voice gives it one), so nothing waited: the plan ran as compiled"
		if t.said > 0 {
			voice = fmt.Sprintf("timer: the voice said %d lines; the next step waited for it %d times, %.0f ms in all, from its end events: the expected instants include these waits",
				t.said, t.waits, t.waited)
		}
		row(voice, "", "", "", "", "")
		row("timer: click on Start to the running screen", fmt.Sprintf("%.0f ms", t.startScreen), "", "", "", "")
		row(fmt.Sprintf("timer: Go wake-ups while hidden / visible (throttling on); latest change while hidden %.0f ms", t.hiddenLatest),
			fmt.Sprintf("%.1f/s / %.1f/s", t.hiddenWakeup, t.visibleWake), "", "", "", "")
		if t.note != "" {
			row("timer: "+t.note, "", "", "", "", "")
		}
	}
	printLighthouse(w, b.appLH, b.baseLH, check)
	if b.appPkgs != nil && b.basePkgs != nil {
		printPackages(w, b.appPkgs, b.basePkgs)
	}
	for _, e := range b.errs {
		fmt.Fprintf(w, "\nERROR: %s\n", strings.TrimSpace(e))
	}
	if len(b.failed) > 0 {
		fmt.Fprintf(w, "\n%d budget(s) failed: %s\n", len(b.failed), strings.Join(b.failed, ", "))
	} else if len(b.errs) == 0 {
		fmt.Fprintln(w, "\nEvery budget measured holds.")
	}
}

// medP95 is "median / p95 ms" of xs, or "–" when it is empty.
func medP95(xs []float64) string {
	if len(xs) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f / %.2f ms", median(xs), percentile(xs, 95))
}

func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

func secs(ms float64) string { return fmt.Sprintf("%.2f s", ms/1000) }

func pct(x float64) string { return fmt.Sprintf("%.1f%%", x*100) }

func ratio(a, b float64) string {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no (behind the loader)"
}
