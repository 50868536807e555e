// Package webkit holds Unknot's browser tests in WebKit, the engine of every
// iPhone browser. They build the app as e2e does (internal/appserver),
// start Xvfb and Debian's WebKitWebDriver, and drive WebKitGTK's MiniBrowser
// over W3C WebDriver with a small client of their own; the scripts they run
// in the page and their waits are those of e2e and bench
// (internal/browsertest). They run only with UNKNOT_E2E=1 (make webkit,
// make test); a plain go test skips them.
package webkit
