package webapi

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Print opens the browser's own print dialog, where the page can go to a
// printer or be saved as a PDF, and reports whether the browser has one to
// open. It must run inside the tap or click that asks for it: Safari on
// iOS, and the apps installed from it, refuse a print that is not the
// direct answer to one (they say the site was blocked from printing).
func Print() (ok bool) {
	defer Guard()
	if !app.IsClient {
		return false
	}
	w := app.Window()
	if w.Get("print").Type() != app.TypeFunction {
		return false
	}
	w.Call("print")
	return true
}
