package e2e

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// The crash soak kills the page at random moments, the way a phone kills a
// backgrounded tab (Page.crash: no pagehide, no beforeunload), then opens
// the app again and checks that nothing the person recorded was lost.
//
// make test runs soakDefaultKills of them, always the same draw
// (soakTestSeed); make soak runs more (UNKNOT_SOAK_KILLS, 1,000 by
// default) and UNKNOT_SOAK_SEED replays a run. Every run prints its seed.
const soakDefaultKills = 50

// soakTestSeed is the seed make test runs.
const soakTestSeed = 20261202

// soakKills and soakSeed read the soak's size and seed from the
// environment.
func soakKills(t *testing.T) int {
	t.Helper()
	s := os.Getenv("UNKNOT_SOAK_KILLS")
	if s == "" {
		return soakDefaultKills
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("UNKNOT_SOAK_KILLS=%q: want a positive number", s)
	}
	return n
}

func soakSeed(t *testing.T) uint64 {
	t.Helper()
	s := os.Getenv("UNKNOT_SOAK_SEED")
	if s == "" && os.Getenv("UNKNOT_SOAK_KILLS") == "" {
		// make test: the same kills every run, so that a red run is
		// about the change, not the draw; make soak draws new ones.
		return soakTestSeed
	}
	if s == "" {
		return uint64(time.Now().UnixNano())
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatalf("UNKNOT_SOAK_SEED=%q: want a number", s)
	}
	return n
}

func TestSoak(t *testing.T) {
	h := setup(t)
	seed := soakSeed(t)
	kills := soakKills(t)
	fmt.Fprintf(os.Stderr, "soak: seed %d, %d kills (replay: make soak SEED=%d KILLS=%d)\n", seed, kills, seed, kills)
	runSoak(t, h, seed, kills)
}

// soaker is one soak run: a browser context (the installed app's profile),
// what the person was told, and what storage held before each kill.
type soaker struct {
	t    *testing.T
	h    *harness
	rng  *rand.Rand
	root *tab // holds the browser context open between kills

	// promised are the sessions whose finished screen said they were
	// saved, as it showed them last.
	promised map[string]promise
	// trail says what each kill did, for the failure message.
	trail []string
	start time.Time
	// known is what storage held at the last check.
	known stored
	// discardedIDs are the sessions the person discarded since the last
	// check, when asked before a Start; resumed the one they resumed.
	discardedIDs map[string]bool
	resumed      string
	// checking is the time spent opening the app again and checking.
	checking time.Duration
}

// promise is what the finished screen showed of a saved session.
type promise struct {
	complete  bool
	painAfter *int
	note      string
}

// snapshot is what storage and the screen held just before a kill.
type snapshot struct {
	store map[string]string
	// running is the session on screen and the plan step it showed,
	// when a player was running.
	running     bool
	runningStep int
	// discarded is the session the person chose to discard.
	discarded string
}

func runSoak(t *testing.T, h *harness, seed uint64, kills int) {
	s := &soaker{t: t, h: h, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		promised: map[string]promise{}, discardedIDs: map[string]bool{}, start: time.Now()}
	s.root = newTab(t)
	// Install the app once, as a person's first visit would.
	s.root.open(t, h.base, "/")
	s.root.waitControlled(t)
	acceptSafety(t, s.root)

	scenarios := []struct {
		name string
		run  func(tb *tab) snapshot
	}{
		{"start", s.killAtStart},
		{"mid-session", s.killMidSession},
		{"end", s.killAtTheEnd},
		{"pain and note", s.killAtPainOrNote},
		{"resume offer", s.killAtResumeOffer},
		{"two tabs", s.killWithTwoTabs},
		{"import", s.killDuringImport},
		{"after a save", s.killJustAfterSave},
		{"waiting save", s.killWhileSavingWhatWaits},
	}
	tb := s.tab()
	tb.open(t, h.base, "/")
	spent, count := map[string]time.Duration{}, map[string]int{}
	defer func() {
		for _, sc := range scenarios {
			if n := count[sc.name]; n > 0 {
				fmt.Fprintf(os.Stderr, "soak: %-13s %3d kills, %v each\n", sc.name, n, (spent[sc.name] / time.Duration(n)).Round(10*time.Millisecond))
			}
		}
	}()
	for i := 0; i < kills; i++ {
		sc := scenarios[s.rng.IntN(len(scenarios))]
		s.trail = append(s.trail, sc.name)
		began := time.Now()
		snap := sc.run(tb)
		spent[sc.name] += time.Since(began)
		count[sc.name]++
		tb = s.check(snap)
		if i%10 == 9 {
			fmt.Fprintf(os.Stderr, "soak: %d kills in %v (%v of it reopening and checking)\n", i+1,
				time.Since(s.start).Round(time.Second), s.checking.Round(time.Second))
		}
	}
	chromedp.Cancel(tb.ctx)
	took := time.Since(s.start)
	fmt.Fprintf(os.Stderr, "soak: %d kills, no invariant broken, in %v (%v a kill; %v reopening and checking)\n",
		kills, took.Round(time.Second), (took / time.Duration(kills)).Round(10*time.Millisecond), s.checking.Round(time.Second))
}

