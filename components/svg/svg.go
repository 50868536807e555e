// Package svg builds the SVG the app draws: the history charts and, when
// make gen writes it out, the exercise figure.
package svg

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// El is an SVG element with tag.
func El(tag string) app.HTMLElem {
	return app.Elem(tag).XMLNS(svgNS)
}

// Num writes v as short as it reads back the same.
func Num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Line is a line from (x1, y1) to (x2, y2), width wide.
func Line(x1, y1, x2, y2, width float64) app.HTMLElem {
	return El("line").
		Attr("x1", Num(x1)).Attr("y1", Num(y1)).
		Attr("x2", Num(x2)).Attr("y2", Num(y2)).
		Attr("stroke-width", Num(width))
}

// Circle is a circle of radius r around (cx, cy).
func Circle(cx, cy, r float64) app.HTMLElem {
	return El("circle").Attr("cx", Num(cx)).Attr("cy", Num(cy)).Attr("r", Num(r))
}

// Path is a path along d.
func Path(d string) app.HTMLElem {
	return El("path").Attr("d", d)
}
