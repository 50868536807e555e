package webapi

import (
	"runtime"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// Cues reaches a person who is not looking at the screen: tones, speech,
// vibration, and keeping the screen awake. The session player talks to the
// browser only through it, so tests can record what fired and when.
type Cues interface {
	// Unlock prepares audio; it must be called inside a click or key
	// handler, where browsers allow sound to start.
	Unlock()
	// Configure applies the voice, speed and volume the person chose.
	Configure(s data.Settings)
	// Beep sounds a tone.
	Beep(t data.Tone)
	// Say speaks text once whatever is being said has been said: nothing
	// is cut off but by Hush. It returns false when the device has no
	// voice to speak with.
	Say(text string) bool
	// HasVoice reports whether the device has a voice Say would speak
	// with (voices may arrive late: see WatchVoices).
	HasVoice() bool
	// Hush cuts off everything being said or waiting to be said: the
	// person skipped, went back, paused or ended.
	Hush()
	// Speaking reports whether words Say was given are still being said.
	Speaking() bool
	// OnQuiet sets fn to run (on the UI goroutine's dispatcher) each time
	// the voice has said everything it was given.
	OnQuiet(fn func())
	// Vibrate buzzes a pattern of on and off milliseconds.
	Vibrate(pattern []int)
	// CanVibrate reports whether the browser can vibrate at all (Safari,
	// so every iPhone browser, cannot).
	CanVibrate() bool
	// KeepAwake holds the screen on, or lets it sleep again.
	KeepAwake(on bool)
	// Close releases everything the cues hold.
	Close()
}

// tone is the sound of one data.Tone: notes played one after another.
type tone struct {
	notes  []float64 // frequencies, Hz
	length float64   // seconds per note
	volume float64   // peak gain, 0–1
}

// tones gives every cue its own sound: rising for a hold, falling for a
// release, a turn for a switch of sides (up, up, down: neither a hold nor
// a release), a soft low note for breathing, a chord for the end.
var tones = map[data.Tone]tone{
	data.ToneTick:    {notes: []float64{880}, length: 0.08, volume: 0.25},
	data.ToneHold:    {notes: []float64{660, 990}, length: 0.14, volume: 0.35},
	data.ToneRelease: {notes: []float64{660, 440}, length: 0.16, volume: 0.35},
	data.ToneSwitch:  {notes: []float64{523, 784, 523}, length: 0.12, volume: 0.35},
	data.ToneBreath:  {notes: []float64{392}, length: 0.25, volume: 0.18},
	data.ToneStep:    {notes: []float64{587}, length: 0.2, volume: 0.3},
	data.ToneDone:    {notes: []float64{523, 659, 784, 1047}, length: 0.18, volume: 0.35},
}

// webCues implements Cues with the Web Audio, Web Speech, Vibration and
// Screen Wake Lock APIs. Every call is guarded: a missing API or a browser
// exception leaves the session running, silently for that cue alone.
type webCues struct {
	audio app.Value // the AudioContext, once unlocked
	lock  app.Value // the WakeLockSentinel while held
	// wantAwake is whether the screen should stay on; the lock is taken
	// again when the page becomes visible.
	wantAwake bool
	// voice, rate and volume come from the settings.
	voice      string
	rate       float64
	volume     float64
	onLock     app.Func
	onLockFail app.Func
	onQuiet    app.Func
	stopListen func()
}

// NewWebCues returns the browser's cues.
func NewWebCues() *webCues {
	c := &webCues{rate: 1, volume: 1}
	c.onLock = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			c.lock = args[0]
			if !c.wantAwake {
				c.releaseLock()
			}
		}
		return nil
	})
	c.onLockFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		c.lock = nil
		return nil
	})
	c.stopListen = app.Window().AddEventListener("visibilitychange", func(ctx app.Context, e app.Event) {
		if c.wantAwake && app.Window().Get("document").Get("visibilityState").String() == "visible" {
			c.requestLock()
		}
	})
	return c
}

// Guard, deferred, turns a panic (a JavaScript exception thrown into Go)
// into a line in the console naming where it happened: a cue, a clock or a
// browser feature that fails is never worth stopping a session for, but it
// must not fail unseen.
func Guard() {
	if r := recover(); r != nil {
		reportCaught(guardSite(), r)
	}
}

// reportCaught reports what guard caught; tests replace it to see it.
var reportCaught = func(site string, r any) {
	app.Logf("unknot: caught at %s: %v", site, r)
}