// goTo moves tb's app to path as a link in the app would, without loading
// the page again.
func (s *soaker) goTo(tb *tab, path string) {
	eval[bool](s.t, tb, `((p) => { const a = document.createElement("a"); a.href = p;
		document.body.appendChild(a); a.click(); a.remove(); return true; })(`+jsString(path)+`)`)
}

// until waits for the expression to find an element, letting the page's
// virtual time run meanwhile: its timers, and the browser's work it waits
// for (reading a file, say), move only while virtual time runs.
func (s *soaker) until(tb *tab, expr, what string) {
	s.t.Helper()
	for range 200 {
		if eval[bool](s.t, tb, `!!(`+expr+`)`) {
			return
		}
		advance(s.t, tb, 50*time.Millisecond)
	}
	s.fail("%s: %.300q", what, text(s.t, tb, "main"))
}

// tap clicks the element matching selector from a script, which finds it
// at the moment of the click: the app may redraw it between a lookup and a
// click at its place. It fails when the element is not there.
func (s *soaker) tap(tb *tab, selector string) {
	s.t.Helper()
	if !eval[bool](s.t, tb, `((q) => { const e = document.querySelector(q); if (!e) return false; e.click(); return true; })(`+jsString(selector)+`)`) {
		s.fail("no %s to tap: %.300q", selector, text(s.t, tb, "main"))
	}
}

// tab opens a new tab in the run's browser context, closed by its kill.
// Its voice is the cue recorder's, which speaks on the page's virtual
// time: a real voice would speak in real time and hold every step of a
// session running on virtual time back until it had finished.
func (s *soaker) tab() *tab {
	ctx, _ := chromedp.NewContext(s.root.ctx)
	tb := watch(s.t, ctx)
	recordCues(s.t, tb)
	return tb
}

// fail stops the run with what the kills did, so it can be replayed.
func (s *soaker) fail(format string, args ...any) {
	s.t.Helper()
	s.t.Fatalf("kill %d (%s): %s\nkills so far: %v", len(s.trail), s.trail[len(s.trail)-1],
		fmt.Sprintf(format, args...), s.trail)
}

// kill crashes tb's renderer as a phone's system would and closes the tab.
// When during is set, virtual time is running for that long while the
// crash is sent, so the kill falls inside whatever the page is doing.
func (s *soaker) kill(tb *tab, during time.Duration) {
	if during > 0 {
		go runVirtualTime(tb.ctx, during)
		time.Sleep(time.Duration(s.rng.IntN(20)) * time.Millisecond)
	}
	// The call never gets its answer, the page is gone: the tab's crash
	// event says when.
	ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
	defer cancel()
	crashed := chromedp.Events(ctx, inspector.TargetCrashed)
	go chromedp.Call(ctx, page.Crash, cdp.Empty{})
	for range crashed {
		break
	}
	chromedp.Cancel(tb.ctx)
}

// wait lets virtual time run for a random time up to max. A kill follows,
// so a budget that never reports its end (a page busy at that moment)
// only moves the kill on, and does not stop the run.
func (s *soaker) wait(tb *tab, max time.Duration) {
	d := time.Duration(s.rng.Int64N(int64(max) + 1))
	if d <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	browsertest.Advance(ctx, d)
}

// killSomewhere kills tb now, while virtual time stands still, or during a
// short run of it.
func (s *soaker) killSomewhere(tb *tab) snapshot {
	snap := s.snapshot(tb)
	if s.rng.IntN(3) == 0 {
		s.kill(tb, time.Duration(50+s.rng.IntN(400))*time.Millisecond)
	} else {
		s.kill(tb, 0)
	}
	return snap
}

