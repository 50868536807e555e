package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// damagedWithSurrogate is a damaged history whose text holds a lone
// surrogate: a JavaScript string that UTF-8, and so Go, cannot hold.
const damagedWithSurrogate = `'{"schema":2,"records":[["\uD800 cut short'`

// TestHomeSaysHistoryIsDamaged: with a damaged history the first screen
// says so in one line, linking to where it is explained and can be saved;
// the copy kept aside is the stored text exactly, lone surrogate and all,
// and so is the file of kept copies.
func TestHomeSaysHistoryIsDamaged(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	dir := allowDownloads(t, tb)
	openHome(t, tb, h.base)
	if eval[bool](t, tb, `document.querySelector("#stored-problem") !== null`) {
		t.Fatal("Home warns about stored data before anything is damaged")
	}
	eval[bool](t, tb, `(localStorage.setItem("`+store.HistoryKey+`", `+damagedWithSurrogate+`), true)`)
	tb.open(t, h.base, "/")
	waitFor(t, tb, `document.querySelector("#stored-problem") !== null`, "Home says something could not be read")
	if got := text(t, tb, "#stored-problem"); !strings.Contains(got, "Your history could not be read.") {
		t.Errorf("Home says %q, want that the history could not be read", got)
	}
	if got := eval[string](t, tb, `document.querySelector("#stored-problem a").getAttribute("href")`); got != "/history#kept" {
		t.Errorf("the notice links to %q, want /history#kept", got)
	}
	if lines := eval[int](t, tb, `(() => { const p = document.querySelector("#stored-problem"); const s = getComputedStyle(p); return Math.round((p.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.lineHeight)); })()`); lines > 3 {
		t.Errorf("the notice takes %d lines on a phone", lines)
	}
	screenshot(t, tb, "home-damaged-history-390x844")

	// The copy is the stored text, compared in JavaScript: read into Go
	// both would have become U+FFFD and looked the same.
	copies := eval[[]string](t, tb, `Object.keys(localStorage).filter(k => k.startsWith("`+store.CorruptPrefix+`"))`)
	if len(copies) != 1 {
		t.Fatalf("copies %v, want one", copies)
	}
	if !eval[bool](t, tb, `localStorage.getItem("`+copies[0]+`") === `+damagedWithSurrogate) {
		t.Errorf("the copy is %q, not the stored text exactly", eval[string](t, tb, `encodeURIComponent(localStorage.getItem("`+copies[0]+`").replace(/[\uD800-\uDFFF]/g, "<surrogate>"))`))
	}

	tb.do(t, "following the notice", chromedp.Click(chromedp.CSS("#to-kept")))
	waitFor(t, tb, `document.querySelector("#kept-list") !== null`, "the kept copies are listed")
	if got := text(t, tb, "#kept-list"); !strings.Contains(got, copies[0]) {
		t.Errorf("the list of kept copies %q does not name %s", got, copies[0])
	}
	fullShot(t, tb, "history-kept-390x844")
	tb.do(t, "saving the kept copies", chromedp.Click(chromedp.CSS("#export-kept")))
	file := waitDownload(t, dir, "unknot-kept-copies-"+historyToday(t).Format(data.DateLayout)+".json")
	var got struct {
		Type   string            `json:"type"`
		Copies map[string]string `json:"copies"`
	}
	if err := json.Unmarshal(file, &got); err != nil || got.Type != "unknot-kept-copies" || len(got.Copies) != 1 || got.Copies[copies[0]] == "" {
		t.Fatalf("the file of kept copies (%v) is %s, want the history's copy", err, file)
	}
	// The lone surrogate survives as JSON's escape for it.
	if n := strings.Count(string(file), `\ud800 cut short`); n != 1 {
		t.Errorf("the file holds the lone surrogate %d times, want once:\n%s", n, file)
	}
}

// TestDamagedSettingsAreCopiedExactly: damaged settings holding a lone
// surrogate are copied aside, exactly, before a change of setting is saved
// over them, and again when they are damaged differently.
func TestDamagedSettingsAreCopiedExactly(t *testing.T) {
	h := setup(t)
	tb := newTab(t)
	tb.open(t, h.base, "/")
	for i, damaged := range []string{`'{"voice": "\uDC00"'`, `'\uD83D{"voice": 2'`} {
		eval[bool](t, tb, `(localStorage.setItem("`+store.SettingsKey+`", `+damaged+`), true)`)
		tb.open(t, h.base, "/session/"+data.Evening)
		waitFor(t, tb, `document.querySelector("#cue-beeps") !== null`, "the cue switches show")
		tb.do(t, "switching beeps", chromedp.Click(chromedp.CSS("#cue-beeps")))
		key := store.SettingsCorruptKey
		if i > 0 {
			key += ".2"
		}
		waitFor(t, tb, `localStorage.getItem("`+key+`") !== null`, "the damaged settings are copied to "+key)
		if !eval[bool](t, tb, `localStorage.getItem("`+key+`") === `+damaged) {
			t.Errorf("%s is not the damaged settings exactly", key)
		}
	}
}
