//go:build wasm

package main

import "io"

// runCommand is never reached in the browser, where app.RunWhenOnBrowser does
// not return. Only files built natively import the server package
// (app/server), which keeps the compressor and the static site generator out
// of app.wasm.
func runCommand(args []string, stdout, stderr io.Writer) int { return 0 }
