package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Helpers for the SVG the app draws: the history charts and the figure.

const svgNS = "http://www.w3.org/2000/svg"

func svgEl(tag string) app.HTMLElem {
	return elx(tag).XMLNS(svgNS)
}

func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func svgLine(x1, y1, x2, y2, width float64) app.HTMLElem {
	return svgEl("line").
		Attr("x1", num(x1)).Attr("y1", num(y1)).
		Attr("x2", num(x2)).Attr("y2", num(y2)).
		Attr("stroke-width", num(width))
}

func svgCircle(cx, cy, r float64) app.HTMLElem {
	return svgEl("circle").Attr("cx", num(cx)).Attr("cy", num(cy)).Attr("r", num(r))
}

func svgPath(d string) app.HTMLElem {
	return svgEl("path").Attr("d", d)
}
