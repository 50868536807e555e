// Command baseline is the smallest go-app v9 app worth measuring: one route,
// one component, no styles. The benchmark (go run ./bench) measures Unknot
// against it, so the figures say what Unknot adds to what any go-app v9 app
// costs.
//
// It is built twice, like the app: for js/wasm it is the page's program;
// built natively it serves that program with Unknot's own server package
// (unknot/app/server), so both apps are compressed and served by the same
// code.
package main

import (
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

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser() // in the browser this never returns
	os.Exit(run(os.Args[1:]))
}
