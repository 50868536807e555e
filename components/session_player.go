package components

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/runner"
	"unknot/data"
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
// phone out of reach. It owns the clock: a goroutine with a ticker that asks
// the session where it stands at time.Now.
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
	day data.TodayPlan
	// stopped is why the session was stopped, when the person said.
	stopped  string
	settings data.Settings
	// storeErr is the last failure to read or write settings.
	storeErr string

	state   playerState
	session data.Session
	pos     data.Position
	// confirming is set while "End the session now?" is asked.
	confirming bool
	// noVoice is set once speech was asked for and no voice could speak.
	noVoice bool
	// noVibrate is set where the browser cannot vibrate.
	noVibrate bool
	results   []data.Result
	took      time.Duration
	// stamp is when and where the session started; painBefore the score
	// given before it; step the last step checkpointed.
	stamp      data.Stamp
	painBefore *int
	step       int
	// notice is a one-off message on the player, such as after resuming.
	notice string
	// next is what a launch during the session asked for (launch.go).
	next nextUp
	// rec is the finished session as recorded; saveErr the last failure
	// to store it (it stays in memory until a save succeeds); unsaved is
	// set from the end of the session until its first save (saveSoon).
	rec       data.Record
	saveErr   string
	unsaved   bool
	persisted string
	// noteEdits counts keystrokes in the note, so only the last one saves.
	noteEdits int

	cues Cues
	now  func() time.Time
	// wake carries the player's clock over a device's sleep.
	wake data.WakeClock
	// checkpointAfter and saveAfter replace checkpointDelay and
	// saveDelay when set.
	checkpointAfter, saveAfter time.Duration
	// mounted is the player's own context, alive until it dismounts. The
	// clock runs on it, not on the context of the button that started it,
	// which ends as soon as the button leaves the screen.
	mounted   app.Context
	stopClock chan struct{}
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
	// answered is set once the person answered on the finished screen:
	// saves then take the answers as they are (data.SaveAnswers).
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
	p.keep() // "Do it again" from a session not saved yet
	p.halt()
	releaseLive()
	p.state, p.confirming, p.notice, p.loadErr, p.stopped = stateReady, false, "", "", ""
	p.day = data.TodayPlan{}
	p.asking, p.offered, p.answered = false, false, false
	p.painBefore, p.rec, p.saveErr, p.unsaved = nil, data.Record{}, "", false
	p.next = nextUp{}
	st := appStorage(ctx)
	settings, err := data.LoadSettings(st)
	p.settings, p.storeErr, p.loaded = settings, errText(err), true
	if id := ctx.Page().URL().Query().Get("resume"); id != "" && p.restore(ctx, id) {
		return
	}
	id := routeID(ctx, SessionPath)
	custom, err := data.LoadCustomRoutines(st)
	if err != nil {
		p.notice = err.Error()
	}
	r, ok := data.FindRoutineIn(data.DefaultCatalogue(), custom, id)
	if !ok {
		p.loadErr = text.NotFound
		return
	}
	hist, _, _ := data.LoadHistory(st, p.clock())
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
	p.session = data.RestoreSession(plan, c, now)
	p.setPos(p.session.At(now))
	p.stamp, p.painBefore, p.step = c.Stamp(), c.PainBefore, p.pos.Segment.Step
	p.rec = data.Record{ID: c.RecordID}
	if p.rec.ID == "" {
		p.rec.ID = data.NewRecordID()
	}
	p.state, p.notice = stateRunning, text.ResumeHint
	scrollTop()
	return true
}

// checkpoint saves the running session so a closed or killed tab loses
// nothing; the next launch offers to resume it.
func (p *SessionPlayer) checkpoint() {
	if p.state != stateRunning || p.mounted == nil {
		return
	}
	c := p.session.Checkpoint(p.stamp, p.painBefore, p.clock())
	c.RecordID = p.rec.ID
	err := data.SaveCheckpoint(appStorage(p.mounted), c)
	if err != nil {
		p.storeErr = err.Error()
	}
	holdLive(c.RecordID)
}

// checkpointDelay is how long after a step starts its checkpoint is saved,
// unless the player's checkpointAfter says otherwise (tests).
const checkpointDelay = 60 * time.Millisecond

// checkpointSoon saves a checkpoint just after the new step is on the
// screen: encoding it and writing localStorage took as long as drawing the
// step, in the same turn. (Hiding or leaving the page saves one at once.)
func (p *SessionPlayer) checkpointSoon() {
	p.later(p.checkpointAfter, checkpointDelay, func(ctx app.Context) {
		failed := p.storeErr
		p.retrySaves() // first: it may make room for the checkpoint
		p.checkpoint()
		if p.storeErr != failed {
			p.Update()
		}
	})
}

// later runs fn quietly on the UI goroutine after d, or after otherwise
// when d is zero, unless the player has left the page by then.
func (p *SessionPlayer) later(d, otherwise time.Duration, fn func(app.Context)) {
	if p.mounted == nil {
		return
	}
	if d == 0 {
		d = otherwise
	}
	ctx := p.mounted
	ctx.Async(func() {
		time.Sleep(d)
		p.quietly(ctx, fn)
	})
}

