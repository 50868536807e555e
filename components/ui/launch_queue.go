package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
)

// The manifest's launch_handler ("focus-existing", app/install.go) makes a
// second launch of the installed app (a shortcut on its icon, a link)
// bring the open window forward instead of loading the address in it, and
// hand the address to window.launchQueue. Here the app takes it: it goes
// there, unless a session is running, which keeps going with what was asked
// for offered after it (RunningSession).

var (
	// launchCtx is the context of the screen on show (the last Prefs to
	// mount: every screen has one), which takes launches.
	launchCtx app.Context
	// RunningSession offers a launch's address after the session that
	// runs, and reports whether one runs. The session player sets it.
	RunningSession = func(where string) bool { return false }
)

// listenLaunches takes the launches of the installed app, for as long as it
// runs. Browsers without the Launch Handler API load the address instead.
func listenLaunches() {
	defer webapi.Guard()
	q := app.Window().Get("launchQueue")
	if !q.Truthy() || !q.Get("setConsumer").Truthy() {
		return
	}
	// Never released: the queue calls it at every launch.
	q.Call("setConsumer", app.FuncOf(func(this app.Value, args []app.Value) any {
		defer webapi.Guard() // launch params of another shape: no launch to take
		if len(args) == 0 || launchCtx == nil || args[0].Type() != app.TypeObject {
			return nil
		}
		target := args[0].Get("targetURL")
		if !target.Truthy() {
			return nil
		}
		u := target.String()
		launchCtx.Dispatch(func(ctx app.Context) { takeLaunch(ctx, u) })
		return nil
	}))
}

// takeLaunch goes to the address a launch asked for, or, while a session
// runs, offers it for after the session.
func takeLaunch(ctx app.Context, target string) {
	u, err := url.Parse(target)
	if err != nil || u.Path == "" {
		return
	}
	where := u.RequestURI()
	if RunningSession(where) {
		return
	}
	if cur := ctx.Page().URL(); cur != nil && cur.RequestURI() == where {
		return // the launch that opened this window
	}
	BeforeLaunch()
	ctx.Navigate(where)
}

// BeforeLaunch runs before the app goes to an address a launch asked for.
// components.RegisterRoutes sets it to register the route patterns, which
// it otherwise leaves for a task after the first frame: a launch handed
// over as the app starts may ask for an address only they route, such as
// a routine made since.
var BeforeLaunch = func() {}
