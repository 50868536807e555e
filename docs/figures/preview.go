//go:build ignore

// preview.go writes an HTML contact sheet of every figure pose, with the
// real markup (ui.Figure) and the real stylesheet inlined, for a
// quick look without building the app. From the repository root:
//
//	go run docs/figures/preview.go light 358 > /tmp/poses.html
//	chromium --headless --screenshot=/tmp/poses.png --window-size=820,1320 file:///tmp/poses.html
//
// Arguments: theme (light or dark), figure width in CSS pixels, then
// optionally the poses to show. The app itself remains the reference: judge
// the exercise pages and the player there (see README.md).
package main

import (
	"fmt"
	"os"
	"strings"

	"unknot/components/ui"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: go run docs/figures/preview.go light|dark WIDTH [POSE...]")
		os.Exit(2)
	}
	css, err := os.ReadFile("web/app.css") // its figures section comes from components/ui/figure.css
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	theme, width := os.Args[1], os.Args[2]
	bg, fg := "#f7f5f0", "#222"
	if theme == "dark" {
		bg, fg = "#14161a", "#eee"
	}
	poses := ui.FigurePoses
	if len(os.Args) > 3 {
		poses = os.Args[3:]
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html data-theme=%s><head><meta charset=utf-8><style>%s
body{background:%s;color:%s;font:12px sans-serif;margin:8px;display:flex;flex-wrap:wrap;gap:8px}
.c{width:%spx;border:1px solid #8884;padding:4px}</style></head><body>`, theme, css, bg, fg, width)
	for _, p := range poses {
		f := &ui.Figure{Pose: p}
		fmt.Fprintf(&b, `<div class=c><div class="figure figure--%s">%s</div><div>%s</div></div>`, p, f.SVG(), p)
	}
	b.WriteString("</body></html>\n")
	fmt.Print(b.String())
}
