package components

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/runner"
	"unknot/data"
	"unknot/data/store"
)

// playerState is the screen the player shows.
type playerState int

const (
	stateReady    playerState = iota // before Start
	stateRunning                     // a session is on (running or paused)
	stateFinished                    // the finished screen
)

// SessionPlayer runs a routine: a big countdown, one instruction, what comes
// next, and cues (tones, speech, vibration) so the person can follow with the
// phone out of reach. The session runs in a runner.Runner (its clock, cues,
// checkpoints and save); the player wires it to the browser and draws it.
type SessionPlayer struct {
	app.Compo

	// routine is the routine as it will run: the doses suggested from the
	// history, or as the person changed them.
	routine data.Routine
	plan    data.Plan
	loadErr string
	// history is the stored history, read once when the routine loads;
	// why says per routine item why its dose was suggested.
	history []data.Record
	why     []string
	// day is the routine as planned for today (data.PlanToday): the
	// per-day doses and the limits of the dose buttons.
	day      data.TodayPlan
	settings data.Settings
	// storeErr is the last failure to read or write settings.
	storeErr string

	state playerState
	// run runs the session; it is made anew for each session.
	run *runner.Runner
	// confirming is set while "End the session now?" is asked.
	confirming bool
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

	cues Cues
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
	// asking is set while Start waits for the person to choose what
	// happens to the sessions that wait to be resumed; offered once the
	// offer is on the ready screen (it stays, to show what was done and
	// offer an undo).
	asking, offered bool
	// starting is set from a tap on Start until the session starts or
	// the offer asks first: a second tap, which can arrive before the
	// button has gone, starts nothing.
	starting bool
	// answered is set once the person answered on the finished screen:
	// saves then take the answers as they are (store.SaveAnswers).
	answered bool
	// loaded is set once the person's settings have been read in the
	// browser. Until then (the server's pre-rendered page, the first frame
	// of the app) neither Start nor the safety gate is shown: either could
	// be the wrong one for this person.
	loaded bool
}

// OnMount sets up the clock, the cues and the keyboard.
func (p *SessionPlayer) OnMount(ctx app.Context) {
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
		p.cues = newWebCues()
	}
	if p.run == nil {
		p.run = p.newRunner()
	}
	// The voice has said all it was given: a step held back for it may
	// start now rather than at the clock's next look.
	p.cues.OnQuiet(func() { p.quietly(p.mounted, p.tick) })
	p.noVibrate = !p.cues.CanVibrate()
	ctx.Handle(safetyAcceptedAction, func(ctx app.Context, a app.Action) {
		p.settings.SafetyAccepted = true
		p.Update()
	})
	p.unlisten = append(p.unlisten,
		app.Window().AddEventListener("keydown", p.onKey),
		app.Window().AddEventListener("visibilitychange", p.onVisibility),
		app.Window().AddEventListener("pagehide", func(ctx app.Context, e app.Event) { p.keep() }),
	)
}

// clock is the current instant, counting any time the device slept (see
// data.WakeClock): Go's monotonic clock in the browser stops on some
// devices while they are suspended.
func (p *SessionPlayer) clock() time.Time {
	if p.now == nil {
		return p.wake.Read(time.Now())
	}
	return p.wake.Read(p.now())
}