// keep stores the session now, as the page may not come back: the
// checkpoint of a running one, or a finished one not saved yet.
func (p *SessionPlayer) keep() {
	p.checkpoint()
	if p.unsaved || p.state == stateFinished && p.saveErr != "" {
		p.save()
	}
}

// OnDismount stops the clock and lets go of the cues.
func (p *SessionPlayer) OnDismount() {
	p.keep() // leaving mid-session (a back gesture) keeps its place
	p.halt()
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

// startClock starts the ticker goroutine on the player's own context; any
// earlier one stops.
func (p *SessionPlayer) startClock() {
	p.halt()
	ctx := p.mounted
	stop := make(chan struct{})
	p.stopClock = stop
	// wake carries the next sleep, worked out on the UI goroutine after
	// each look at the clock.
	wake := make(chan time.Duration, 1)
	first := p.untilNextChange()
	go func() {
		timer := time.NewTimer(first)
		defer timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-stop:
				return
			case <-timer.C:
			}
			p.quietly(ctx, func(ctx app.Context) {
				p.tick(ctx)
				select {
				case wake <- p.untilNextChange():
				default:
				}
			})
			select {
			case <-ctx.Done():
				return
			case <-stop:
				return
			case d := <-wake:
				timer.Reset(d)
			}
		}
	}()
}

// untilNextChange is how long the clock sleeps after a look
// (runner.Look.NextLook): until the countdown's next whole second, or a
// short poll while a step waits for the voice.
func (p *SessionPlayer) untilNextChange() time.Duration {
	waiting, _ := p.session.Waiting()
	return runner.Look{Pos: p.pos, Waiting: waiting}.NextLook()
}

// setPos moves the player to position cur and the countdown and step view
// with it.
func (p *SessionPlayer) setPos(cur data.Position) {
	p.pos = cur
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
	if p.session.Paused() {
		paused = 1
	}
	if p.voiceSpeaks() {
		speaks = 1
	}
	key := [3]int{p.pos.Index, paused, speaks}
	if p.stepView == nil || (key == p.stepKey && p.stepView.view.Class != "") {
		return
	}
	p.stepKey = key
	seg := p.pos.Segment
	label := kindLabel(seg)
	t := stepText{
		Class:  "step kind-" + string(seg.Kind),
		Figure: "figure figure--" + figurePose(seg.Pose) + " figure--large",
		Alt:    FigureAlt(seg.Pose),
		Title:  seg.Title, Phase: label, Instruction: seg.Text, Where: whereText(seg),
		Done:  int(p.pos.Elapsed / time.Second),
		Total: int(p.plan.Total / time.Second),
		Label: fmt.Sprintf(text.Remaining, data.DurationText(p.plan.Total-p.pos.Elapsed)),
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

// halt stops the ticker goroutine, if one runs.
func (p *SessionPlayer) halt() {
	if p.stopClock != nil {
		close(p.stopClock)
		p.stopClock = nil
	}
}

// tick reads the clock, fires the cue that is due, writes the number and
// redraws the player when the step has changed. It runs through quietly, so
// a new second costs one write into the countdown's element.
func (p *SessionPlayer) tick(ctx app.Context) {
	if p.state != stateRunning || p.session.Paused() {
		return
	}
	look := runner.At(p.session, p.pos, p.clock(), p.cues)
	p.session = look.Session
	if look.Waiting {
		return // the voice is still saying the step before
	}
	cur := look.Pos
	if look.Due {
		p.fire(look.Cue)
	}
	if cur.Segment.Step != p.step && !cur.Done {
		p.step = cur.Segment.Step
		p.checkpointSoon()
	}
	voiceless := p.noVoice
	p.setPos(cur) // writes the number, and the step when it is new
	switch {
	case cur.Done:
		p.finish()
		p.Update()
	case p.noVoice != voiceless:
		// The notice that no voice could speak comes or goes.
		p.Update()
	}
}

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
		}
	}
	if p.settings.Vibration && len(c.Vibrate) > 0 {
		p.cues.Vibrate(c.Vibrate)
	}
}

// onStart begins the session, unless sessions wait to be resumed: then it
// asks first (askFirst). It runs inside the click, so audio may start.
func (p *SessionPlayer) onStart(ctx app.Context, e app.Event) {
	// The session starts at the tap, before audio is set up.
	now := p.clock()
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.askFirst(ctx, func() { p.begin(now) })
}

// begin starts the session at now.
func (p *SessionPlayer) begin(now time.Time) {
	p.session = data.NewSession(p.plan, now)
	p.setPos(p.session.At(now))
	p.stamp, p.step = localStamp(now), p.pos.Segment.Step
	p.rec = data.Record{ID: data.NewRecordID()}
	p.state, p.confirming, p.results, p.notice = stateRunning, false, nil, ""
	p.checkpoint()
	p.fire(data.StartCue(p.pos))
	p.cues.KeepAwake(p.settings.KeepAwake)
	p.startClock()
	p.focusSoon("pause")
	scrollTop() // Start sits low on the ready screen
}

