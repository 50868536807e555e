package webapi

import (
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// Two tabs that save at the same moment each read the history, add their
// own session and write: the later write can drop the other's session, as
// each tab reads localStorage from its own copy, which the other tab's
// write reaches a moment later. A tab notices when it receives the storage
// event of the other's write. So every session saved here is kept in
// memory for the life of the page, and on each such event the tab makes
// sure they are all still stored, writing back any that were dropped
// (store.KeepSaved).

// saved holds the sessions this page saved, by id.
var saved struct {
	sync.Mutex
	records   map[string]data.Record
	listening bool
}

// KeepRecord saves rec, merging it with any copy stored (store.SaveRecord),
// or with answers set taking its pain scores and note as they are
// (store.SaveAnswers), and watches it from then on. Every save of a session
// goes through it.
func KeepRecord(st store.Storage, rec data.Record, answers bool) error {
	var err error
	if answers {
		_, err = store.SaveAnswers(st, rec)
	} else {
		_, err = store.SaveRecord(st, rec)
	}
	if err != nil {
		return err
	}
	saved.Lock()
	defer saved.Unlock()
	if saved.records == nil {
		saved.records = map[string]data.Record{}
	}
	saved.records[rec.ID] = rec
	if !saved.listening && !app.IsServer {
		saved.listening = true
		listenForOtherSaves()
	}
	return nil
}

// listenForOtherSaves checks the watched sessions on every storage event
// about the history. It listens on the window itself, not through a
// component, as the sessions must be watched on every page of the app.
func listenForOtherSaves() {
	defer Guard()
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			if k := args[0].Get("key"); k.Truthy() && k.String() != store.HistoryKey {
				return nil
			}
		}
		checkSaved()
		return nil
	})
	// Never released: it listens for the life of the page.
	app.Window().Call("addEventListener", "storage", f)
}

// checkSaved writes back any watched session that is not stored as it was
// saved. A failure is left to the next event or save: the session itself
// is still shown, kept in memory, by the screen that saved it.
func checkSaved() {
	saved.Lock()
	recs := make([]data.Record, 0, len(saved.records))
	for _, r := range saved.records {
		recs = append(recs, r)
	}
	saved.Unlock()
	if len(recs) > 0 {
		_, _, _ = store.KeepSaved(AppStorage(nil), recs...)
	}
}