// onVisibility saves a checkpoint as the page is hidden (the tab may never
// come back) and brings the screen up to date as it shows again.
func (p *SessionPlayer) onVisibility(ctx app.Context, e app.Event) {
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
func (p *SessionPlayer) OnPreRender(ctx app.Context) {
	p.OnNav(ctx)
	p.loaded = false
}

// OnNav loads the routine named in the address, with today's suggested
// doses, or the unfinished session when the address asks to resume it.
func (p *SessionPlayer) OnNav(ctx app.Context) {
	if p.run == nil {
		p.run = p.newRunner() // the server's pre-rendering mounts nothing
	}
	p.keep() // "Do it again" from a session not saved yet
	p.run.Reset()
	releaseLive()
	p.state, p.confirming, p.notice, p.loadErr = stateReady, false, "", ""
	p.day = data.TodayPlan{}
	p.asking, p.offered, p.answered, p.starting = false, false, false, false
	p.painBefore, p.rec, p.saveErr = nil, data.Record{}, ""
	p.next = nextUp{}
	st := appStorage(ctx)
	settings, err := store.LoadSettings(st)
	p.settings, p.storeErr, p.loaded = settings, errText(err), true
	if id := ctx.Page().URL().Query().Get("resume"); id != "" && p.restore(ctx, id) {
		return
	}
	id := routeID(ctx, SessionPath)
	custom, err := store.LoadCustomRoutines(st)
	if err != nil {
		p.notice = err.Error()
	}
	r, ok := data.FindRoutineIn(data.DefaultCatalogue(), custom, id)
	if !ok {
		p.loadErr = text.NotFound
		return
	}
	hist, _, _ := store.LoadHistory(st, p.clock())
	p.history = hist.Records
	// The doses every screen shows for this routine (data.PlanToday, as
	// data.AsPlayed gives them to Home and Routines), and the plan from them.
	p.day = data.PlanToday(r, data.DefaultCatalogue(), p.history, localDate(p.clock()))
	p.routine, p.why = p.day.Routine, p.day.Why
	if len(p.routine.Items) == 0 {
		p.loadErr = doseWords.NothingLeft
		return
	}
	p.compile()
}

// compile turns the routine into the plan to run.
func (p *SessionPlayer) compile() {
	plan, err := data.Compile(p.routine, data.DefaultCatalogue(), p.settings.Timing())
	if err != nil {
		p.loadErr = fmt.Sprintf(text.LoadError, err)
		return
	}
	p.plan = plan
}

// restore picks up the unfinished session whose record id is id from its
// checkpoint, paused where it stopped. It reports false when there is none
// to resume here.
func (p *SessionPlayer) restore(ctx app.Context, id string) bool {
	c, ok, err := waitingCheckpoint(appStorage(ctx), id)
	if err != nil || !ok {
		p.notice = errText(err)
		return false
	}
	// The pacing it ran with, whatever the settings say now.
	plan, err := data.Compile(c.Routine, data.DefaultCatalogue(), c.TimingOr(p.settings.Timing()))
	if err != nil || !c.Fits(plan) {
		p.notice = text.CannotResume
		return false
	}
	now := p.clock()
	p.routine, p.plan, p.why = c.Routine, plan, nil
	p.stamp, p.painBefore = c.Stamp(), c.PainBefore
	p.rec = data.Record{ID: c.RecordID}
	if p.rec.ID == "" {
		p.rec.ID = data.NewRecordID()
	}
	p.run = p.newRunner()
	p.run.Restore(data.RestoreSession(plan, c, now), now)
	p.state, p.notice = stateRunning, text.ResumeHint
	scrollTop()
	return true
}

// checkpoint saves the running session at once, as pagehide does.
func (p *SessionPlayer) checkpoint() { p.run.Keep() }

// keep stores the session now, as the page may not come back: the
// checkpoint of a running one, or a finished one not saved yet.
func (p *SessionPlayer) keep() {
	p.run.Keep()
	if p.run.Unsaved() || p.state == stateFinished && p.saveErr != "" {
		p.save()
	}
}

// OnDismount stops the clock and lets go of the cues.
func (p *SessionPlayer) OnDismount() {
	p.keep() // leaving mid-session (a back gesture) keeps its place
	p.run.Stop()
	releaseLive()
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
func (p *SessionPlayer) setPos(cur data.Position) {
	if p.counter != nil {
		n := cur.SecondsLeft()
		if cur.Segment.Kind == data.KindInstruct {
			// The hold's time starts at its go-cue, not before.
			n = Blank
		}
		p.counter.Show(n)
	}
	p.showStep()
}

// showStep gives the step view the current step, when the step, the pause
// or whether the app's voice speaks has changed since it was last given one.
func (p *SessionPlayer) showStep() {
	paused, speaks := 0, 0
	if p.run.Session().Paused() {
		paused = 1
	}
	if p.voiceSpeaks() {
		speaks = 1
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
		Figure: "figure figure--" + figurePose(seg.Pose) + " figure--large",
		Alt:    FigureAlt(seg.Pose),
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
func (p *SessionPlayer) voiceSpeaks() bool { return p.settings.Voice && !p.noVoice }

// tick looks at the clock (runner.Runner.Tick), as the voice falls quiet
// or the page shows again.
func (p *SessionPlayer) tick(ctx app.Context) { p.run.Tick() }

// quietly runs fn on the UI goroutine without redrawing the player, which
// fn asks for with p.Update when what it changed shows. (go-app redraws the
// source of an ordinary dispatch whatever fn says: ctx.PreventUpdate is
// undone once fn returns.)
func (p *SessionPlayer) quietly(ctx app.Context, fn func(app.Context)) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: p, Function: fn})
}

// fire plays a cue through the channels the person has switched on.
func (p *SessionPlayer) fire(c data.Cue) {
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
func (p *SessionPlayer) onStart(ctx app.Context, e app.Event) {
	if p.state != stateReady || p.starting {
		return
	}
	p.starting = true
	// The session starts at the tap, before audio is set up.
	now := p.clock()
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.askFirst(ctx, func() { p.begin(now) })
}

// begin starts the session at now.
func (p *SessionPlayer) begin(now time.Time) {
	p.stamp = localStamp(now)
	p.rec = data.Record{ID: data.NewRecordID()}
	p.state, p.confirming, p.notice, p.starting = stateRunning, false, "", false
	p.run.Reset() // nothing runs; a runner left running would write over this session
	p.run = p.newRunner()
	p.run.Start(p.plan, now)
	p.focusSoon("pause")
	scrollTop() // Start sits low on the ready screen
}

// onPauseResume pauses a running session or resumes a paused one.
func (p *SessionPlayer) onPauseResume(ctx app.Context, e app.Event) {
	if p.state != stateRunning {
		return
	}
	if p.run.Session().Paused() {
		p.resume(ctx)
		return
	}
	p.run.Pause()
}

func (p *SessionPlayer) resume(ctx app.Context) {
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.confirming, p.notice = false, ""
	p.run.Resume()
}

// move applies back or skip and announces where it lands.
func (p *SessionPlayer) move(op func(data.Session, time.Time) data.Session) {
	if p.state == stateRunning {
		p.run.Move(op)
	}
}

func (p *SessionPlayer) onBack(ctx app.Context, e app.Event) { p.move(data.Session.Back) }
func (p *SessionPlayer) onSkip(ctx app.Context, e app.Event) { p.move(data.Session.Skip) }

// onEnd asks before ending, pausing meanwhile.
func (p *SessionPlayer) onEnd(ctx app.Context, e app.Event) {
	p.run.Pause()
	p.confirming = true
	p.focusSoon("keep-going")
}

func (p *SessionPlayer) onConfirmEnd(ctx app.Context, e app.Event) { p.run.Finish("") }

func (p *SessionPlayer) onKeepGoing(ctx app.Context, e app.Event) {
	p.resume(ctx)
	p.focusSoon("pause")
}

// finished records the session that has just finished and shows what was
// done; the runner saves it just after, or discards it.
func (p *SessionPlayer) finished() {
	p.state, p.confirming = stateFinished, false
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
func (p *SessionPlayer) save() { p.run.SaveNow() }

// store stores the finished session; on failure it stays in p.rec and the
// finished screen offers to try again.
func (p *SessionPlayer) store() {
	if p.mounted == nil {
		return
	}
	err := keepRecord(appStorage(p.mounted), p.rec, p.answered)
	p.saveErr = errText(err)
	if err != nil {
		p.keepUnsaved(err)
		return
	}
	// Saved: the checkpoint has done its job, and there is room for any
	// session kept from before.
	store.ClearCheckpoint(appStorage(p.mounted), p.rec.ID)
	_, _ = store.SavePending(appStorage(p.mounted))
	releaseLive()
	refreshBadge(p.mounted)
	if p.persisted == "" {
		p.askPersist()
	}
}

// askPersist asks the browser to keep the app's storage even under space
// pressure, once a session has been saved, and remembers its answer.
func (p *SessionPlayer) askPersist() {
	defer guard()
	sm := app.Window().Get("navigator").Get("storage")
	if !sm.Truthy() || !sm.Get("persist").Truthy() {
		p.persisted = text.NotPersisted
		return
	}
	ctx := p.mounted
	var ok, failed app.Func
	answer := func(granted bool) {
		ctx.Dispatch(func(ctx app.Context) {
			p.persisted = text.NotPersisted
			if granted {
				p.persisted = text.Persisted
			}
		})
		ok.Release()
		failed.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		answer(len(args) > 0 && args[0].Bool())
		return nil
	})
	// A refusal rejects the promise with an Error, which is truthy: it
	// needs its own handler.
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		answer(false)
		return nil
	})
	sm.Call("persist").Call("then", ok, failed)
}