// routine is a short routine that any day allows: the bridge and the
// flexibility exercise are counted per day, and the day's may be done.
func (s *soaker) routine() string {
	return []string{data.KneeToChest, data.Rotation, data.CatStretch}[s.rng.IntN(3)]
}

func (s *soaker) killAtStart(tb *tab) snapshot {
	s.goTo(tb, "/session/"+s.routine())
	s.begin(tb)
	s.wait(tb, 400*time.Millisecond)
	return s.killSomewhere(tb)
}

func (s *soaker) killMidSession(tb *tab) snapshot {
	routine := []string{data.Evening, data.Morning, data.KneeToChest}[s.rng.IntN(3)]
	s.goTo(tb, "/session/"+routine)
	s.begin(tb)
	s.wait(tb, 90*time.Second)
	return s.killSomewhere(tb)
}

// toTheEnd plays a short routine to its finished screen.
func (s *soaker) toTheEnd(tb *tab) {
	s.goTo(tb, "/session/"+s.routine())
	s.begin(tb)
	playOnVirtualTime(s.t, tb, 10*time.Minute)
	waitText(s.t, tb, "#finished-title", "Well done")
}

func (s *soaker) killAtTheEnd(tb *tab) snapshot {
	s.goTo(tb, "/session/"+s.routine())
	s.begin(tb)
	// Short routines end within three minutes: the kill falls around the
	// end and its deferred save.
	advance(s.t, tb, 60*time.Second)
	for text(s.t, tb, "#finished-title") == "" {
		advance(s.t, tb, time.Duration(50+s.rng.IntN(2000))*time.Millisecond)
	}
	s.wait(tb, 150*time.Millisecond)
	return s.killSomewhere(tb)
}

func (s *soaker) killAtPainOrNote(tb *tab) snapshot {
	s.toTheEnd(tb)
	if s.rng.IntN(2) == 0 {
		n := s.rng.IntN(11)
		s.tap(tb, "#pain-after-"+strconv.Itoa(n))
		s.wait(tb, 200*time.Millisecond)
	}
	if s.rng.IntN(2) == 0 {
		note := fmt.Sprintf("soak note %d", s.rng.IntN(1000))
		eval[bool](s.t, tb, `((v) => { const n = document.getElementById("note"); n.focus(); n.value = v;
			n.dispatchEvent(new Event("input", {bubbles: true}));
			n.dispatchEvent(new Event("change", {bubbles: true})); return true; })(`+jsString(note)+`)`)
		s.wait(tb, 200*time.Millisecond)
	}
	return s.killSomewhere(tb)
}

// killAtResumeOffer leaves a session unfinished, then kills the page while
// the person answers the offer to resume it.
func (s *soaker) killAtResumeOffer(tb *tab) snapshot {
	s.goTo(tb, "/session/"+data.Evening)
	s.begin(tb)
	advance(s.t, tb, time.Duration(5+s.rng.IntN(60))*time.Second)
	tb = s.check(s.killSomewhere(tb))
	s.until(tb, `document.getElementById("resume-go") || document.getElementById("resume-save")`,
		"no offer to resume the unfinished session")
	return s.answerOffer(tb)
}

// answerOffer answers the first session the offer shows at random
// (resume, save as partial, discard, or discard then undo) and kills the
// page a moment later.
func (s *soaker) answerOffer(tb *tab) snapshot {
	answer := []string{"#resume-go", "#resume-save", "#resume-discard", "undo"}[s.rng.IntN(4)]
	click := answer
	if answer == "undo" {
		click = "#resume-discard"
	}
	if !eval[bool](s.t, tb, `document.querySelector(`+jsString(click)+`) !== null`) {
		answer, click = "#resume-save", "#resume-save"
	}
	s.trail[len(s.trail)-1] += " " + answer
	offered := s.offeredID(tb)
	switch answer {
	case "#resume-discard":
		offered = s.discard(tb)
	case "undo":
		s.discard(tb)
		s.until(tb, `document.getElementById("resume-undo")`, "no Undo after Discard")
		s.wait(tb, 200*time.Millisecond)
		s.tap(tb, "#resume-undo")
	default:
		s.tap(tb, click)
	}
	s.wait(tb, 300*time.Millisecond)
	if answer == "#resume-go" {
		// The session resumed is the one its address names.
		s.resumed = eval[string](s.t, tb, `new URLSearchParams(location.search).get("resume") || ""`)
	}
	snap := s.killSomewhere(tb)
	if answer == "#resume-discard" {
		snap.discarded = offered
	}
	return snap
}

