package webapi

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// VoiceOption is one of the device's speech voices, as the settings list
// it.
type VoiceOption struct {
	// URI is the voice's voiceURI, which Settings.VoiceName keeps.
	URI string
	// Label is its name and language, "Daniel (en-GB)".
	Label string
	// English is true for a voice whose language is English.
	English bool
}

// SortVoices puts English voices first, keeping the device's order within
// each group, and drops voices listed twice.
func SortVoices(vs []VoiceOption) []VoiceOption {
	seen := map[string]bool{}
	out := make([]VoiceOption, 0, len(vs))
	for _, v := range vs {
		if v.URI != "" && !seen[v.URI] {
			seen[v.URI] = true
			out = append(out, v)
		}
	}
	// English first: a stable split, with no sort brought into app.wasm.
	sorted := make([]VoiceOption, 0, len(out))
	for _, english := range []bool{true, false} {
		for _, v := range out {
			if v.English == english {
				sorted = append(sorted, v)
			}
		}
	}
	return sorted
}

// DeviceVoices lists the voices of speechSynthesis.getVoices(), English
// first; none outside a browser or where speech is missing.
func DeviceVoices() (out []VoiceOption) {
	defer Guard()
	synth := app.Window().Get("speechSynthesis")
	if !app.IsClient || !synth.Truthy() {
		return nil
	}
	list := synth.Call("getVoices")
	for i := 0; i < list.Length(); i++ {
		v := list.Index(i)
		lang := v.Get("lang").String()
		out = append(out, VoiceOption{
			URI:     v.Get("voiceURI").String(),
			Label:   v.Get("name").String() + " (" + lang + ")",
			English: strings.HasPrefix(strings.ToLower(lang), "en"),
		})
	}
	return SortVoices(out)
}

// WatchVoices calls changed, on the UI goroutine of ctx, whenever the
// browser's voice list changes (Chrome fills it in after the page loads).
// It returns the function that stops watching.
func WatchVoices(ctx app.Context, changed func(app.Context)) (stop func()) {
	stop = func() {}
	if !app.IsClient {
		return stop
	}
	defer Guard()
	synth := app.Window().Get("speechSynthesis")
	if !synth.Truthy() || !synth.Get("addEventListener").Truthy() {
		return stop
	}
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(changed)
		return nil
	})
	synth.Call("addEventListener", "voiceschanged", fn)
	return func() {
		defer fn.Release()
		defer Guard()
		synth.Call("removeEventListener", "voiceschanged", fn)
	}
}

// AppOrigin is the app's origin, "https://example.org", or "" outside a
// browser.
func AppOrigin() (origin string) {
	defer Guard()
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("location").Get("origin").String()
}
