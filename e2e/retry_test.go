package e2e

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// fillStorage fills the origin's localStorage to the last character.
func fillStorage(t *testing.T, tb *tab) {
	t.Helper()
	filled := eval[int](t, tb, `(() => {
		let chunk = "x".repeat(1 << 20), n = 0;
		for (;;) {
			try { localStorage.setItem("filler" + n, chunk); n++; }
			catch (e) { if (chunk.length <= 1) break; chunk = chunk.slice(0, chunk.length >> 1); }
		}
		return n;
	})()`)
	if filled == 0 {
		t.Fatal("could not fill localStorage")
	}
}

// freeStorage removes what fillStorage stored, as a person freeing space.
func freeStorage(t *testing.T, tb *tab) {
	t.Helper()
	eval[bool](t, tb, `(() => { for (const k of Object.keys(localStorage)) if (k.startsWith("filler")) localStorage.removeItem(k); return true; })()`)
}

// finishIntoFullStorage runs a short routine to its end with the storage
// full, and checks what the finished screen says.
func finishIntoFullStorage(t *testing.T, h *harness) *tab {
	t.Helper()
	tb := playerTab(t, h, data.KneeToChest)
	pressStart(t, tb)
	fillStorage(t, tb)
	playOnVirtualTime(t, tb, 10*time.Minute)
	waitText(t, tb, "#finished-title", "Well done")
	got := text(t, tb, "#save-error")
	for _, want := range []string{"not saved yet", "full", "saves it by itself", "come back to this page", "each time you open Unknot"} {
		if !strings.Contains(got, want) {
			t.Errorf("with storage full the finished screen says %q, want it to say %q", got, want)
		}
	}
	if !eval[bool](t, tb, `Object.keys(localStorage).some((k) => k.startsWith("`+store.PendingPrefix+`"))`) {
		t.Error("the unsaved session is not kept on the device for the next launch")
	}
	return tb
}

// TestFullStorageSavesWhenThePageShowsAgain: once space is freed, the
// session is saved when the page is shown again, without a tap.
func TestFullStorageSavesWhenThePageShowsAgain(t *testing.T) {
	h := setup(t)
	tb := finishIntoFullStorage(t, h)
	freeStorage(t, tb)
	if recs := storedRecords(t, tb); len(recs) != 0 {
		t.Fatalf("stored %d sessions before any retry", len(recs))
	}
	// The person switches away and back: the page is shown again.
	eval[bool](t, tb, `(document.dispatchEvent(new Event("visibilitychange", {bubbles: true})), true)`)
	advance(t, tb, 300*time.Millisecond)
	waitText(t, tb, "#saved", "Saved to your history on this device.")
	if recs := storedRecords(t, tb); len(recs) != 1 || !recs[0].Complete {
		t.Errorf("after the page showed again, stored %+v, want the one complete session", recs)
	}
	if eval[bool](t, tb, `Object.keys(localStorage).some((k) => k.startsWith("`+store.PendingPrefix+`"))`) {
		t.Error("the session still waits to be saved once saved")
	}
}

// TestFullStorageSavesAtTheNextLaunch: the page is gone before space is
// freed; the next launch saves the session by itself.
func TestFullStorageSavesAtTheNextLaunch(t *testing.T) {
	h := setup(t)
	tb := finishIntoFullStorage(t, h)
	freeStorage(t, tb)
	// The first tab's clock stands still from here (its virtual time is
	// spent): it does nothing more. The app is opened again.
	again := tb.sibling(t)
	again.open(t, h.base, "/")
	waitFor(t, again, `!Object.keys(localStorage).some((k) => k.startsWith("`+store.PendingPrefix+`"))`, "the launch saves the waiting session")
	if recs := storedRecords(t, again); len(recs) != 1 || !recs[0].Complete {
		t.Errorf("after the next launch, stored %+v, want the one complete session", recs)
	}
	if eval[bool](t, again, `document.querySelector("#resume") !== null`) {
		t.Error("the saved session is still offered to resume")
	}
}
