package store

import (
	"errors"
	"slices"
	"strings"
	"time"

	"unknot/data"
)

// settle is how long after a session was saved or its answers edited the
// copy kept of it stays, even when the history holds it: another tab's
// write from a copy of the history read before may still be on its way,
// and would drop it.
const settle = time.Minute

// Repaired says what Repair did.
type Repaired struct {
	// Saved counts the sessions that waited to be saved and now are.
	Saved int
	// WrittenBack counts the sessions this device saved that the history
	// had lost (another tab's write from an older copy) and holds again.
	WrittenBack int
	// Checkpoints counts the checkpoints removed because their sessions
	// are in the history.
	Checkpoints int
}

// Repair makes sure every session this device saved is in the history.
// Call it at every start of the app, once, before the resume offer: a tab
// that saved a session may have been closed at once, and then no tab is
// left to hear that another tab's write dropped it. At the instant now it
//
//   - saves the sessions that wait to be saved (SavePending);
//   - writes back each session kept since it was saved (SavedPrefix) that
//     the history has lost or holds with less, merged by the one rule (a
//     session deleted since stays deleted);
//   - lets go of each such copy once the history holds all of it and it
//     was saved or edited over a minute ago (the copy is kept until the
//     next start otherwise);
//   - then removes the checkpoint, saved over a minute ago, of each session
//     the history holds as far as the checkpoint reached, or deleted after
//     it: the player keeps it until a later start finds the session saved,
//     and a tab closed between saving a session and clearing its
//     checkpoint leaves one behind. A session resumed since, further along,
//     keeps its own.
//
// A history that is damaged or newer is not written: everything kept waits
// until the person chooses, and the error says so (it wraps ErrCorrupt or
// ErrNewer). The error also names what kept could not be read.
func Repair(st Storage, now time.Time) (Repaired, error) {
	var errs []error
	written, err := savePending(st)
	rep := Repaired{Saved: len(written)}
	if err != nil {
		errs = append(errs, err)
	}
	if len(written) == 0 && !hasKeys(st, SavedPrefix) && !hasKeys(st, CheckpointPrefix) {
		// Nothing kept to check against the history: reading ten years
		// of it took a long task of its own just after every launch.
		return rep, errors.Join(errs...)
	}
	l := readHistory(st)
	if err := refuse(l, "what was kept to be saved waits until then."); err != nil {
		return rep, errors.Join(append(errs, err)...)
	}
	entries, err := readEntries(st, SavedPrefix)
	if err != nil {
		errs = append(errs, err)
	}
	m := newMerger(state{l.records, l.deleted})
	var settled []entry
	for _, e := range entries {
		id := e.rec.ID
		if t, ok := m.deleted[id]; ok && t.stands(e.rec) {
			e.drop(st)
			continue
		}
		if i, ok := m.held(id); ok && Covers(m.out[i], e.rec) {
			if !slices.Contains(written, id) && now.Sub(lastTouched(e.rec)) >= settle {
				settled = append(settled, e)
			}
			continue
		}
		m.add(e.rec)
		rep.WrittenBack++
	}
	if m.changed {
		if _, err := keepDuplicates(st, l); err != nil {
			return rep, errors.Join(append(errs, err)...)
		}
		if _, err := writeState(st, m.result()); err != nil {
			return rep, errors.Join(append(errs, err)...)
		}
	}
	for _, e := range settled {
		e.drop(st)
	}
	rep.Checkpoints = clearSavedCheckpoints(st, m, now)
	return rep, errors.Join(errs...)
}

// lastTouched is when r was last saved or edited, as far as it says.
func lastTouched(r data.Record) time.Time {
	if r.Edited.After(r.End) {
		return r.Edited
	}
	return r.End
}

// clearSavedCheckpoints removes the checkpoints, saved over a minute
// before now, of the sessions m holds as far as they reached, and of those
// deleted since they were saved, and returns how many. Those whose
// sessions are still kept to be saved or written back wait for a later
// start.
func clearSavedCheckpoints(st Storage, m *merger, now time.Time) int {
	n := 0
	for _, k := range KeysWithPrefix(st, CheckpointPrefix) {
		id := strings.TrimPrefix(k, CheckpointPrefix)
		i, held := m.held(id)
		t, deleted := m.deleted[id]
		if !held && !deleted || hasEntry(st, id) {
			continue
		}
		c, ok, err := loadKey(st, k)
		if err != nil || !ok || now.Sub(c.SavedAt) < settle {
			continue
		}
		if held && m.out[i].ActiveMS < c.Active().Milliseconds() || deleted && c.SavedAt.After(t.At) {
			continue // further along than the history's copy, or resumed since
		}
		ClearCheckpoint(st, id)
		n++
	}
	return n
}
