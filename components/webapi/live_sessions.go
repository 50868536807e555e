package webapi

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// A session running in a tab holds a Web Lock named after it until it ends
// or the tab goes. The browser lets the lock go with the tab however it
// dies, so other tabs can tell a session that is running elsewhere (not to
// be offered for resuming) from one that was interrupted. Without Web
// Locks (an address that is not https or localhost) every unfinished
// session is offered: asking once too often loses nothing.

// liveLockPrefix starts the name of the lock of a running session; the
// rest is its record id.
const liveLockPrefix = "unknot.running."

// live is the lock this tab holds, if any.
var live struct {
	sync.Mutex
	id      string
	release app.Value // resolves the promise the lock is held by
}

// locks returns navigator.locks, or a falsy value when there is none.
func locks() (v app.Value) {
	defer func() {
		if recover() != nil {
			v = app.Null()
		}
	}()
	if app.IsServer {
		return app.Null()
	}
	return app.Window().Get("navigator").Get("locks")
}

// HoldLive takes the lock of the session id, letting go of any other this
// tab holds.
func HoldLive(id string) {
	live.Lock()
	defer live.Unlock()
	if live.id == id || id == "" {
		return
	}
	releaseLocked()
	l := locks()
	if !l.Truthy() {
		return
	}
	defer Guard()
	var hold, start app.Func
	hold = app.FuncOf(func(this app.Value, args []app.Value) any {
		live.Lock()
		live.release = args[0]
		live.Unlock()
		return nil
	})
	// The lock is held for as long as the promise start returns is
	// pending.
	start = app.FuncOf(func(this app.Value, args []app.Value) any {
		p := app.Window().Get("Promise").New(hold)
		hold.Release()
		start.Release()
		// The promise itself: go-app's wrapper would not convert.
		return JSResult(p)
	})
	live.id = id
	l.Call("request", liveLockPrefix+id, start)
}

// TryHoldLive takes the lock of the session id only if no other tab holds
// it, letting go of any other this tab holds, and calls done with whether
// it did: later, outside the UI goroutine, once the browser has answered;
// at once without Web Locks, where every session may be taken. A session
// offered back takes its lock this way before it shows, so that it never
// runs in two tabs.
func TryHoldLive(id string, done func(got bool)) {
	live.Lock()
	if live.id == id {
		live.Unlock()
		done(true)
		return
	}
	releaseLocked()
	l := locks()
	if !l.Truthy() || id == "" {
		live.Unlock()
		done(true)
		return
	}
	live.id = id
	live.Unlock()
	answered := false
	answer := func(got bool) {
		if !answered {
			answered = true
			done(got)
		}
	}
	var hold, start app.Func
	hold = app.FuncOf(func(this app.Value, args []app.Value) any {
		live.Lock()
		live.release = args[0]
		live.Unlock()
		return nil
	})
	// With ifAvailable the browser calls start at once, with null when
	// another tab holds the lock; the lock is held for as long as the
	// promise start returns is pending.
	start = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer start.Release()
		if len(args) == 0 || args[0].IsNull() || args[0].IsUndefined() {
			hold.Release()
			live.Lock()
			if live.id == id && live.release == nil {
				live.id = ""
			}
			live.Unlock()
			answer(false)
			return nil
		}
		p := app.Window().Get("Promise").New(hold)
		hold.Release()
		answer(true)
		return JSResult(p)
	})
	func() {
		defer func() {
			if recover() != nil {
				answer(true) // the browser could not say: as without Web Locks
			}
		}()
		opts := app.Window().Get("Object").New()
		opts.Set("ifAvailable", true)
		l.Call("request", liveLockPrefix+id, opts, start)
	}()
}

// ReleaseLive lets go of the lock this tab holds, if any.
func ReleaseLive() {
	live.Lock()
	defer live.Unlock()
	releaseLocked()
}

// releaseLocked is releaseLive; the caller holds live's mutex.
func releaseLocked() {
	if live.release != nil && live.release.Truthy() {
		func() {
			defer Guard()
			live.release.Invoke()
		}()
	}
	live.id, live.release = "", nil
}

// RunningElsewhere asks the browser which sessions hold their lock and
// calls done, later and outside the UI goroutine, with their record ids
// (this tab's own included) and true, or with false when it cannot tell.
func RunningElsewhere(done func(ids map[string]bool, known bool)) {
	l := locks()
	if !l.Truthy() {
		done(nil, false)
		return
	}
	var ok, failed app.Func
	answered := false
	answer := func(ids map[string]bool, known bool) {
		if answered {
			return
		}
		answered = true
		ok.Release()
		failed.Release()
		done(ids, known)
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		ids := map[string]bool{}
		func() {
			defer Guard()
			held := args[0].Get("held")
			for i := 0; i < held.Length(); i++ {
				if name := held.Index(i).Get("name").String(); len(name) > len(liveLockPrefix) && name[:len(liveLockPrefix)] == liveLockPrefix {
					ids[name[len(liveLockPrefix):]] = true
				}
			}
		}()
		answer(ids, true)
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		answer(nil, false)
		return nil
	})
	func() {
		defer func() {
			if recover() != nil {
				answer(nil, false)
			}
		}()
		l.Call("query").Call("then", ok, failed)
	}()
}
