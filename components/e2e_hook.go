//go:build unknot_e2e

package components

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
)

// Built only into the browser tests' app (the unknot_e2e tag): a way for a
// test to save many sessions from two tabs at the same moment, through the
// very code every session is saved by (webapi.KeepRecord), which playing a routine
// a hundred times could not line up.
func init() {
	if app.IsServer {
		return
	}
	// unknotSaveSessions(n, at) saves n complete knee-to-chest sessions,
	// the first at the wall-clock instant at (Unix milliseconds), each
	// in its own turn of the event loop so that storage events from
	// other tabs run in between. Its promise resolves to the ids saved,
	// or rejects with the first error.
	app.Window().Set("unknotSaveSessions", app.FuncOf(func(this app.Value, args []app.Value) any {
		n, at := args[0].Int(), args[1].Float()
		return webapi.JSResult(app.Window().Get("Promise").New(app.FuncOf(func(this app.Value, pa []app.Value) any {
			resolve, reject := pa[0], pa[1]
			plan, err := data.Compile(mustRoutine(data.KneeToChest), data.DefaultCatalogue(), data.DefaultTiming())
			if err != nil {
				reject.Invoke(err.Error())
				return nil
			}
			var ids []any
			var step app.Func
			step = app.FuncOf(func(app.Value, []app.Value) any {
				start := time.Now()
				rec := data.NewRecord(data.NewSession(plan, start), webapi.LocalStamp(start), start.Add(plan.Total))
				if err := webapi.KeepRecord(webapi.AppStorage(nil), rec, false); err != nil {
					step.Release()
					reject.Invoke(err.Error())
					return nil
				}
				ids = append(ids, rec.ID)
				if len(ids) == n {
					step.Release()
					resolve.Invoke(ids)
					return nil
				}
				app.Window().Call("setTimeout", step, 0)
				return nil
			})
			wait := at - app.Window().Get("Date").Call("now").Float()
			app.Window().Call("setTimeout", step, max(wait, 0))
			return nil
		})))
	}))
}

// mustRoutine is a built-in routine.
func mustRoutine(id string) data.Routine {
	r, _ := data.FindRoutine(data.DefaultCatalogue(), id)
	return r
}
