package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/svg"
	"unknot/components/ui"
	"unknot/data"
)

// The pain chart is inline SVG in a viewBox of chartW by chartH units, on a
// time axis from the period's first day to the end of its last, so a gap in
// the sessions shows as one. Its parts carry data-c attributes that
// the stylesheet (components/report/report.css) colours from the theme (.chart, as History's charts), and in
// print black on white. It never relies on colour: before is a dashed line
// with open circles, after a solid line with filled squares, in the legend
// as in the chart.
const (
	chartW, chartH = 320, 150
	plotL, plotR   = 28.0, 312.0 // left and right edges of the plot
	plotT, plotB   = 10.0, 120.0 // top and bottom edges of the plot
	labelY         = 136.0       // baseline of the dates under the plot
	chartFont      = "10"
	// denseAt is the number of points from which the markers shrink, so
	// that two sessions a day for four weeks stay apart.
	denseAt = 30
)

// painChart draws the report's pain values, with its legend, a sentence
// for screen readers and the values as a table on screen.
func painChart(r data.Report) app.UI {
	fig := ui.Elx("figure#report-pain.chart.report-chart.sheet-part")
	if len(r.Pain) == 0 {
		return fig.Body(ui.Elt("h3", text.PainTitle), ui.Elt("p#report-pain-summary.muted", text.PainNone))
	}
	from, _ := data.DayNumber(r.From)
	to, _ := data.DayNumber(r.To)
	span := float64(to - from + 1)
	x := func(v data.PainValue) float64 {
		d, _ := data.DayNumber(v.Date)
		at := float64(d-from) + 3.5 // a week's value: the middle of the week
		if v.Time != "" {
			at = float64(d-from) + clockFraction(v.Time)
		}
		at = min(max(at, 0), span)
		return round1(plotL + at*(plotR-plotL)/span)
	}
	y := func(v float64) float64 { return round1(plotB - v*(plotB-plotT)/data.MaxPain) }
	var parts []app.UI
	for _, v := range []int{0, 5, 10} {
		gy := y(float64(v))
		parts = append(parts, svg.Line(plotL, gy, plotR, gy, 1).DataSet("c", "grid"),
			chartText(plotL-5, gy+3.5, "end", strconv.Itoa(v)))
	}
	size := 3.2
	if len(r.Pain) >= denseAt {
		size = 2.2
	}
	parts = append(parts, series(r.Pain, x, y, true, size)...)
	parts = append(parts, series(r.Pain, x, y, false, size)...)
	parts = append(parts,
		chartText(plotL, labelY, "start", axisDate(r.From, span)),
		chartText(plotR, labelY, "end", axisDate(r.To, span)),
	)
	before, after := text.PainBefore, text.PainAfter
	summary := fmt.Sprintf(text.PainSessions, len(r.Pain))
	if r.PainWeekly {
		before, after = text.PainWeekBefore, text.PainWeekAfter
		summary = fmt.Sprintf(text.PainWeeks, len(r.Pain))
	}
	summary += fmt.Sprintf(text.PainMeans, mean(r.Pain, true), mean(r.Pain, false))
	return fig.Body(
		ui.Elt("h3", text.PainTitle),
		svg.El("svg").ID("report-pain-svg").Attr("viewBox", fmt.Sprintf("0 0 %d %d", chartW, chartH)).
			Attr("preserveAspectRatio", "xMidYMid meet").Attr("focusable", "false").Aria("hidden", "true").Body(parts...),
		ui.El("ul.chart-legend",
			ui.El("li", legendKey(true), app.Text(before)),
			ui.El("li", legendKey(false), app.Text(after)),
			ui.Elt("li", text.PainScale),
		),
		ui.Elt("figcaption#report-pain-summary.muted.small", summary),
		painTable(r),
	)
}

// series draws pain before (or after): a line through the points that have
// the score, passing over those without (a morning's score before and an
// evening's after are one line each), and a marker on each.
func series(points []data.PainValue, x func(data.PainValue) float64, y func(float64) float64, before bool, size float64) []app.UI {
	c := "after"
	if before {
		c = "before"
	}
	var marks []app.UI
	var run []string
	for _, p := range points {
		v, n := p.After, p.NAfter
		if before {
			v, n = p.Before, p.NBefore
		}
		if n == 0 {
			continue
		}
		px, py := x(p), y(v)
		run = append(run, svg.Num(px)+","+svg.Num(py))
		marks = append(marks, marker(px, py, size, before))
	}
	var lines []app.UI
	if len(run) > 1 {
		l := svg.El("polyline").DataSet("c", c).Attr("points", strings.Join(run, " ")).Attr("fill", "none").Attr("stroke-width", "2")
		if before {
			l = l.Attr("stroke-dasharray", "5 4")
		}
		lines = append(lines, l)
	}
	return append(lines, marks...)
}

