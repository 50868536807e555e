package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/data"
)

// renderSheet is the page as it prints: who and when, the counts, each
// exercise's first and last day against the article, the pain chart, the
// stops, the notes when asked, and where the exercises come from. The
// person's own words (the name, notes, routine names) are text nodes.
func (p *Page) renderSheet() app.UI {
	r := p.rep
	head := []app.UI{}
	if name := strings.TrimSpace(p.name); name != "" {
		head = append(head, ui.Elt("p#sheet-name.sheet-name", fmt.Sprintf(text.SheetName, name)))
	}
	head = append(head,
		ui.Elt("h2#sheet-title.sheet-title", text.SheetTitle),
		ui.Elt("p#sheet-period.sheet-period", fmt.Sprintf(text.SheetPeriod, text.Periods[r.Period],
			fmt.Sprintf(text.PeriodRange, ui.HistoryDate(r.From), ui.HistoryDate(r.To)))),
		ui.Elt("p#sheet-printed.sheet-period", fmt.Sprintf(text.Printed, ui.HistoryDate(r.Made))),
	)
	body := []app.UI{ui.El("header.sheet-head", head...), p.renderFacts()}
	if r.Stats.Sessions == 0 {
		body = append(body, ui.Elt("p#sheet-empty.lead", text.Empty))
	} else {
		body = append(body, renderDoses(r.Doses), painChart(r), renderStops(r))
		if r.NotesAsked {
			body = append(body, renderNotes(r))
		}
	}
	body = append(body, ui.El("footer.sheet-foot",
		ui.Elt("p#sheet-source", fmt.Sprintf(text.Source, data.SourceTitle, data.SourceDate)),
		ui.Elt("p#sheet-disclaimer", text.NotADiagnosis),
	))
	return ui.El("article#report-sheet.report-sheet[aria-labelledby=sheet-title]", body...)
}

// renderFacts shows the number of sessions and of days with one.
func (p *Page) renderFacts() app.UI {
	s := p.rep.Stats
	from, _ := data.DayNumber(p.rep.From)
	to, _ := data.DayNumber(p.rep.To)
	fact := func(id, label, value string) app.UI {
		return ui.El("div.fact", ui.Elt("dt", label), ui.Eltx("dd", value).ID(id))
	}
	return ui.El("dl#sheet-facts.facts.sheet-facts",
		fact("sheet-sessions", text.SessionsLabel, fmt.Sprintf(text.SessionsValue, s.Sessions, s.Complete)),
		fact("sheet-days", text.DaysLabel, fmt.Sprintf(text.DaysValue, s.Days, to-from+1)),
	)
}

// renderDoses is a table of what was done of each exercise on the first
// and the last day of the period that held it, beside the article's
// numbers.
func renderDoses(doses []data.ReportDose) app.UI {
	rows := make([]app.UI, len(doses))
	for i, d := range doses {
		// On a narrow screen each cell is a line, headed by its column's
		// name (data-label); printed, they are a table.
		cell := func(label, s string) app.UI { return ui.Eltx("td", s).DataSet("label", label) }
		cells := []app.UI{ui.Elt("th[scope=row]", d.Exercise.Name)}
		if d.First.Date == "" {
			cells = append(cells, ui.Elt("td.muted[colspan=2]", text.NotInPeriod))
		} else {
			cells = append(cells, cell(text.FirstCol, doneText(d.Exercise, d.First)), cell(text.LastCol, doneText(d.Exercise, d.Last)))
		}
		rows[i] = ui.Elx("tr", append(cells, cell(text.ArticleCol, articleText(d.Exercise)))...).DataSet("exercise", d.Exercise.ID)
	}
	return ui.El("section.sheet-part[aria-labelledby=doses-title]",
		ui.Elt("h3#doses-title", text.DosesTitle),
		ui.El("table#sheet-doses.sheet-table",
			ui.El("thead", ui.El("tr",
				ui.Elt("th[scope=col]", text.ExerciseCol),
				ui.Elt("th[scope=col]", text.FirstCol),
				ui.Elt("th[scope=col]", text.LastCol),
				ui.Elt("th[scope=col]", text.ArticleCol),
			)),
			ui.El("tbody", rows...),
		),
		ui.Elt("p.sheet-note", text.DosesNote),
	)
}

