package report

import (
	"fmt"
	stdhtml "html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
	"unknot/data/store"
)

// reportNow is when the tests make their reports: Monday 20 April 2026.
var reportNow = time.Date(2026, 4, 20, 9, 0, 0, 0, time.UTC)

// sampleHistory is six weeks of mornings up to reportNow, evenings every
// other day, pain scores that ease, a "This hurts" stop every Friday and a
// note every Sunday.
func sampleHistory(tb testing.TB) []data.Record {
	tb.Helper()
	var recs []data.Record
	for d := 41; d >= 0; d-- {
		day := reportNow.AddDate(0, 0, -d)
		date := day.Format(data.DateLayout)
		r := uitest.HomeRecord(tb, date, "07:30", d%5 != 0)
		r.PainBefore, r.PainAfter = data.PainScore(3+d/10), data.PainScore(2+d/14)
		if day.Weekday() == time.Sunday {
			r.Note = "Note of " + date + ": stiff after the drive."
		}
		recs = append(recs, r)
		if d%2 == 0 {
			e := uitest.HomeRecord(tb, date, "19:00", true)
			if day.Weekday() == time.Friday {
				e.Stopped, e.Complete = data.StoppedHurt, false
				e.Exercises[0].HoldsDone, e.Exercises[0].RepsDone = 1, 0
			}
			recs = append(recs, e)
		}
	}
	return recs
}

// printed records the calls to the browser's print.
type printed struct {
	calls int
	ok    bool
}

func (p *printed) print() bool { p.calls++; return p.ok }

// mountReport stores recs as the history and opens the report on it.
func mountReport(tb testing.TB, recs []data.Record) (*uitest.CompoRig, *Page, *printed, *store.MemoryStorage) {
	tb.Helper()
	st := uitest.FreshAppStorage(tb)
	if len(recs) > 0 {
		if _, err := store.SaveRecords(st, recs...); err != nil {
			tb.Fatal(err)
		}
	}
	pr := &printed{ok: true}
	p := &Page{now: func() time.Time { return reportNow }, print: pr.print}
	return uitest.NewCompoRig(tb, p, Path), p, pr, st
}

// shown is the text of the element with the given id in html.
func shown(tb testing.TB, html, id string) string {
	tb.Helper()
	m := regexp.MustCompile(`id="` + id + `"[^>]*>([^<]*)<`).FindStringSubmatch(html)
	if m == nil {
		tb.Fatalf("no element #%s", id)
	}
	return strings.TrimSpace(m[1])
}

func TestReportCountsWhatHistoryCounts(t *testing.T) {
	recs := sampleHistory(t)
	rig, p, _, _ := mountReport(t, recs)
	html := rig.HTML()
	uitest.MustContainWords(t, html, "Last 4 weeks: Tue 24 Mar 2026 to Mon 20 Apr 2026", "Printed on Mon 20 Apr 2026")
	var inFour []data.Record
	for _, r := range recs {
		if r.LocalDate >= "2026-03-24" {
			inFour = append(inFour, r)
		}
	}
	want := data.ComputeStats(inFour, "2026-04-20")
	if got := shown(t, html, "sheet-sessions"); got != fmt.Sprintf("%d (%d complete)", want.Sessions, want.Complete) {
		t.Errorf("four weeks: sessions %q, want %d (%d complete)", got, want.Sessions, want.Complete)
	}
	if got := shown(t, html, "sheet-days"); got != fmt.Sprintf("%d of 28", want.Days) {
		t.Errorf("four weeks: days %q, want %d of 28", got, want.Days)
	}

	// Everything: exactly History's figures.
	rig.Click(p.onPeriod(data.PeriodEverything))
	html = rig.HTML()
	all := data.ComputeStats(recs, "2026-04-20")
	if got := shown(t, html, "sheet-sessions"); got != fmt.Sprintf("%d (%d complete)", all.Sessions, all.Complete) {
		t.Errorf("everything: sessions %q, History counts %d (%d complete)", got, all.Sessions, all.Complete)
	}
	uitest.MustContainWords(t, html, "Everything: Tue 10 Mar 2026 to Mon 20 Apr 2026")
	if got := shown(t, html, "sheet-days"); got != "42 of 42" {
		t.Errorf("everything: days %q, want 42 of 42", got)
	}

	// Two weeks.
	rig.Click(p.onPeriod(data.PeriodTwoWeeks))
	html = rig.HTML()
	uitest.MustContainWords(t, html, "Last 2 weeks: Tue 7 Apr 2026 to Mon 20 Apr 2026")
	for _, period := range data.ReportPeriods {
		input := regexp.MustCompile(`<input[^>]*id="period-` + string(period) + `"[^>]*>`).FindString(html)
		checked := strings.Contains(input, "checked") && !strings.Contains(input, `checked="false"`)
		if checked != (period == data.PeriodTwoWeeks) {
			t.Errorf("the choice of %s: %s, checked %v", period, input, checked)
		}
	}
}