// offeredID is the record id of the first session the offer shows: the
// one its Resume link names, or else the first of the checkpoints in the
// order the offer lists them (store.LoadCheckpoints; no other tab runs a
// session then, every other one was killed).
func (s *soaker) offeredID(tb *tab) string {
	href := eval[string](s.t, tb, `(document.getElementById("resume-go") || {}).href || ""`)
	if _, id, ok := strings.Cut(href, "resume="); ok {
		return id
	}
	st := &store.MemoryStorage{}
	for k, v := range s.snapshot(tb).store {
		st.SetRaw(k, v)
	}
	if cs := s.checkpoints(st); len(cs) > 0 {
		return cs[0].RecordID
	}
	return ""
}

// checkpointIDs are the record ids of the stored checkpoints.
func (s *soaker) checkpointIDs(tb *tab) map[string]bool {
	ids := map[string]bool{}
	for _, id := range eval[[]string](s.t, tb, `Object.keys(localStorage).filter((k) => k.startsWith("`+store.CheckpointPrefix+`")).map((k) => k.slice(`+strconv.Itoa(len(store.CheckpointPrefix))+`))`) {
		ids[id] = true
	}
	return ids
}

// discard clicks the offer's first Discard and returns the session it took
// out of storage, read from storage itself: the page's elements may still
// be those of the session answered before.
func (s *soaker) discard(tb *tab) string {
	before := s.checkpointIDs(tb)
	s.tap(tb, "#resume-discard")
	for range 20 {
		after := s.checkpointIDs(tb)
		for id := range before {
			if !after[id] {
				return id
			}
		}
		s.wait(tb, 100*time.Millisecond)
	}
	return ""
}

// begin presses Start; when sessions wait to be resumed the app asks
// about them first, and each is answered as a person would. Start is
// tapped from a script, which finds it at the moment of the tap: the
// button is redrawn, and goes, while the app asks; a tap while the app
// works out whether to ask starts nothing more (the player ignores it).
func (s *soaker) begin(tb *tab) {
	for range 20 {
		// The safety advice, the first time, then Start.
		eval[bool](s.t, tb, `(() => { const b = document.getElementById("safety-accept") || document.getElementById("start"); if (b) b.click(); return true; })()`)
		s.wait(tb, 100*time.Millisecond)
		s.until(tb, `document.getElementById("resume-ask") || document.getElementById("step-progress") || document.getElementById("start")`,
			"neither the offer nor the running player after Start")
		if eval[bool](s.t, tb, `document.getElementById("step-progress") !== null`) {
			return
		}
		if !eval[bool](s.t, tb, `document.getElementById("resume-ask") !== null && document.getElementById("resume-save") !== null`) {
			continue // Start again: the offer settled, or the app is still working out whether to ask
		}
		if s.rng.IntN(2) == 0 {
			s.trail[len(s.trail)-1] += " asked:save"
			s.tap(tb, "#resume-save")
			continue
		}
		id := s.discard(tb)
		s.trail[len(s.trail)-1] += " asked:discard:" + id[:min(8, len(id))]
		s.discardedIDs[id] = true
	}
	s.fail("Start did not start the session")
}

// killWithTwoTabs plays a short routine in two tabs at once and kills one
// of them around the end.
func (s *soaker) killWithTwoTabs(a *tab) snapshot {
	b := s.tab()
	b.open(s.t, s.h.base, "/session/"+s.routine())
	s.goTo(a, "/session/"+s.routine())
	// The second tab starts once the first one's session runs and holds
	// its lock, as a person switching tabs would.
	s.begin(a)
	advance(s.t, a, time.Second)
	s.begin(b)
	done := make(chan struct{})
	go func() {
		defer close(done)
		runVirtualTime(b.ctx, 10*time.Minute)
	}()
	advance(s.t, a, 10*time.Minute)
	<-done
	waitText(s.t, a, "#finished-title", "Well done")
	s.wait(a, 100*time.Millisecond)
	// The survivor's promise counts too.
	s.snapshot(b)
	victim, survivor := a, b
	if s.rng.IntN(2) == 0 {
		victim, survivor = b, a
	}
	snap := s.killSomewhere(victim)
	advance(s.t, survivor, 500*time.Millisecond)
	s.snapshot(survivor)
	chromedp.Cancel(survivor.ctx)
	return snap
}