func (p *SessionPlayer) onPainBefore(ctx app.Context, v *int) { p.painBefore = v }

func (p *SessionPlayer) onPainAfter(ctx app.Context, v *int) {
	p.rec.PainAfter, p.answered = v, true
	p.save()
}

func (p *SessionPlayer) onNote(ctx app.Context, note string) {
	p.rec.Note, p.answered = data.TrimNote(note), true
	p.save()
}

func (p *SessionPlayer) onRetry(ctx app.Context, e app.Event) { p.save() }

// onDose changes the repetitions of routine item i by delta, within what
// the plan for today allows (data.TodayPlan.Allows).
func (p *SessionPlayer) onDose(i, delta int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		it := &p.routine.Items[i]
		_, reps, _, err := it.Resolve(data.DefaultCatalogue())
		if err != nil {
			return
		}
		if n := reps + delta; p.day.Allows(i, n) {
			it.Reps = n
			p.why[i] = ""
			p.compile()
		}
	}
}

// onKey maps Space to pause, the arrows to back and skip.
func (p *SessionPlayer) onKey(ctx app.Context, e app.Event) {
	if p.state != stateRunning || e.Get("altKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
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
func (p *SessionPlayer) onToggle(ctx app.Context, field func(*data.Settings) *bool) {
	on := !*field(&p.settings)
	*field(&p.settings) = on
	if field(&p.settings) == &p.settings.Voice && p.state == stateReady {
		// The plan is paced for the voice, or for reading without it.
		p.compile()
	}
	// Saved into the settings as stored: what another tab changed stays.
	_, err := store.UpdateSettings(appStorage(ctx), func(s *data.Settings) { *field(s) = on })
	p.storeErr = errText(err)
	if field(&p.settings) == &p.settings.KeepAwake && p.state == stateRunning && !p.run.Session().Paused() {
		p.cues.KeepAwake(p.settings.KeepAwake)
	}
}

// Render shows the screen for the player's state.
func (p *SessionPlayer) Render() app.UI {
	switch {
	case p.loadErr != "":
		return page("player", elt("p.error", p.loadErr), dailyDoses("daily", p.day.Daily), homeLink())
	case p.state == stateFinished:
		return &Finished{
			Routine: p.plan.Routine.Name, Results: p.run.Results(), Took: p.run.Took(), Again: p.plan.Routine.ID,
			Ended: !p.run.Pos().Done, At: p.run.Pos().Segment.Item + 1,
			Record: p.rec, SaveErr: p.saveErr, Saving: p.run.Unsaved(), Persisted: p.persisted,
			Advice:      data.PainAdviceFor(slices.Concat(p.history, []data.Record{p.rec})),
			OnPainAfter: p.onPainAfter, OnNote: p.onNote, OnNoteInput: p.onNoteInput, OnRetry: p.onRetry,
			Next: p.next.href, NextLabel: p.next.label,
		}
	case p.state == stateRunning:
		return p.renderRunning()
	}
	return p.renderReady()
}

// renderReady is the screen before Start: what the routine holds, the cue
// switches and one big Start button.
func (p *SessionPlayer) renderReady() app.UI {
	r := p.routine
	return page("player",
		homeLink(),
		elt("h1", r.Name),
		linked("p.lead", r.Summary),
		app.If(p.notice != "", elt("p.notice", p.notice)),
		p.renderDay(),
		elt("p.meta", fmt.Sprintf(text.Minutes, data.DurationText(p.plan.Total))),
		el("ol.plan-list", app.Range(r.Items).Slice(func(i int) app.UI {
			e, reps, hold, _ := r.Items[i].Resolve(data.DefaultCatalogue())
			why := ""
			if i < len(p.why) {
				why = p.why[i]
			}
			return el("li.dose",
				el("div.dose-text",
					elt("strong", e.Name),
					eltx("span.muted", " — "+doseText(e, reps, hold)).ID(fmt.Sprintf("dose-%d", i)),
					app.If(why != "", linked("span.why.small", why)),
				),
				el("div.stepper",
					eltx("button.button.small-button", "−").Aria("label", text.Fewer+": "+e.Name).
						Attr("disabled", !p.day.Allows(i, reps-1)).OnClick(p.onDose(i, -1)),
					eltx("button.button.small-button", "+").Aria("label", text.More+": "+e.Name).
						Attr("disabled", !p.day.Allows(i, reps+1)).OnClick(p.onDose(i, 1)),
				),
			)
		})),
		elt("p#dose-hint.muted.small", skipText.DoseHint),
		painScale("pain-before", text.PainBefore, p.painBefore, p.onPainBefore),
		p.renderToggles(),
		// Before the very first session the safety advice must be read;
		// the gate takes the Start button's place until it is.
		app.If(p.offered, &ResumeOffer{Asking: p.asking, OnSettled: p.onSettled}),
		app.If(!p.loaded, el("div.start-slot[aria-hidden=true]")).
			ElseIf(!p.settings.SafetyAccepted, &SafetyGate{}).
			ElseIf(p.asking, el("div.start-slot")).
			Else(eltx("button#start.button.primary.huge", text.Start).OnClick(p.onStart)),
		elt("p#keys-hint.keys-hint.muted.small", skipText.KeysHint),
		elt("p.muted.small", data.Disclaimer),
	)
}

// renderToggles shows the cue switches.
func (p *SessionPlayer) renderToggles() app.UI {
	s := &p.settings
	return el("fieldset.toggles",
		elt("legend", text.CuesTitle),
		toggle("cue-voice", text.Voice, s.Voice, func(ctx app.Context, e app.Event) { p.onToggle(ctx, voiceOn) }),
		toggle("cue-beeps", text.Beeps, s.Beeps, func(ctx app.Context, e app.Event) { p.onToggle(ctx, beepsOn) }),
		toggle("cue-vibration", text.Vibration, s.Vibration, func(ctx app.Context, e app.Event) { p.onToggle(ctx, vibrationOn) }),
		app.If(p.noVibrate, elt("p#cue-vibration-note.muted.small", text.NoVibration)),
		toggle("cue-awake", text.KeepAwake, s.KeepAwake, func(ctx app.Context, e app.Event) { p.onToggle(ctx, keepAwakeOn) }),
		app.If(p.noVoice, elt("p.notice", text.NoVoice)),
		app.If(p.storeErr != "", elt("p.error", p.storeErr)),
	)
}

// renderRunning is the screen during a session, readable from two metres.
func (p *SessionPlayer) renderRunning() app.UI {
	paused := p.run.Session().Paused()
	// The controls sit below the step, outside it, at the foot of a
	// player one screen high: Pause stays in one place whatever the step
	// says, and a long step scrolls inside its own box.
	return el("main#player.player.running",
		&Prefs{},
		el("div.player-body",
			p.stepView,
			app.If(paused, elt("p#paused.paused-badge", text.Paused)),
			app.If(p.notice != "", elt("p.notice", p.notice)),
			app.If(p.storeErr != "", elt("p.error[role=alert]", p.storeErr)),
			app.If(p.noVoice && p.settings.Voice, elt("p.notice", text.NoVoice)),
		),
		app.If(p.confirming, p.renderConfirm()).Else(p.renderControls(paused)),
	)
}

func (p *SessionPlayer) renderControls(paused bool) app.UI {
	playLabel := text.Pause
	if paused {
		playLabel = text.Resume
	}
	return el("nav.controls",
		eltx("button#back.button", "← "+text.Back).Aria("label", text.Back).OnClick(p.onBack),
		eltx("button#pause.button.primary", playLabel).OnClick(p.onPauseResume),
		eltx("button#skip.button", text.Skip+" →").Aria("label", text.Skip).OnClick(p.onSkip),
		eltx("button#skip-exercise.button", skipText.SkipExercise).Aria("keyshortcuts", "Shift+ArrowRight").OnClick(p.onSkipExercise),
		eltx("button#end.button.quiet", text.Stop).OnClick(p.onEnd),
		eltx("button#hurt.button", doseWords.Hurt).Attr("aria-keyshortcuts", doseWords.HurtKey).OnClick(p.onHurt),
	)
}

func (p *SessionPlayer) renderConfirm() app.UI {
	return el("div.confirm[role=alertdialog][aria-labelledby=confirm-end-text]",
		elt("p#confirm-end-text", text.EndSession),
		el("div.controls",
			eltx("button#keep-going.button.primary", text.KeepGoing).OnClick(p.onKeepGoing),
			eltx("button#confirm-end.button", text.ConfirmEnd).OnClick(p.onConfirmEnd),
		),
	)
}

// announcement is what the live region says for a segment: once per
// segment (and on pause), never per second; showStep leaves it out while
// the app's voice says the step.
func announcement(label string, s data.Segment, paused bool) string {
	a := label + ". " + s.Text
	if w := whereText(s); w != "" {
		a += " " + w + "."
	}
	if paused {
		a = text.Paused + ". " + a
	}
	return a
}

// focusSoon moves the keyboard focus to the element with the given id once
// the screen has been redrawn: the button that had it may be gone.
func (p *SessionPlayer) focusSoon(id string) {
	if p.mounted == nil {
		return
	}
	p.mounted.Defer(func(ctx app.Context) {
		defer guard()
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// kindLabel names what the segment asks for, in a word or two.
func kindLabel(s data.Segment) string {
	switch {
	case s.Breaths > 0 && s.Inhale:
		return text.KindLabel["in"]
	case s.Breaths > 0:
		return text.KindLabel["out"]
	}
	return text.KindLabel[string(s.Kind)]
}

// whereText says the round, side and breath of a segment.
func whereText(s data.Segment) string {
	var parts []string
	if s.Rep > 0 {
		parts = append(parts, fmt.Sprintf(text.RoundOf, s.Rep, s.Reps))
	}
	if l, ok := sideLabel(s); ok {
		parts = append(parts, l)
	}
	if s.Breaths > 0 {
		parts = append(parts, fmt.Sprintf("Breath %d of %d", s.Breath, s.Breaths))
	}
	return strings.Join(parts, " · ")
}
