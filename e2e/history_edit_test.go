package e2e

import (
	"strings"
	"testing"

	"unknot/data"
)

// TestDeleteUndoAndEditASession deletes a past session from History, takes
// it back with Undo, then changes its pain scores and note.
func TestDeleteUndoAndEditASession(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	today := historyToday(t)
	recs := []data.Record{
		e2eRecord(t, today.AddDate(0, 0, -1), "07:30", true, data.PainScore(5), data.PainScore(3), "stiff"),
		e2eRecord(t, today, "07:40", true, nil, nil, ""),
	}
	seedHistory(t, tb, h.base, recs)
	waitFor(t, tb, `document.querySelectorAll("#recent .hist-session").length === 2`, "two sessions listed")
	id := recs[0].ID

	click(t, tb, "#delete-"+id)
	waitFor(t, tb, `document.querySelectorAll("#recent .hist-session").length === 1`, "the session is gone from the list")
	if got := storedRecords(t, tb); len(got) != 1 || got[0].ID != recs[1].ID {
		t.Fatalf("after Delete the history holds %+v, want only the other session", got)
	}
	if got := text(t, tb, "#undo-slot"); got == "" {
		t.Fatal("no Undo offered after deleting")
	}
	if f := eval[string](t, tb, `document.activeElement.id`); f != "undo-delete" {
		t.Errorf("focus on %q after deleting, want Undo", f)
	}
	fullShot(t, tb, "history-undo-390x844")

	click(t, tb, "#undo-delete")
	waitFor(t, tb, `document.querySelectorAll("#recent .hist-session").length === 2`, "the session is back")
	got := storedRecords(t, tb)
	if len(got) != 2 || !got[0].Equal(recs[0]) {
		t.Fatalf("after Undo the history holds %+v, want the session back as it was", got)
	}

	click(t, tb, "#edit-"+id)
	waitFor(t, tb, `!!document.getElementById("edit-note")`, "the editor opens")
	click(t, tb, "#edit-after-1")
	setField(t, tb, "#edit-note", "stiff, easier by lunch")
	fullShot(t, tb, "history-edit-390x844")
	click(t, tb, "#edit-save")
	waitFor(t, tb, `!document.getElementById("edit-note")`, "the editor closes")
	got = storedRecords(t, tb)
	var edited data.Record
	for _, r := range got {
		if r.ID == id {
			edited = r
		}
	}
	if len(got) != 2 || edited.PainAfter == nil || *edited.PainAfter != 1 || *edited.PainBefore != 5 || edited.Note != "stiff, easier by lunch" {
		t.Errorf("after editing the session is stored as %+v, want pain 5 → 1 and the new note", edited)
	}
}

// TestCalendarDayOpensItsSessions taps a day of the calendar: its sessions
// show under it; a day without sessions is no button.
func TestCalendarDayOpensItsSessions(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	today := historyToday(t)
	date := today.Format(data.DateLayout)
	seedHistory(t, tb, h.base, []data.Record{
		e2eRecord(t, today, "07:40", true, nil, nil, "felt loose"),
		e2eRecord(t, today, "20:10", false, nil, nil, ""),
	})
	waitFor(t, tb, `!!document.getElementById("day-`+date+`")`, "today is a button")
	if n := eval[int](t, tb, `document.querySelectorAll(".cal button.cal-open").length`); n != 1 {
		t.Errorf("%d calendar days are buttons, want 1 (the only day with sessions)", n)
	}
	click(t, tb, "#day-"+date)
	waitFor(t, tb, `document.querySelectorAll("#day-sessions .hist-session").length === 2`, "the day's two sessions show")
	if got := text(t, tb, "#day-sessions"); !strings.Contains(got, "felt loose") || !strings.Contains(got, "20:10") {
		t.Errorf("the day's sessions read %q", got)
	}
	fullShot(t, tb, "history-day-390x844")
	click(t, tb, "#day-"+date)
	waitFor(t, tb, `!document.querySelector("#day-sessions .hist-session")`, "a second tap hides them")
}
