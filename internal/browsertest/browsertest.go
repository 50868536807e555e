// Package browsertest holds what the browser suites and the benchmark share
// to drive the app in a browser: the scripts they evaluate in the page (the
// app started, the service worker's state, an element's text, the loader's
// label, stored items), the waits with their timeouts, and, for the two that
// drive Chromium with chromedp (e2e and bench), the browser's flags, its
// virtual time and its console.
//
// The WebKit suite (e2e/webkit) talks W3C WebDriver instead of the Chrome
// DevTools protocol, so it shares the scripts and the waits, not the calls:
// a wait here takes a function that asks the page, in whichever protocol.
//
// It is a normal package, not a _test file, because bench is a main package
// and cannot import test files.
package browsertest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Timeouts. A cold page load with app.wasm takes about 2 s on a quiet
// two-core machine and MiniBrowser's a few; these leave room for a slow or
// busy CI machine without letting a stuck test hang the run.
const (
	// ActionTimeout bounds one action in a page: a navigation and the
	// app's start, a click, a script, a wait for something to show.
	ActionTimeout = 45 * time.Second
	// TextTimeout bounds a wait for an element's text, which the app
	// draws within a frame or two of what changes it.
	TextTimeout = 10 * time.Second
	// NoWorkerTimeout bounds how long a page that has started may go
	// without a service worker registration: the worker registers as
	// app.js starts and installs in about a second from a local server,
	// and a failed first install drops the registration.
	NoWorkerTimeout = 10 * time.Second
	// PollInterval is how often a wait asks the page again.
	PollInterval = 100 * time.Millisecond
)

// The phone the suites and the benchmark open pages in, in CSS pixels: an
// iPhone 12 to 15's viewport.
const (
	PhoneWidth  = 390
	PhoneHeight = 844
)

// Enabled reports whether the browser tests are to run: UNKNOT_E2E=1, as
// make test sets it. Without it each browser test skips itself, so go test
// ./... stays fast.
func Enabled() bool { return os.Getenv("UNKNOT_E2E") == "1" }

// ErrTimeout is what a wait returns, wrapped, when its time ran out.
var ErrTimeout = errors.New("timed out")

// finalError is an error a check returned through Final.
type finalError struct{ err error }

func (e finalError) Error() string { return e.err.Error() }
func (e finalError) Unwrap() error { return e.err }

// Final marks an error of a Poll check as final: Poll returns it at once,
// without asking again. An error page where the app should be is final; a
// script that failed while the page navigated is not.
func Final(err error) error { return finalError{err} }

// Poll calls check every interval until it reports done, returns an error
// marked Final, or timeout passes. Other errors of check do not end the
// wait (a page in the middle of a navigation cannot run a script): when
// time runs out, Poll returns ErrTimeout wrapped with the last of them.
func Poll(timeout, interval time.Duration, check func() (done bool, err error)) error {
	deadline := time.Now().Add(timeout)
	for {
		done, err := check()
		var final finalError
		if errors.As(err, &final) {
			return final.err
		}
		if done && err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("%w after %v: %w", ErrTimeout, timeout, err)
			}
			return fmt.Errorf("%w after %v", ErrTimeout, timeout)
		}
		time.Sleep(interval)
	}
}

// ControlWait is how WaitControlled asks a page about its service worker.
type ControlWait struct {
	// State evaluates SWState in the page and returns its answer.
	State func() (string, error)
	// Reload, if set, reloads the page once when an active worker does
	// not control it yet. go-app's own worker (the benchmark's baseline
	// has it) does not claim the pages open when it activates; Unknot's
	// does, but WebKit may leave the claimed page seeing it "activating".
	Reload func() error
	// Timeout bounds the whole wait; ActionTimeout when zero.
	Timeout time.Duration
	// NoWorker is how long the page may have no registration before the
	// wait fails; NoWorkerTimeout when zero.
	NoWorker time.Duration
}

// WaitControlled waits until an active service worker controls the page,
// which means its install, and so its precache, succeeded. A page with no
// registration for NoWorkerTimeout fails early: a failed first install
// drops the registration. It returns the states the page went through
// (SWState's answers, each change once), for the message of a failure.
func WaitControlled(w ControlWait) ([]string, error) {
	if w.Timeout == 0 {
		w.Timeout = ActionTimeout
	}
	if w.NoWorker == 0 {
		w.NoWorker = NoWorkerTimeout
	}
	var seen []string
	reloaded := false
	lastRegistered := time.Now()
	err := Poll(w.Timeout, PollInterval, func() (bool, error) {
		state, err := w.State()
		if err != nil {
			return false, Final(err)
		}
		if len(seen) == 0 || seen[len(seen)-1] != state {
			seen = append(seen, state)
		}
		switch {
		case state == "controlled":
			return true, nil
		case state == "active" && w.Reload != nil && !reloaded:
			reloaded = true
			if err := w.Reload(); err != nil {
				return false, Final(fmt.Errorf("reloading: %w", err))
			}
		case state != "none":
			lastRegistered = time.Now()
		case time.Since(lastRegistered) > w.NoWorker:
			return false, Final(fmt.Errorf("no service worker registration for %v: its install failed?", w.NoWorker))
		}
		return false, nil
	})
	if err != nil {
		return seen, fmt.Errorf("no active service worker controls the page (states %v): %w", seen, err)
	}
	return seen, nil
}

// SaveScreenshot writes a PNG as dir/name.png, making dir if need be.
func SaveScreenshot(dir, name string, png []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}
