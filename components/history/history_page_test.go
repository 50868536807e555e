package history

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
	"unknot/data/store"
)

// histRecord is a valid record of a session that started at date and clock
// (UTC), complete or not, with optional pain scores and a note.
func histRecord(tb testing.TB, date, clock string, complete bool, before, after *int, note string) data.Record {
	tb.Helper()
	start, err := time.Parse("2006-01-02 15:04", date+" "+clock)
	if err != nil {
		tb.Fatal(err)
	}
	done := 4
	if !complete {
		done = 2
	}
	// The built-in routine of its part of the day, as a person would do.
	routine, name := data.Morning, "Morning routine"
	if data.PartOfDayAt(clock) == data.PartEvening {
		routine, name = data.Evening, "Evening routine"
	}
	r := data.Record{
		ID: uuid.NewString(), Routine: routine, RoutineName: name,
		Exercises: []data.ExerciseLog{{
			Exercise: data.KneeToChest, Name: "Knee-to-chest stretch",
			Reps: 2, RepsDone: done / 2, Holds: 4, HoldsDone: done, HoldMS: 5000,
		}},
		Start: start, End: start.Add(6 * time.Minute), ActiveMS: 5 * 60 * 1000,
		LocalDate: date, LocalTime: clock, Zone: "UTC",
		Complete: complete, PainBefore: before, PainAfter: after, Note: note,
	}
	if err := r.Validate(); err != nil {
		tb.Fatalf("test record: %v", err)
	}
	return r
}

// historyRig mounts a Page at /history with a fixed clock.
type historyRig struct {
	tb   testing.TB
	disp app.ClientDispatcher
	p    *Page
}

func newHistoryRig(tb testing.TB, now time.Time) *historyRig {
	tb.Helper()
	p := &Page{now: func() time.Time { return now }}
	disp := app.NewClientTester(p)
	disp.Nav(&url.URL{Path: "/history"})
	disp.Consume()
	tb.Cleanup(disp.Close)
	return &historyRig{tb: tb, disp: disp, p: p}
}

// do runs fn on the UI goroutine with the page's context.
func (r *historyRig) do(fn func(ctx app.Context)) {
	r.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: r.p, Function: fn})
	r.disp.Consume()
}

func (r *historyRig) html() string { return app.HTMLString(r.p) }

// element returns the HTML of the first element whose opening tag holds
// attr, up to its closing tag (elements of the same name must not nest).
func element(tb testing.TB, html, attr string) string {
	tb.Helper()
	i := strings.Index(html, attr)
	if i < 0 {
		tb.Fatalf("no element with %s", attr)
	}
	open := strings.LastIndex(html[:i], "<")
	name := regexp.MustCompile(`^<([a-z0-9]+)`).FindStringSubmatch(html[open:])[1]
	end := strings.Index(html[open:], "</"+name+">")
	return html[open : open+end]
}

// disabled reports whether the element with attr is aria-disabled. go-app
// prints aria-disabled="true" as a bare attribute.
func disabled(tb testing.TB, html, attr string) bool {
	tb.Helper()
	i := strings.Index(html, attr)
	if i < 0 {
		tb.Fatalf("no element with %s", attr)
	}
	tag := html[strings.LastIndex(html[:i], "<") : i+strings.Index(html[i:], ">")+1]
	return regexp.MustCompile(`aria-disabled(="true")?[ >]`).MatchString(tag)
}

var (
	april15 = time.Date(2026, 4, 15, 10, 0, 0, 0, time.UTC)
)

