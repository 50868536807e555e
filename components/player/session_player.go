package player

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/runner"
	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// Player runs a routine: a big countdown, one instruction, what comes
// next, and cues (tones, speech, vibration) so the person can follow with the
// phone out of reach. The session runs in a runner.Runner (its clock, cues,
// checkpoints and save); the player wires it to the browser and draws it.
type Player struct {
	app.Compo

	// initFor is the address OnInit planned, until the first OnNav.
	initFor string

	// routine is the routine as it will run: the doses suggested from the
	// history, or as the person changed them.
	routine data.Routine
	plan    data.Plan
	loadErr string
	// missing is the address, when no routine has its id.
	missing string
	// history is the stored history, read once when the routine loads;
	// why says per routine item why its dose was suggested.
	history []data.Record
	why     []string
	// day is the routine as planned now (data.PlanAt): the per-day doses
	// and the limits of the dose buttons. twice says which session of the
	// day it would be (data.TwiceADayAt).
	day      data.TodayPlan
	twice    data.TwiceADay
	settings data.Settings
	// storeErr is the last failure to read or write settings.
	storeErr string

	// phase is where the player stands (phase.go).
	phase phase
	// run runs the session; it is made anew for each session.
	run *runner.Runner
	// noVoice is set once speech was asked for and no voice could speak.
	noVoice bool
	// noVibrate is set where the browser cannot vibrate.
	noVibrate bool
	// stamp is when and where the session started; painBefore the score
	// given before it.
	stamp      data.Stamp
	painBefore *int
	// notice is a one-off message on the player, such as after resuming.
	notice string
	// next is what a launch during the session asked for (launch.go).
	next nextUp
	// rec is the finished session as recorded; saveErr the last failure
	// to store it (it stays in memory until a save succeeds).
	rec       data.Record
	saveErr   string
	persisted string

	cues webapi.Cues
	now  func() time.Time
	// wake carries the player's clock over a device's sleep.
	wake data.WakeClock
	// checkpointAfter and saveAfter replace runner.CheckpointAfter and
	// runner.SaveAfter when set.
	checkpointAfter, saveAfter time.Duration
	// mounted is the player's own context, alive until it dismounts. The
	// clock runs on it, not on the context of the button that started it,
	// which ends as soon as the button leaves the screen.
	mounted app.Context
	// counter is the big countdown, which writes each new second itself;
	// stepView the rest of the step, which writes each new step itself.
	counter  *Countdown
	stepView *StepView
	// stepKey says which step, pause state and voice state stepView was
	// given.
	stepKey  [3]int
	unlisten []func()
	// offered is set once the offer of waiting sessions is on the ready
	// screen: it stays, after it was answered, to show what was done and
	// offer an undo.
	offered bool
	// answered is set once the person answered on the finished screen:
	// saves then take the answers as they are (store.SaveAnswers).
	answered bool
}

// OnMount sets up the clock, the cues and the keyboard.
func (p *Player) OnMount(ctx app.Context) {
	p.mounted = ctx
	playing = p
	if p.counter == nil {
		p.counter = &Countdown{}
		p.stepView = &StepView{Counter: p.counter}
	}
	if p.now == nil {
		p.now = time.Now
	}
	if p.cues == nil {
		p.cues = webapi.NewWebCues()
	}
	if p.run == nil {
		p.run = p.newRunner()
	}
	// The voice has said all it was given: a step held back for it may
	// start now rather than at the clock's next look.
	p.cues.OnQuiet(func() { p.quietly(p.mounted, p.tick) })
	p.noVibrate = !p.cues.CanVibrate()
	ctx.Handle(ui.SafetyAcceptedAction, func(ctx app.Context, a app.Action) {
		p.settings.SafetyAccepted = true
		p.to(phaseReady)
		p.Update()
	})
	p.unlisten = append(p.unlisten,
		// Voices can arrive after the page (Chrome loads them late): the
		// ready screen's plan is paced for the voice once there is one.
		webapi.WatchVoices(ctx, func(ctx app.Context) {
			if p.showsReady() && p.checkVoice() {
				p.compile()
				p.Update()
			}
		}),
		app.Window().AddEventListener("keydown", p.onKey),
		app.Window().AddEventListener("visibilitychange", p.onVisibility),
		app.Window().AddEventListener("pagehide", func(ctx app.Context, e app.Event) { p.keep() }),
	)
}

// clock is the current instant, counting any time the device slept (see
// data.WakeClock): Go's monotonic clock in the browser stops on some
// devices while they are suspended.
func (p *Player) clock() time.Time {
	if p.now == nil {
		return p.wake.Read(time.Now())
	}
	return p.wake.Read(p.now())
}

