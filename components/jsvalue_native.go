//go:build !wasm

package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// jsResult is the browser's conversion (jsvalue_browser.go); outside the
// browser nothing calls from JavaScript.
func jsResult(v app.Value) any { return v }