func TestHistoryPageShowsStreaksTotalsCalendarAndRecent(t *testing.T) {
	st := uitest.FreshStorage(t)
	p := data.PainScore
	recs := []data.Record{
		// A five-day run at the start of the month: the best streak.
		histRecord(t, "2026-04-01", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-02", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-03", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-04", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-05", "07:30", false, nil, nil, ""),
		// The current run, up to today.
		histRecord(t, "2026-04-13", "08:00", true, p(6), p(4), ""),
		histRecord(t, "2026-04-14", "07:00", true, p(5), p(3), "Felt looser"),
		histRecord(t, "2026-04-14", "19:30", true, p(4), p(2), ""),
		histRecord(t, "2026-04-15", "07:15", true, p(3), nil, "<b>not bold</b>"),
	}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatal(err)
	}
	r := newHistoryRig(t, april15)
	html := r.html()
	// go-app writes attributes in any order: match the heading by its id
	// and its text, whatever stands between.
	if !regexp.MustCompile(`<h2 [^>]*id="cal-title"[^>]*>April 2026<`).MatchString(html) {
		t.Error(`page lacks the calendar heading "April 2026"`)
	}
	uitest.MustContain(t, html,
		`id="streak-current">3 days<`,
		`id="streak-best">5 days<`,
		">(8 complete)</span>",
		`id="total-minutes">45<`,
		"Felt looser", "Pain 5 → 3", "Pain before 3", "Ended early",
		"&lt;b&gt;not bold&lt;/b&gt;",
		`id="weeks-chart"`, `id="pain-chart"`, `id="weeks-summary"`, "<table",
	)
	if got := element(t, html, `id="total-sessions"`); !regexp.MustCompile(`>\s*9\s*<`).MatchString(got) {
		t.Errorf("total sessions shows %s, want 9", got)
	}
	if strings.Contains(html, "<b>not bold") {
		t.Error("a note was rendered as HTML")
	}
	both := element(t, html, `data-date="2026-04-14"`)
	if !strings.Contains(both, `mark am`) || !strings.Contains(both, `mark pm`) {
		t.Errorf("14 April lacks its morning and evening marks: %s", both)
	}
	morning := element(t, html, `data-date="2026-04-13"`)
	if !strings.Contains(morning, `mark am`) || strings.Contains(morning, `mark pm`) {
		t.Errorf("13 April should have a morning mark only: %s", morning)
	}
	if empty := element(t, html, `data-date="2026-04-08"`); strings.Contains(empty, `cal-mark `) {
		t.Errorf("8 April has a mark without a session: %s", empty)
	}
	if today := element(t, html, `data-date="2026-04-15"`); !strings.Contains(today, `aria-current="date"`) {
		t.Errorf("today is not marked: %s", today)
	}
	recent := element(t, html, `id="recent"`)
	if n := strings.Count(recent, `class="hist-session"`); n != len(recs) {
		t.Errorf("recent list shows %d sessions, want %d", n, len(recs))
	}
	// Newest first.
	if i, j := strings.Index(recent, "Wed 15 Apr 2026"), strings.Index(recent, "Wed 1 Apr 2026"); i < 0 || j < 0 || i > j {
		t.Errorf("recent list is not newest first: %s", recent)
	}
	if strings.Contains(html, `id="history-banner"`) {
		t.Error("a banner is shown for a history that is fine")
	}
}

