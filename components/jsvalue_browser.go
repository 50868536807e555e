//go:build wasm

package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// jsResult turns v into what a Go function called from JavaScript can
// return: go-app's Value wrapper does not convert by itself.
func jsResult(v app.Value) any { return app.JSValue(v) }
