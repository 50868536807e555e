package e2e

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
)

// phone makes tb a 375×667 touch phone, the size the walk-through used.
func phone(t *testing.T, tb *tab) *tab {
	t.Helper()
	tb.do(t, "emulating a phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
	return tb
}

// scrollTo brings the element matching selector into view, as a person
// scrolling down to it would, and returns the page's scroll position. The
// wheel event is the person's: a page going back to where it was left
// stops putting itself there at the first one (web/scroll.js), and would
// otherwise move the element away before the click.
func scrollTo(t *testing.T, tb *tab, selector string) float64 {
	t.Helper()
	y := eval[float64](t, tb, fmt.Sprintf(`(() => {
		const e = document.querySelector(%s);
		if (!e) return -1;
		window.dispatchEvent(new WheelEvent("wheel", {deltaY: 1}));
		e.scrollIntoView({block: "center"});
		return window.scrollY;
	})()`, jsString(selector)))
	if y <= 0 {
		t.Fatalf("could not scroll down to %s (scrollY %v)", selector, y)
	}
	return y
}

// drawn waits until the page's height has not changed for half a second:
// a page that reads its data after its first frame has drawn it.
func drawn(t *testing.T, tb *tab) {
	t.Helper()
	height, since := -1.0, time.Now()
	for deadline := time.Now().Add(10 * time.Second); time.Since(since) < 500*time.Millisecond; time.Sleep(25 * time.Millisecond) {
		if h := eval[float64](t, tb, `document.documentElement.scrollHeight`); h != height {
			height, since = h, time.Now()
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page's height still changes after 10 s (%v px)", height)
		}
	}
}

// atTop checks that the page shows its top, with the element matching
// selector on screen, after what.
func atTop(t *testing.T, tb *tab, selector, what string) {
	t.Helper()
	waitFor(t, tb, fmt.Sprintf(`!!document.querySelector(%s)`, jsString(selector)), selector+" shown "+what)
	// Let a page that would keep the old position have a frame to do so.
	time.Sleep(300 * time.Millisecond)
	y := eval[float64](t, tb, `window.scrollY`)
	top := eval[float64](t, tb, fmt.Sprintf(`document.querySelector(%s).getBoundingClientRect().top`, jsString(selector)))
	if y != 0 || top < 0 || top > eval[float64](t, tb, `window.innerHeight`) {
		t.Errorf("%s: the page is scrolled to %v with %s at %v px, want the top of the page with it on screen", what, y, selector, top)
	}
}

// TestPagesOpenAtTheTop follows the walk-through's paths on a phone: a new
// page opens at its top, going back returns to where the person was.
func TestPagesOpenAtTheTop(t *testing.T) {
	h := setup(t)
	tb := phone(t, newTab(t))
	tb.open(t, h.base, "/")

	link := `a[href="/exercise/` + data.CatStretch + `"]`
	// Home grows once it has read the history: scrolled before that, the
	// browser keeps the view as the page grows above it, and the
	// position left is not the one read here.
	drawn(t, tb)
	y := scrollTo(t, tb, link)
	click(t, tb, link)
	atTop(t, tb, "#exercise h1", "opening the cat stretch from low on Home")
	screenshot(t, tb, "scroll-exercise-top-375x667")

	tb.do(t, "going back", chromedp.NavigateBack())
	waitFor(t, tb, `location.pathname === "/" && !!document.getElementById("home-routines")`, "Home is back")
	for deadline := time.Now().Add(15 * time.Second); math.Abs(eval[float64](t, tb, `window.scrollY`)-y) > 2; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("going back, Home is scrolled to %v of a page %v px high, want where it was left, %v",
				eval[float64](t, tb, `window.scrollY`), eval[float64](t, tb, `document.documentElement.scrollHeight`), y)
		}
	}

	drawn(t, tb)
	scrollTo(t, tb, "#to-routines")
	click(t, tb, "#to-routines")
	atTop(t, tb, "#new-routine-name", `"Make your own routine"`)
	tb.do(t, "going back", chromedp.NavigateBack())
	waitFor(t, tb, `location.pathname === "/"`, "Home is back")

	// Start sits low on the ready screen; the session opens at its top.
	// It runs in a tab of its own, closed after, as the system kills a tab:
	// a tab left open holds its session's lock, and that session, running
	// elsewhere, is not offered to resume.
	run, kill := tb.closable(t)
	phone(t, run)
	recordCues(t, run)
	run.open(t, h.base, "/session/"+data.Morning)
	untilShown(t, run, `document.getElementById("start") || document.getElementById("safety-accept")`, "no Start")
	if eval[bool](t, run, `document.getElementById("safety-accept") !== null`) {
		click(t, run, "#safety-accept")
		untilShown(t, run, `document.getElementById("start")`, "no Start after the safety advice")
	}
	scrollTo(t, run, "#start")
	click(t, run, "#start")
	atTop(t, run, "#step-title", "pressing Start")
	kill()

	// Resume from Home, scrolled down a little, opens the session at its
	// top too.
	again := tb.sibling(t)
	phone(t, again)
	again.open(t, h.base, "/")
	waitFor(t, again, `!!document.getElementById("resume-go")`, "the resume offer shows")
	eval[bool](t, again, `(document.documentElement.style.minHeight = "300vh", window.scrollTo(0, 200), true)`)
	click(t, again, "#resume-go")
	atTop(t, again, "#step-title", "resuming")

	// "Do it again" at the bottom of the finished screen.
	end := phone(t, playerTab(t, h, data.KneeToChest))
	runToTheEnd(t, end)
	scrollTo(t, end, "#again")
	end.do(t, "doing it again", chromedp.Click(chromedp.CSS("#again")))
	untilShown(t, end, `document.getElementById("start")`, "no Start after Do it again")
	if y := eval[float64](t, end, `window.scrollY`); math.Abs(y) > 0 {
		t.Errorf(`"Do it again" opened the player scrolled to %v, want the top`, y)
	}
}