func TestHistoryPageMovesBetweenMonthsWithinTheHistory(t *testing.T) {
	st := uitest.FreshStorage(t)
	if _, err := store.SaveRecords(st,
		histRecord(t, "2026-02-20", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-14", "07:30", true, nil, nil, ""),
	); err != nil {
		t.Fatal(err)
	}
	r := newHistoryRig(t, april15)
	if !disabled(t, r.html(), `id="cal-next"`) {
		t.Error("next month is offered from the current month")
	}
	r.do(func(ctx app.Context) { r.p.onMonth(ctx, 1) })
	if got := r.p.month.Format("2006-01"); got != "2026-04" {
		t.Errorf("moved past the current month to %s", got)
	}
	r.do(func(ctx app.Context) { r.p.onMonth(ctx, -1) })
	r.do(func(ctx app.Context) { r.p.onMonth(ctx, -1) })
	html := r.html()
	uitest.MustContain(t, html, `>February 2026<`, `1 session on 1 day in February 2026.`)
	if cell := element(t, html, `data-date="2026-02-20"`); !strings.Contains(cell, "mark am") {
		t.Errorf("20 February lacks its mark: %s", cell)
	}
	if disabled(t, html, `id="cal-next"`) {
		t.Error("next month is not offered from February")
	}
	if !disabled(t, html, `id="cal-prev"`) {
		t.Error("previous month is offered before the first session's month")
	}
	r.do(func(ctx app.Context) { r.p.onMonth(ctx, -1) })
	if got := r.p.month.Format("2006-01"); got != "2026-02" {
		t.Errorf("moved before the first session's month to %s", got)
	}
}

func TestHistoryPageEmpty(t *testing.T) {
	uitest.FreshStorage(t)
	html := newHistoryRig(t, april15).html()
	uitest.MustContain(t, html, `id="history-empty"`, `id="backup"`, `id="export-all"`, `id="backup-file"`)
	for _, absent := range []string{`id="stats"`, `id="calendar"`, `id="history-banner"`} {
		if strings.Contains(html, absent) {
			t.Errorf("an empty history shows %s", absent)
		}
	}
}

func TestHistoryPageCorruptShowsBannerKeepsDataAndStartsAfresh(t *testing.T) {
	st := uitest.FreshStorage(t)
	const garbage = `{"schema":1,"records":[{"id":"nope"` + "\u00e9 \x00"
	if err := st.SetRaw(store.HistoryKey, garbage); err != nil {
		t.Fatal(err)
	}
	r := newHistoryRig(t, april15)
	html := r.html()
	copies := store.KeysWithPrefix(st, store.CorruptPrefix)
	if len(copies) != 1 {
		t.Fatalf("corrupt copies %v, want one", copies)
	}
	if got, _ := st.GetRaw(copies[0]); got != garbage {
		t.Errorf("copy is %q, want the stored text %q", got, garbage)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != garbage {
		t.Errorf("main key changed to %q", got)
	}
	uitest.MustContain(t, html, `id="history-banner"`, `role="alert"`, text.CorruptTitle,
		"&#34;"+copies[0]+"&#34;", `id="export-damaged"`, `id="start-afresh"`, `id="backup"`)
	if strings.Contains(html, `id="confirm-afresh"`) {
		t.Error("the fresh start is confirmed before being asked for")
	}

	// Start afresh asks first; keeping it as it is changes nothing.
	r.do(func(ctx app.Context) { r.p.onAskAfresh(ctx, app.Event{}) })
	uitest.MustContain(t, r.html(), `id="confirm-afresh"`, `id="confirm-afresh-yes"`)
	r.do(func(ctx app.Context) { r.p.onKeepAsIs(ctx, app.Event{}) })
	if got, _ := st.GetRaw(store.HistoryKey); got != garbage {
		t.Errorf("keeping it as it is changed the main key to %q", got)
	}
	r.do(func(ctx app.Context) { r.p.onAskAfresh(ctx, app.Event{}) })
	r.do(func(ctx app.Context) { r.p.onStartAfresh(ctx, app.Event{}) })
	if r.p.status != store.StatusOK {
		t.Errorf("after a fresh start the status is %v, want ok", r.p.status)
	}
	if got, _ := st.GetRaw(copies[0]); got != garbage {
		t.Errorf("the fresh start lost the copy: %q", got)
	}
	html = r.html()
	uitest.MustContain(t, html, `id="afresh-done"`, `id="history-empty"`)
	if strings.Contains(html, `id="history-banner"`) {
		t.Error("the banner stays after a fresh start")
	}
}

func TestHistoryPageNewerIsReadOnly(t *testing.T) {
	st := uitest.FreshStorage(t)
	rec, err := json.Marshal(histRecord(t, "2026-04-14", "07:30", true, nil, nil, "From the future"))
	if err != nil {
		t.Fatal(err)
	}
	newer := `{"schema":99,"records":[` + string(rec) + `],"extra":true}`
	if err := st.SetRaw(store.HistoryKey, newer); err != nil {
		t.Fatal(err)
	}
	r := newHistoryRig(t, april15)
	html := r.html()
	uitest.MustContain(t, html, `id="history-banner"`, text.NewerTitle, "schema 99", "From the future", `id="export-damaged"`)
	if strings.Contains(html, `id="start-afresh"`) {
		t.Error("a fresh start is offered over a newer history")
	}
	if r.p.backupPanel().Writable {
		t.Error("the backup panel may write over a newer history")
	}
	// An import is refused without writing anything.
	pr := newPanelRig(t, r.p.hist.Records, false)
	backup := encodeBackup(t, histRecord(t, "2026-04-15", "07:30", true, nil, nil, ""))
	pr.do(func(ctx app.Context) { pr.b.decode("b.json", backup) })
	uitest.MustContain(t, pr.html(), `id="import-preview"`, `disabled`, text.ImportBlocked)
	pr.do(func(ctx app.Context) { pr.b.onImport(ctx, app.Event{}) })
	if pr.imported != 0 {
		t.Error("OnImported was called for a refused import")
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != newer {
		t.Errorf("the newer history was written over: %q", got)
	}
	if keys := st.Keys(); len(keys) != 1 {
		t.Errorf("keys %v, want only the history", keys)
	}
}

// encodeBackup writes recs as a backup file.
func encodeBackup(tb testing.TB, recs ...data.Record) string {
	tb.Helper()
	raw, err := store.EncodeBackup(store.NewBackup(recs, data.DefaultSettings(), nil, april15))
	if err != nil {
		tb.Fatal(err)
	}
	return string(raw)
}

func TestBackupPanelPreviewsThenImportsAndRejectsBadFiles(t *testing.T) {
	st := uitest.FreshStorage(t)
	here := histRecord(t, "2026-04-10", "07:30", true, nil, nil, "")
	if _, err := store.SaveRecords(st, here); err != nil {
		t.Fatal(err)
	}
	r := newPanelRig(t, []data.Record{here}, true)
	panel := r.b

	before, _ := st.GetRaw(store.HistoryKey)
	for _, bad := range []string{
		`{"type":"unknot-backup","version":1,"surprise":1}`,
		`{"type":"unknot-backup","version":"one"}`,
		`not json at all`,
		`{"type":"unknot-backup","version":1,"<img src=x onerror=alert(1)>":1}`,
	} {
		_, want := store.DecodeBackup(strings.NewReader(bad))
		if want == nil {
			t.Fatalf("%s decodes", bad)
		}
		r.do(func(ctx app.Context) { panel.decode("bad.json", bad) })
		html := r.html()
		if got := element(t, html, `id="import-error"`); !strings.HasSuffix(got, ">"+app.HTMLString(app.Text(want.Error()))) {
			t.Errorf("rejection shows %s, want the decoder's words %q", got, want)
		}
		if strings.Contains(html, "<img") {
			t.Errorf("a name in a rejected file became an element: %s", element(t, html, `id="import-error"`))
		}
		if got, _ := st.GetRaw(store.HistoryKey); got != before {
			t.Errorf("a rejected file changed the history")
		}
	}

	// Too large: refused by size alone.
	r.do(func(ctx app.Context) { panel.reject("big.json", store.CheckBackupSize(store.MaxBackupBytes+1)) })
	uitest.MustContain(t, r.html(), "larger than the")

	incoming := []data.Record{
		here, // already here
		histRecord(t, "2026-03-01", "07:30", true, nil, nil, "<img src=x onerror=alert(1)>"),
		histRecord(t, "2026-03-02", "19:30", false, nil, nil, ""),
	}
	changed := here
	changed.Note = "changed elsewhere"
	r.do(func(ctx app.Context) { panel.decode("good.json", encodeBackup(t, incoming...)) })
	html := r.html()
	uitest.MustContain(t, html, `id="import-preview"`, "Ready to import good.json",
		"What importing it does: 2 new sessions and 1 already here.",
		"From Sun 1 Mar 2026 to ")
	r.do(func(ctx app.Context) { panel.onCancel(ctx, app.Event{}) })
	if strings.Contains(r.html(), `id="import-preview"`) {
		t.Error("Cancel kept the preview")
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != before {
		t.Error("a cancelled import changed the history")
	}

	// The same session, with a note the copy here lacks, merges as two
	// tabs' copies do: the one with more answers wins (store.MergeRecords).
	incoming[0] = changed
	r.do(func(ctx app.Context) { panel.decode("good.json", encodeBackup(t, incoming...)) })
	uitest.MustContain(t, r.html(), "What importing it does: 2 new sessions and 1 session updated from the backup.")
	r.do(func(ctx app.Context) { panel.onImport(ctx, app.Event{}) })
	html = r.html()
	uitest.MustContain(t, html, `id="import-done"`, "Imported: 2 new sessions and 1 session updated from the backup.")
	if r.imported != 1 {
		t.Errorf("OnImported called %d times, want once", r.imported)
	}
	h, _, err := store.LoadHistory(st, april15)
	if err != nil || len(h.Records) != 3 {
		t.Fatalf("stored after import: %d records, %v; want 3", len(h.Records), err)
	}
	for _, rec := range h.Records {
		if rec.ID == here.ID && rec.Note != changed.Note {
			t.Errorf("the session here has note %q after the import, want the backup's %q", rec.Note, changed.Note)
		}
	}
}

// panelRig mounts a BackupPanel on its own, counting its imports.
type panelRig struct {
	disp     app.ClientDispatcher
	b        *BackupPanel
	imported int
}

func newPanelRig(tb testing.TB, records []data.Record, writable bool) *panelRig {
	tb.Helper()
	r := &panelRig{}
	r.b = &BackupPanel{History: store.History{Records: records}, Writable: writable, OnImported: func(app.Context) { r.imported++ }}
	r.disp = app.NewClientTester(r.b)
	r.disp.Consume()
	tb.Cleanup(r.disp.Close)
	return r
}

func (r *panelRig) do(fn func(ctx app.Context)) {
	r.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: r.b, Function: fn})
	r.disp.Consume()
}

func (r *panelRig) html() string { return app.HTMLString(r.b) }

func TestHistoryPageReloadsWhenAnotherTabSaves(t *testing.T) {
	st := uitest.FreshStorage(t)
	if _, err := store.SaveRecords(st, histRecord(t, "2026-04-14", "07:30", true, nil, nil, "")); err != nil {
		t.Fatal(err)
	}
	r := newHistoryRig(t, april15)
	if _, err := store.SaveRecords(st, histRecord(t, "2026-04-15", "07:30", true, nil, nil, "Saved elsewhere")); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.html(), "Saved elsewhere") {
		t.Fatal("the page read the history again without being told")
	}
	// What the other tab's storage event calls (webapi.OtherTabs).
	r.do(r.p.onHistoryChanged)
	uitest.MustContain(t, r.html(), `id="other-tab"`, text.OtherTab, "Saved elsewhere", `id="streak-current">2 days<`)
}

func TestHistoryPageStaysQuickWithTenYears(t *testing.T) {
	st := uitest.FreshStorage(t)
	var recs []data.Record
	day := april15.AddDate(-10, 0, 0)
	for len(recs) < 7300 {
		d := day.Format(data.DateLayout)
		recs = append(recs,
			histRecord(t, d, "07:30", true, data.PainScore(len(recs)%11), data.PainScore(len(recs)%7), "note"),
			histRecord(t, d, "19:30", len(recs)%3 != 0, nil, nil, ""))
		day = day.AddDate(0, 0, 1)
	}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := newHistoryRig(t, april15)
	html := r.html()
	took := time.Since(start)
	t.Logf("7300 sessions: read and drawn in %v, %d bytes of HTML", took, len(html))
	if took > 5*time.Second {
		t.Errorf("the page took %v with 7300 sessions", took)
	}
	if n := strings.Count(html, `class="hist-session"`); n != recentCount {
		t.Errorf("%d sessions listed, want %d", n, recentCount)
	}
	if n := strings.Count(html, `data-date=`); n != 30 {
		t.Errorf("%d calendar days drawn, want April's 30", n)
	}
	if got := element(t, html, `id="total-sessions"`); !regexp.MustCompile(fmt.Sprintf(`>\s*%d\s*<`, len(recs))).MatchString(got) {
		t.Errorf("total sessions shows %s, want %d", got, len(recs))
	}
	if len(html) > 200_000 {
		t.Errorf("the page is %d bytes of HTML with 7300 sessions: it draws too much", len(html))
	}
}
