package components

import (
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// voiceOption is one of the device's speech voices, as the settings list
// it.
type voiceOption struct {
	// URI is the voice's voiceURI, which Settings.VoiceName keeps.
	URI string
	// Label is its name and language, "Daniel (en-GB)".
	Label string
	// English is true for a voice whose language is English.
	English bool
}

// sortVoices puts English voices first, keeping the device's order within
// each group, and drops voices listed twice.
func sortVoices(vs []voiceOption) []voiceOption {
	seen := map[string]bool{}
	out := make([]voiceOption, 0, len(vs))
	for _, v := range vs {
		if v.URI != "" && !seen[v.URI] {
			seen[v.URI] = true
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].English && !out[j].English })
	return out
}

// deviceVoices lists the voices of speechSynthesis.getVoices(), English
// first; none outside a browser or where speech is missing.
func deviceVoices() (out []voiceOption) {
	defer guard()
	synth := app.Window().Get("speechSynthesis")
	if !app.IsClient || !synth.Truthy() {
		return nil
	}
	list := synth.Call("getVoices")
	for i := 0; i < list.Length(); i++ {
		v := list.Index(i)
		lang := v.Get("lang").String()
		out = append(out, voiceOption{
			URI:     v.Get("voiceURI").String(),
			Label:   v.Get("name").String() + " (" + lang + ")",
			English: strings.HasPrefix(strings.ToLower(lang), "en"),
		})
	}
	return sortVoices(out)
}

// watchVoices calls changed, on the UI goroutine of ctx, whenever the
// browser's voice list changes (Chrome fills it in after the page loads).
// It returns the function that stops watching.
func watchVoices(ctx app.Context, changed func(app.Context)) (stop func()) {
	stop = func() {}
	if !app.IsClient {
		return stop
	}
	defer guard()
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
		defer guard()
		synth.Call("removeEventListener", "voiceschanged", fn)
	}
}

// appOrigin is the app's origin, "https://example.org", or "" outside a
// browser.
func appOrigin() (origin string) {
	defer guard()
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("location").Get("origin").String()
}
