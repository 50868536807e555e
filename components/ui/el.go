package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Every screen builds its elements through el, elt and void: one call per
// element, whose fixed attributes are written in a spec like a CSS selector,
//
//	el("div#id.class.other[role=status][aria-hidden=true]", children...)
//
// and only what changes is added with go-app's methods afterwards. The
// grammar of a spec:
//
//	spec  = tag { "#" id | "." class | "[" name "=" value "]" }
//	tag   = a known HTML tag, lower case (see htmlTags in el_test.go)
//	id, class, name = letters, digits, "-", "_", ":"; no "#", ".", "[", "]"
//	value = any text without "]"; it is set as written
//
// A name must be one the tag takes: a global attribute (id, class, role,
// hidden, tabindex, title, lang, aria-*, data-*) or one of the tag's own
// (htmlAttrs in el_test.go). TestElementSpecs reads every spec written in
// the screens and holds it to this grammar, so "divv" or "[hreff=/]" fail
// a test rather than reaching a browser.
//
// Why not go-app's typed builders: each method call costs a few hundred
// bytes of WebAssembly at its call site; specs replaced some 1,100 calls
// and made app.wasm about 240 KB smaller raw and 10 KB smaller in brotli,
// a third of the room left under the size budget (docs/performance.md).
// The builders are never inlined: inlined at each call site, go-app's
// constructor made app.wasm tens of kilobytes larger.

// El is an element from its spec, with its children.
//
//go:noinline
func El(spec string, body ...app.UI) app.UI { return Elx(spec, body...) }

// Elt is an element from its spec, with a text as its content.
//
//go:noinline
func Elt(spec string, text any) app.UI { return Elx(spec).Text(text) }

// Elx starts an element from its spec, with its children, for more of
// go-app's methods.
//
//go:noinline
func Elx(spec string, body ...app.UI) app.HTMLElem {
	tag, rest := specTag(spec)
	e := withSpec(app.Elem(tag), rest)
	if len(body) > 0 {
		e.Body(body...)
	}
	return e
}

// Eltx starts an element from its spec, with a text as its content, for
// more of go-app's methods.
//
//go:noinline
func Eltx(spec string, text any) app.HTMLElem { return Elx(spec).Text(text) }

// Void starts an element without content, such as input, from its spec.
//
//go:noinline
func Void(spec string) app.HTMLElemSelfClosing {
	tag, rest := specTag(spec)
	return withSpec(app.ElemSelfClosing(tag), rest)
}

// withSpec sets the attributes of a spec's rest on e.
func withSpec[E interface{ Attr(string, any) E }](e E, rest string) E {
	for rest != "" {
		var k, v string
		k, v, rest = specAttr(rest)
		e = e.Attr(k, v)
	}
	return e
}

// specTag splits a spec into its tag and its attributes.
func specTag(spec string) (tag, rest string) {
	i := strings.IndexAny(spec, "#.[")
	if i < 0 {
		return spec, ""
	}
	return spec[:i], spec[i:]
}

// specAttr reads the first attribute of rest, which starts with '#' (the
// id), '.' (a class) or '[' (name=value).
func specAttr(rest string) (name, value, next string) {
	switch rest[0] {
	case '[':
		end := strings.IndexByte(rest, ']')
		name, value, _ = strings.Cut(rest[1:end], "=")
		return name, value, rest[end+1:]
	case '#':
		name = "id"
	default:
		name = "class"
	}
	end := strings.IndexAny(rest[1:], "#.[")
	if end < 0 {
		return name, rest[1:], ""
	}
	return name, rest[1 : end+1], rest[end+1:]
}
