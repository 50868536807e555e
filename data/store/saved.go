package store

import (
	"slices"

	"unknot/data"
)

// DeletedKey keeps the ids of the sessions the person deleted lately, so
// that a tab making sure its own sessions are saved (KeepSaved) does not
// write one back.
const DeletedKey = "unknot.deleted"

// maxDeleted is how many deleted ids DeletedKey keeps: far more than a
// person deletes while another tab is open.
const maxDeleted = 200

// SaveAnswers saves rec like SaveRecord, but takes its pain scores and note
// as they are, even when the person cleared one: the finished screen saves
// through it when the person answers, as those answers are theirs to change.
func SaveAnswers(st Storage, rec data.Record) (History, error) {
	return saveRecords(st, []data.Record{rec}, true)
}

// KeepSaved makes sure each of recs is in the stored history with
// everything it holds, and writes back those another tab's write dropped
// or replaced with less (two tabs that read the history at the same moment
// each write what they read plus their own session). A record the person
// deleted since is left deleted. It reports whether it wrote, and the
// history as it stands (nil records when it could not be read). Call it
// after saving and whenever another tab changes the history (the storage
// event), for the records this tab saved.
func KeepSaved(st Storage, recs ...data.Record) (History, bool, error) {
	l := readHistory(st)
	if err := refuse(l, "nothing was saved; the session is kept in memory until then."); err != nil {
		return History{}, false, err
	}
	stored := make(map[string]data.Record, len(l.records))
	for _, r := range l.records {
		stored[r.ID] = r
	}
	deleted := deletedIDs(st)
	var missing []data.Record
	for _, r := range recs {
		if slices.Contains(deleted, r.ID) {
			continue
		}
		if s, ok := stored[r.ID]; !ok || !Covers(s, r) {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 {
		return History{Records: l.records}, false, nil
	}
	merged := mergeByID(l.records, missing, false)
	if err := writeHistory(st, merged); err != nil {
		return History{}, false, err
	}
	return History{Records: merged}, true, nil
}

// mergeByID returns base with add merged in by id (MergeRecords, add as
// the later save), sorted by Start then ID. With answers set, the pain
// scores and note of each of add are taken as they are.
func mergeByID(base, add []data.Record, answers bool) []data.Record {
	byID := make(map[string]int, len(base)+len(add))
	out := make([]data.Record, 0, len(base)+len(add))
	for _, r := range base {
		byID[r.ID] = len(out)
		out = append(out, r)
	}
	for _, r := range add {
		i, ok := byID[r.ID]
		if !ok {
			byID[r.ID] = len(out)
			out = append(out, r)
			continue
		}
		m := MergeRecords(out[i], r)
		if answers {
			m.PainBefore, m.PainAfter, m.Note = r.PainBefore, r.PainAfter, r.Note
		}
		out[i] = m
	}
	sortRecords(out)
	return out
}

// deletedIDs reads the ids of sessions deleted lately; none when they
// cannot be read.
func deletedIDs(st Storage) []string {
	var ids []string
	if err := st.Get(DeletedKey, &ids); err != nil {
		return nil
	}
	return ids
}

// forget notes that the session id was deleted. Failing to note it costs
// at most a deleted session coming back, so it is not an error.
func forget(st Storage, id string) {
	ids := append(deletedIDs(st), id)
	if len(ids) > maxDeleted {
		ids = ids[len(ids)-maxDeleted:]
	}
	_ = st.Set(DeletedKey, ids)
}