// onVisibility saves a checkpoint as the page is hidden (the tab may never
// come back) and brings the screen up to date as it shows again.
func (p *Player) onVisibility(ctx app.Context, e app.Event) {
	if app.Window().Get("document").Get("visibilityState").String() == "hidden" {
		p.keep()
		return
	}
	// Tick on the player's own context: this ctx comes from a window
	// listener and has no component, and go-app would panic on its next
	// frame redrawing a nil one.
	p.quietly(p.mounted, p.tick)
	p.quietly(p.mounted, func(ctx app.Context) {
		if p.retrySaves() {
			p.Update()
		}
	})
}

// OnPreRender loads the routine for the server's pre-rendered page.
func (p *Player) OnPreRender(ctx app.Context) {
	p.OnNav(ctx)
	// The server knows nothing of the person: until the app has read
	// their settings, the page shows neither Start nor the safety advice.
	if p.showsReady() {
		p.phase = phaseLoading
	}
}

// OnNav loads the routine named in the address, with today's suggested
// doses, or the unfinished session when the address asks to resume it.
func (p *Player) OnNav(ctx app.Context) {
	if p.run == nil {
		p.run = p.newRunner() // the server's pre-rendering mounts nothing
	}
	u, st := ctx.Page().URL(), webapi.AppStorage(ctx)
	if p.plannedAtInit(st, u) {
		return
	}
	p.keep() // "Do it again" from a session not saved yet
	p.run.Reset()
	webapi.ReleaseLive()
	p.to(phaseLoading)
	p.notice, p.loadErr, p.missing = "", "", ""
	p.day = data.TodayPlan{}
	p.offered, p.answered = false, false
	p.painBefore, p.rec, p.saveErr = nil, data.Record{}, ""
	p.next = nextUp{}
	p.loadSettings(st)
	if id := u.Query().Get("resume"); id != "" && p.restore(ctx, id) {
		return
	}
	p.load(st, u.Path)
}

// checkpoint saves the running session at once, as pagehide does.
func (p *Player) checkpoint() { p.run.Keep() }

// keep stores the session now, as the page may not come back: the
// checkpoint of a running one, or a finished one not saved yet.
func (p *Player) keep() {
	p.run.Keep()
	if p.run.Unsaved() || p.phase == phaseFinished && p.saveErr != "" {
		p.save()
	}
}

// OnDismount stops the clock and lets go of the cues.
func (p *Player) OnDismount() {
	p.keep() // leaving mid-session (a back gesture) keeps its place
	p.run.Stop()
	webapi.ReleaseLive()
	for _, f := range p.unlisten {
		f()
	}
	p.unlisten = nil
	if p.cues != nil {
		p.cues.Close()
	}
	if playing == p {
		playing = nil
	}
}

// setPos moves the player to position cur and the countdown and step view
// with it.
func (p *Player) setPos(cur data.Position) {
	if p.counter != nil {
		n := cur.SecondsLeft()
		if seg := cur.Segment; seg.Kind == data.KindInstruct && cur.Elapsed-seg.Start < seg.Speech {
			// While the instruction is said, no number; then the time
			// left to move into position. The hold's own count starts
			// at its go-cue.
			n = Blank
		}
		p.counter.Show(n)
	}
	p.showStep()
}

// showStep gives the step view the current step, when the step, the pause
// or whether the app's voice speaks has changed since it was last given one.
func (p *Player) showStep() {
	paused, speaks := 0, 0
	if p.run.Session().Paused() {
		paused = 1
	}
	if p.voiceSpeaks() {
		speaks = 1
	}
	if p.stepView != nil && p.stepView.Paused != (paused == 1) {
		p.stepView.Paused = paused == 1
		if p.stepView.Mounted() {
			p.stepView.Update()
		}
	}
	pos := p.run.Pos()
	key := [3]int{pos.Index, paused, speaks}
	if p.stepView == nil || (key == p.stepKey && p.stepView.view.Class != "") {
		return
	}
	p.stepKey = key
	seg := pos.Segment
	label := kindLabel(seg)
	t := stepText{
		Class:  "step kind-" + string(seg.Kind),
		Figure: "figure figure--" + ui.FigurePose(seg.Pose) + " figure--large",
		Alt:    ui.FigureAlt(seg.Pose),
		Title:  seg.Title, Phase: label, Instruction: seg.Text, Where: whereText(seg),
		Done:  int(pos.Elapsed / time.Second),
		Total: int(p.plan.Total / time.Second),
		Label: fmt.Sprintf(text.Remaining, data.DurationText(p.plan.Total-pos.Elapsed)),
	}
	// A screen reader announces each step from the live region, unless
	// the app's own voice says it: the two voices would talk over each
	// other. A pause, which the voice does not say, is announced anyway.
	if speaks == 0 || paused == 1 {
		t.Live = announcement(label, seg, paused == 1)
	}
	if seg.Item >= 0 {
		t.Of = fmt.Sprintf(text.ExerciseOf, seg.Item+1, len(p.plan.Routine.Items))
	}
	if seg.Next != "" {
		t.Next = fmt.Sprintf(text.Next, seg.Next)
	}
	p.stepView.Show(t)
}