// onPauseResume pauses a running session or resumes a paused one.
func (p *SessionPlayer) onPauseResume(ctx app.Context, e app.Event) {
	if p.state != stateRunning {
		return
	}
	if p.session.Paused() {
		p.resume(ctx)
		return
	}
	p.pause()
}

func (p *SessionPlayer) pause() {
	p.cues.Hush()
	p.session = p.session.Pause(p.clock())
	p.showStep()
	p.halt()
	p.cues.KeepAwake(false)
	p.checkpoint()
}

func (p *SessionPlayer) resume(ctx app.Context) {
	now := p.clock()
	p.cues.Configure(p.settings)
	p.cues.Unlock()
	p.session, p.confirming, p.notice = p.session.Resume(now), false, ""
	p.setPos(p.session.At(now))
	p.fire(data.StartCue(p.pos))
	p.cues.KeepAwake(p.settings.KeepAwake)
	p.startClock()
}

// move applies back or skip and announces where it lands.
func (p *SessionPlayer) move(op func(data.Session, time.Time) data.Session) {
	if p.state != stateRunning {
		return
	}
	now := p.clock()
	p.cues.Hush()
	p.session = op(p.session, now)
	p.setPos(p.session.At(now))
	if p.pos.Done {
		p.finish()
		return
	}
	p.fire(data.StartCue(p.pos))
}

func (p *SessionPlayer) onBack(ctx app.Context, e app.Event) { p.move(data.Session.Back) }
func (p *SessionPlayer) onSkip(ctx app.Context, e app.Event) { p.move(data.Session.Skip) }

// onEnd asks before ending, pausing meanwhile.
func (p *SessionPlayer) onEnd(ctx app.Context, e app.Event) {
	if !p.session.Paused() {
		p.pause()
	}
	p.confirming = true
	p.focusSoon("keep-going")
}

func (p *SessionPlayer) onConfirmEnd(ctx app.Context, e app.Event) { p.finish() }

func (p *SessionPlayer) onKeepGoing(ctx app.Context, e app.Event) {
	p.resume(ctx)
	p.focusSoon("pause")
}

// finish stops the session, records it and shows what was done.
func (p *SessionPlayer) finish() {
	now := p.clock()
	p.halt()
	p.session = p.session.Pause(now)
	p.cues.KeepAwake(false)
	p.results = p.session.Results(now)
	p.took = p.session.Elapsed(now)
	p.state, p.confirming = stateFinished, false
	id := p.rec.ID
	p.rec = data.NewRecord(p.session, p.stamp, now)
	// The id chosen at Start, which the checkpoint carries: a copy saved
	// from the checkpoint elsewhere merges with this one.
	p.rec.ID, p.rec.PainBefore, p.rec.Stopped = id, p.painBefore, p.stopped
	// A session ended before any hold is no session, unless it stopped
	// because it hurt: that is worth keeping, with its reason.
	if !data.HoldsDone(p.results) && p.stopped == "" {
		p.discard()
		return
	}
	p.saveSoon()
}

// saveDelay is how long after the end of a session it is saved, unless the
// player's saveAfter says otherwise (tests).
const saveDelay = 50 * time.Millisecond

// saveSoon saves the finished session once the finished screen is drawn
// (go-app draws it at its next frame, 16 ms on): saving first, in the
// same turn, put reading and rewriting the history, and the first run of
// that code, between the end of the routine and the screen that says so.
// Leaving the player, another address in it or hiding the page saves at
// once (keep); only a tab killed within those 50 ms loses the end, and
// offers the session from its last step's checkpoint at the next launch.
func (p *SessionPlayer) saveSoon() {
	p.unsaved = true
	p.later(p.saveAfter, saveDelay, func(ctx app.Context) {
		if p.unsaved {
			p.save()
			p.Update()
		}
	})
}

// save stores the finished session; on failure it stays in p.rec and the
// finished screen offers to try again.
func (p *SessionPlayer) save() {
	if p.mounted == nil {
		return
	}
	p.unsaved = false
	err := keepRecord(appStorage(p.mounted), p.rec, p.answered)
	p.saveErr = errText(err)
	if err != nil {
		p.keepUnsaved(err)
		return
	}
	// Saved: the checkpoint has done its job, and there is room for any
	// session kept from before.
	data.ClearCheckpoint(appStorage(p.mounted), p.rec.ID)
	_, _ = data.SavePending(appStorage(p.mounted))
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
	_, err := data.UpdateSettings(appStorage(ctx), func(s *data.Settings) { *field(s) = on })
	p.storeErr = errText(err)
	if field(&p.settings) == &p.settings.KeepAwake && p.state == stateRunning && !p.session.Paused() {
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
			Routine: p.plan.Routine.Name, Results: p.results, Took: p.took, Again: p.plan.Routine.ID,
			Ended: !p.pos.Done, At: p.pos.Segment.Item + 1,
			Record: p.rec, SaveErr: p.saveErr, Saving: p.unsaved, Persisted: p.persisted,
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
	paused := p.session.Paused()
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

// errText is err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
