package player

import (
	"fmt"
	"net/url"
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// OnInit plans the address's routine before the app's first frame, as
// OnNav does after it. go-app renders the player once before its first
// OnNav: with nothing planned, that render built a screen of its own, which
// the render after OnNav replaced, both in the launch's first task. An
// address that asks to resume a session is left to OnNav, whose restore
// needs the context.
func (p *Player) OnInit() {
	if app.IsServer {
		return // the server's page is planned in OnPreRender
	}
	u := app.Window().URL()
	if u.Query().Get("resume") != "" {
		return
	}
	st := webapi.AppStorage(nil)
	p.loadSettings(st)
	p.load(st, u.Path)
	p.initFor = u.String()
}

// plannedAtInit reports whether OnInit planned address u, which is then
// the first OnNav's, with the settings stored now: nothing has run since,
// so the plan stands. The settings can have changed meanwhile: the safety
// advice saves its answer itself, and a tap on it before OnMount had set
// the player listening for that answer is only seen here. The voice may
// have come too (OnMount made the cues).
func (p *Player) plannedAtInit(st store.Storage, u *url.URL) bool {
	planned := p.initFor
	p.initFor = ""
	if planned == "" || planned != u.String() {
		return false
	}
	if settings, err := store.LoadSettings(st); err != nil || settings != p.settings {
		return false
	}
	if p.checkVoice() && p.showsReady() {
		p.compile()
	}
	return true
}

// loadSettings reads the person's settings, and whether their voice is
// there.
func (p *Player) loadSettings(st store.Storage) {
	settings, err := store.LoadSettings(st)
	p.settings, p.storeErr = settings, ui.ErrText(err)
	p.checkVoice()
}

// load plans the routine whose id the address path names, with today's
// doses, or says there is none.
func (p *Player) load(st store.Storage, path string) {
	custom, err := store.LoadCustomRoutines(st)
	if err != nil {
		p.notice = err.Error()
	}
	r, ok := data.FindRoutineIn(data.DefaultCatalogue(), custom, ui.PathID(path, ui.SessionPath))
	if !ok {
		p.loadErr, p.missing = ui.Text.NotFoundRoutine, path
		p.to(phaseMissing)
		return
	}
	p.plan = data.Plan{}
	p.planDay(st, r)
	p.ready()
}

// dosesHold reports whether the routine as the person set it is still
// within what the authority allows now: another tab may have done bridges,
// a waiting session may have been saved, or the clock may have moved on
// since the screen was drawn. When it is not, the routine is planned again
// and the screen says why: Start needs another tap.
func (p *Player) dosesHold(st store.Storage) bool {
	history, fresh, twice := p.dayOf(st, p.routine)
	if slices.EqualFunc(fresh.Routine.Items, p.routine.Items, func(a, b data.RoutineItem) bool { return a == b }) {
		return true
	}
	p.history, p.day, p.twice = history, fresh, twice
	p.routine, p.why = fresh.Routine, fresh.Why
	p.notice = text.DosesChanged
	if len(p.routine.Items) == 0 {
		p.loadErr = text.NothingLeft
		return false
	}
	p.compile()
	return false
}

// planDay plans routine r as a session started now (dayOf).
func (p *Player) planDay(st store.Storage, r data.Routine) {
	p.history, p.day, p.twice = p.dayOf(st, r)
	p.routine, p.why = p.day.Routine, p.day.Why
	if len(p.routine.Items) == 0 {
		p.loadErr = text.NothingLeft
		return
	}
	p.compile()
}

// dayOf plans routine r as a session started now, every dose from the
// authority (data.PlanAt), counting what the sessions waiting to be
// resumed have done: it returns that history, the day's plan, and which
// session of the day it would be.
func (p *Player) dayOf(st store.Storage, r data.Routine) ([]data.Record, data.TodayPlan, data.TwiceADay) {
	cat, now := data.DefaultCatalogue(), p.clock()
	hist, _, _ := store.LoadHistory(st, now)
	waiting, _ := store.LoadCheckpoints(st)
	history := data.WithWaiting(hist.Records, waiting, cat, p.settings.Timing())
	local := webapi.LocalClock(now)
	day := data.PlanAt(r, cat, history, local)
	return history, day, data.TwiceADayAt(history, day.Routine, local)
}

// compile turns the routine into the plan to run.
func (p *Player) compile() {
	plan, err := data.Compile(p.routine, data.DefaultCatalogue(), p.timing())
	if err != nil {
		p.loadErr = fmt.Sprintf(text.LoadError, err)
		return
	}
	p.plan = plan
}

// restore picks up the unfinished session whose record id is id from its
// checkpoint, paused where it stopped. It reports false when there is none
// to resume here.
func (p *Player) restore(ctx app.Context, id string) bool {
	st := webapi.AppStorage(ctx)
	c, ok, err := waitingCheckpoint(st, id)
	if err != nil || !ok {
		p.notice = ui.ErrText(err)
		return false
	}
	// The pacing it ran with, whatever the settings say now.
	cat := data.DefaultCatalogue()
	plan, err := data.Compile(c.Routine, cat, c.TimingOr(p.settings.Timing()))
	if err != nil {
		p.notice = ui.Text.CannotResume
		return false
	}
	now := p.clock()
	hist, _, _ := store.LoadHistory(st, now)
	res := data.ResumeAt(c, plan, cat, hist.Records, webapi.LocalClock(now))
	if !res.InPlace {
		return p.replan(st, c, res)
	}
	// The session's lock before it shows: no other tab may offer it from
	// now on (an offer drawn before checks again as it is answered), and a
	// session another tab took meanwhile is not run twice.
	p.to(phaseLocking)
	take := func(ctx app.Context, got bool) {
		if p.phase != phaseLocking {
			return // the player went elsewhere meanwhile
		}
		if got {
			p.resumeInPlace(c, plan)
		} else {
			p.elsewhere(ctx, c)
		}
	}
	webapi.TryHoldLive(c.RecordID, func(got bool) {
		if p.mounted == nil { // not in a page: the answer came at once
			take(ctx, got)
			return
		}
		p.quietly(p.mounted, func(ctx app.Context) {
			take(ctx, got)
			p.Update()
		})
	})
	return true
}

// resumeInPlace runs the session of checkpoint c again, on plan, paused
// where it stopped.
func (p *Player) resumeInPlace(c data.Checkpoint, plan data.Plan) {
	now := p.clock()
	p.routine, p.plan, p.why = c.Routine, plan, nil
	p.stamp, p.painBefore = c.Stamp(), c.PainBefore
	p.rec = data.Record{ID: c.RecordID}
	if p.rec.ID == "" {
		p.rec.ID = data.NewRecordID()
	}
	p.run = p.newRunner()
	p.run.Restore(data.RestoreSession(plan, c, now), now)
	p.to(phaseRunning)
	p.notice = text.ResumeHint
	webapi.ScrollTop()
}

// elsewhere shows the routine's ready screen in place of a session that
// another tab took since it was offered here.
func (p *Player) elsewhere(ctx app.Context, c data.Checkpoint) {
	st := webapi.AppStorage(ctx)
	custom, _ := store.LoadCustomRoutines(st)
	r, ok := data.FindRoutineIn(data.DefaultCatalogue(), custom, c.Routine.ID)
	if !ok {
		r = c.Routine
	}
	p.planDay(st, r)
	p.ready()
	p.notice = ui.Text.RunningElsewhere
}

// replan handles a session offered back that cannot carry on as it was
// (data.ResumeAt): what it did is kept on the day it started, as a partial
// session, and what is left of it is planned as a new session of today's,
// within today's doses, on the ready screen.
func (p *Player) replan(st store.Storage, c data.Checkpoint, res data.Resumption) bool {
	if err := webapi.KeepRecord(st, res.Partial, false); err != nil {
		p.notice = fmt.Sprintf(ui.Text.SaveFailed, err)
		return false
	}
	webapi.RefreshBadge(p.mounted)
	p.planDay(st, res.Today.Routine)
	p.notice = res.Why
	if len(res.Today.Routine.Items) == 0 {
		p.loadErr, p.notice = text.ResumeNothingLeft, ""
	}
	p.ready()
	return true
}

// timing is the pacing of a session started now: the person's, except that
// with Voice on and no voice on the device, steps last as long as their
// words take to read, as with Voice off (the ready screen says so).
func (p *Player) timing() data.Timing {
	t := p.settings.Timing()
	if p.noVoice {
		t.Voice = 0
	}
	return t
}

// checkVoice notes whether the device has a voice to speak with, when
// Voice is on. It reports whether that changed.
func (p *Player) checkVoice() bool {
	was := p.noVoice
	p.noVoice = p.settings.Voice && p.cues != nil && !p.cues.HasVoice()
	return p.noVoice != was
}