// guardSite names the function that deferred guard and the line it was at
// when it panicked: the first frame of Unknot's own code below guard.
func guardSite() string {
	pc := make([]uintptr, 32)
	frames := runtime.CallersFrames(pc[:runtime.Callers(3, pc)])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "unknot/") && !strings.HasSuffix(f.Function, ".Guard") {
			return f.Function + ":" + strconv.Itoa(f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}

func (c *webCues) Unlock() {
	defer Guard()
	if c.audio == nil || !c.audio.Truthy() {
		ctor := app.Window().Get("AudioContext")
		if !ctor.Truthy() {
			ctor = app.Window().Get("webkitAudioContext")
		}
		if !ctor.Truthy() {
			return
		}
		c.audio = ctor.New()
	}
	if c.audio.Get("state").String() == "suspended" {
		c.audio.Call("resume")
	}
	c.prepare()
	// Some browsers load their voices only once asked for them.
	if synth := app.Window().Get("speechSynthesis"); synth.Truthy() {
		synth.Call("getVoices")
	}
}

func (c *webCues) Configure(s data.Settings) {
	c.voice, c.rate, c.volume = s.VoiceName, s.VoiceRate, float64(s.BeepVolume)/100
}

// Helpers are the functions of web/cues.js, which play a whole cue or
// write a whole step in one call into JavaScript. They are looked up once
// (on the UI goroutine): each lookup made a new reference into JavaScript,
// with a finalizer for Go's collector to run.
func Helpers() app.Value {
	if helpersJS == nil || !helpersJS.Truthy() {
		helpersJS = app.Window().Get("unknotCues")
	}
	return helpersJS
}

var helpersJS app.Value

func (c *webCues) Beep(t data.Tone) {
	defer Guard()
	spec, ok := tones[t]
	if !ok || c.audio == nil || !c.audio.Truthy() {
		return
	}
	Helpers().Call("beep", spec.args(c.audio, spec.volume*c.volume)...)
}

// prepare has web/cues.js draw every tone, at its volume, before the
// session needs one.
func (c *webCues) prepare() {
	defer Guard()
	for _, spec := range tones {
		Helpers().Call("prepare", spec.args(c.audio, spec.volume*c.volume)...)
	}
}

// args are the arguments web/cues.js takes for the tone: the audio context,
// the note length, the volume, then the notes.
func (spec tone) args(audio app.Value, volume float64) []any {
	args := []any{audio, spec.length, volume}
	for _, f := range spec.notes {
		args = append(args, f)
	}
	return args
}

func (c *webCues) Say(text string) (spoken bool) {
	defer Guard()
	if text == "" {
		return false
	}
	return Helpers().Call("say", text, c.voice, c.rate).Bool()
}

func (c *webCues) HasVoice() (has bool) {
	defer Guard()
	js := Helpers()
	return js.Truthy() && js.Get("hasVoice").Truthy() && js.Call("hasVoice", c.voice).Bool()
}

func (c *webCues) Hush() {
	defer Guard()
	Helpers().Call("hush")
}

func (c *webCues) Speaking() (busy bool) {
	defer Guard()
	return Helpers().Call("busy").Bool()
}

func (c *webCues) OnQuiet(fn func()) {
	defer Guard()
	if c.onQuiet == nil {
		c.onQuiet = app.FuncOf(func(this app.Value, args []app.Value) any {
			fn()
			return nil
		})
	}
	Helpers().Set("onQuiet", c.onQuiet)
}

func (c *webCues) Vibrate(pattern []int) {
	defer Guard()
	if len(pattern) == 0 {
		return
	}
	args := make([]any, len(pattern))
	for i, ms := range pattern {
		args[i] = ms
	}
	Helpers().Call("vibrate", args...)
}

func (c *webCues) CanVibrate() (can bool) {
	// The server's pre-rendering claims nothing about the person's device.
	if !app.IsClient {
		return true
	}
	defer Guard()
	return app.Window().Get("navigator").Get("vibrate").Type() == app.TypeFunction
}

func (c *webCues) KeepAwake(on bool) {
	c.wantAwake = on
	if on {
		c.requestLock()
		return
	}
	c.releaseLock()
}

// requestLock asks for the screen wake lock unless it is held.
func (c *webCues) requestLock() {
	defer Guard()
	wl := app.Window().Get("navigator").Get("wakeLock")
	if !wl.Truthy() || (c.lock != nil && c.lock.Truthy() && !c.lock.Get("released").Bool()) {
		return
	}
	wl.Call("request", "screen").Call("then", c.onLock, c.onLockFail)
}

// releaseLock lets the screen sleep.
func (c *webCues) releaseLock() {
	defer Guard()
	if c.lock != nil && c.lock.Truthy() {
		c.lock.Call("release").Call("catch", c.onLockFail)
	}
	c.lock = nil
}

func (c *webCues) Close() {
	c.KeepAwake(false)
	func() {
		defer Guard()
		Helpers().Call("hush")
		Helpers().Set("onQuiet", nil)
		if c.audio != nil && c.audio.Truthy() {
			c.audio.Call("close")
		}
	}()
	c.stopListen()
	// The lock callbacks may still run once for a request in flight; they
	// are kept alive rather than released under it.
}
