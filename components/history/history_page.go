package history

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// How much of a long history the screen draws. Everything is summed up once
// when the history is read; the screen itself only ever holds a month, the
// charts' weeks and points and the most recent sessions, so ten years of
// twice-daily sessions draw as fast as a week's.
const (
	// chartWeeks is the number of weeks the sessions chart shows.
	chartWeeks = 16
	// painPoints is the number of sessions the pain chart shows.
	painPoints = 30
	// recentCount is the number of sessions listed.
	recentCount = 20
)

// Page shows the sessions kept on this device: streaks and totals, a
// month calendar, charts of sessions per week and of pain before and after,
// the most recent sessions, and the backup panel. It reads the history once
// when it opens, again after an import, a fresh start or a change made in
// another tab, and never while drawing.
//
// Damaged history, or history saved by a newer version, is never written
// over: a banner says what happened, offers the stored text as a file and,
// for damaged history, a fresh start once the person confirms.
type Page struct {
	app.Compo

	// now is the clock; time.Now unless a test sets it.
	now func() time.Time
	st  store.RawStorage

	loaded  bool
	hist    store.History
	status  store.Status
	loadErr string
	// today is the person's date when the history was read (DateLayout).
	today string

	stats  data.Stats
	weeks  []data.WeekCount
	pain   []data.PainPoint
	recent []data.Record
	// sessions are the records that count as sessions (data.Sessions).
	sessions []data.Record

	// month is the first day of the month the calendar shows; monthDays
	// its days; first is the first day of the earliest month with a
	// session.
	month, first time.Time
	monthDays    []data.CalendarDay

	// unreadable and kept are what could not be read and the copies kept
	// aside, for KeptCopies.
	unreadable []store.Part
	kept       []store.Kept

	// otherTab is set when another tab changed the history.
	otherTab bool
	// confirming is set while a fresh start is being confirmed.
	confirming bool
	// afreshKey is where the damaged data went after a fresh start.
	afreshKey string
	// afreshFailed is set when a fresh start was refused (no room to set
	// the damaged history aside); exported is the damaged text the person
	// saved as a file since, which they may then clear; clearing is set
	// while that is being confirmed; cleared says what was done.
	afreshFailed bool
	exported     string
	clearing     bool
	cleared      string
	// actionErr is the last failure of an action on this screen.
	actionErr string
	// edits is the session being edited, and the last one deleted.
	edits sessionEdits
	// day is the calendar day whose sessions are shown (DateLayout).
	day string

	otherTabs webapi.OtherTabs
}

// OnMount reads the history and starts listening to other tabs.
func (p *Page) OnMount(ctx app.Context) {
	if p.now == nil {
		p.now = time.Now
	}
	p.st = webapi.AppStorage(ctx)
	p.otherTabs.Follow(p.onHistoryChanged, store.HistoryKey)
	if !p.loaded {
		p.load()
	}
	scrollToFragment(ctx)
}

// scrollToFragment brings the part of the page the address names into
// view once it is drawn: it is drawn by the app, after the browser looked
// for it (Home links to /history#kept).
func scrollToFragment(ctx app.Context) {
	if id := ctx.Page().URL().Fragment; id != "" {
		ctx.Defer(func(ctx app.Context) { ctx.ScrollTo(id) })
	}
}

// OnNav reads the history when the page is reached without being mounted
// again.
func (p *Page) OnNav(ctx app.Context) {
	if p.st != nil && !p.loaded {
		p.load()
	}
}

// OnDismount stops listening to other tabs.
func (p *Page) OnDismount() {
	p.otherTabs.Stop()
}

// load reads the history from storage and sums it up for the screen.
func (p *Page) load() {
	now := p.now()
	h, status, err := store.LoadHistory(p.st, now)
	p.hist, p.status, p.loadErr, p.loaded = h, status, ui.ErrText(err), true
	// The history itself has its banner, and LoadHistory has copied it
	// aside already: the kept copies list that copy.
	p.unreadable, p.kept = store.Unreadable(p.st, nil), store.KeptCopies(p.st)
	p.today = webapi.LocalDate(now)
	recs := h.Records
	p.stats = data.ComputeStats(recs, p.today)
	p.weeks = data.SessionsPerWeek(recs, p.today, chartWeeks)
	p.pain = data.PainSeries(recs)
	if n := len(p.pain); n > painPoints {
		p.pain = p.pain[n-painPoints:]
	}
	// The list and its count take the sessions every count takes.
	p.sessions = data.Sessions(recs)
	p.recent = make([]data.Record, 0, min(recentCount, len(p.sessions)))
	for i := len(p.sessions) - 1; i >= 0 && len(p.recent) < recentCount; i-- {
		p.recent = append(p.recent, p.sessions[i])
	}
	today, _ := time.Parse(data.DateLayout, p.today)
	thisMonth := monthStart(today)
	p.first = thisMonth
	if len(recs) > 0 {
		if d, err := time.Parse(data.DateLayout, recs[0].LocalDate); err == nil {
			p.first = monthStart(d)
		}
	}
	if p.month.IsZero() || p.month.After(thisMonth) {
		p.month = thisMonth
	}
	if p.month.Before(p.first) {
		p.month = p.first
	}
	p.monthDays = data.MonthCalendar(recs, p.month.Year(), p.month.Month())
}

