// Command app is Unknot, an installable offline web app that guides people
// through lower-back stretches.
//
// The same main package is built twice. Built for js/wasm it is the app that
// runs in the browser (web/app.wasm). Built natively it is the command that
// serves the app and writes it out as a static site:
//
//	unknot [serve] [-addr localhost:8000]   serve the app from ./web
//	unknot static [-out dist]               write a static site
//	unknot compress                         write web/app.wasm.br and .gz
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	registerRoutes()
	app.RunWhenOnBrowser() // in the browser this never returns
	os.Exit(runCommand(os.Args[1:], os.Stdout, os.Stderr))
}