func TestReportDoseLinesAgainstTheArticle(t *testing.T) {
	want := map[string]string{
		data.KneeToChest: "2–3 times each side, then both, 5 s hold, twice a day",
		data.Rotation:    "2–3 times each side, 5–10 s hold, twice a day",
		data.Flexibility: "5 a day at first, up to 30, 5 s hold",
		data.Bridge:      "5 a day at first, up to 30, 3 deep breaths",
		data.CatStretch:  "3–5 times, no hold given, twice a day",
	}
	for _, e := range data.DefaultCatalogue() {
		if got := articleText(e); got != want[e.ID] {
			t.Errorf("%s: the article's numbers read %q, want %q", e.ID, got, want[e.ID])
		}
	}
	bridge, _ := data.DefaultCatalogue().Exercise(data.Bridge)
	rotation, _ := data.DefaultCatalogue().Exercise(data.Rotation)
	for _, c := range []struct {
		e    data.Exercise
		d    data.DoseDone
		want string
	}{
		{bridge, data.DoseDone{Date: "2026-04-20", Reps: 12, Hold: 18 * time.Second}, "12 in the day, 20 Apr"},
		{rotation, data.DoseDone{Date: "2026-03-24", Reps: 3, Hold: 10 * time.Second}, "3 × 10 s, 24 Mar"},
	} {
		if got := doneText(c.e, c.d); got != c.want {
			t.Errorf("%s: %q, want %q", c.e.ID, got, c.want)
		}
	}

	rig, _, _, _ := mountReport(t, sampleHistory(t))
	html := rig.HTML()
	// The sample holds only the cat stretch: 3 rounds of 5 s on both days.
	uitest.MustContainWords(t, html, "3 × 5 s, 24 Mar", "3 × 5 s, 20 Apr")
	if n := strings.Count(html, "Not done in this period"); n != 4 {
		t.Errorf("%d exercises said not done, want the 4 the sample lacks", n)
	}
}

func TestReportNotesOnlyWhenTicked(t *testing.T) {
	rig, p, _, _ := mountReport(t, sampleHistory(t))
	note := "Note of 2026-04-19: stiff after the drive."
	uitest.MustLack(t, rig.HTML(), note, "Note of ", `id="sheet-notes"`)
	rig.Click(p.onNotes)
	html := rig.HTML()
	uitest.MustContain(t, html, note, `id="sheet-notes"`)
	// Four Sundays in four weeks: each note takes a line, all fit.
	if n := strings.Count(html, "Note of "); n != 4 {
		t.Errorf("%d notes shown, want the 4 of four weeks", n)
	}
	rig.Click(p.onNotes)
	uitest.MustLack(t, rig.HTML(), "Note of ")
}

