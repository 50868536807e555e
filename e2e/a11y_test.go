package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"unknot/data"
)

// axeDir is where the run installs axe-core from npm, once; it is ignored
// by git.
var axeDir = filepath.Join(".cache", "axe")

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource returns axe.min.js. The first call of a run installs axe-core 4
// from the npm registry into axeDir unless it is there already.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		file := filepath.Join(axeDir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(file); err != nil {
			if axeErr = os.MkdirAll(axeDir, 0o755); axeErr != nil {
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "npm", "install", "--no-save", "--no-audit", "--no-fund",
				"--no-package-lock", "--prefix", axeDir, "axe-core@4")
			if out, err := cmd.CombinedOutput(); err != nil {
				axeErr = fmt.Errorf("npm install axe-core@4: %w\n%s", err, out)
				return
			}
		}
		var b []byte
		b, axeErr = os.ReadFile(file)
		axeJS = string(b)
	})
	if axeErr != nil {
		t.Fatalf("getting axe-core: %v", axeErr)
	}
	return axeJS
}

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeRun starts axe on the page and leaves its violations, as JSON, in
// window.__axe. Injected through the DevTools protocol, axe is not subject
// to the page's Content-Security-Policy.
const axeRun = `(() => {
	window.__axe = null;
	axe.run(document, {resultTypes: ["violations"]}).then((r) => {
		window.__axe = JSON.stringify(r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
		})));
	}, (e) => { window.__axe = JSON.stringify([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]); });
	return true;
})()`

