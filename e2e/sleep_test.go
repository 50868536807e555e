package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
)

// deviceSleep lets a test put the page's device to sleep. Go's clock in the
// browser reads the wall clock from Date and the monotonic one from
// performance.now(), which on some phones stands still while they are
// suspended. window.__sleep(ms) is such a suspend, over in an instant: from
// then on Date is ms later, and performance.now() has not moved for it.
const deviceSleep = `(() => {
	const RealDate = Date;
	let slept = 0;
	window.__sleep = (ms) => { slept += ms; return true; };
	window.Date = class extends RealDate {
		constructor(...a) { if (a.length === 0) { super(RealDate.now() + slept); } else { super(...a); } }
		static now() { return RealDate.now() + slept; }
	};
})();`

// TestSleptDeviceKeepsTime: a phone suspended for a minute mid-session,
// whose performance.now() stood still meanwhile, wakes where the wall
// clock says, as a frozen page does (TestFrozenPageKeepsTime).
func TestSleptDeviceKeepsTime(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	recordCues(t, tb)
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: deviceSleep}); err != nil {
		t.Fatalf("installing the sleep: %v", err)
	}
	tb.open(t, h.base, "/session/"+data.Evening)
	plan := firstDayPlan(t, data.Evening)
	pressStart(t, tb)
	started := time.Now()
	time.Sleep(500 * time.Millisecond)
	before := len(kinds(cues(t, tb), "say"))

	const slept = time.Minute
	eval[bool](t, tb, fmt.Sprintf(`window.__sleep(%d)`, slept.Milliseconds()))
	time.Sleep(1500 * time.Millisecond)

	elapsed := time.Since(started) + slept
	want := plan.At(elapsed)
	if got := text(t, tb, "#instruction"); got != want.Segment.Text {
		t.Errorf("%v after the start, %v of it asleep, the player shows %q, want %q", elapsed.Round(time.Millisecond), slept, got, want.Segment.Text)
	}
	count := text(t, tb, "#count")
	seg := want.Segment
	switch secs := want.SecondsLeft(); {
	case seg.Kind == data.KindInstruct && want.Elapsed-seg.Start < seg.Speech-time.Second:
		// An instruction being said shows no number (±1 s of page lag).
		if count != "" {
			t.Errorf("countdown shows %s while the instruction is said, want none", count)
		}
	case seg.Kind == data.KindInstruct && want.Elapsed-seg.Start < seg.Speech+time.Second:
		// At the end of its words: none, or the move's count.
		if count != "" && count != fmt.Sprint(secs) && count != fmt.Sprint(secs+1) {
			t.Errorf("countdown shows %s, want none or %d", count, secs)
		}
	default:
		if count != fmt.Sprint(secs) && count != fmt.Sprint(secs+1) {
			t.Errorf("countdown shows %s, want %d (±1 s of page lag)", count, secs)
		}
	}
	said := kinds(cues(t, tb), "say")[before:]
	if len(said) != 1 || said[0] != want.Segment.Say {
		t.Errorf("on waking the player said %q, want only the current step %q", said, want.Segment.Say)
	}
}
