package webapi

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Yield waits for a task of the browser's own after the one running: the
// turn in which Go drew ends first, so go-app's loader goes and the browser
// can paint before what follows. A short sleep does not do that: Go runs a
// goroutine whose sleep is over before it gives the browser its turn back,
// so a sleep of 1 ms behind a first frame that took longer ran in that
// frame's task. It blocks, so it is for a goroutine of its own (ctx.Async,
// go), never a component's. Off the browser it returns at once.
func Yield() {
	if !app.IsClient {
		return
	}
	done := make(chan struct{})
	var f app.Func
	f = app.FuncOf(func(app.Value, []app.Value) any {
		f.Release()
		close(done)
		return nil
	})
	app.Window().Call("setTimeout", f, 0)
	<-done
}