// doneText says what was done on one day: "12 in the day, 20 Apr" for a
// per-day exercise, "3 × 10 s, 20 Apr" for another.
func doneText(e data.Exercise, d data.DoseDone) string {
	date := shortDate(d.Date)
	if e.PerDay() {
		return fmt.Sprintf(text.DonePerDay, d.Reps, date)
	}
	return fmt.Sprintf(text.DoneSession, d.Reps, holdText(e, d.Hold), date)
}

// holdText says one hold of e: its seconds, or its breaths.
func holdText(e data.Exercise, hold time.Duration) string {
	if e.Hold.Breaths > 0 {
		return fmt.Sprintf(text.Breaths, e.Hold.Breaths)
	}
	return fmt.Sprintf("%d s", int(hold.Round(time.Second)/time.Second))
}

// articleText says the article's numbers for e, from the catalogue: "2–3
// times each side, 5–10 s hold, twice a day".
func articleText(e data.Exercise) string {
	var parts []string
	if pr := e.Progression; pr != nil {
		parts = append(parts, fmt.Sprintf(text.ArticlePerDay, pr.Start, pr.Target))
	} else {
		times := fmt.Sprintf(text.ArticleTimes, rangeText(e.Reps.Min, e.Reps.Max))
		switch e.Sides {
		case data.SidesEach:
			times += text.EachSide
		case data.SidesEachThenBoth:
			times += text.EachSideBoth
		}
		parts = append(parts, times)
	}
	lo, hi := int(e.Hold.Min/time.Second), int(e.Hold.Max/time.Second)
	switch {
	case e.Hold.Breaths > 0:
		parts = append(parts, fmt.Sprintf(text.Breaths, e.Hold.Breaths))
	case e.Hold.Chosen:
		parts = append(parts, text.NoHold)
	case lo == hi:
		parts = append(parts, fmt.Sprintf(text.HoldOne, lo))
	default:
		parts = append(parts, fmt.Sprintf(text.HoldRange, lo, hi))
	}
	if e.Frequency.TimesPerDay == 2 {
		parts = append(parts, text.TwiceADay)
	}
	return strings.Join(parts, ", ")
}

// rangeText writes a range of whole numbers: "3", "2–3".
func rangeText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// shortDate writes a date (DateLayout) as "20 Apr".
func shortDate(date string) string {
	d, err := time.Parse(data.DateLayout, date)
	if err != nil {
		return date
	}
	return d.Format(text.DoneDate)
}

// renderStops lists the sessions stopped with "This hurts", the latest
// first, then how many more History holds.
func renderStops(r data.Report) app.UI {
	return ui.El("section.sheet-part[aria-labelledby=stops-title]",
		ui.Elt("h3#stops-title", text.StopsTitle),
		entries("sheet-stops", r.Stops, r.MoreStops, text.StopsNone, false),
	)
}

// renderNotes lists the person's notes, the latest first, then how many
// more History holds.
func renderNotes(r data.Report) app.UI {
	return ui.El("section.sheet-part[aria-labelledby=notes-title]",
		ui.Elt("h3#notes-title", text.NotesTitle),
		entries("sheet-notes", r.Notes, r.MoreNotes, text.NotesNone, true),
	)
}

// entries is a list of sessions by date, with their notes when withNote,
// then "and N more, in History" when some were left out, or none's line
// when there is nothing to list.
func entries(id string, list []data.ReportEntry, more int, none string, withNote bool) app.UI {
	if len(list) == 0 {
		return ui.Eltx("p.muted", none).ID(id)
	}
	items := make([]app.UI, 0, len(list)+1)
	for _, e := range list {
		when := fmt.Sprintf(text.EntryWhen, ui.HistoryDate(e.Date), e.Time, e.Routine)
		if withNote {
			items = append(items, ui.El("li", ui.Elt("span.sheet-when", when), ui.Elt("span.sheet-note-text", e.Note)))
		} else {
			items = append(items, ui.Elt("li", when))
		}
	}
	if more > 0 {
		items = append(items, ui.Elt("li.sheet-more", fmt.Sprintf(text.More, more)))
	}
	return ui.Elx("ul.sheet-list", items...).ID(id)
}
