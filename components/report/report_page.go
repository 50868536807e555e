// Package report is the one-page report a person can print or save as a PDF
// for a physiotherapist or a GP (/history/report, reached from History): a
// period of the history summed up by data.MakeReport, with the browser's
// own print and a print stylesheet (components/report/report.css). It is made on
// the device and sends nothing anywhere.
package report

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// Path is the report's address, under History's.
const Path = "/history/report"

// Page is the report: the person picks a period, whether their notes go on
// it and a name to head it, then prints it. The name lives only in this
// page's state: it is never stored. The history is read when the page
// opens and again when another tab changes it, never while drawing.
type Page struct {
	app.Compo

	// now is the clock and print the browser's print; time.Now and
	// webapi.Print unless a test sets them.
	now   func() time.Time
	print func() bool
	st    store.RawStorage

	loaded bool
	// unreadable is set when the stored history cannot be read (damaged,
	// or written by a newer version): History says what to do.
	unreadable bool
	records    []data.Record
	stamp      data.Stamp

	period data.ReportPeriod
	notes  bool
	name   string
	rep    data.Report
	// printFailed is set when the browser has no print to open.
	printFailed bool

	otherTabs webapi.OtherTabs
}

// OnMount reads the history and starts listening to other tabs.
func (p *Page) OnMount(ctx app.Context) {
	if p.now == nil {
		p.now = time.Now
	}
	if p.print == nil {
		p.print = webapi.Print
	}
	if p.period == "" {
		p.period = data.DefaultReportPeriod
	}
	p.st = webapi.AppStorage(ctx)
	p.otherTabs.Follow(p.onHistoryChanged, store.HistoryKey)
	p.load()
}

// OnDismount stops listening to other tabs.
func (p *Page) OnDismount() {
	p.otherTabs.Stop()
}

// load reads the history and makes the report.
func (p *Page) load() {
	now := p.now()
	h, status, _ := store.LoadHistory(p.st, now)
	p.loaded = true
	p.unreadable = status == store.StatusCorrupt || status == store.StatusNewer && len(h.Records) == 0
	p.records = h.Records
	p.stamp = webapi.LocalStamp(now)
	p.make()
}

// make sums up the history for what the person chose.
func (p *Page) make() {
	p.rep = data.MakeReport(data.DefaultCatalogue(), p.records, p.stamp, data.ReportRequest{Period: p.period, Notes: p.notes})
}

// onHistoryChanged makes the report again when another tab changed the
// history.
func (p *Page) onHistoryChanged(ctx app.Context) {
	p.load()
	p.Update()
}

// onPeriod picks the period.
func (p *Page) onPeriod(period data.ReportPeriod) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.period = period
		p.make()
	}
}

// onNotes puts the notes on the page, or takes them off.
func (p *Page) onNotes(ctx app.Context, e app.Event) {
	p.notes = !p.notes
	p.make()
}

// onName takes the name to head the page, as typed: never stored.
func (p *Page) onName(ctx app.Context, e app.Event) { p.name = ui.InputValue(ctx) }

// onPrint opens the browser's print at once, inside the tap: a print
// called later is refused on iOS.
func (p *Page) onPrint(ctx app.Context, e app.Event) { p.printFailed = !p.print() }

// Render shows the options, then the page as it will print.
func (p *Page) Render() app.UI {
	body := []app.UI{
		ui.Elt("a.home-link.no-print[href=/history]", text.Back),
		ui.Elt("h1.no-print.report-title", text.Title),
		ui.Elt("p.lead.no-print", text.Lead),
	}
	switch {
	case !p.loaded:
		body = append(body, ui.Elt("p.muted", text.Loading))
	case p.unreadable:
		body = append(body, ui.El("p#report-unreadable.error",
			app.Text(text.Unreadable+" "),
			ui.Elt("a[href=/history]", text.UnreadableLink),
		))
	default:
		body = append(body, p.renderOptions(), p.renderSheet())
	}
	return ui.Page("report", body...)
}

// renderOptions lets the person choose what goes on the page, and print it.
// None of it prints.
func (p *Page) renderOptions() app.UI {
	return ui.El("section#report-options.settings-group.no-print[aria-labelledby=options-title]",
		ui.Elt("h2#options-title", text.OptionsTitle),
		ui.El("fieldset.choices",
			ui.Elt("legend", text.PeriodLegend),
			app.Range(data.ReportPeriods).Slice(func(i int) app.UI {
				period := data.ReportPeriods[i]
				id := "period-" + string(period)
				return ui.Elx("label.toggle",
					ui.Void("input[type=radio][name=period]").ID(id).Attr("value", string(period)).
						Attr("checked", p.period == period).OnChange(p.onPeriod(period)),
					ui.Elt("span", text.Periods[period]),
				).Attr("for", id)
			}),
		),
		ui.Toggle("report-notes", text.IncludeNotes, p.notes, p.onNotes),
		ui.Elt("p#report-notes-hint.muted.small.hint", text.NotesHint),
		ui.El("div.field",
			ui.Eltx("label", text.NameLabel).Attr("for", "report-name"),
			// The field keeps what is typed; the page only reads it.
			ui.Void("input#report-name.input[type=text][autocomplete=off][maxlength=80][aria-describedby=report-name-hint]").
				OnInput(p.onName),
			ui.Elt("p#report-name-hint.muted.small.hint", text.NameHint),
		),
		ui.Eltx("button#report-print.button.primary[type=button]", text.Print).OnClick(p.onPrint),
		ui.Elt("p#report-print-hint.muted.small", text.PrintHint),
		app.If(p.printFailed, ui.Elt("p#report-no-print.error[role=alert]", text.NoPrint)),
	)
}
