//go:build wasm

package webapi

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// JSResult turns v into what a Go function called from JavaScript can
// return: go-app's Value wrapper does not convert by itself.
func JSResult(v app.Value) any { return app.JSValue(v) }
