package browsertest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// The scripts below are JavaScript expressions: chromedp evaluates them as
// they are; WebDriver runs a function body, so the WebKit suite returns
// them (Return).

// AppStarted is true once go-app has removed its loader, which it does when
// app.wasm runs and has drawn the page. Before that the page is only the
// server's pre-rendering.
const AppStarted = `document.readyState !== "loading" && document.getElementById("app-wasm-loader") === null`

// LoaderLabel is what go-app's loader says (its progress, or the error that
// stopped the app), or "" once it is gone: for the message of an app that
// did not start.
const LoaderLabel = `((document.getElementById("app-wasm-loader-label") || {}).innerText || "")`

// SWState reports the page's service worker, as a promise: "controlled" once
// an active worker controls the page, else the state of its registration
// ("installing", "waiting", "active", "empty"), or "none" without one.
const SWState = `(async () => {
	const c = navigator.serviceWorker.controller;
	if (c && c.state === "activated") return "controlled";
	const r = await navigator.serviceWorker.getRegistration();
	if (!r) return "none";
	return r.installing ? "installing" : r.waiting ? "waiting" : r.active ? "active" : "empty";
})()`

// NextFrames resolves once the page has drawn two more frames: what a
// screenshot shows is then what the page holds.
const NextFrames = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`

// Return makes a WebDriver script (a function body) of an expression.
func Return(expr string) string { return "return " + expr }

// JSString is s as a JavaScript string literal.
func JSString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Text is the trimmed text of the first element matching the CSS selector,
// or "" when there is none.
func Text(selector string) string {
	return `((e) => e ? e.textContent.trim() : "")(document.querySelector(` + JSString(selector) + `))`
}

// SetItems sets (a value) or removes (nil) the given localStorage keys of
// the page's origin, and is true once done. A full store throws the
// browser's error.
func SetItems(items map[string]*string) string {
	var js strings.Builder
	js.WriteString("(() => {")
	for k, v := range items {
		if v == nil {
			fmt.Fprintf(&js, " localStorage.removeItem(%s);", JSString(k))
			continue
		}
		fmt.Fprintf(&js, " localStorage.setItem(%s, %s);", JSString(k), JSString(*v))
	}
	js.WriteString(" return true; })()")
	return js.String()
}

// GoCrash matches a line of Go's crash report (a panic or a fatal error),
// which Go writes to stderr and wasm_exec.js logs with console.log, not as
// an error. GoCrashJS is the same pattern for a script in the page.
var GoCrash = regexp.MustCompile(GoCrashJS)

// GoCrashJS is GoCrash's pattern, in a syntax JavaScript and Go share.
const GoCrashJS = `^(panic: |fatal error: )`