func TestReportStopsAndTheirMore(t *testing.T) {
	rig, p, _, _ := mountReport(t, sampleHistory(t))
	rig.Click(p.onPeriod(data.PeriodEverything))
	html := rig.HTML()
	// Fridays at 19:00 with an evening session: every other Friday in six
	// weeks (10 Apr, 27 Mar, 13 Mar).
	uitest.MustContainWords(t, html, "Fri 10 Apr 2026, 19:00, Evening routine", "Fri 13 Mar 2026, 19:00, Evening routine")
	uitest.MustLack(t, html, "more, in History")

	var recs []data.Record
	for d := range 20 {
		r := uitest.HomeRecord(t, reportNow.AddDate(0, 0, -d).Format(data.DateLayout), "19:00", false)
		r.Stopped = data.StoppedHurt
		recs = append(recs, r)
	}
	rig, _, _, _ = mountReport(t, recs)
	html = rig.HTML()
	if n := strings.Count(html, ", 19:00, Evening routine"); n != data.DefaultReportLimits.Stops {
		t.Errorf("%d stops listed, want the latest %d", n, data.DefaultReportLimits.Stops)
	}
	uitest.MustContainWords(t, html, fmt.Sprintf("and %d more, in History", 20-data.DefaultReportLimits.Stops), "Mon 20 Apr 2026, 19:00")
}

func TestReportPainChart(t *testing.T) {
	rig, p, _, _ := mountReport(t, sampleHistory(t))
	html := rig.HTML()
	// Four weeks: a point per session with a score, the mornings: 28.
	if n := strings.Count(html, `data-c="before-dot"`); n != 28+1 { // and the legend's
		t.Errorf("%d before markers, want 28 sessions and the legend's", n)
	}
	if n := strings.Count(html, `data-c="after-dot"`); n != 28+1 {
		t.Errorf("%d after markers, want 28 and the legend's", n)
	}
	if !strings.Contains(html, `stroke-dasharray="5 4"`) {
		t.Error("pain before is not dashed")
	}
	uitest.MustContainWords(t, html, "Before the session", "After the session", "0 = no pain, 10 = worst", "Each session with a score: 28.")
	rig.Click(p.onPeriod(data.PeriodEverything))
	html = stdhtml.UnescapeString(rig.HTML())
	uitest.MustContainWords(t, html, "Before, the week's average", "A value a week, the average of its scores: 7 weeks.")
}

func TestReportPrintsFromTheTap(t *testing.T) {
	rig, p, pr, _ := mountReport(t, sampleHistory(t))
	rig.Click(p.onPrint)
	if pr.calls != 1 {
		t.Errorf("print called %d times, want once", pr.calls)
	}
	uitest.MustLack(t, rig.HTML(), `id="report-no-print"`)
	pr.ok = false
	rig.Click(p.onPrint)
	uitest.MustContain(t, rig.HTML(), `id="report-no-print"`, text.NoPrint)
}

func TestReportNameHeadsThePageAndIsNotKept(t *testing.T) {
	rig, p, _, st := mountReport(t, sampleHistory(t))
	before := storedText(st)
	uitest.MustLack(t, rig.HTML(), `id="sheet-name"`)
	rig.Do(func(app.Context) { p.name = "  Ann Example " })
	uitest.MustContainWords(t, rig.HTML(), "Name: Ann Example")
	if after := storedText(st); after != before || strings.Contains(after, "Ann Example") {
		t.Error("the name was written to storage")
	}
}

func TestReportOfNothing(t *testing.T) {
	rig, _, _, _ := mountReport(t, nil)
	html := rig.HTML()
	uitest.MustContain(t, html, `id="sheet-empty"`, text.Empty, `id="sheet-source"`, data.SourceTitle, text.NotADiagnosis)
	uitest.MustLack(t, html, `id="sheet-doses"`, `id="report-pain-svg"`)

	st := uitest.FreshAppStorage(t)
	if err := st.SetRaw(store.HistoryKey, "{not json"); err != nil {
		t.Fatal(err)
	}
	p := &Page{now: func() time.Time { return reportNow }}
	html = uitest.RenderAt(t, p, Path)
	uitest.MustContain(t, html, `id="report-unreadable"`, `href="/history"`)
	uitest.MustLack(t, html, `id="report-sheet"`)
}

// storedText is everything st holds, key by key.
func storedText(st *store.MemoryStorage) string {
	var b strings.Builder
	for _, k := range st.Keys() {
		v, _ := st.GetRaw(k)
		fmt.Fprintf(&b, "%s=%s\n", k, v)
	}
	return b.String()
}
