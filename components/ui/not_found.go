package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// NotFound is the page of an address that leads nowhere: one the app has
// no page for, an exercise or a routine that does not exist (lead says
// which). It looks the same wherever it shows, with the way home and to
// the main screens.
func NotFound(id, path, lead string) app.UI {
	return Page(id,
		Elt("h1", Text.NotFoundTitle),
		Elt("p.lead", lead),
		app.If(path != "", El("p.muted", app.Text(Text.NotFoundAddress), Elt("code.address", path))),
		Elt("a#not-found-home.button.primary.huge[href=/]", Text.NotFoundHome),
		Elt("p", Text.NotFoundOr),
		El("ul.bullets", app.Range(Nav).Slice(func(i int) app.UI {
			if Nav[i].Path == "/" {
				return nil
			}
			return El("li", Eltx("a", Nav[i].Label).Attr("href", Nav[i].Path))
		})),
	)
}

// NotFoundTitle is the document title of NotFound's page.
func NotFoundTitle(appName string) string { return Text.NotFoundTitle + " · " + appName }
