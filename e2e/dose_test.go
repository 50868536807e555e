package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// doseTab opens a small phone-sized tab (375 × 667) in historyZone whose
// cues are recorded.
func doseTab(t *testing.T) *tab {
	t.Helper()
	tb := historyTab(t)
	recordCues(t, tb)
	tb.do(t, "emulating a small phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
	return tb
}

// withDone adds logs of the per-day exercises, all done, to r.
func withDone(t *testing.T, r data.Record, reps map[string]int) data.Record {
	t.Helper()
	for _, e := range data.DefaultCatalogue() {
		if n, ok := reps[e.ID]; ok {
			h := n * e.HoldCount()
			r.Exercises = append(r.Exercises, data.ExerciseLog{Exercise: e.ID, Name: e.Name, Reps: n, RepsDone: n, Holds: h, HoldsDone: h, HoldMS: e.Hold.Default.Milliseconds()})
		}
	}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	return r
}

// planList is the text of the start screen's list of exercises and doses.
func planList(t *testing.T, tb *tab) string {
	t.Helper()
	untilShown(t, tb, `document.querySelector(".plan-list li")`, "the start screen lists no exercises")
	return text(t, tb, ".plan-list")
}

// TestSecondMorningOffersWhatIsLeft: after a morning with 3 bridges and
// the day's flexibility exercise, a second morning routine the same day
// offers the 2 bridges left and leaves the flexibility exercise out, and
// Home says where the day stands.
func TestSecondMorningOffersWhatIsLeft(t *testing.T) {
	h := setup(t)
	tb := doseTab(t)
	today := historyToday(t)
	first := withDone(t, e2eRecord(t, today, "07:30", true, nil, nil, ""), map[string]int{data.Flexibility: 5, data.Bridge: 3})
	tb.open(t, h.base, "/")
	setItem(t, tb, store.HistoryKey, storedHistory(t, []data.Record{first}))

	tb.open(t, h.base, "/session/"+data.Morning)
	plan := planList(t, tb)
	if !strings.Contains(plan, "Bridge — 2 × 3 deep breaths") {
		t.Errorf("the second morning's plan does not offer the 2 bridges left: %q", plan)
	}
	if strings.Contains(plan, "Lower-back flexibility exercise") {
		t.Errorf("the second morning's plan has the flexibility exercise again: %q", plan)
	}
	waitText(t, tb, "#daily-list", "Lower-back flexibility exercise: 5 of 5 today, done for todayBridge: 3 of 5 today, 2 left")
	if got := text(t, tb, "#day-notes"); !strings.Contains(got, "Lower-back flexibility exercise is left out") {
		t.Errorf("no word on why the flexibility exercise is left out: %q", got)
	}
	if got := text(t, tb, ".plan-list"); !strings.Contains(got, "2 of today's 5: 3 are done already") {
		t.Errorf("no word on why 2 bridges: %q", got)
	}
	fullShot(t, tb, "dose-start-second-morning-375x667")

	// More stops at what is left of today's dose (5 a day to start, 3
	// done) and says why.
	for range 30 {
		click(t, tb, `button[aria-label="More: Bridge"]`)
	}
	waitFor(t, tb, `document.querySelector('button[aria-label="More: Bridge"]').disabled`, "More stops at what is left of today's")
	if got := text(t, tb, ".plan-list"); !strings.Contains(got, "Bridge — 2 × 3 deep breaths") || !strings.Contains(got, "+ stops at 2") {
		t.Errorf("raised by hand past what is left of today's 5: %q", got)
	}

	tb.open(t, h.base, "/")
	waitText(t, tb, "#home-daily-list", "Lower-back flexibility exercise: 5 of 5 today, done for todayBridge: 3 of 5 today, 2 left")
	screenshot(t, tb, "dose-home-375x667")
	colourScheme(t, tb, "dark")
	tb.open(t, h.base, "/session/"+data.Morning)
	planList(t, tb)
	screenshot(t, tb, "dose-start-second-morning-dark-375x667")

	// Pain that rose after 3 of the last 5 sessions: Home says to pause.
	var recs []data.Record
	for i, p := range [][2]int{{2, 5}, {3, 3}, {2, 4}, {3, 3}, {1, 3}} {
		recs = append(recs, e2eRecord(t, today.AddDate(0, 0, i-5), "08:00", true, &p[0], &p[1], ""))
	}
	setItem(t, tb, store.HistoryKey, storedHistory(t, recs))
	tb.open(t, h.base, "/")
	untilShown(t, tb, `document.getElementById("pain-pause")`, "Home does not suggest a pause after rises in 3 of 5 sessions")
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestEveningOnlyDayCarriesTheOnceADayExercises: on a day with no morning
// session, the evening routine has the flexibility exercise and the bridge;
// once done, a morning routine the same day leaves them out. The gate
// before this first session shows every emergency sign.
func TestEveningOnlyDayCarriesTheOnceADayExercises(t *testing.T) {
	h := setup(t)
	tb := doseTab(t)
	tb.open(t, h.base, "/session/"+data.Evening)
	plan := planList(t, tb)
	for _, want := range []string{"Lower-back flexibility exercise — 5 ×", "Bridge — 5 × 3 deep breaths", "Cat stretch"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the evening-only day's plan lacks %q: %q", want, plan)
		}
	}
	untilShown(t, tb, `document.getElementById("safety-gate")`, "no safety gate before the first session")
	emergency := data.Signs(data.Emergency)
	if n := eval[int](t, tb, `document.querySelectorAll("#gate-emergency-list li").length`); n != len(emergency) {
		t.Errorf("the gate lists %d emergency signs, want %d", n, len(emergency))
	}
	gate := text(t, tb, "#safety-gate")
	for _, s := range emergency {
		if !strings.Contains(gate, s) {
			t.Errorf("the gate lacks %q", s)
		}
	}
	fullShot(t, tb, "dose-gate-375x667")

	pressStart(t, tb)
	advance(t, tb, 15*time.Minute)
	waitText(t, tb, "#finished-title", "Well done")
	recs := storedRecords(t, tb)
	if len(recs) != 1 {
		t.Fatalf("stored %d sessions, want 1", len(recs))
	}
	for _, ex := range []string{data.Flexibility, data.Bridge} {
		if l, ok := recs[0].Log(ex); !ok || l.RepsDone != 5 {
			t.Errorf("the evening session did %+v of %s, want 5", l, ex)
		}
	}
	// A new tab: this one's virtual time stands still once spent.
	morning := tb.sibling(t)
	morning.open(t, h.base, "/session/"+data.Morning)
	plan = planList(t, morning)
	if strings.Contains(plan, "Bridge") || strings.Contains(plan, "flexibility") {
		t.Errorf("a morning after the evening's per-day exercises offers them again: %q", plan)
	}
}

// TestThisHurtsStopsAndAdvises: "This hurts", by button and by the H key,
// stops the session at once, records it as partial with the reason, and
// shows what to do now with the warning signs.
func TestThisHurtsStopsAndAdvises(t *testing.T) {
	h := setup(t)
	tb := doseTab(t)
	// A week of five bridges a day without more pain: today's level is 7.
	today := historyToday(t)
	var week []data.Record
	for d := -7; d < 0; d++ {
		// In the morning: a day's dose opens 6 h after the last one, and the
		// test may run just after midnight.
		week = append(week, withDone(t, e2eRecord(t, today.AddDate(0, 0, d), "07:30", true, data.PainScore(3), data.PainScore(2), ""), map[string]int{data.Bridge: 5}))
	}
	tb.open(t, h.base, "/")
	setItem(t, tb, store.HistoryKey, storedHistory(t, week))
	tb.open(t, h.base, "/session/"+data.Evening)
	if plan := planList(t, tb); !strings.Contains(plan, "Bridge — 7 × 3 deep breaths") {
		t.Fatalf("after a week of 5 bridges without more pain, the plan is not at 7: %q", plan)
	}
	pressStart(t, tb)
	advance(t, tb, 25*time.Second)
	untilShown(t, tb, `document.getElementById("hurt")`, "no This hurts button during the session")
	if got := text(t, tb, "#hurt"); got != "This hurts: stop" {
		t.Errorf("the button says %q", got)
	}
	fullShot(t, tb, "dose-running-375x667")
	act(t, tb, "pressing This hurts", chromedp.Click(chromedp.CSS("#hurt")))
	untilShown(t, tb, `document.getElementById("hurt-advice")`, "no advice after This hurts")
	checkHurt(t, tb, 1)
	fullShot(t, tb, "dose-hurt-advice-375x667")
	screenshot(t, tb, "dose-hurt-advice-top-375x667")

	// No other go after This hurts; the next plan is a level lower.
	if eval[bool](t, tb, `!!document.getElementById("again")`) {
		t.Error("the finished screen offers to do it again after This hurts")
	}
	if got := text(t, tb, "#hurt-advice"); !strings.Contains(got, "When to see a healthcare professional") {
		t.Errorf("no word on when to see a professional after This hurts: %q", got)
	}
	next := tb.sibling(t)
	recordCues(t, next)
	next.do(t, "emulating a small phone", chromedp.EmulateViewport(375, 667, chromedp.EmulateMobile, chromedp.EmulateTouch))
	next.open(t, h.base, "/session/"+data.Evening)
	if plan := planList(t, next); !strings.Contains(plan, "Bridge — 5 × 3 deep breaths") || !strings.Contains(plan, "because it hurt") {
		t.Errorf("the plan after This hurts keeps the bridge's level (7, a level lower is 5) or says nothing of why: %q", plan)
	}
	tb = next
	pressStart(t, tb)
	advance(t, tb, 10*time.Second)
	untilShown(t, tb, `document.getElementById("hurt")`, "no This hurts button during the session")
	act(t, tb, "pressing H", chromedp.KeyEvent("h"))
	untilShown(t, tb, `document.getElementById("hurt-advice")`, "no advice after the H key")
	checkHurt(t, tb, 2)
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// checkHurt checks the finished screen after "This hurts" and the n
// sessions stored, each stopped as it hurt.
func checkHurt(t *testing.T, tb *tab, n int) {
	t.Helper()
	waitText(t, tb, "#finished-title", "Session ended early")
	advice := text(t, tb, "#hurt-advice")
	for _, want := range append([]string{"You stopped because it hurt", "Stop the exercises for now", "999"}, data.Signs(data.Emergency)...) {
		if !strings.Contains(advice, want) {
			t.Errorf("the advice lacks %q", want)
		}
	}
	waitFor(t, tb, fmt.Sprintf(`(localStorage.getItem("unknot.history") || "").split('"hurt"').length === %d`, n+1), "the session is saved")
	var hurt []data.Record
	for _, r := range storedRecords(t, tb) {
		if r.Stopped != "" || r.LocalDate == historyToday(t).Format(data.DateLayout) {
			hurt = append(hurt, r)
		}
	}
	if len(hurt) != n {
		t.Fatalf("stored %d sessions today, want %d", len(hurt), n)
	}
	for _, r := range hurt {
		if r.Complete || r.Stopped != data.StoppedHurt {
			t.Errorf("stored complete %v, stopped %q; want partial, stopped as it hurt", r.Complete, r.Stopped)
		}
	}
}

// TestSafetyPageHasEveryWarningSign: the safety page lists every warning
// sign under what to do about it.
func TestSafetyPageHasEveryWarningSign(t *testing.T) {
	h := setup(t)
	tb := doseTab(t)
	tb.open(t, h.base, "/safety")
	untilShown(t, tb, `document.getElementById("page-emergency-list")`, "no warning signs on the safety page")
	for list, u := range map[string]data.Urgency{"#page-emergency-list": data.Emergency, "#page-urgent-list": data.DoctorSoon} {
		got := text(t, tb, list)
		for _, s := range data.Signs(u) {
			if !strings.Contains(got, s) {
				t.Errorf("%s lacks %q", list, s)
			}
		}
	}
	fullShot(t, tb, "dose-safety-375x667")
}

// TestFirstDayMoreStopsAtFive: on a fresh profile the ready screen's +
// cannot take the bridge or the flexibility exercise past the article's 5
// a day, and says why.
func TestFirstDayMoreStopsAtFive(t *testing.T) {
	h := setup(t)
	tb := doseTab(t)
	tb.open(t, h.base, "/session/"+data.Evening)
	planList(t, tb)
	for _, name := range []string{"Bridge", "Lower-back flexibility exercise"} {
		sel := `button[aria-label="More: ` + name + `"]`
		for range 25 {
			click(t, tb, sel)
		}
		waitFor(t, tb, `document.querySelector('`+sel+`').disabled`, "More stops for "+name)
	}
	plan := text(t, tb, ".plan-list")
	for _, want := range []string{"Bridge — 5 × 3 deep breaths", "Lower-back flexibility exercise — 5 ×", "+ stops at 5: 5 a day to start; it rises as your pain allows."} {
		if !strings.Contains(plan, want) {
			t.Errorf("the first day's plan after 25 taps on + lacks %q: %q", want, plan)
		}
	}
}