// killDuringImport imports a backup from another phone, of one to three
// sessions new here and one already here, and kills the page while the
// import merges it into the history, or just after it said it was done.
func (s *soaker) killDuringImport(tb *tab) snapshot {
	var recs []data.Record
	for range 1 + s.rng.IntN(3) {
		day := time.Now().AddDate(0, 0, -1-s.rng.IntN(60))
		clock := fmt.Sprintf("%02d:%02d", 6+s.rng.IntN(15), s.rng.IntN(60))
		recs = append(recs, e2eRecord(s.t, day, clock, s.rng.IntN(2) == 0,
			nil, data.PainScore(s.rng.IntN(11)), fmt.Sprintf("from the old phone %d", s.rng.IntN(1000))))
	}
	fresh := slices.Clone(recs)
	if ids := slices.Sorted(maps.Keys(s.known.records)); len(ids) > 0 {
		recs = append(recs, s.known.records[ids[s.rng.IntN(len(ids))]])
	}
	settings := data.DefaultSettings()
	settings.SafetyAccepted = true
	raw, err := store.EncodeBackup(store.NewBackup(recs, settings, nil, time.Now()))
	if err != nil {
		s.fail("writing the backup: %v", err)
	}
	file := writeFile(s.t, "unknot-backup.json", raw)
	s.goTo(tb, "/history")
	s.until(tb, `document.getElementById("backup-file")`, "no way to import a backup on History")
	tb.do(s.t, "choosing the backup", chromedp.SetUploadFiles(chromedp.CSS("#backup-file"), []string{file}))
	s.until(tb, `document.getElementById("import-confirm")`, "no preview of the backup")
	s.tap(tb, "#import-confirm")
	s.wait(tb, 300*time.Millisecond)
	if strings.HasPrefix(text(s.t, tb, "#import-done"), "Imported:") {
		// The person was told: every session of the file is here now.
		for _, r := range fresh {
			s.promised[r.ID] = promise{complete: r.Complete, painAfter: r.PainAfter, note: r.Note}
		}
		s.trail[len(s.trail)-1] += " done"
	}
	return s.killSomewhere(tb)
}

// killJustAfterSave plays a short routine to its end and kills the page as
// soon as the finished screen says the session is saved: its checkpoint is
// still there (a later start lets go of it), and the next start must find
// the session in the history and not offer it to resume.
func (s *soaker) killJustAfterSave(tb *tab) snapshot {
	s.toTheEnd(tb)
	for try := 0; try < 40; try++ {
		if got := text(s.t, tb, "#saved"); got != "" && !strings.Contains(got, "Saving") {
			break
		}
		advance(s.t, tb, 20*time.Millisecond)
	}
	return s.killSomewhere(tb)
}

// killWhileSavingWhatWaits leaves a session waiting to be saved, as a full
// storage leaves one (store.KeepPending; the person was told it is kept),
// then opens the app, whose start saves it into the history and lets its
// waiting copy go, and kills the page in the middle of that: between the
// history's write and the waiting copy's removal among others.
func (s *soaker) killWhileSavingWhatWaits(tb *tab) snapshot {
	day := time.Now().AddDate(0, 0, -1-s.rng.IntN(30))
	rec := e2eRecord(s.t, day, fmt.Sprintf("%02d:%02d", 6+s.rng.IntN(15), s.rng.IntN(60)), s.rng.IntN(2) == 0,
		nil, data.PainScore(s.rng.IntN(11)), fmt.Sprintf("kept while storage was full %d", s.rng.IntN(1000)))
	st := &store.MemoryStorage{}
	if err := store.KeepPending(st, rec); err != nil {
		s.fail("keeping a session to save later: %v", err)
	}
	for _, k := range st.Keys() {
		v, _ := st.GetRaw(k)
		setItem(s.t, tb, k, v)
	}
	s.promised[rec.ID] = promise{complete: rec.Complete, painAfter: rec.PainAfter, note: rec.Note}
	// A start of the app, in a tab of its own: this one's time stands
	// still since its last budget of virtual time, and a page loaded in it
	// would wait for its load event for ever.
	chromedp.Cancel(tb.ctx)
	tb = s.tab()
	tb.do(s.t, "starting the app again", chromedp.Navigate(s.h.base+"/"))
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := waitReady(ctx); err != nil {
		s.fail("the app did not start again: %v", err)
	}
	s.wait(tb, 60*time.Millisecond)
	return s.killSomewhere(tb)
}
