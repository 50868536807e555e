package e2e

import (
	"strings"
	"testing"

	"unknot/data"
	"unknot/data/store"
)

// todayLine is Home's line about today's sessions as the page writes it,
// with the spaces inside each part unbreakable.
func todayLine(morning, evening string) string {
	nb := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
	return "Today: " + nb(morning) + " · " + nb(evening)
}

// TestHomeSaysWhatIsDoneToday: Home reads today's sessions from the summary
// kept beside the history, and never believes a summary of another history.
func TestHomeSaysWhatIsDoneToday(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	today := historyToday(t)
	morning := e2eRecord(t, today, "07:30", true, nil, nil, "")
	yesterday := e2eRecord(t, today.AddDate(0, 0, -1), "19:30", true, nil, nil, "")

	// A history written without a summary, as an older version did.
	tb.open(t, h.base, "/")
	setItem(t, tb, store.HistoryKey, storedHistory(t, []data.Record{yesterday, morning}))
	tb.open(t, h.base, "/")
	waitText(t, tb, "#today", todayLine("morning ✓", "evening to do"))
	summary, ok := getItem(t, tb, store.RecentKey)
	if !ok {
		t.Fatal("Home wrote no summary after reading the whole history")
	}
	tb.open(t, h.base, "/")
	waitText(t, tb, "#today", todayLine("morning ✓", "evening to do"))

	// The history changes without its summary: an evening ended early.
	evening := e2eRecord(t, today, "19:45", false, nil, nil, "")
	setItem(t, tb, store.HistoryKey, storedHistory(t, []data.Record{yesterday, morning, evening}))
	tb.open(t, h.base, "/")
	waitText(t, tb, "#today", todayLine("morning ✓", "evening partly done"))
	if now, _ := getItem(t, tb, store.RecentKey); now == summary {
		t.Error("the summary of the earlier history was kept")
	}
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestEveningRoutineAfterMidnight: the evening routine done at 01:38 is
// the evening one on Home, on the calendar and in the CSV.
func TestEveningRoutineAfterMidnight(t *testing.T) {
	h := setup(t)
	tb := historyTab(t)
	late := e2eRecord(t, historyToday(t), "01:38", true, nil, nil, "")
	late.Routine, late.RoutineName = data.Evening, "Evening routine"
	tb.open(t, h.base, "/")
	setItem(t, tb, store.HistoryKey, storedHistory(t, []data.Record{late}))
	tb.open(t, h.base, "/")
	waitText(t, tb, "#today", todayLine("morning to do", "evening ✓"))
	tb.open(t, h.base, "/history")
	waitFor(t, tb, `!!document.querySelector(".cal td.cal-today")`, "the calendar shows today")
	if !eval[bool](t, tb, `!!document.querySelector(".cal td.cal-today .cal-mark.pm") && !document.querySelector(".cal td.cal-today .cal-mark.am")`) {
		t.Errorf("today's calendar day marks %q, want the evening only", eval[string](t, tb, `document.querySelector(".cal td.cal-today").innerHTML`))
	}
	if got := string(late.PartOfDay()); !strings.Contains(string(store.HistoryCSV([]data.Record{late})), ","+got+",") || got != "evening" {
		t.Errorf("the CSV places it in the %s", got)
	}
}
