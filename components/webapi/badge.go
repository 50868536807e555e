package webapi

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// BadgeCount is the number the installed app's icon shows: how many of
// today's planned sessions are left, or 0 (no badge) when the person
// switched the badge off or the history cannot be read.
func BadgeCount(st store.Storage, s data.Settings, now time.Time) int {
	if !s.Badge {
		return 0
	}
	day := LocalDate(now)
	marks, err := store.SessionsOn(st, day, now)
	if err != nil {
		return 0
	}
	return store.SessionsLeft(marks, day)
}

// UpdateBadge shows badgeCount on the app's icon, through the Badging API
// where the browser has it (installed apps on desktops and some phones);
// elsewhere it does nothing. The browser may refuse (an app not installed,
// notifications not allowed): the badge is a hint, so that is not an error.
func UpdateBadge(st store.Storage, s data.Settings, now time.Time) {
	if !app.IsClient {
		return
	}
	defer Guard()
	nav := app.Window().Get("navigator")
	if !nav.Get("setAppBadge").Truthy() {
		return
	}
	n := BadgeCount(st, s, now)
	var p app.Value
	if n == 0 {
		p = nav.Call("clearAppBadge")
	} else {
		p = nav.Call("setAppBadge", n)
	}
	if p.Truthy() && p.Get("catch").Truthy() {
		p.Call("catch", ignoreRejection())
	}
}

var (
	ignoreOnce sync.Once
	ignoreFunc app.Func
)

// ignoreRejection is a promise handler that drops the reason. It is made
// once and kept for the life of the app.
func ignoreRejection() app.Func {
	ignoreOnce.Do(func() {
		ignoreFunc = app.FuncOf(func(this app.Value, args []app.Value) any { return nil })
	})
	return ignoreFunc
}

// RefreshBadge reads the settings and updates the badge.
func RefreshBadge(ctx app.Context) {
	st := AppStorage(ctx)
	s, _ := store.LoadSettings(st)
	UpdateBadge(st, s, time.Now())
}