// onHistoryChanged reloads the history when another tab changed it. The browser
// fires the storage event only in the other tabs of the origin; a null key
// means that tab cleared the whole store.
func (p *Page) onHistoryChanged(ctx app.Context) {
	p.load()
	p.otherTab, p.confirming = true, false
	p.Update()
}

// onMonth moves the calendar by delta months, within the months that hold
// sessions up to this one.
func (p *Page) onMonth(ctx app.Context, delta int) {
	m := p.month.AddDate(0, delta, 0)
	today, _ := time.Parse(data.DateLayout, p.today)
	if m.Before(p.first) || m.After(monthStart(today)) {
		return
	}
	p.month = m
	p.monthDays = data.MonthCalendar(p.hist.Records, m.Year(), m.Month())
}

// onImported reads the history again after the backup panel imported
// sessions.
func (p *Page) onImported(ctx app.Context) {
	p.load()
	p.otherTab = false
	// Undo of a deletion no longer stands once an import has merged what
	// it brought: it could bring back a session the import left deleted.
	p.edits.deleted = nil
}

// onExportRaw offers the stored text of a damaged or newer history as a
// file, exactly as it was found.
func (p *Page) onExportRaw(ctx app.Context, e app.Event) {
	key := p.hist.CopyKey
	if key == "" {
		key = store.HistoryKey
	}
	raw, ok := p.st.GetRaw(key)
	if !ok {
		p.actionErr = fmt.Sprintf(ui.Text.DownloadFailed, "nothing is stored under "+key)
		return
	}
	name := "unknot-history-damaged-" + p.today + ".txt"
	mime := "text/plain;charset=utf-8"
	if p.status == store.StatusNewer {
		name, mime = "unknot-history-newer-"+p.today+".json", "application/json"
	}
	p.actionErr = ""
	if err := webapi.SaveFile(name, mime, []byte(raw)); err != nil {
		p.actionErr = fmt.Sprintf(ui.Text.DownloadFailed, err)
		return
	}
	// The person has been offered this very text: it may be cleared
	// now, with their word, if nothing else can be done with it.
	if key == store.HistoryKey {
		p.exported = raw
	}
}

func (p *Page) onAskAfresh(ctx app.Context, e app.Event) { p.confirming = true }

func (p *Page) onAskClear(ctx app.Context, e app.Event) { p.clearing = true }
func (p *Page) onKeepIt(ctx app.Context, e app.Event)   { p.clearing = false }

// onClear clears a damaged history that could not be set aside (storage is
// full), once the person has saved it as a file and said so: the one way
// out that storage leaves (store.ClearDamagedHistory).
func (p *Page) onClear(ctx app.Context, e app.Event) {
	p.clearing = false
	key, err := store.ClearDamagedHistory(p.st, p.exported, p.now())
	if err != nil {
		p.actionErr = err.Error()
		return
	}
	p.cleared, p.exported, p.afreshFailed, p.actionErr, p.otherTab = text.Cleared, "", false, "", false
	if key != "" {
		p.cleared = fmt.Sprintf(text.ClearedAside, key)
	}
	p.load()
}
func (p *Page) onKeepAsIs(ctx app.Context, e app.Event) { p.confirming = false }

// onStartAfresh sets the damaged history aside and starts an empty one.
func (p *Page) onStartAfresh(ctx app.Context, e app.Event) {
	p.confirming = false
	key, err := store.StartAfresh(p.st, p.now())
	if err != nil {
		p.actionErr, p.afreshFailed = err.Error(), true
		return
	}
	p.afreshKey, p.actionErr, p.otherTab = key, "", false
	p.load()
}

