package history

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/data"
)

// MonthCalendar shows one month as a table, Monday first, with a mark for
// each day's morning and evening session and today outlined. Its owner
// computes the days (data.MonthCalendar) and moves between months through
// OnMove, so the calendar never walks the whole history itself.
type MonthCalendar struct {
	app.Compo

	// Month is the first day of the month shown.
	Month time.Time
	// Days are the month's days, from data.MonthCalendar.
	Days []data.CalendarDay
	// Today is the person's date (DateLayout), marked when in the month.
	Today string
	// CanPrev and CanNext say whether the buttons lead anywhere.
	CanPrev, CanNext bool
	// OnMove is called with -1 or +1 when the person moves a month.
	OnMove func(ctx app.Context, delta int)
	// OnDay reports a day with sessions chosen, to show them; Chosen is
	// the day shown (DateLayout).
	OnDay  func(ctx app.Context, date string)
	Chosen string
}

func (c *MonthCalendar) onPrev(ctx app.Context, e app.Event) { c.move(ctx, -1, c.CanPrev) }
func (c *MonthCalendar) onNext(ctx app.Context, e app.Event) { c.move(ctx, 1, c.CanNext) }

// move asks the owner to show another month. A button that leads nowhere
// stays focusable (aria-disabled rather than disabled, so focus is not lost
// when it stops leading anywhere) and does nothing.
func (c *MonthCalendar) move(ctx app.Context, delta int, ok bool) {
	if ok && c.OnMove != nil {
		c.OnMove(ctx, delta)
	}
}

// Render draws the month.
func (c *MonthCalendar) Render() app.UI {
	title := c.Month.Format("January 2006")
	sessions, days := 0, 0
	for _, d := range c.Days {
		sessions += d.Sessions
		if d.Sessions > 0 {
			days++
		}
	}
	summary := fmt.Sprintf(text.MonthSummary, ui.SessionsText(sessions), dayCount(days), title)
	if sessions == 0 {
		summary = fmt.Sprintf(text.MonthEmpty, title)
	}
	rows := c.weeks()
	return ui.El("section#calendar.calendar[aria-labelledby=cal-title]",
		ui.El("div.cal-head",
			ui.Eltx("button#cal-prev.button.cal-move", "‹").
				Aria("label", fmt.Sprintf(text.PrevMonth, c.Month.AddDate(0, -1, 0).Format("January 2006"))).
				Aria("disabled", !c.CanPrev).OnClick(c.onPrev),
			ui.Elt("h2#cal-title[aria-live=polite]", title),
			ui.Eltx("button#cal-next.button.cal-move", "›").
				Aria("label", fmt.Sprintf(text.NextMonth, c.Month.AddDate(0, 1, 0).Format("January 2006"))).
				Aria("disabled", !c.CanNext).OnClick(c.onNext),
		),
		ui.El("table.cal[aria-labelledby=cal-title]",
			ui.El("thead", ui.El("tr", app.Range(text.Weekdays[:]).Slice(func(i int) app.UI {
				return ui.Elt("th[scope=col]", text.Weekdays[i])
			}))),
			ui.El("tbody", app.Range(rows).Slice(func(i int) app.UI {
				return ui.El("tr", app.Range(rows[i]).Slice(func(j int) app.UI {
					return c.cell(rows[i][j])
				}))
			})),
		),
		ui.El("p.cal-legend.muted.small",
			ui.El("span.cal-mark.am[aria-hidden=true]"),
			app.Text(" "+text.Morning+"  "),
			ui.El("span.cal-mark.pm[aria-hidden=true]"),
			app.Text(" "+text.Evening),
		),
		ui.Elt("p#cal-summary.muted.small", summary),
	)
}

// weeks splits the days into rows of seven, Monday first; nil stands for a
// blank before the first or after the last day.
func (c *MonthCalendar) weeks() [][]*data.CalendarDay {
	if len(c.Days) == 0 {
		return nil
	}
	lead := (int(c.Days[0].Weekday) + 6) % 7 // Monday is 0
	var rows [][]*data.CalendarDay
	row := make([]*data.CalendarDay, lead, 7)
	for i := range c.Days {
		row = append(row, &c.Days[i])
		if len(row) == 7 {
			rows = append(rows, row)
			row = make([]*data.CalendarDay, 0, 7)
		}
	}
	if len(row) > 0 {
		rows = append(rows, append(row, make([]*data.CalendarDay, 7-len(row))...))
	}
	return rows
}

// cell draws one day, or a blank.
func (c *MonthCalendar) cell(d *data.CalendarDay) app.UI {
	if d == nil {
		return ui.El("td.cal-blank")
	}
	var said []string
	if d.Date == c.Today {
		said = append(said, text.Today)
	}
	if d.Morning {
		said = append(said, text.Morning)
	}
	if d.Evening {
		said = append(said, text.Evening)
	}
	class := "cal-day"
	if d.Sessions > 0 {
		class += " done"
	}
	td := ui.Elx("td").Class(class).DataSet("date", d.Date)
	if d.Date == c.Today {
		td = td.Class("cal-today").Aria("current", "date")
	}
	inside := []app.UI{
		ui.Elt("span.cal-num", d.Day),
		ui.El("span.cal-marks[aria-hidden=true]",
			app.If(d.Morning, ui.El("span.cal-mark.am")),
			app.If(d.Evening, ui.El("span.cal-mark.pm")),
		),
		app.If(len(said) > 0, ui.Elt("span.sr-only", ", "+strings.Join(said, ", "))),
	}
	if d.Sessions == 0 || c.OnDay == nil {
		return td.Body(inside...)
	}
	// A day with sessions opens them.
	date := d.Date
	return td.Body(ui.Elx("button.cal-open[type=button]", inside...).ID("day-"+date).
		Aria("expanded", c.Chosen == date).Aria("controls", "day-sessions").
		OnClick(func(ctx app.Context, e app.Event) { c.OnDay(ctx, date) }))
}
