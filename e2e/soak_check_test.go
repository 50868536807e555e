package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"unknot/data"
	"unknot/data/store"
	"unknot/internal/browsertest"
)

// snapshot reads what the page shows and what storage holds, and takes
// the finished screen's word that a session is saved as a promise.
func (s *soaker) snapshot(tb *tab) snapshot {
	raw := eval[string](s.t, tb, `(() => {
		const out = {store: {}, saved: "", id: "", title: "", pain: -1, note: "", step: -1};
		for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); out.store[k] = localStorage.getItem(k); }
		const saved = document.getElementById("saved");
		out.saved = saved ? saved.textContent.trim() : "";
		const again = document.getElementById("again");
		out.id = again ? new URL(again.href).searchParams.get("again") || "" : "";
		const title = document.getElementById("finished-title");
		out.title = title ? title.textContent.trim() : "";
		const on = document.querySelector("#pain-after [aria-pressed=true]");
		out.pain = on ? Number(on.textContent) : -1;
		const note = document.getElementById("note");
		out.note = note ? note.value : "";
		const progress = document.getElementById("step-progress");
		out.step = progress && progress.hasAttribute("value") && !document.getElementById("finished-title") ? Number(progress.value) : -1;
		return JSON.stringify(out);
	})()`)
	var v struct {
		Store                  map[string]string
		Saved, ID, Title, Note string
		Pain, Step             int
	}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		s.t.Fatalf("reading the page: %v", err)
	}
	if v.Saved == "Saved to your history on this device." && v.ID != "" {
		p := promise{complete: v.Title == "Well done", note: v.Note}
		if v.Pain >= 0 {
			p.painAfter = data.PainScore(v.Pain)
		}
		s.promised[v.ID] = p
	}
	return snapshot{store: v.Store, running: v.Step >= 0, runningStep: v.Step}
}

// check opens the app again after a kill and checks every invariant
// against what storage held just before it (before) and what the person
// was told, once the first screen has read the storage.
//
// It returns the tab it opened, on the first screen, for the next kill.
func (s *soaker) check(before snapshot) *tab {
	defer func(start time.Time) { s.checking += time.Since(start) }(time.Now())
	tb := s.tab()
	tb.open(s.t, s.h.base, "/")
	advance(s.t, tb, 500*time.Millisecond)
	local := s.snapshot(tb).store
	now := time.Now()
	after := s.load(local, now, true)
	// What storage held before the kill, and at the last check: a session
	// lost between them (say, overwritten by the next one started) is
	// lost all the same.
	prior := s.load(before.store, now, false)
	for id, r := range s.known.records {
		if _, ok := prior.records[id]; !ok {
			prior.records[id] = r
		}
	}
	for id, c := range s.known.checkpoints {
		if _, ok := prior.checkpoints[id]; !ok {
			prior.checkpoints[id] = c
		}
	}
	defer func() { s.known, s.discardedIDs, s.resumed = after, map[string]bool{}, "" }()

	for id, p := range s.promised {
		r, ok := after.records[id]
		switch {
		case !ok:
			s.fail("session %s was shown as saved but is not in the history", id)
		case p.complete && !r.Complete:
			s.fail("session %s was saved complete and is now partial", id)
		case p.painAfter != nil && (r.PainAfter == nil || *r.PainAfter != *p.painAfter):
			s.fail("session %s was saved with pain after %d, the history has %v", id, *p.painAfter, r.PainAfter)
		case p.note != r.Note:
			s.fail("session %s was saved with the note %q, the history has %q", id, p.note, r.Note)
		}
	}
	// Nothing stored before the kill is lost or made less.
	for id, r := range prior.records {
		now, ok := after.records[id]
		switch {
		case !ok:
			s.fail("session %s was in the history before the kill and is gone", id)
		case r.Complete && !now.Complete:
			s.fail("session %s was complete before the kill and is now partial", id)
		case r.PainBefore != nil && now.PainBefore == nil, r.PainAfter != nil && now.PainAfter == nil:
			s.fail("session %s lost its pain score in the kill", id)
		case r.Note != "" && now.Note == "":
			s.fail("session %s lost its note in the kill", id)
		}
	}
	// Every started session is saved or still offered, no further back
	// than it was.
	for id, c := range prior.checkpoints {
		if _, saved := after.records[id]; saved {
			continue
		}
		if _, ok := after.checkpoints[id]; !ok && !s.discarded(before, id) {
			s.fail("the unfinished session %s (%s, %v in) is neither saved nor offered after the kill", id, c.Routine.ID, c.Elapsed())
		}
	}
	if before.running {
		// The session on screen: the one resumed, or the one whose
		// checkpoint is new since the last check. A tab's clock runs on
		// virtual time, so the checkpoints' own times cannot tell.
		var running []string
		if s.resumed != "" {
			running = append(running, s.resumed)
		} else {
			for id := range s.load(before.store, now, false).checkpoints {
				if _, old := s.known.checkpoints[id]; !old {
					running = append(running, id)
				}
			}
		}
		if len(running) == 0 {
			s.fail("a session ran at %d s into its plan but had no checkpoint", before.runningStep)
		}
		for _, id := range running {
			if _, saved := after.records[id]; saved {
				continue
			}
			now, ok := after.checkpoints[id]
			if !ok {
				s.fail("the running session %s is neither saved nor offered after the kill", id)
			}
			if len(running) > 1 {
				continue
			}
			plan, err := data.Compile(now.Routine, data.DefaultCatalogue(), now.TimingOr(data.DefaultSettings().Timing()))
			if err != nil {
				s.fail("the checkpoint's routine does not compile: %v", err)
			}
			shown := plan.At(time.Duration(before.runningStep) * time.Second).Segment.Step
			kept := plan.At(now.Elapsed()).Segment.Step
			if kept < shown-1 {
				s.fail("session %s showed step %d and is offered from step %d (%v in, %s)", id, shown, kept, now.Elapsed(), now.Routine.ID)
			}
		}
	}
	return tb
}

