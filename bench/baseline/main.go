// Command baseline is the smallest go-app v9 app worth measuring: one route,
// one component, no styles. The benchmark (go run ./bench) measures Unknot
// against it, so the figures say what Unknot adds to what any go-app v9 app
// costs.
//
// It is built twice, like the app: for js/wasm it is the page's program;
// built natively by the benchmark it serves that program with Unknot's own
// server code. The benchmark adds app/server.go and app/compress.go to this
// package with go build -overlay, and builds with the tag unknotbench, which
// selects serve.go: both servers then run the same code. Built on its own
// (go build ./bench/baseline) it only says so.
package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// hello is the baseline's only screen.
type hello struct{ app.Compo }

func (h *hello) Render() app.UI {
	return app.Main().ID("baseline").Body(
		app.H1().Text("Baseline"),
		app.P().Text("A minimal go-app v9 app."),
	)
}

// serveMain runs the server's command line; serve.go sets it when the
// benchmark builds the server.
var serveMain func(args []string) int

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser() // in the browser this never returns
	if serveMain == nil {
		fmt.Fprintln(os.Stderr, "baseline: this is the benchmark's baseline app; run go run ./bench")
		os.Exit(2)
	}
	os.Exit(serveMain(os.Args[1:]))
}
