//go:build wasm

package main

// run is never reached in the browser, where app.RunWhenOnBrowser does not
// return. The server lives in a file built only natively, which keeps it
// out of the baseline's app.wasm, as app/ keeps it out of Unknot's.
func run(args []string) int { return 0 }