// marker is an open circle (before) or a filled square (after) at (cx, cy).
func marker(cx, cy, size float64, before bool) app.UI {
	if before {
		return svg.Circle(cx, cy, size).DataSet("c", "before-dot").Attr("stroke-width", "1.6")
	}
	return svg.El("rect").DataSet("c", "after-dot").Attr("x", svg.Num(round1(cx-size))).Attr("y", svg.Num(round1(cy-size))).
		Attr("width", svg.Num(2*size)).Attr("height", svg.Num(2*size)).Attr("stroke-width", "1")
}

// legendKey draws a series' line and marker, as the chart does.
func legendKey(before bool) app.UI {
	c := "after"
	if before {
		c = "before"
	}
	l := svg.Line(1, 6, 27, 6, 2).DataSet("c", c)
	if before {
		l = l.Attr("stroke-dasharray", "5 4")
	}
	// go-app cannot set a class on SVG: data-c names it, as in the chart.
	return svg.El("svg").DataSet("c", "key").Attr("viewBox", "0 0 28 12").Attr("focusable", "false").Aria("hidden", "true").
		Body(l, marker(14, 6, 3.2, before))
}

// painTable is the chart's values as a table, folded on screen and left
// out of print.
func painTable(r data.Report) app.UI {
	col := text.DateCol
	if r.PainWeekly {
		col = text.WeekCol
	}
	rows := make([]app.UI, len(r.Pain))
	for i := range r.Pain {
		v := r.Pain[len(r.Pain)-1-i] // newest first
		when := ui.HistoryDate(v.Date)
		if v.Time != "" {
			when += " " + v.Time
		}
		rows[i] = ui.El("tr", ui.Elt("th[scope=row]", when), ui.Elt("td", valueText(v.Before, v.NBefore)), ui.Elt("td", valueText(v.After, v.NAfter)))
	}
	return ui.El("details.chart-table.no-print",
		ui.Elt("summary", text.ShowTable),
		ui.El("table",
			ui.Elt("caption.sr-only", text.PainTitle),
			ui.El("thead", ui.El("tr",
				ui.Elt("th[scope=col]", col),
				ui.Elt("th[scope=col]", text.PainBefore),
				ui.Elt("th[scope=col]", text.PainAfter),
			)),
			ui.El("tbody", rows...),
		),
	)
}

// chartText is a label in the chart; anchor is start, middle or end.
func chartText(x, y float64, anchor, s string) app.UI {
	return svg.El("text").DataSet("c", "label").
		Attr("x", svg.Num(x)).Attr("y", svg.Num(y)).Attr("text-anchor", anchor).Attr("font-size", chartFont).Text(s)
}

// axisDate writes a date under the chart: "20 Apr", or "Apr 2026" when the
// chart spans most of a year or more.
func axisDate(date string, span float64) string {
	d, err := time.Parse(data.DateLayout, date)
	switch {
	case err != nil:
		return date
	case span < 300:
		return d.Format("2 Jan")
	}
	return d.Format("Jan 2006")
}

// clockFraction is the part of the day a local time (ClockLayout) is at.
func clockFraction(clock string) float64 {
	hh, mm, ok := strings.Cut(clock, ":")
	h, herr := strconv.Atoi(hh)
	m, merr := strconv.Atoi(mm)
	if !ok || herr != nil || merr != nil {
		return 0.5
	}
	return float64(h*60+m) / (24 * 60)
}

// mean is the mean of the scores before (or after) over the values, as
// text with one decimal, or "–" without any. A weekly value weighs as many
// scores as it averages.
func mean(values []data.PainValue, before bool) string {
	sum, n := 0.0, 0
	for _, v := range values {
		if before {
			sum, n = sum+v.Before*float64(v.NBefore), n+v.NBefore
		} else {
			sum, n = sum+v.After*float64(v.NAfter), n+v.NAfter
		}
	}
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", sum/float64(n))
}

// valueText writes a score or a week's average.
func valueText(v float64, n int) string {
	switch {
	case n == 0:
		return "–"
	case n == 1:
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// round1 rounds v to one decimal, for the SVG's numbers.
func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }
