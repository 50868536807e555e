package webapi

import (
	"errors"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// deliver hands a file to the person: done is called with nil once it is
// on its way, with an error when it could not be, and not at all when the
// person cancelled.
type deliver func(ctx app.Context, name, mime string, content []byte, done func(app.Context, error))

// download saves a file through the browser's downloads.
func download(ctx app.Context, name, mime string, content []byte, done func(app.Context, error)) {
	done(ctx, SaveFile(name, mime, content))
}

// CanShareFiles reports whether the system share sheet takes a file of this
// name and type (navigator.canShare with a file, as browsers decide by
// type): phones mostly, and few desktop browsers.
func CanShareFiles(name, mime string) (ok bool) {
	if !app.IsClient {
		return false
	}
	defer Guard()
	nav := app.Window().Get("navigator")
	if !nav.Get("canShare").Truthy() || !nav.Get("share").Truthy() {
		return false
	}
	return nav.Call("canShare", shareData(name, mime, nil)).Bool()
}

// shareData is the argument of navigator.share: {files: [a File]}. It is
// built in JavaScript, as go-app cannot pass a value inside a Go map.
func shareData(name, mime string, content []byte) app.Value {
	w := app.Window()
	bytes := w.Get("Uint8Array").New(len(content))
	app.CopyBytesToJS(bytes, content)
	parts := w.Get("Array").New()
	parts.Call("push", bytes)
	opts := w.Get("Object").New()
	opts.Set("type", mime)
	files := w.Get("Array").New()
	files.Call("push", w.Get("File").New(parts, name, opts))
	d := w.Get("Object").New()
	d.Set("files", files)
	return d
}

// errShareCancelled is why a share was not made when the person closed
// the share sheet: not an error to show.
var errShareCancelled = errors.New("share cancelled")

// share opens the system share sheet with the file. It must run inside the
// click that asked for it, as browsers share only on a person's gesture.
func share(ctx app.Context, name, mime string, content []byte, done func(app.Context, error)) {
	var onOK, onFail app.Func
	release := func() {
		onOK.Release()
		onFail.Release()
	}
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, nil) })
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		err := errShareCancelled
		if len(args) == 0 || errorName(args[0]) != "AbortError" {
			reason := "unknown reason"
			if len(args) > 0 {
				reason = JsReason(args[0])
			}
			err = errors.New(reason)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != errShareCancelled {
				done(ctx, err)
			}
		})
		return nil
	})
	defer func() {
		if r := recover(); r != nil {
			release()
			done(ctx, JsError(r))
		}
	}()
	app.Window().Get("navigator").Call("share", shareData(name, mime, content)).Call("then", onOK, onFail)
}

// errorName is the name of a JavaScript error ("AbortError"), or "" for
// anything else a promise was rejected with.
func errorName(v app.Value) (name string) {
	defer Guard()
	if v.Type() != app.TypeObject {
		return ""
	}
	return v.Get("name").String()
}

// Sender is how an exported file reaches the person: the share sheet when
// viaShare, else a download.
func Sender(viaShare bool) deliver {
	if viaShare {
		return share
	}
	return download
}

// JsReason says why a promise was rejected: the error's message, or the
// value as text.
func JsReason(v app.Value) string {
	defer Guard()
	if v.Truthy() && v.Get("message").Truthy() {
		return v.Get("message").String()
	}
	return v.String()
}
