package store

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unknot/data/internal/sorted"

	"unknot/data"
)

// Tombstone is a session the person deleted: its id and when. The history
// keeps the latest MaxTombstones of them, and backups carry them, so that
// no copy of a deleted session (another tab's, a backup's, one kept to be
// saved) brings it back.
type Tombstone struct {
	// ID is the deleted session's record id.
	ID string `json:"id"`
	// At is when it was deleted, in UTC, to the millisecond.
	At time.Time `json:"at"`
}

// MaxTombstones is how many deletions the history keeps, the latest: far
// more than a person deletes between two backups, for about 50 KB, 1% of
// what the browser stores. They are kept for as long as that, with no time
// limit: an old backup is exactly what they guard against.
const MaxTombstones = 1000

// stands reports whether the deletion t stands against the copy r of its
// session: r was not edited after it. A deletion outlives every copy made
// before it; a copy whose answers were edited after it (on another device,
// say) is the person's later word, and brings the session back.
func (t Tombstone) stands(r data.Record) bool { return !r.Edited.After(t.At) }

// state is a whole stored history: its sessions, sorted by Start then ID,
// and the deletions, oldest first, none of a session it holds.
type state struct {
	records []data.Record
	deleted []Tombstone
}

// merger merges copies of sessions and deletions into a history, by the one
// rule every path asks (MergeRecords for two copies, Tombstone.stands for a
// copy and a deletion), and counts what changed.
type merger struct {
	out     []data.Record
	byID    map[string]int
	gone    map[string]bool // removed from out
	deleted map[string]Tombstone
	sum     ImportSummary
	changed bool
}

// newMerger starts from the history s.
func newMerger(s state) *merger {
	m := &merger{
		out:     slices.Clone(s.records),
		byID:    make(map[string]int, len(s.records)),
		gone:    map[string]bool{},
		deleted: make(map[string]Tombstone, len(s.deleted)),
	}
	for i, r := range m.out {
		m.byID[r.ID] = i
	}
	for _, t := range s.deleted {
		m.deleted[t.ID] = t
	}
	return m
}

// held returns the history's copy of the session id.
func (m *merger) held(id string) (int, bool) {
	i, ok := m.byID[id]
	return i, ok && !m.gone[id]
}

// put adds r, a session the history does not hold.
func (m *merger) put(r data.Record) {
	delete(m.gone, r.ID)
	m.byID[r.ID] = len(m.out)
	m.out = append(m.out, r)
	m.changed = true
}

// add merges in r, another tab's or a backup's copy of a session: a
// deletion that stands against it keeps it out.
func (m *merger) add(r data.Record) {
	if i, ok := m.held(r.ID); ok {
		if Covers(m.out[i], r) {
			m.sum.Unchanged++
			return
		}
		m.out[i] = MergeRecords(m.out[i], r)
		m.sum.Updated++
		m.changed = true
		return
	}
	if t, ok := m.deleted[r.ID]; ok {
		if t.stands(r) {
			m.sum.LeftDeleted++
			return
		}
		delete(m.deleted, r.ID)
	}
	m.put(r)
	m.sum.Added++
}

// save merges in r as the person's own save of it, and returns the
// session as the history now holds it. Their save undoes a deletion of it
// (Undo, or a session saved again in another tab), and at the same
// progress and edit time as the copy stored, r's answers are their latest
// word: what they changed without a date (an edit saved with SaveRecord)
// replaces what is stored.
func (m *merger) save(r data.Record) data.Record {
	delete(m.deleted, r.ID)
	m.changed = true
	i, ok := m.held(r.ID)
	if !ok {
		m.put(r)
		return r
	}
	had := m.out[i]
	m.out[i] = MergeRecords(had, r)
	if !further(had, r) && !further(r, had) && had.Edited.Equal(r.Edited) {
		m.out[i].PainBefore, m.out[i].PainAfter, m.out[i].Note = firstPain(r.PainBefore), firstPain(r.PainAfter), r.Note
	}
	return m.out[i]
}

// remove merges in the deletion t: the session goes when t stands against
// the history's copy, and t is kept; a copy edited after t stays.
func (m *merger) remove(t Tombstone) {
	if i, ok := m.held(t.ID); ok {
		if !t.stands(m.out[i]) {
			return
		}
		m.gone[t.ID] = true
		m.sum.Deleted++
	} else if old, ok := m.deleted[t.ID]; ok && !t.At.After(old.At) {
		return
	}
	m.deleted[t.ID] = t
	m.changed = true
}

// result is the history merged.
func (m *merger) result() state {
	s := state{records: make([]data.Record, 0, len(m.out))}
	for _, r := range m.out {
		if !m.gone[r.ID] {
			s.records = append(s.records, r)
		}
	}
	s.records = data.InOrder(s.records)
	for _, t := range m.deleted {
		s.deleted = append(s.deleted, t)
	}
	s.deleted = latestDeleted(s.deleted)
	return s
}

// latestDeleted sorts deletions oldest first and keeps the latest
// MaxTombstones.
func latestDeleted(deleted []Tombstone) []Tombstone {
	sorted.Func(deleted, func(a, b *Tombstone) int {
		return cmp.Or(a.At.Compare(b.At), strings.Compare(a.ID, b.ID))
	})
	if n := len(deleted); n > MaxTombstones {
		deleted = deleted[n-MaxTombstones:]
	}
	return deleted
}