// voiceSpeaks reports whether the app's voice says each step: Voice is on
// and the browser has a voice to say it with.
func (p *Player) voiceSpeaks() bool { return p.settings.Voice && !p.noVoice }

// tick looks at the clock (runner.Runner.Tick), as the voice falls quiet
// or the page shows again.
func (p *Player) tick(ctx app.Context) { p.run.Tick() }

// quietly runs fn on the UI goroutine without redrawing the player, which
// fn asks for with p.Update when what it changed shows. (go-app redraws the
// source of an ordinary dispatch whatever fn says: ctx.PreventUpdate is
// undone once fn returns.)
func (p *Player) quietly(ctx app.Context, fn func(app.Context)) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: p, Function: fn})
}

// fire plays a cue through the channels the person has switched on.
func (p *Player) fire(c data.Cue) {
	if p.settings.Beeps && c.Tone != data.ToneNone {
		p.cues.Beep(c.Tone)
	}
	if p.settings.Voice && c.Say != "" {
		// Voices can arrive late (Chrome loads them after the first
		// ask): the notice follows the latest attempt, and so does the
		// live region, which says the step when the voice cannot.
		if said := p.cues.Say(c.Say); said == p.noVoice {
			p.noVoice = !said
			p.showStep()
			// The notice that no voice could speak comes or goes.
			p.Update()
		}
	}
	if p.settings.Vibration && len(c.Vibrate) > 0 {
		p.cues.Vibrate(c.Vibrate)
	}
}

// onStart begins the session, unless sessions wait to be resumed: then it
// asks first (askFirst). It runs inside the click, so audio may start.
func (p *Player) onStart(ctx app.Context, e app.Event) {
	// Only from the ready screen: a second tap, which can arrive before
	// the button has gone, finds the player starting and starts nothing.
	if !p.to(phaseStarting) {
		return
	}
	// The session starts at the tap, before audio is set up.
	now := p.clock()
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.askFirst(ctx, func() {
		// The authority has the last word at the moment of the start.
		if !p.dosesHold(webapi.AppStorage(p.mounted)) {
			p.ready()
			p.Update()
			return
		}
		p.begin(now)
	})
}

// begin starts the session at now.
func (p *Player) begin(now time.Time) {
	p.stamp = webapi.LocalStamp(now)
	p.rec = data.Record{ID: data.NewRecordID()}
	if !p.to(phaseRunning) {
		return
	}
	p.notice = ""
	p.run.Reset() // nothing runs; a runner left running would write over this session
	p.run = p.newRunner()
	p.run.Start(p.plan, now)
	p.focusSoon("pause")
	webapi.ScrollTop() // Start sits low on the ready screen
}

// onPauseResume pauses a running session or resumes a paused one.
func (p *Player) onPauseResume(ctx app.Context, e app.Event) {
	if !p.session() {
		return
	}
	if p.run.Session().Paused() {
		p.resume(ctx)
		return
	}
	p.run.Pause()
}

func (p *Player) resume(ctx app.Context) {
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.to(phaseRunning) // from asking to end, if it was
	p.notice = ""
	p.run.Resume()
}

// move applies back or skip and announces where it lands.
func (p *Player) move(op func(data.Session, time.Time) data.Session) {
	if p.session() {
		p.run.Move(op)
	}
}

func (p *Player) onBack(ctx app.Context, e app.Event) { p.move(data.Session.Back) }
func (p *Player) onSkip(ctx app.Context, e app.Event) { p.move(data.Session.Skip) }

// onEnd asks before ending, pausing meanwhile.
func (p *Player) onEnd(ctx app.Context, e app.Event) {
	if !p.to(phaseConfirming) {
		return
	}
	p.run.Pause()
	p.focusSoon("keep-going")
}

func (p *Player) onConfirmEnd(ctx app.Context, e app.Event) { p.run.Finish("") }

func (p *Player) onKeepGoing(ctx app.Context, e app.Event) {
	p.resume(ctx)
	p.focusSoon("pause")
}

