package webapi

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Await calls start, which returns a promise, then ok with what the promise
// resolves to or fail with why it was rejected (or why start threw). The
// handlers are attached together (then with two functions), so exactly one
// runs; both are released then, and the result reaches the component on its
// UI goroutine through ctx.
func Await(ctx app.Context, start func() app.Value, ok func(app.Context, app.Value), fail func(app.Context, string)) {
	settle(start, func(v app.Value) {
		ctx.Dispatch(func(ctx app.Context) { ok(ctx, v) })
	}, func(reason string) {
		ctx.Dispatch(func(ctx app.Context) { fail(ctx, reason) })
	})
}

// settle calls start, which returns a promise, then ok or fail as the
// promise settles (or fail if start threw), on the JavaScript callback,
// not on a component's goroutine.
func settle(start func() app.Value, ok func(app.Value), fail func(string)) {
	var onOK, onFail app.Func
	release := func() {
		onOK.Release()
		onFail.Release()
	}
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		v := app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		release()
		ok(v)
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		reason := "unknown reason"
		if len(args) > 0 {
			reason = JsReason(args[0])
		}
		release()
		fail(reason)
		return nil
	})
	defer func() {
		if r := recover(); r != nil {
			release()
			fail(JsError(r).Error())
		}
	}()
	start().Call("then", onOK, onFail)
}

// persist is what Persisted found, once it has: whether the browser keeps
// the app's storage when space runs low.
var persist struct {
	sync.Mutex
	known, kept, asking bool
	// waiting are the screens that asked while the question was out.
	waiting []waiter
}

type waiter struct {
	ctx  app.Context
	done func(app.Context, bool)
}

// Persisted tells done, on ctx's UI goroutine, whether the browser keeps
// the app's storage when space runs low (navigator.storage.persisted),
// asking for it (persist) the first time it is not: the one answer every
// screen shows, found once per start of the app. A browser without the
// Storage API, or one that fails to answer, does not keep it.
func Persisted(ctx app.Context, done func(ctx app.Context, kept bool)) {
	persist.Lock()
	if persist.known {
		kept := persist.kept
		persist.Unlock()
		done(ctx, kept)
		return
	}
	persist.waiting = append(persist.waiting, waiter{ctx, done})
	asking := persist.asking
	persist.asking = true
	persist.Unlock()
	if asking {
		return
	}
	answer := func(kept bool) {
		persist.Lock()
		persist.known, persist.kept, persist.asking = true, kept, false
		waiting := persist.waiting
		persist.waiting = nil
		persist.Unlock()
		for _, w := range waiting {
			w.ctx.Dispatch(func(ctx app.Context) { w.done(ctx, kept) })
		}
	}
	no := func(string) { answer(false) }
	storage := app.Window().Get("navigator").Get("storage")
	if app.IsServer || !storage.Truthy() || !storage.Get("persisted").Truthy() {
		answer(false)
		return
	}
	settle(func() app.Value { return storage.Call("persisted") }, func(v app.Value) {
		if v.Truthy() || !storage.Get("persist").Truthy() {
			answer(v.Truthy())
			return
		}
		settle(func() app.Value { return storage.Call("persist") }, func(v app.Value) { answer(v.Truthy()) }, no)
	}, no)
}
