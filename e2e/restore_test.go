package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// TestRestoreBringsTheSettingsBack imports "Export everything" on a fresh
// profile: the preview offers the file's settings, ticked, and the import
// brings them back, but the safety advice, which is read on each device.
func TestRestoreBringsTheSettingsBack(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	s := data.DefaultSettings()
	s.SafetyAccepted, s.Theme, s.RestSeconds = true, "dark", 45
	raw, err := store.EncodeBackup(store.NewBackup([]data.Record{e2eRecord(t, historyToday(t), "07:30", true, nil, nil, "")}, s, nil, time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "unknot-backup.json", raw)
	tb.open(t, h.base, "/history")
	tb.do(t, "choosing the backup", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
	waitFor(t, tb, `!!document.getElementById("import-settings")`, "the preview offers the settings")
	if !eval[bool](t, tb, `document.getElementById("import-settings").checked`) {
		t.Error("on a fresh profile restoring the settings is not offered ticked")
	}
	click(t, tb, "#import-confirm")
	waitFor(t, tb, `!document.getElementById("import-preview")`, "the import is done")
	got := savedSettings(t, tb)
	// The file's settings, but the safety advice: it is read once on each
	// device, whatever the file says (issue 23's decision).
	if got.SafetyAccepted || got.Theme != "dark" || got.RestSeconds != 45 {
		t.Errorf("after the restore the settings are %+v, want the file's with the safety advice still to read", got)
	}
	if th := eval[string](t, tb, `document.documentElement.getAttribute("data-theme") || ""`); th != "dark" {
		t.Errorf("the theme is %q after the restore, want dark at once", th)
	}
	if n := len(storedRecords(t, tb)); n != 1 {
		t.Errorf("%d sessions restored, want 1", n)
	}
	tb.open(t, h.base, "/session/"+data.Morning)
	waitFor(t, tb, `!!document.getElementById("safety-gate") && !document.getElementById("start")`, "the safety advice before Start on this device")
}

// A file chosen for import stays named in the picker while its preview
// shows, instead of "No file chosen"; Cancel clears it, and choosing the
// same file again reads it again.
func TestChosenFileStaysNamed(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	tb := historyTab(t)
	seedHistory(t, tb, h.base, []data.Record{e2eRecord(t, today, "07:30", true, nil, nil, "")})
	file := writeFile(t, "old-phone.json", encodeBackup(t, e2eRecord(t, today.AddDate(0, 0, -3), "07:30", true, nil, nil, "")))
	chosen := `((f) => f.files.length === 1 ? f.files[0].name : "")(document.getElementById("backup-file"))`
	for round := 1; round <= 2; round++ {
		// A person's click on the picker first.
		eval[bool](t, tb, `(document.getElementById("backup-file").dispatchEvent(new MouseEvent("click")), true)`)
		tb.do(t, "choosing the file", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
		waitFor(t, tb, `document.querySelector("#import-preview") !== null`, fmt.Sprintf("the preview shows (choice %d)", round))
		if got := eval[string](t, tb, chosen); got != "old-phone.json" {
			t.Errorf("choice %d: with the preview up the picker names %q, want old-phone.json", round, got)
		}
		if round == 1 {
			eval[bool](t, tb, `(document.querySelector("#import-title").scrollIntoView(), true)`)
			screenshot(t, tb, "import-chosen-390x844")
			click(t, tb, "#import-cancel")
			waitFor(t, tb, `document.querySelector("#import-preview") === null`, "Cancel closes the preview")
			if got := eval[string](t, tb, chosen); got != "" {
				t.Errorf("after Cancel the picker still names %q", got)
			}
		}
	}
}

// TestPickerNamesTheFileInFullOnASmallPhone: at 320×568 with larger text
// the picker's button sits above the chosen file's name, which has the
// card's width. Beside the button the name had about 50 px, and "No file
// chosen" read "N…". The browser draws the name inside the input, so the
// test measures the input: a button's height and a line more, as wide as
// its label.
func TestPickerNamesTheFileInFullOnASmallPhone(t *testing.T) {
	h := setup(t)
	tb := sizedTab(t, 320, 568, true)
	s := data.DefaultSettings()
	s.LargeText = true
	keepSettings(t, tb, h.base, s)
	tb.open(t, h.base, "/history")
	waitFor(t, tb, `document.documentElement.dataset.text === "large" && !!document.getElementById("backup-file")`, "History with larger text")
	file := writeFile(t, "backup-from-my-old-phone.json", encodeBackup(t, e2eRecord(t, historyToday(t).AddDate(0, 0, -3), "07:30", true, nil, nil, "")))
	tb.do(t, "choosing the file", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
	waitFor(t, tb, `document.querySelector("#import-preview") !== null`, "the preview shows")
	type box struct{ Height, Width, Label, Line float64 }
	got := eval[box](t, tb, `(() => {
		const i = document.getElementById("backup-file"), st = getComputedStyle(i);
		const r = i.getBoundingClientRect();
		return {Height: r.height, Width: r.width, Label: document.querySelector("label[for=backup-file]").getBoundingClientRect().width,
			Line: parseFloat(st.fontSize)};
	})()`)
	if tap := 44.0; got.Height < tap+got.Line || got.Width < got.Label-1 {
		t.Errorf("the picker is %.0f×%.0f px at 320 px with larger text: want the name on a line of its own below the button (at least %.0f px high) and as wide as its label (%.0f px)",
			got.Width, got.Height, tap+got.Line, got.Label)
	}
	eval[bool](t, tb, `(document.getElementById("backup-file").scrollIntoView({block: "center"}), true)`)
	screenshot(t, tb, "picker-larger-text-320x568")
}
