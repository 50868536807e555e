package webapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data/store"
)

// AppStorage is where Unknot keeps the person's data: the browser's
// localStorage in the browser, and outside it (native tests, the server) one
// store.MemoryStorage per process, so components can be tested without a
// browser.
//
// In the browser it reads and writes the exact text stored, unlike go-app's
// BrowserStorage, which takes an empty string for a missing key and lets a
// JavaScript exception (storage disabled, quota) escape as a panic. History
// needs the exact text to copy damaged data aside byte for byte.
func AppStorage(ctx app.Context) store.RawStorage {
	if app.IsServer {
		return MemoryStorage
	}
	return localStore{}
}

// repairOnce runs store.Repair once per start of the app (Repair).
var repairOnce sync.Once

// Repair runs store.Repair on st once per start of the app: it saves the
// sessions waiting to be saved, writes back any saved session a stale tab's
// write lost, and lets go of the checkpoints and copies the history no
// longer needs. Every start does it, not only a tab that sees another's
// write: the tab that saved may have closed at once.
func Repair(st store.Storage) {
	repairOnce.Do(func() { _, _ = store.Repair(st, time.Now()) })
}

// MemoryStorage stands in for localStorage outside the browser. Native tests
// replace it with a fresh one to start from a known state.
var MemoryStorage = &store.MemoryStorage{}

// localStore is store.RawStorage over window.localStorage. Every call recovers
// the exceptions the browser throws (a full store, storage switched off) and
// turns them into errors, or into a missing value for reads.
type localStore struct{}

// store returns window.localStorage; reading it throws when the person has
// switched storage off.
func (localStore) store() app.Value { return app.Window().Get("localStorage") }

// Set implements store.Storage: v as JSON.
func (s localStore) Set(k string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.SetRaw(k, string(b))
}

// Get implements store.Storage. A missing key leaves v untouched; anything
// stored that is not JSON for v, an empty string included, is an error.
func (s localStore) Get(k string, v any) error {
	raw, ok := s.GetRaw(k)
	if !ok {
		return nil
	}
	return json.Unmarshal([]byte(raw), v)
}

// Del implements store.Storage.
func (s localStore) Del(k string) {
	defer Guard()
	s.store().Call("removeItem", k)
}

// GetRaw implements store.RawStorage. Only null (or undefined) means missing:
// an empty string is a value, and a damaged one for Unknot.
func (s localStore) GetRaw(k string) (raw string, ok bool) {
	defer func() {
		if recover() != nil {
			raw, ok = "", false
		}
	}()
	v := s.store().Call("getItem", k)
	if v.IsNull() || v.IsUndefined() {
		return "", false
	}
	return v.String(), true
}

// SetRaw implements store.RawStorage. The browser's exception becomes the
// error, so a QuotaExceededError is still recognised by store.IsQuota.
func (s localStore) SetRaw(k, v string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = JsError(r)
		}
	}()
	s.store().Call("setItem", k, v)
	return nil
}

// Keys implements store.RawStorage.
func (s localStore) Keys() (keys []string) {
	defer func() {
		if recover() != nil {
			keys = nil
		}
	}()
	st := s.store()
	n := st.Get("length").Int()
	keys = make([]string, 0, n)
	for i := 0; i < n; i++ {
		if k := st.Call("key", i); !k.IsNull() && !k.IsUndefined() {
			keys = append(keys, k.String())
		}
	}
	return keys
}

// JsError turns what a failed JavaScript call panicked with into an error
// that keeps the browser's words (such as "QuotaExceededError").
func JsError(r any) error {
	if err, ok := r.(error); ok {
		return err
	}
	return errors.New(fmt.Sprint(r))
}

// StorageChanged reports whether e, a storage event from another tab, is
// about key: a change of it, or the whole storage cleared.
func StorageChanged(e app.Event, key string) bool {
	k := e.Get("key")
	return k.IsNull() || k.IsUndefined() || k.String() == key
}

// OtherTabs follows what other tabs of the app change in storage while a
// screen is mounted: Follow from OnMount, Stop from OnDismount.
type OtherTabs struct{ stop func() }

// Follow calls changed each time another tab has changed one of keys, or
// cleared the storage, until Stop; it needs at least one key. A second
// Follow replaces the first.
func (o *OtherTabs) Follow(changed func(ctx app.Context), keys ...string) {
	o.Stop()
	o.stop = app.Window().AddEventListener("storage", func(ctx app.Context, e app.Event) {
		for _, k := range keys {
			if StorageChanged(e, k) {
				changed(ctx)
				return
			}
		}
	})
}

// Stop ends what Follow started; it does nothing when nothing is followed.
func (o *OtherTabs) Stop() {
	if o.stop != nil {
		o.stop()
		o.stop = nil
	}
}

// CopyRaw implements store.RawCopier: the text goes from getItem to setItem
// without leaving JavaScript. Read into Go it would become UTF-8, and a
// lone surrogate in it U+FFFD: the copy would not be the text stored.
func (s localStore) CopyRaw(dst, src string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = JsError(r)
		}
	}()
	st := s.store()
	v := st.Call("getItem", src)
	if v.IsNull() || v.IsUndefined() {
		return fmt.Errorf("nothing is stored under %s", src)
	}
	st.Call("setItem", dst, v)
	return nil
}

// SameRaw implements store.RawCopier, comparing the two texts in
// JavaScript, exactly.
func (s localStore) SameRaw(a, b string) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	st := s.store()
	va, vb := st.Call("getItem", a), st.Call("getItem", b)
	return !va.IsNull() && !vb.IsNull() && va.Equal(vb)
}

// KeptFile is the file of kept copies: JSON whose copies map each key to
// its stored text. JSON.stringify writes a lone surrogate as an escape
// (\ud800), so the text is exact even where UTF-8 could not hold it.
func KeptFile(st store.RawStorage, keys []string, exported time.Time) (string, error) {
	at := exported.UTC().Format(time.RFC3339)
	if _, ok := st.(localStore); !ok || app.IsServer {
		copies := map[string]string{}
		for _, k := range keys {
			if v, ok := st.GetRaw(k); ok {
				copies[k] = v
			}
		}
		b, err := json.MarshalIndent(map[string]any{"type": keptFileType, "exportedAt": at, "copies": copies}, "", " ")
		return string(b), err
	}
	return jsKeptFile(keys, at)
}

// keptFileType is the type field of the file of kept copies.
const keptFileType = "unknot-kept-copies"

// jsKeptFile is keptFile over localStorage, built in JavaScript.
func jsKeptFile(keys []string, at string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = JsError(r)
		}
	}()
	w := app.Window()
	st := w.Get("localStorage")
	copies := w.Get("Object").New()
	for _, k := range keys {
		if v := st.Call("getItem", k); !v.IsNull() {
			copies.Set(k, v)
		}
	}
	file := w.Get("Object").New()
	file.Set("type", keptFileType)
	file.Set("exportedAt", at)
	file.Set("copies", copies)
	return w.Get("JSON").Call("stringify", file, nil, 1).String(), nil
}