// checkAxe runs axe-core on what the tab shows and fails the test for every
// serious or critical violation, naming the rule and the elements. Lesser
// ones are logged. On a tab whose clock is virtual (virtual true), time is
// let run until axe is done, since axe waits on timers.
func checkAxe(t *testing.T, tb *tab, screen string, virtual bool) {
	t.Helper()
	if !eval[bool](t, tb, `typeof axe !== "undefined"`) {
		eval[bool](t, tb, axeSource(t)+"\n;true")
	}
	eval[bool](t, tb, axeRun)
	raw := ""
	for deadline := time.Now().Add(60 * time.Second); raw == ""; {
		if virtual {
			advance(t, tb, 200*time.Millisecond)
		} else {
			time.Sleep(100 * time.Millisecond)
		}
		raw = eval[string](t, tb, `window.__axe || ""`)
		if time.Now().After(deadline) {
			t.Fatalf("%s: axe did not finish", screen)
		}
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("%s: reading axe's result: %v", screen, err)
	}
	for _, v := range vs {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		msg := fmt.Sprintf("%s: %s (%s) %s\n    on %s", screen, v.ID, v.Impact, v.Help, strings.Join(targets, "\n       "))
		if v.Impact == "serious" || v.Impact == "critical" {
			if len(v.Nodes) > 0 {
				msg += "\n    " + strings.ReplaceAll(v.Nodes[0].Summary, "\n", "\n    ")
			}
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}

// checkTargets fails for every visible control smaller than 44 × 44 CSS
// pixels. Links inside a sentence are exempt, as WCAG allows.
func checkTargets(t *testing.T, tb *tab, screen string) {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify([...document.querySelectorAll(
		"button, .button, select, input:not([type=checkbox]):not([type=radio]):not([type=range]), .toggle, .text-link, .site-nav a, .home-link, .range"
	)].filter((e) => e.offsetParent !== null).map((e) => {
		const r = e.getBoundingClientRect();
		return {id: e.id || e.className || e.tagName, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10};
	}).filter((s) => s.w < 44 || s.h < 44))`)
	if raw != "[]" {
		t.Errorf("%s: touch targets under 44 px: %s", screen, raw)
	}
}

// checkFocusVisible tabs through the page and fails for every element that
// takes the focus without a visible outline.
func checkFocusVisible(t *testing.T, tb *tab, screen string) {
	t.Helper()
	eval[bool](t, tb, `(document.activeElement && document.activeElement.blur(), window.scrollTo(0, 0), true)`)
	seen := map[string]bool{}
	var bad []string
	for i := 0; i < 80; i++ {
		tb.do(t, "pressing Tab", chromedp.KeyEvent("\t"))
		var got struct {
			Key     string `json:"key"`
			Outline string `json:"outline"`
			Width   float64
		}
		raw := eval[string](t, tb, `(() => {
			const e = document.activeElement;
			if (!e || e === document.body) return JSON.stringify({key: ""});
			const s = getComputedStyle(e);
			const key = e.tagName + "#" + e.id + "." + e.className + "[" + (e.textContent || "").trim().slice(0, 30) + "]";
			return JSON.stringify({key, outline: s.outlineStyle, Width: parseFloat(s.outlineWidth) || 0});
		})()`)
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatal(err)
		}
		if got.Key == "" || seen[got.Key] {
			break
		}
		seen[got.Key] = true
		if got.Outline == "none" || got.Width < 2 {
			bad = append(bad, got.Key)
		}
	}
	if len(seen) == 0 {
		t.Errorf("%s: Tab reaches nothing", screen)
	}
	if len(bad) > 0 {
		t.Errorf("%s: focus not visible on %v", screen, bad)
	}
}

// a11yTab opens a phone-sized tab with the given system colour scheme and
// the fake speech and cues of session_test.go.
func a11yTab(t *testing.T, theme string) *tab {
	t.Helper()
	tb := newTab(t)
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	colourScheme(t, tb, theme)
	recordCues(t, tb)
	return tb
}

// acceptSafety acknowledges the safety advice if the page asks for it.
func acceptSafety(t *testing.T, tb *tab) {
	t.Helper()
	if eval[bool](t, tb, `document.getElementById("safety-accept") !== null`) {
		click(t, tb, "#safety-accept")
		waitFor(t, tb, `document.getElementById("safety-accept") === null`, "the safety advice is acknowledged")
	}
}

// TestAccessibility runs axe-core on every screen in light and dark, and
// checks touch target sizes and visible keyboard focus.
func TestAccessibility(t *testing.T) {
	h := setup(t)
	axeSource(t)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			tb := a11yTab(t, theme)
			static := []string{"/", "/settings", "/safety", "/symptoms", "/routines", "/history"}
			for _, e := range data.DefaultCatalogue() {
				static = append(static, "/exercise/"+e.ID)
			}
			for _, p := range static {
				tb.open(t, h.base, p)
				checkAxe(t, tb, theme+" "+p, false)
				checkTargets(t, tb, theme+" "+p)
			}
			for _, p := range []string{"/", "/settings", "/routines"} {
				tb.open(t, h.base, p)
				checkFocusVisible(t, tb, theme+" "+p)
			}

			// The routine editor, with an error showing.
			tb.open(t, h.base, "/routines")
			click(t, tb, "#duplicate-"+data.Evening)
			waitFor(t, tb, `document.querySelector("#custom-routines article") !== null`, "the copy is listed")
			id := strings.TrimPrefix(eval[string](t, tb, `document.querySelector("#custom-routines article").id`), "routine-")
			click(t, tb, "#delete-"+id)
			waitFor(t, tb, `document.getElementById("confirm-delete") !== null`, "the question is asked")
			checkAxe(t, tb, theme+" /routines confirming", false)
			click(t, tb, "#keep-"+id)
			click(t, tb, "#edit-"+id)
			waitFor(t, tb, `document.getElementById("editor") !== null`, "the editor opens")
			setField(t, tb, "#item-0-reps", "9")
			checkAxe(t, tb, theme+" /routines editor", false)
			checkTargets(t, tb, theme+" /routines editor")
			checkFocusVisible(t, tb, theme+" /routines editor")

			// The session: ready, running and finished. Virtual time
			// runs in a tab of its own.
			run := a11yTab(t, theme)
			run.open(t, h.base, "/session/"+data.Evening)
			if eval[bool](t, run, `document.getElementById("safety-gate") !== null`) {
				checkAxe(t, run, theme+" safety gate", false)
			}
			acceptSafety(t, run)
			checkAxe(t, run, theme+" ready", false)
			checkTargets(t, run, theme+" ready")
			pressStart(t, run)
			advance(t, run, 25*time.Second)
			checkAxe(t, run, theme+" running", true)
			checkTargets(t, run, theme+" running")
			act(t, run, "pausing", chromedp.Click(chromedp.CSS("#pause")))
			checkAxe(t, run, theme+" paused", true)
			act(t, run, "ending", chromedp.Click(chromedp.CSS("#end")))
			checkAxe(t, run, theme+" confirm end", true)
			act(t, run, "confirming", chromedp.Click(chromedp.CSS("#confirm-end")))
			if got := text(t, run, "#finished-title"); got == "" {
				t.Fatalf("no finished screen")
			}
			checkAxe(t, run, theme+" finished", true)
			checkTargets(t, run, theme+" finished")
		})
	}
}

// TestReducedMotion checks that nothing moves when the device asks for
// reduced motion, or when the person chose it in Unknot.
func TestReducedMotion(t *testing.T) {
	h := setup(t)
	for _, how := range []string{"device", "setting"} {
		t.Run(how, func(t *testing.T) {
			tb := newTab(t)
			if how == "device" {
				ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
				defer cancel()
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
				}); err != nil {
					t.Fatal(err)
				}
			} else {
				tb.open(t, h.base, "/settings")
				click(t, tb, "#set-reduce-motion")
				waitFor(t, tb, `document.documentElement.dataset.motion === "reduce"`, "reduced motion applies")
			}
			recordCues(t, tb)
			tb.open(t, h.base, "/session/"+data.Bridge)
			acceptSafety(t, tb)
			pressStart(t, tb)
			advance(t, tb, 21*time.Second)
			raw := eval[string](t, tb, `JSON.stringify([...document.querySelectorAll("*")].filter((e) => {
				const s = getComputedStyle(e);
				return (s.animationName !== "none" && parseFloat(s.animationDuration) > 0) ||
					parseFloat(s.transitionDuration) > 0;
			}).map((e) => e.tagName + "." + (e.getAttribute("class") || "")))`)
			if raw != "[]" {
				t.Errorf("elements still animate: %s", raw)
			}
		})
	}
}