// Render shows the screen for what was read.
func (p *Page) Render() app.UI {
	body := []app.UI{ui.Elt("h1", text.Title)}
	if !p.loaded {
		body = append(body, ui.Elt("p#history-loading.muted", text.Loading))
		if app.IsServer || launching() {
			// The server's page and the app's first frame over it hold
			// both what a first visit will show, an empty history, and
			// what a person with sessions sees while they are read. The
			// stylesheet shows the one app/prefs.js found (data-history),
			// so a first visit's page is whole from its first paint.
			// Reached from another screen, "Reading…" stands alone: a
			// first session may have been saved since the page loaded.
			body = append(body, emptyHistory(), &ui.KeptCopies{}, p.backupPanel())
		}
		return ui.Page("history", body...)
	}
	body = append(body, p.renderBanners()...)
	if len(p.hist.Records) == 0 && p.status != store.StatusCorrupt {
		body = append(body, emptyHistory())
	}
	if len(p.hist.Records) > 0 {
		body = append(body,
			p.renderStats(),
			ui.El("p.report-link", ui.Elt("a#report-link.text-link[href=/history/report]", text.ReportLink)),
			&MonthCalendar{
				Month: p.month, Days: p.monthDays, Today: p.today,
				CanPrev: p.month.After(p.first), CanNext: p.month.Before(p.thisMonth()),
				OnMove: p.onMonth, OnDay: p.onDay, Chosen: p.day,
			},
			p.renderDay(),
			ui.El("section[aria-labelledby=charts-title]",
				ui.Elt("h2#charts-title", text.ChartsTitle),
				weeksChart(p.weeks),
				painChart(p.pain),
			),
			p.renderRecent(),
		)
	}
	return ui.Page("history", append(body, &ui.KeptCopies{Unreadable: p.unreadable, Kept: p.kept}, p.backupPanel())...)
}

// launching says whether the app is drawing its first frame over the
// server's page: go-app removes its loader once that frame is drawn.
func launching() bool { return app.Window().GetElementByID("app-wasm-loader").Truthy() }

// emptyHistory says that no session is kept yet, and where to start one.
func emptyHistory() app.UI {
	return ui.El("p#history-empty.lead",
		app.Text(text.Empty+" "),
		ui.Elt("a[href=/]", text.EmptyLink),
	)
}

// backupPanel is the backup panel for what was read: it imports only into a
// history that may be written.
func (p *Page) backupPanel() *BackupPanel {
	return &BackupPanel{History: p.hist, Writable: p.status.Writable(), OnImported: p.onImported}
}

// thisMonth is the first day of today's month.
func (p *Page) thisMonth() time.Time {
	today, _ := time.Parse(data.DateLayout, p.today)
	return monthStart(today)
}

// renderBanners says what happened to damaged or newer history, and what
// changed by itself.
func (p *Page) renderBanners() []app.UI {
	var out []app.UI
	switch p.status {
	case store.StatusCorrupt:
		box := ui.El("div#history-banner.error.history-banner[role=alert]",
			ui.Elt("h2", text.CorruptTitle),
			ui.Elt("p#history-banner-text", p.loadErr),
			ui.El("div.history-actions",
				ui.Eltx("button#export-damaged.button", text.ExportDamaged).OnClick(p.onExportRaw),
				app.If(!p.confirming, ui.Eltx("button#start-afresh.button", text.StartAfresh).OnClick(p.onAskAfresh)),
				app.If(p.canClear() && !p.clearing, ui.Eltx("button#clear-damaged.button", text.Clear).OnClick(p.onAskClear)),
			),
			app.If(p.afreshFailed && p.exported == "", ui.Elt("p#clear-hint", text.ClearHint)),
			app.If(p.clearing, ui.El("div#confirm-clear.confirm-afresh[role=alertdialog][aria-labelledby=confirm-clear-text]",
				ui.Elt("p#confirm-clear-text", text.ConfirmClear),
				ui.El("div.history-actions",
					ui.Eltx("button#confirm-clear-yes.button.primary", text.ConfirmClearYes).OnClick(p.onClear),
					ui.Eltx("button#confirm-clear-no.button", text.KeepAsIs).OnClick(p.onKeepIt),
				),
			)),
			app.If(p.confirming, ui.El("div#confirm-afresh.confirm-afresh[role=alertdialog][aria-labelledby=confirm-afresh-text]",
				ui.Elt("p#confirm-afresh-text", fmt.Sprintf(text.ConfirmAfresh, p.hist.CopyKey)),
				ui.El("div.history-actions",
					ui.Eltx("button#confirm-afresh-yes.button.primary", text.ConfirmAfreshYes).OnClick(p.onStartAfresh),
					ui.Eltx("button#confirm-afresh-no.button", text.KeepAsIs).OnClick(p.onKeepAsIs),
				),
			)),
		)
		out = append(out, box)
	case store.StatusNewer:
		out = append(out, ui.El("div#history-banner.notice.history-banner[role=status]",
			ui.Elt("h2", text.NewerTitle),
			ui.Elt("p#history-banner-text", p.loadErr),
			ui.El("div.history-actions",
				ui.Eltx("button#export-damaged.button", text.ExportNewer).OnClick(p.onExportRaw),
			),
		))
	}
	if p.cleared != "" {
		out = append(out, ui.Elt("p#cleared.notice[role=status]", p.cleared))
	}
	if p.afreshKey != "" {
		out = append(out, ui.Elt("p#afresh-done.notice[role=status]", fmt.Sprintf(text.AfreshDone, p.afreshKey)))
	}
	if p.otherTab {
		out = append(out, ui.Elt("p#other-tab.notice[role=status]", text.OtherTab))
	}
	if p.actionErr != "" {
		out = append(out, ui.Elt("p#history-error.error[role=alert]", p.actionErr))
	}
	return out
}

