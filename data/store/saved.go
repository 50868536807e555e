package store

import (
	"unknot/data"
)

// KeepSaved makes sure each of recs is in the stored history with
// everything it holds, and writes back those another tab's write dropped
// or replaced with less (two tabs that read the history at the same moment
// each write what they read plus their own session). It merges by the one
// rule (MergeRecords): a copy whose answers were edited since, here or in
// another tab, keeps the later answers, and a session the person deleted
// since is left deleted. It reports whether it wrote, and the history as
// it stands (nil records when it could not be read). Call it after saving
// and whenever another tab changes the history (the storage event), for the
// records this tab saved.
func KeepSaved(st Storage, recs ...data.Record) (History, bool, error) {
	l := readHistory(st)
	if err := refuse(l, "nothing was saved; the session is kept in memory until then."); err != nil {
		return History{}, false, err
	}
	m := newMerger(state{l.records, l.deleted})
	for _, r := range recs {
		m.add(r)
	}
	if !m.changed {
		return History{Records: l.records, Deleted: l.deleted}, false, nil
	}
	s := m.result()
	if _, err := writeState(st, s); err != nil {
		return History{}, false, err
	}
	return History{Records: s.records, Deleted: s.deleted}, true, nil
}
