package webapi

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// SaveFile offers content as a file download: a Blob, an object URL and a
// temporary <a download>, clicked then removed. The URL is released a
// little later, once the browser has started the download.
func SaveFile(name, mime string, content []byte) (err error) {
	if app.IsServer {
		return errors.New("downloads work only in the browser")
	}
	defer func() {
		if r := recover(); r != nil {
			err = JsError(r)
		}
	}()
	w := app.Window()
	bytes := w.Get("Uint8Array").New(len(content))
	app.CopyBytesToJS(bytes, content)
	parts := w.Get("Array").New()
	parts.Call("push", bytes)
	blob := w.Get("Blob").New(parts, map[string]any{"type": mime})
	url := w.Get("URL").Call("createObjectURL", blob).String()
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	time.AfterFunc(time.Minute, func() {
		defer Guard()
		app.Window().Get("URL").Call("revokeObjectURL", url)
	})
	return nil
}
