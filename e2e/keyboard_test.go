package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"unknot/data"
)

// key presses a key in the tab and gives the app a moment to handle it.
func key(t *testing.T, tb *tab, k string) {
	t.Helper()
	tb.do(t, "pressing "+k, chromedp.KeyEvent(k))
	time.Sleep(200 * time.Millisecond)
}

// focused is the id of the element that has the keyboard focus.
func focused(t *testing.T, tb *tab) string {
	t.Helper()
	return eval[string](t, tb, `document.activeElement ? document.activeElement.id : ""`)
}

// TestKeyboard walks the walk-through's keyboard findings: Pause keeps the
// focus, the pain scale is one Tab stop with arrow keys inside, every page
// starts with a skip link, and key hints show only with a keyboard.
func TestKeyboard(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.do(t, "sizing the window", chromedp.EmulateViewport(1280, 800))
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+data.Morning)
	untilShown(t, tb, `document.getElementById("start") || document.getElementById("safety-accept")`, "no Start")

	// The pain scale: one Tab stop, arrows move the choice and the focus.
	if n := eval[int](t, tb, `document.querySelectorAll("#pain-before [role=radio][tabindex='0']").length`); n != 1 {
		t.Errorf("%d Tab stops in the pain scale, want 1", n)
	}
	eval[bool](t, tb, `(document.getElementById("pain-before-0").focus(), true)`)
	for range 3 {
		key(t, tb, kb.ArrowRight)
	}
	if f := focused(t, tb); f != "pain-before-3" {
		t.Errorf("after three → the focus is on %q, want pain-before-3", f)
	}
	if got := eval[string](t, tb, `[...document.querySelectorAll("#pain-before [aria-checked=true]")].map((e) => e.id).join()`); got != "pain-before-3" {
		t.Errorf("checked: %q, want pain-before-3", got)
	}
	key(t, tb, kb.ArrowLeft)
	if f := focused(t, tb); f != "pain-before-2" {
		t.Errorf("after ← the focus is on %q, want pain-before-2", f)
	}
	// Keys were pressed: the hints show.
	if eval[bool](t, tb, `getComputedStyle(document.getElementById("keys-hint")).display === "none"`) {
		t.Error("no key hints after using the keyboard")
	}

	// Pause with Enter and Space: the focus stays on the button.
	pressStart(t, tb)
	waitFor(t, tb, `document.activeElement && document.activeElement.id === "pause"`, "Start puts the focus on Pause")
	key(t, tb, kb.Enter)
	waitFor(t, tb, `document.getElementById("pause").textContent === "Resume"`, "Enter pauses")
	if f := focused(t, tb); f != "pause" {
		t.Errorf("after Enter on Pause the focus is on %q", f)
	}
	key(t, tb, " ")
	waitFor(t, tb, `document.getElementById("pause").textContent === "Pause"`, "Space resumes")
	if f := focused(t, tb); f != "pause" {
		t.Errorf("after Space on Resume the focus is on %q", f)
	}
	key(t, tb, kb.Tab)
	if f := focused(t, tb); f != "skip" {
		t.Errorf("Tab from Pause reaches %q, want Skip", f)
	}

	// Every page starts with a skip link to its content.
	home := newTab(t)
	home.open(t, h.base, "/")
	key(t, home, kb.Tab)
	if got := eval[string](t, home, `document.activeElement.className`); got != "skip-link" {
		t.Fatalf("the first Tab reaches %q, want the skip link", got)
	}
	screenshot(t, home, "skip-link-390x844")
	key(t, home, kb.Enter)
	if f := focused(t, home); f != "home" {
		t.Errorf("the skip link moved the focus to %q, want the main content", f)
	}
	if p := eval[string](t, home, `location.pathname + location.hash`); p != "/" {
		t.Errorf("the skip link changed the address to %q", p)
	}

	// A phone: no key hints.
	phone := newTab(t)
	phone.do(t, "emulating a phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
	phone.open(t, h.base, "/session/"+data.Morning)
	waitFor(t, phone, `!!document.getElementById("keys-hint")`, "the ready screen")
	if !eval[bool](t, phone, `getComputedStyle(document.getElementById("keys-hint")).display === "none"`) {
		t.Error("key hints shown on a touch phone")
	}
}

// TestNavigationOnOneLine: the five main links fit one line on a 375 px
// phone.
func TestNavigationOnOneLine(t *testing.T) {
	h := setup(t)
	tb := phone(t, newTab(t))
	tb.open(t, h.base, "/")
	tops := eval[int](t, tb, `new Set([...document.querySelectorAll("nav.site-nav a")].map((a) => Math.round(a.getBoundingClientRect().top))).size`)
	if n := eval[int](t, tb, `document.querySelectorAll("nav.site-nav a").length`); n != 5 || tops != 1 {
		t.Errorf("%d links on %d lines, want 5 on one", n, tops)
	}
}
