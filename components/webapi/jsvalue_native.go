//go:build !wasm

package webapi

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// JSResult is the browser's conversion (jsvalue_browser.go); outside the
// browser nothing calls from JavaScript.
func JSResult(v app.Value) any { return v }
