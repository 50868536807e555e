package history

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/svg"
	"unknot/components/ui"
	"unknot/data"
)

// The charts are inline SVG drawn by the app, in a viewBox of chartW by
// chartH units that scales to the page's width. go-app cannot set classes
// on SVG children, so each part carries a data-c attribute that
// the stylesheet (components/ui/screens.css) colours from the theme. Neither chart relies on colour alone:
// the partial part of a bar is hatched lighter, pain before is dashed and
// hollow, pain after solid and filled. Each chart has a written summary and
// its numbers as a table.
const (
	chartW               = 320
	chartH               = 150
	plotL, plotR         = 28.0, 314.0 // left and right edges of the plot
	plotT, plotB         = 10.0, 120.0 // top and bottom edges of the plot
	chartLabelY          = 136.0       // baseline of the labels under the plot
	chartFont            = "10"
	chartEveryNthWeekTag = 4 // one date under every so many bars
)

// chartSVG starts an SVG chart; the figure's caption and table speak for it.
func chartSVG(id string, parts ...app.UI) app.UI {
	return svg.El("svg").ID(id).Attr("viewBox", fmt.Sprintf("0 0 %d %d", chartW, chartH)).
		Attr("preserveAspectRatio", "xMidYMid meet").Attr("focusable", "false").
		Aria("hidden", "true").Body(parts...)
}

// chartText is a label in a chart; anchor is start, middle or end.
func chartText(x, y float64, anchor, s string) app.UI {
	return svg.El("text").DataSet("c", "label").
		Attr("x", svg.Num(x)).Attr("y", svg.Num(y)).Attr("text-anchor", anchor).Attr("font-size", chartFont).Text(s)
}

// chartGrid draws a horizontal grid line at y with its value on the left.
func chartGrid(y float64, label string) []app.UI {
	return []app.UI{
		svg.Line(plotL, y, plotR, y, 1).DataSet("c", "grid"),
		chartText(plotL-5, y+3.5, "end", label),
	}
}

// round1 rounds v to one decimal, for the SVG's numbers.
func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

// weeksChart draws sessions per week as bars, complete sessions at the
// bottom of each bar and those ended early above them.
func weeksChart(weeks []data.WeekCount) app.UI {
	n := len(weeks)
	total, most := 0, 0
	for _, w := range weeks {
		total += w.Sessions
		most = max(most, w.Sessions)
	}
	summary := fmt.Sprintf(text.WeeksNone, n)
	// The average runs from the first week with a session: a person's
	// first week is not a tenth of a session a week.
	first := slices.IndexFunc(weeks, func(w data.WeekCount) bool { return w.Sessions > 0 })
	switch since := n - first; {
	case total == 0:
	case since == 1:
		summary = fmt.Sprintf(text.WeeksFirst, n, ui.SessionsText(weeks[n-1].Sessions))
	default:
		summary = fmt.Sprintf(text.WeeksSummary, n, weeks[n-1].Sessions, float64(total)/float64(since), since, most)
	}
	top := max(most, 2)
	top += top % 2 // an even top gives a whole middle line
	scale := (plotB - plotT) / float64(top)
	var parts []app.UI
	parts = append(parts, chartGrid(plotB, "0")...)
	parts = append(parts, chartGrid(plotB-float64(top/2)*scale, fmt.Sprint(top/2))...)
	parts = append(parts, chartGrid(plotT, fmt.Sprint(top))...)
	if n > 0 {
		slot := (plotR - plotL) / float64(n)
		barW := round1(slot * 0.7)
		for i, w := range weeks {
			x := round1(plotL + float64(i)*slot + (slot-barW)/2)
			done := round1(float64(w.Complete) * scale)
			part := round1(float64(w.Sessions-w.Complete) * scale)
			if done > 0 {
				parts = append(parts, chartRect(x, plotB-done, barW, done, "done"))
			}
			if part > 0 {
				parts = append(parts, chartRect(x, plotB-done-part, barW, part, "part"))
			}
			if (n-1-i)%chartEveryNthWeekTag == 0 {
				parts = append(parts, chartText(x+barW/2, chartLabelY, "middle", ui.HistoryShortDate(w.Monday)))
			}
		}
	}
	return ui.El("figure#weeks-chart.chart",
		ui.Elt("h3", text.WeeksTitle),
		chartSVG("weeks-svg", parts...),
		ui.El("ul.chart-legend",
			ui.El("li", ui.El("span.chart-key.done[aria-hidden=true]"), app.Text(text.Complete)),
			ui.El("li", ui.El("span.chart-key.part[aria-hidden=true]"), app.Text(text.Partial)),
		),
		ui.Elt("figcaption#weeks-summary.muted.small", summary),
		chartTable(text.WeeksTitle, [3]string{text.WeekCol, text.SessionsCol, text.CompleteCol},
			len(weeks), func(i int) [3]string {
				w := weeks[len(weeks)-1-i] // newest first
				return [3]string{ui.HistoryDate(w.Monday), strconv.Itoa(w.Sessions), strconv.Itoa(w.Complete)}
			}),
	)
}