// renderStats shows the streaks and totals.
func (p *Page) renderStats() app.UI {
	s := p.stats
	fact := func(id, label, value string) app.UI {
		return ui.El("div.fact", ui.Elt("dt", label), ui.Eltx("dd", value).ID(id))
	}
	return ui.El("section[aria-labelledby=stats-title]",
		ui.Elt("h2#stats-title.sr-only", text.StatsTitle),
		ui.El("dl#stats.facts.history-stats",
			fact("streak-current", text.CurrentStreak, dayCount(s.CurrentStreak)),
			fact("streak-best", text.BestStreak, dayCount(s.BestStreak)),
			ui.El("div.fact", ui.Elt("dt", text.Sessions), ui.El("dd#total-sessions",
				app.Text(fmt.Sprint(s.Sessions)+" "),
				ui.Elt("span.fact-note", fmt.Sprintf(text.CompleteOf, s.Complete)),
			)),
			fact("total-minutes", text.Minutes, fmt.Sprint(s.Minutes)),
		),
	)
}

// renderRecent lists the most recent sessions, newest first. Names and
// notes are the person's own words, or a backup file's: always text nodes.
func (p *Page) renderRecent() app.UI {
	return ui.El("section[aria-labelledby=recent-title]",
		ui.Elt("h2#recent-title", text.RecentTitle),
		ui.Elt("p#recent-count.muted.small", p.recentCount()),
		p.renderUndo(),
		ui.El("ol#recent.recent-list", app.Range(p.recent).Slice(func(i int) app.UI {
			return p.recentEntry(p.recent[i])
		})),
	)
}

// recentBody shows what one session was.
func recentBody(r data.Record) app.UI {
	badge, badgeClass := text.Partial, "session-badge partial"
	switch {
	case r.Complete:
		badge, badgeClass = text.Complete, "session-badge complete"
	case r.Stopped == data.StoppedHurt:
		badge = text.StoppedHurt
	}
	return ui.Elx("div.session-body",
		ui.Elt("p.session-when", historyWhen(r)),
		ui.El("p.session-what",
			ui.Elt("strong.session-routine", r.RoutineName),
			ui.Eltx("span", badge).Class(badgeClass),
			app.If(recordPainText(r) != "", ui.Elt("span.session-pain", recordPainText(r))),
		),
		app.If(r.Note != "", ui.Elt("p.session-note", r.Note)),
	).DataSet("id", r.ID)
}

// recordPainText says the pain scores of r, or "" when it has none.
func recordPainText(r data.Record) string {
	switch {
	case r.PainBefore != nil && r.PainAfter != nil:
		return fmt.Sprintf(text.PainChange, *r.PainBefore, *r.PainAfter)
	case r.PainBefore != nil:
		return fmt.Sprintf(text.PainOnlyBefore, *r.PainBefore)
	case r.PainAfter != nil:
		return fmt.Sprintf(text.PainOnlyAfter, *r.PainAfter)
	}
	return ""
}

// dayCount says a number of days.
func dayCount(n int) string {
	if n == 1 {
		return text.DayOne
	}
	return fmt.Sprintf(text.Days, n)
}

// historyWhen writes when a session started, as History lists it.
func historyWhen(r data.Record) string { return ui.HistoryDate(r.LocalDate) + " · " + r.LocalTime }

// monthStart is the first day of t's month, in UTC.
func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// recentCount says how many of the sessions the list shows.
func (p *Page) recentCount() string {
	switch n := len(p.sessions); {
	case n == 1:
		return text.RecentOne
	case len(p.recent) == n:
		return fmt.Sprintf(text.RecentAll, ui.SessionsText(n))
	default:
		return fmt.Sprintf(text.RecentCount, len(p.recent), ui.SessionsText(n))
	}
}

// canClear reports whether the damaged history may be cleared: starting
// afresh failed (there is no room to set it aside) and the person has saved
// its text as a file.
func (p *Page) canClear() bool { return p.afreshFailed && p.exported != "" }