// discarded reports whether the person discarded the session id before
// the kill, which is theirs to do.
func (s *soaker) discarded(before snapshot, id string) bool {
	return before.discarded == id || s.discardedIDs[id]
}

// stored is what a storage holds, read as the app reads it.
type stored struct {
	records     map[string]data.Record
	checkpoints map[string]data.Checkpoint
}

// load reads local as the app does. strict (the storage after a kill and
// a launch) also holds it to what a launch must leave: nothing damaged,
// no session twice, a summary that agrees with the history.
func (s *soaker) load(local map[string]string, now time.Time, strict bool) stored {
	st := &store.MemoryStorage{}
	for k, v := range local {
		if err := st.SetRaw(k, v); err != nil {
			s.fail("copying %s: %v", k, err)
		}
	}
	out := stored{records: map[string]data.Record{}, checkpoints: map[string]data.Checkpoint{}}
	hist, status, err := store.LoadHistory(st, now)
	if err != nil || !status.Writable() {
		s.fail("the stored history does not load (%v): %v", status, err)
	}
	for _, r := range hist.Records {
		if _, dup := out.records[r.ID]; dup {
			s.fail("session %s is stored twice", r.ID)
		}
		out.records[r.ID] = r
	}
	for _, c := range s.checkpoints(st) {
		out.checkpoints[c.RecordID] = c
	}
	if !strict {
		return out
	}
	for k := range local {
		if strings.HasPrefix(k, store.CorruptPrefix) || strings.HasPrefix(k, store.NewerPrefix) || strings.Contains(k, "corrupt") || strings.Contains(k, "aside") {
			s.fail("storage holds a damaged copy %s after a kill: %.200s", k, local[k])
		}
	}
	if _, err := store.LoadSettings(st); err != nil {
		s.fail("the settings do not load: %v", err)
	}
	// The summary Home reads must be the one the history gives.
	if got, ok := local[store.RecentKey]; ok {
		fresh := &store.MemoryStorage{}
		if raw, has := local[store.HistoryKey]; has {
			fresh.SetRaw(store.HistoryKey, raw)
		}
		if _, err := store.SessionsOn(fresh, now.Format(time.DateOnly), now); err != nil {
			s.fail("summing up the history: %v", err)
		}
		if want, _ := fresh.GetRaw(store.RecentKey); got != want {
			s.fail("the recent summary does not agree with the history:\n got %s\nwant %s", got, want)
		}
	}
	return out
}

// checkpoints returns the stored checkpoints of unfinished sessions.
func (s *soaker) checkpoints(st *store.MemoryStorage) []data.Checkpoint {
	cs, err := store.LoadCheckpoints(st)
	if err != nil {
		s.fail("the checkpoints do not load: %v", err)
	}
	return cs
}

// runVirtualTime lets ctx's tab run on virtual time for d, without waiting
// and without failing: the tab may be killed meanwhile.
func runVirtualTime(ctx context.Context, d time.Duration) {
	browsertest.StartVirtualTime(ctx, d)
}