// finished records the session that has just finished and shows what was
// done; the runner saves it just after, or discards it.
func (p *Player) finished() {
	p.to(phaseFinished)
	id := p.rec.ID
	p.rec = data.NewRecord(p.run.Session(), p.stamp, p.run.End())
	// The id chosen at Start, which the checkpoint carries: a copy saved
	// from the checkpoint elsewhere merges with this one.
	p.rec.ID, p.rec.PainBefore, p.rec.Stopped = id, p.painBefore, p.run.Stopped()
	if p.mounted != nil {
		p.Update()
	}
}

// save stores the finished session now (runner.Runner.SaveNow).
func (p *Player) save() { p.run.SaveNow() }

// store stores the finished session; on failure it stays in p.rec and the
// finished screen offers to try again.
func (p *Player) store() {
	if p.mounted == nil {
		return
	}
	err := webapi.KeepRecord(webapi.AppStorage(p.mounted), p.rec, p.answered)
	p.saveErr = ui.ErrText(err)
	if err != nil {
		p.keepUnsaved(err)
		return
	}
	// Saved. The checkpoint stays until a later start finds the session
	// in the history (store.Repair): another tab's stale write could still
	// lose it, and this tab may close at once. It is offered to resume no
	// more (store.LoadCheckpoints). There may be room now for any session
	// kept from before.
	_, _ = store.SavePending(webapi.AppStorage(p.mounted))
	webapi.ReleaseLive()
	webapi.RefreshBadge(p.mounted)
	if p.persisted == "" {
		p.askPersist()
	}
}

// askPersist finds out, once a session has been saved, whether the browser
// keeps the app's storage when space runs low, as History says it.
func (p *Player) askPersist() {
	p.persisted = "…"
	webapi.Persisted(p.mounted, func(ctx app.Context, kept bool) {
		p.persisted = ui.Text.NotPersisted
		if kept {
			p.persisted = ui.Text.Persisted
		}
		p.Update()
	})
}

func (p *Player) onPainBefore(ctx app.Context, v *int) { p.painBefore = v }

func (p *Player) onPainAfter(ctx app.Context, v *int) {
	p.rec.PainAfter, p.answered, p.rec.Edited = v, true, p.clock()
	p.save()
}

func (p *Player) onNote(ctx app.Context, note string) {
	p.rec.Note, p.answered, p.rec.Edited = data.TrimNote(note), true, p.clock()
	p.save()
}

func (p *Player) onRetry(ctx app.Context, e app.Event) { p.save() }

// onDose changes the repetitions of routine item i by delta, within what
// the plan for today allows (data.TodayPlan.Allows).
func (p *Player) onDose(i, delta int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		it := &p.routine.Items[i]
		_, reps, _, err := it.Resolve(data.DefaultCatalogue())
		if err != nil {
			return
		}
		if n := reps + delta; p.day.AllowsIn(p.routine, i, n) {
			it.Reps = n
			p.why[i] = ""
			p.compile()
		}
	}
}

// onKey maps Space to pause, the arrows to back and skip.
func (p *Player) onKey(ctx app.Context, e app.Event) {
	if !p.session() || e.Get("altKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
		return
	}
	tag := strings.ToLower(e.Get("target").Get("tagName").String())
	switch e.Get("key").String() {
	case " ", "Spacebar":
		if tag == "button" || tag == "input" {
			return // the focused control handles its own Space
		}
		e.PreventDefault()
		p.onPauseResume(ctx, e)
	case "ArrowLeft":
		p.onBack(ctx, e)
	case "ArrowRight":
		if e.Get("shiftKey").Bool() {
			p.onSkipExercise(ctx, e)
			break
		}
		p.onSkip(ctx, e)
	case "h", "H":
		p.onHurt(ctx, e)
	default:
		return
	}
	p.Update()
}

// onToggle flips one cue setting and remembers it.
func (p *Player) onToggle(ctx app.Context, field func(*data.Settings) *bool) {
	on := !*field(&p.settings)
	*field(&p.settings) = on
	if field(&p.settings) == &p.settings.Voice && p.showsReady() {
		// The plan is paced for the voice, or for reading without it.
		p.checkVoice()
		p.compile()
	}
	// Saved into the settings as stored: what another tab changed stays.
	_, err := store.UpdateSettings(webapi.AppStorage(ctx), func(s *data.Settings) { *field(s) = on })
	p.storeErr = ui.ErrText(err)
	if field(&p.settings) == &p.settings.KeepAwake && p.session() && !p.run.Session().Paused() {
		p.cues.KeepAwake(p.settings.KeepAwake)
	}
}

// focusSoon moves the keyboard focus to the element with the given id once
// the screen has been redrawn: the button that had it may be gone.
func (p *Player) focusSoon(id string) {
	if p.mounted == nil {
		return
	}
	p.mounted.Defer(func(ctx app.Context) {
		defer webapi.Guard()
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}
