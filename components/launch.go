package components

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// The manifest's launch_handler ("focus-existing", app/install.go) makes a
// second launch of the installed app (a shortcut on its icon, a link)
// bring the open window forward instead of loading the address in it, and
// hand the address to window.launchQueue. Here the app takes it: it goes
// there, unless a session is running, which keeps going with what was asked
// for offered after it. A second player never starts over a running one.

var (
	// launchCtx is the context of the screen on show (the last Prefs to
	// mount: every screen has one), which takes launches.
	launchCtx app.Context
	// playing is the session player on show, nil when there is none.
	playing *SessionPlayer
)

// listenLaunches takes the launches of the installed app, for as long as it
// runs. Browsers without the Launch Handler API load the address instead.
func listenLaunches() {
	defer guard()
	q := app.Window().Get("launchQueue")
	if !q.Truthy() || !q.Get("setConsumer").Truthy() {
		return
	}
	// Never released: the queue calls it at every launch.
	q.Call("setConsumer", app.FuncOf(func(this app.Value, args []app.Value) any {
		defer guard() // launch params of another shape: no launch to take
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
	if playing != nil && playing.offerAfter(where) {
		playing.Update()
		return
	}
	if cur := ctx.Page().URL(); cur != nil && cur.RequestURI() == where {
		return // the launch that opened this window
	}
	ctx.Navigate(where)
}

// nextUp is what a launch during a session asked for: its address and what
// the button that goes there says.
type nextUp struct{ href, label string }

// offerAfter keeps a running session going and offers where on the
// finished screen, unless where is the routine running. It reports false
// when no session runs.
func (p *SessionPlayer) offerAfter(where string) bool {
	if p.state != stateRunning {
		return false
	}
	if path, _, _ := strings.Cut(where, "?"); path == SessionPath+p.plan.Routine.ID {
		return true // what was asked for is what runs
	}
	p.next = nextUp{where, launchLabel(where)}
	p.notice = fmt.Sprintf(installText.NextAfter, p.next.label)
	return true
}

// launchLabel says what going to the address where does, as a button.
func launchLabel(where string) string {
	path, _, _ := strings.Cut(where, "?")
	if id, ok := strings.CutPrefix(path, SessionPath); ok {
		custom, _ := store.LoadCustomRoutines(appStorage(nil))
		if r, ok := data.FindRoutineIn(data.DefaultCatalogue(), custom, id); ok {
			return fmt.Sprintf(text.StartRoutine, r.Name)
		}
	}
	if path == "/history" {
		return installText.OpenHistory
	}
	return installText.OpenScreen
}
