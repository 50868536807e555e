package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// el starts an HTML element. Every screen builds its elements through here
// and through go-app's one generic element type, rather than one type per
// tag, and the call is never inlined: go-app's constructor inlined at each of
// the app's ~600 elements made app.wasm tens of kilobytes larger.
//
//go:noinline
func el(tag string) app.HTMLElem { return app.Elem(tag) }

// void starts an element without content, such as input.
//
//go:noinline
func void(tag string) app.HTMLElemSelfClosing { return app.ElemSelfClosing(tag) }