// chartTable is a chart's figures as a table, folded under "Show as a
// table": a caption, three column heads, and n rows whose first cell heads
// the row.
func chartTable(caption string, cols [3]string, n int, row func(i int) [3]string) app.UI {
	rows := make([]app.UI, n)
	for i := range rows {
		r := row(i)
		rows[i] = ui.El("tr", ui.Elt("th[scope=row]", r[0]), ui.Elt("td", r[1]), ui.Elt("td", r[2]))
	}
	return ui.El("details.chart-table",
		ui.Elt("summary", text.ShowTable),
		ui.El("table",
			ui.Elt("caption.sr-only", caption),
			ui.El("thead", ui.El("tr",
				ui.Elt("th[scope=col]", cols[0]),
				ui.Elt("th[scope=col]", cols[1]),
				ui.Elt("th[scope=col]", cols[2]),
			)),
			ui.El("tbody", rows...),
		),
	)
}

// chartRect draws a bar part, c naming its colour.
func chartRect(x, y, w, h float64, c string) app.UI {
	return svg.El("rect").DataSet("c", c).
		Attr("x", svg.Num(x)).Attr("y", svg.Num(round1(y))).Attr("width", svg.Num(w)).Attr("height", svg.Num(h)).Attr("rx", "2")
}

// painChart draws pain before and after each session with a score, in
// order, on a 0–10 scale.
func painChart(points []data.PainPoint) app.UI {
	n := len(points)
	fig := ui.Elx("figure#pain-chart.chart")
	if n == 0 {
		return fig.Body(
			ui.Elt("h3", text.PainTitle),
			ui.Elt("p#pain-summary.muted.small", text.PainNone),
		)
	}
	x := func(i int) float64 {
		if n == 1 {
			return round1((plotL + plotR) / 2)
		}
		return round1(plotL + 6 + float64(i)*(plotR-plotL-12)/float64(n-1))
	}
	y := func(v int) float64 { return round1(plotB - float64(v)*(plotB-plotT)/data.MaxPain) }
	var parts []app.UI
	for _, v := range []int{0, 5, 10} {
		parts = append(parts, chartGrid(y(v), fmt.Sprint(v))...)
	}
	parts = append(parts, painLine(points, x, y, func(p data.PainPoint) *int { return p.Before }, "before")...)
	parts = append(parts, painLine(points, x, y, func(p data.PainPoint) *int { return p.After }, "after")...)
	parts = append(parts, chartText(x(0), chartLabelY, "start", ui.HistoryShortDate(points[0].Date)))
	if n > 1 {
		parts = append(parts, chartText(x(n-1), chartLabelY, "end", ui.HistoryShortDate(points[n-1].Date)))
	}
	before, after := painMean(points, true), painMean(points, false)
	return fig.Body(
		ui.Elt("h3", text.PainTitle),
		chartSVG("pain-svg", parts...),
		ui.El("ul.chart-legend",
			ui.El("li", ui.El("span.chart-key.before[aria-hidden=true]"), app.Text(text.ChartBefore)),
			ui.El("li", ui.El("span.chart-key.after[aria-hidden=true]"), app.Text(text.ChartAfter)),
			ui.Elt("li.muted", text.PainScale),
		),
		ui.Elt("figcaption#pain-summary.muted.small", fmt.Sprintf(text.PainSummary, ui.SessionsText(n), before, after)),
		chartTable(text.PainTitle, [3]string{text.DateCol, text.ChartBefore, text.ChartAfter},
			n, func(i int) [3]string {
				p := points[n-1-i] // newest first
				return [3]string{ui.HistoryDate(p.Date), scoreText(p.Before), scoreText(p.After)}
			}),
	)
}

// painLine draws one series: a line through each run of sessions that have
// the score, and a dot for each score.
func painLine(points []data.PainPoint, x func(int) float64, y func(int) float64, score func(data.PainPoint) *int, c string) []app.UI {
	var parts, dots []app.UI
	var run []string
	flush := func() {
		if len(run) > 1 {
			line := svg.El("polyline").DataSet("c", c).Attr("points", strings.Join(run, " ")).Attr("fill", "none").Attr("stroke-width", "2")
			if c == "before" {
				line = line.Attr("stroke-dasharray", "5 4")
			}
			parts = append(parts, line)
		}
		run = run[:0]
	}
	for i, p := range points {
		v := score(p)
		if v == nil {
			flush()
			continue
		}
		run = append(run, svg.Num(x(i))+","+svg.Num(y(*v)))
		dots = append(dots, svg.Circle(x(i), y(*v), 3.2).DataSet("c", c+"-dot").Attr("stroke-width", "2"))
	}
	flush()
	return append(parts, dots...)
}

// painMean is the mean score before (or after) over points, as text.
func painMean(points []data.PainPoint, before bool) string {
	sum, n := 0, 0
	for _, p := range points {
		v := p.After
		if before {
			v = p.Before
		}
		if v != nil {
			sum += *v
			n++
		}
	}
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", float64(sum)/float64(n))
}

// scoreText writes an optional pain score.
func scoreText(v *int) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}
