// Package e2e holds Unknot's browser tests in Chromium (e2e/webkit holds
// WebKit's). They build the server and app.wasm (internal/appserver),
// serve a copy of web/ from a temporary folder and drive Debian's Chromium
// with chromedp, with the helpers they share with e2e/webkit and bench
// (internal/browsertest). They run only with UNKNOT_E2E=1 (make test); a
// plain go test skips them.
package e2e
