// Package components holds the go-app user interface of Unknot: one screen or
// widget per file, built on the pure logic in package data.
package components

import "unknot/data"

// Pages lists every route path the app serves, so the server can pre-render
// them, the service worker can cache them and the static build can write them.
func Pages() []string {
	pages := []string{"/"}
	pages = append(pages, "/history")
	pages = append(pages, "/settings", "/safety", "/symptoms", "/routines")
	for _, r := range data.BuiltinRoutines() {
		pages = append(pages, "/session/"+r.ID)
	}
	for _, e := range data.DefaultCatalogue() {
		pages = append(pages, "/exercise/"+e.ID, "/session/"+e.ID)
	}
	return pages
}
