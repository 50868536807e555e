package e2e

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/store"
)

// TestResumedOnALaterDayIsPlannedAgain: a session left unfinished yesterday
// is offered today with what resuming it does, and resuming it keeps what
// it did on yesterday's date and plans what is left as today's session,
// within today's doses, on the ready screen.
func TestResumedOnALaterDayIsPlannedAgain(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/")
	s := data.DefaultSettings()
	s.SafetyAccepted = true
	setItem(t, tb, store.SettingsKey, storedSettings(t, s))

	// Yesterday evening, two minutes into the evening routine.
	cat := data.DefaultCatalogue()
	yesterday := historyToday(t).AddDate(0, 0, -1)
	start := time.Date(yesterday.Year(), yesterday.Month(), yesterday.Day(), 19, 0, 0, 0, yesterday.Location())
	stamp := data.NewStamp(start, historyZone)
	r, _ := data.FindRoutine(cat, data.Evening)
	plan, err := data.Compile(data.PlanAt(r, cat, nil, stamp).Routine, cat, s.Timing())
	if err != nil {
		t.Fatal(err)
	}
	c := data.NewSession(plan, start).Checkpoint(stamp, nil, start.Add(2*time.Minute))
	c.RecordID = data.NewRecordID()
	key := store.CheckpointPrefix + c.RecordID
	setItem(t, tb, key, storedText(t, key, func(st store.Storage) error { return store.SaveCheckpoint(st, c) }))

	tb.open(t, h.base, "/")
	waitText(t, tb, "#resume-title", "An unfinished session")
	if why := text(t, tb, "#resume-why"); !strings.Contains(why, "stays on that day") || !strings.Contains(why, "planned as today's session") {
		t.Errorf("the offer says %q of resuming yesterday's session, want that it is planned as today's", why)
	}
	click(t, tb, "#resume-go")
	untilShown(t, tb, `document.getElementById("start")`, "no ready screen for what is left")
	if eval[bool](t, tb, `!!document.getElementById("pause")`) {
		t.Error("yesterday's session runs on as it was, not planned again")
	}
	if got := text(t, tb, "#player .notice"); !strings.Contains(got, "what you did then stays on that day") {
		t.Errorf("the ready screen says %q, want why the session was planned again", got)
	}
	recs := storedRecords(t, tb)
	if len(recs) != 1 || recs[0].ID != c.RecordID || recs[0].LocalDate != start.Format(data.DateLayout) || recs[0].Complete {
		t.Fatalf("stored %+v, want yesterday's part, partial, on yesterday's date", recs)
	}
	// What it did stays with it; what is left starts fresh today.
	if got := planList(t, tb); strings.Contains(got, "Lower-back flexibility") && recs[0].Exercises[0].HoldsDone == 0 {
		t.Errorf("plan %q after a session that did nothing yet", got)
	}
}

// TestClearedNoteStaysClearedAcrossTabs: a note written after a session in
// one tab, then cleared from History in another, stays cleared: the first
// tab, which keeps watch over the session it saved, does not bring it back.
func TestClearedNoteStaysClearedAcrossTabs(t *testing.T) {
	h := setup(t)
	player := playerTab(t, h, data.KneeToChest)
	runToTheEnd(t, player)
	const private = "Something private I would rather not keep"
	eval[bool](t, player, `(e => { e.value = `+jsString(private)+`; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })(document.getElementById("note"))`)
	advance(t, player, 2*time.Second)
	waitFor(t, player, `(localStorage.getItem("unknot.history") || "").includes(`+jsString(private)+`)`, "the note is saved")
	id := storedRecords(t, player)[0].ID

	hist := player.sibling(t)
	hist.open(t, h.base, "/history")
	untilShown(t, hist, `document.getElementById("edit-`+id+`")`, "no Edit for the session")
	click(t, hist, "#edit-"+id)
	untilShown(t, hist, `document.getElementById("edit-note")`, "no note to edit")
	eval[bool](t, hist, `(e => { e.value = ""; e.dispatchEvent(new Event("input", {bubbles: true})); return true; })(document.getElementById("edit-note"))`)
	click(t, hist, "#edit-save")
	waitFor(t, hist, `!(localStorage.getItem("unknot.history") || "").includes(`+jsString(private)+`)`, "the cleared note is saved")

	// The player's tab sees the history change and checks its session.
	time.Sleep(1500 * time.Millisecond)
	for _, tb := range []*tab{player, hist} {
		if recs := storedRecords(t, tb); len(recs) != 1 || recs[0].Note != "" {
			t.Fatalf("after clearing the note in another tab the history holds %+v, want the note empty", recs)
		}
	}
	again := hist.sibling(t)
	again.open(t, h.base, "/history")
	untilShown(t, again, `document.getElementById("recent")`, "History lists no session")
	if strings.Contains(text(t, again, "main"), private) {
		t.Error("the cleared note is back on History after a reload")
	}
}

// TestSavedSessionSurvivesItsTabClosingAtOnce: a tab saves a session and is
// closed at once, while another tab writes the history it read before that
// session existed; the next start of the app writes the session back.
func TestSavedSessionSurvivesItsTabClosingAtOnce(t *testing.T) {
	h := setup(t)
	home := newTab(t)
	home.open(t, h.base, "/")
	old := e2eRecord(t, historyToday(t).AddDate(0, 0, -1), "07:30", true, nil, nil, "")
	setItem(t, home, store.HistoryKey, storedHistory(t, []data.Record{old}))
	stale, _ := getItem(t, home, store.HistoryKey) // what another tab read before

	tb, kill := home.closable(t)
	recordCues(t, tb)
	tb.open(t, h.base, "/session/"+data.KneeToChest)
	runToTheEnd(t, tb)
	waitFor(t, tb, `(localStorage.getItem("unknot.history") || "").length > 0`, "the session is saved")
	var saved data.Record
	for _, r := range storedRecords(t, tb) {
		if r.ID != old.ID {
			saved = r
		}
	}
	if saved.ID == "" {
		t.Fatal("the session is not in the history")
	}
	kill() // closed at once, whatever it meant to do next

	// The other tab writes what it read before the session existed.
	setItem(t, home, store.HistoryKey, stale)
	if got := storedRecords(t, home); len(got) != 1 {
		t.Fatalf("the stale write left %d sessions, want the old one alone: the test must lose the new one first", len(got))
	}

	// A later start of the app finds it gone and writes it back.
	later := home.sibling(t)
	later.open(t, h.base, "/")
	held := func() (data.Record, bool) {
		for _, r := range storedRecords(t, later) {
			if r.ID == saved.ID {
				return r, true
			}
		}
		return data.Record{}, false
	}
	got, ok := held()
	for deadline := time.Now().Add(10 * time.Second); !ok && time.Now().Before(deadline); got, ok = held() {
		time.Sleep(100 * time.Millisecond)
	}
	if !ok || !got.Complete {
		t.Errorf("after the next start the history holds %+v (found %v), want the session saved before the tab closed", got, ok)
	}
}
