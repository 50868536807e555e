package e2e

import (
	"strings"
	"testing"

	"unknot/data"
)

// The emergency and helpline numbers call with one tap, and their words
// read as before.
func TestEmergencyNumbersCall(t *testing.T) {
	h := setup(t)
	tb := sizedTab(t, 375, 667, true)
	tb.open(t, h.base, "/safety")
	waitFor(t, tb, `!!document.getElementById("page-emergency")`, "the safety page")
	for _, n := range []string{"999", "112", "911"} {
		if got := text(t, tb, `#page-emergency a[href="tel:`+n+`"]`); got != n {
			t.Errorf("the emergency box's link to tel:%s reads %q", n, got)
		}
	}
	if got := text(t, tb, `#page-urgent a[href="tel:111"]`); got != "111" {
		t.Errorf("the urgent box's link to tel:111 reads %q", got)
	}
	if got := text(t, tb, "#page-emergency p"); !strings.HasPrefix(got, "Call 999 (UK), 112 (Europe) or 911 (US and Canada), or go to an emergency department") {
		t.Errorf("the emergency words read %q", got)
	}
	// The source article, linked from Home's routines, is named there.
	click(t, tb, `.site-nav a[href="/"]`)
	waitFor(t, tb, `!!document.querySelector('a[href="/safety#source"]')`, "Home links the source article")
	click(t, tb, `a[href="/safety#source"]`)
	waitFor(t, tb, `!!document.getElementById("source") && document.getElementById("source").getBoundingClientRect().top < window.innerHeight`, "the link opens the source section in view")
	// The gate before a first session calls too.
	tb.open(t, h.base, "/session/"+data.KneeToChest)
	untilShown(t, tb, `document.getElementById("safety-gate")`, "no safety gate on a fresh profile")
	if got := eval[int](t, tb, `document.querySelectorAll('#safety-gate a[href^="tel:"]').length`); got != 3 {
		t.Errorf("the safety gate has %d tap-to-call links, want 3", got)
	}
}
