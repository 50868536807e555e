package store_test

import (
	"fmt"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// mergeState is one copy of a session as the merge may find it.
type mergeState struct {
	progress string // "complete", "more" or "less" (both partial)
	pain     bool   // it has pain scores
	note     bool   // it has a note
}

func (s mergeState) String() string {
	return fmt.Sprintf("%s/pain:%v/note:%v", s.progress, s.pain, s.note)
}

// mergeStates is every state a copy can be in.
func mergeStates() []mergeState {
	var out []mergeState
	for _, p := range []string{"complete", "more", "less"} {
		for _, pain := range []bool{false, true} {
			for _, note := range []bool{false, true} {
				out = append(out, mergeState{p, pain, note})
			}
		}
	}
	return out
}

// holdsFor is the holds done, of 6, at each progress.
var holdsFor = map[string]int{"complete": 6, "more": 4, "less": 2}

// mergeCopy builds the copy of one session in state s; tag tells the two
// copies' answers apart.
func mergeCopy(t *testing.T, s mergeState, tag int) data.Record {
	t.Helper()
	return datatest.Record(t, datatest.London, "2025-04-20 08:00", func(r *data.Record) {
		h := holdsFor[s.progress]
		r.Exercises[0].HoldsDone, r.Exercises[0].RepsDone = h, h/3
		r.Complete = s.progress == "complete"
		r.ActiveMS = int64(h) * 60_000
		r.End = r.Start.Add(time.Duration(h+1) * time.Minute)
		if s.pain {
			r.PainBefore, r.PainAfter = data.PainScore(tag), data.PainScore(tag+1)
		}
		if s.note {
			r.Note = fmt.Sprintf("note %d", tag)
		}
	})
}

// progressRank orders the progress states: the merge keeps the further.
var progressRank = map[string]int{"complete": 3, "more": 2, "less": 1}

// answerCount is how many answers a copy in state s gives.
func answerCount(s mergeState) int { return 2*btoi(s.pain) + btoi(s.note) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestMergeRecordsEveryPair merges every pair of states, with every order
// of their edit times, both ways round: the result has the further
// progress, is complete when either is, ends at the later end, and has the
// answers, empty ones included, of the copy edited last; at the same edit
// time (or none), those of the copy that got further, and at the same
// progress those of the copy with more answers. The order never matters.
func TestMergeRecordsEveryPair(t *testing.T) {
	edits := []struct {
		name   string
		ea, eb time.Duration // after the session's start; 0 is none
	}{{"never edited", 0, 0}, {"a edited last", 2 * time.Hour, time.Hour}, {"b edited last", time.Hour, 2 * time.Hour}, {"edited at once", time.Hour, time.Hour}}
	for _, sa := range mergeStates() {
		for _, sb := range mergeStates() {
			for _, e := range edits {
				t.Run(sa.String()+"+"+sb.String()+"/"+e.name, func(t *testing.T) {
					a, b := mergeCopy(t, sa, 1), mergeCopy(t, sb, 5)
					if e.ea > 0 {
						a.Edited = a.Start.Add(e.ea)
					}
					if e.eb > 0 {
						b.Edited = b.Start.Add(e.eb)
					}
					m := store.MergeRecords(a, b)
					if err := m.Validate(); err != nil {
						t.Fatalf("merged record is not valid: %v", err)
					}
					if ba := store.MergeRecords(b, a); !ba.Equal(m) {
						t.Errorf("the order changed the merge: %+v and %+v", m, ba)
					}
					wantHolds := max(holdsFor[sa.progress], holdsFor[sb.progress])
					if got := m.Exercises[0].HoldsDone; got != wantHolds {
						t.Errorf("holds done: got %d, want %d", got, wantHolds)
					}
					if want := a.Complete || b.Complete; m.Complete != want {
						t.Errorf("complete: got %v, want %v", m.Complete, want)
					}
					wantEnd := a.End
					if b.End.After(wantEnd) {
						wantEnd = b.End
					}
					if !m.End.Equal(wantEnd) {
						t.Errorf("end: got %v, want %v", m.End, wantEnd)
					}
					if want := max(a.ActiveMS, b.ActiveMS); m.ActiveMS != want {
						t.Errorf("exercise time: got %d, want %d", m.ActiveMS, want)
					}
					var from data.Record
					switch {
					case a.Edited.After(b.Edited):
						from = a
					case b.Edited.After(a.Edited):
						from = b
					case progressRank[sa.progress] != progressRank[sb.progress]:
						from = a
						if progressRank[sb.progress] > progressRank[sa.progress] {
							from = b
						}
					case answerCount(sa) != answerCount(sb):
						from = a
						if answerCount(sb) > answerCount(sa) {
							from = b
						}
					default: // the same answers given: either, as long as whole
						from = m
						if m.Note != a.Note && m.Note != b.Note {
							t.Errorf("note %q is neither copy's", m.Note)
						}
					}
					if painText(m.PainBefore) != painText(from.PainBefore) || painText(m.PainAfter) != painText(from.PainAfter) || m.Note != from.Note {
						t.Errorf("answers: got %s → %s %q, want %s → %s %q", painText(m.PainBefore), painText(m.PainAfter), m.Note,
							painText(from.PainBefore), painText(from.PainAfter), from.Note)
					}
					wantEdited := a.Edited
					if b.Edited.After(wantEdited) {
						wantEdited = b.Edited
					}
					if !m.Edited.Equal(wantEdited) {
						t.Errorf("edit time: got %v, want %v", m.Edited, wantEdited)
					}
					if !store.Covers(m, a) || !store.Covers(m, b) {
						t.Errorf("the merge does not cover both copies")
					}
				})
			}
		}
	}
}

// A stale copy saved after the session was finished elsewhere (a resume
// offer's "Save as partial") keeps the finished one with its answers.
func TestSaveRecordKeepsTheMost(t *testing.T) {
	done := mergeCopy(t, mergeState{"complete", true, true}, 3)
	stale := mergeCopy(t, mergeState{"less", false, false}, 0)
	for _, order := range [][]data.Record{{done, stale}, {stale, done}} {
		st := &store.MemoryStorage{}
		for _, r := range order {
			if _, err := store.SaveRecord(st, r); err != nil {
				t.Fatal(err)
			}
		}
		got := loadWritable(t, st)
		if len(got) != 1 {
			t.Fatalf("stored %d records, want 1", len(got))
		}
		r := got[0]
		if !r.Complete || r.Exercises[0].HoldsDone != 6 || r.PainAfter == nil || *r.PainAfter != 4 || r.Note != "note 3" || !r.End.Equal(done.End) {
			t.Errorf("saved %d holds then %d: stored %+v, want the complete one with its pain and note",
				order[0].Exercises[0].HoldsDone, order[1].Exercises[0].HoldsDone, r)
		}
	}
}

// The finished screen saves the person's answers as they are: a pain score
// or note taken back is gone, while the progress still never goes down.
func TestSaveAnswersTakesThemBack(t *testing.T) {
	st := &store.MemoryStorage{}
	r := mergeCopy(t, mergeState{"complete", true, true}, 3)
	if _, err := store.SaveRecord(st, r); err != nil {
		t.Fatal(err)
	}
	r.PainAfter, r.Note = nil, ""
	r.Complete, r.Exercises[0].HoldsDone = false, 2 // a stale copy of its body
	if _, err := store.SaveAnswers(st, r); err != nil {
		t.Fatal(err)
	}
	got := loadWritable(t, st)[0]
	if got.PainAfter != nil || got.Note != "" {
		t.Errorf("answers taken back: stored pain after %v, note %q, want none", got.PainAfter, got.Note)
	}
	if got.PainBefore == nil || *got.PainBefore != 3 {
		t.Errorf("pain before: got %v, want 3", got.PainBefore)
	}
	if !got.Complete || got.Exercises[0].HoldsDone != 6 {
		t.Errorf("progress went down: complete %v, holds %d", got.Complete, got.Exercises[0].HoldsDone)
	}
}

// FuzzMergeRecords merges two copies of a session built from the fuzzer's
// numbers: no progress either has is lost, the answers are those of the
// copy edited last (of the one that got further at the same edit time),
// the order changes nothing, and merging again changes nothing.
func FuzzMergeRecords(f *testing.F) {
	f.Add(uint8(6), uint8(2), true, false, int16(600), int16(300), int16(10), int16(5), uint8(3), uint8(255), "a", "", int16(0), int16(0))
	f.Add(uint8(4), uint8(4), false, false, int16(240), int16(240), int16(5), int16(5), uint8(255), uint8(255), "", "", int16(60), int16(-1))
	f.Add(uint8(6), uint8(6), true, true, int16(1), int16(2), int16(3), int16(3), uint8(0), uint8(10), "x", "y", int16(5), int16(5))
	f.Add(uint8(2), uint8(6), false, true, int16(100), int16(600), int16(3), int16(9), uint8(4), uint8(255), "secret", "", int16(30), int16(90))
	f.Fuzz(func(t *testing.T, ha, hb uint8, ca, cb bool, acta, actb, enda, endb int16, pa, pb uint8, na, nb string, eda, edb int16) {
		build := func(h uint8, complete bool, act, end int16, pain uint8, note string, edited int16) data.Record {
			return datatest.Record(t, datatest.London, "2025-04-20 08:00", func(r *data.Record) {
				holds := int(h % 7)
				if complete {
					holds = 6
				}
				r.Exercises[0].HoldsDone, r.Exercises[0].RepsDone = holds, holds/3
				r.Complete = complete
				r.ActiveMS = int64(uint16(act)) * 1000
				r.End = r.Start.Add(time.Duration(uint16(end)) * time.Second)
				if pain <= data.MaxPain {
					r.PainAfter = data.PainScore(int(pain))
				}
				r.Note = data.TrimNote(note)
				if edited >= 0 { // below 0: never edited
					r.Edited = r.End.Add(time.Duration(edited) * time.Second)
				}
			})
		}
		a, b := build(ha, ca, acta, enda, pa, na, eda), build(hb, cb, actb, endb, pb, nb, edb)
		if a.Validate() != nil || b.Validate() != nil {
			t.Skip()
		}
		ab, ba := store.MergeRecords(a, b), store.MergeRecords(b, a)
		if !ab.Equal(ba) {
			t.Fatalf("the order changed the merge: %+v and %+v", ab, ba)
		}
		m := ab
		if err := m.Validate(); err != nil {
			t.Fatalf("merge of two valid copies is not valid: %v", err)
		}
		for _, c := range []data.Record{a, b} {
			switch {
			case c.Complete && !m.Complete:
				t.Errorf("lost complete: %+v", m)
			case c.Exercises[0].HoldsDone > m.Exercises[0].HoldsDone:
				t.Errorf("lost holds: %d < %d", m.Exercises[0].HoldsDone, c.Exercises[0].HoldsDone)
			case c.ActiveMS > m.ActiveMS:
				t.Errorf("lost exercise time: %d < %d", m.ActiveMS, c.ActiveMS)
			case c.End.After(m.End):
				t.Errorf("lost the later end: %v < %v", m.End, c.End)
			case c.Edited.After(m.Edited):
				t.Errorf("lost the later edit time: %v < %v", m.Edited, c.Edited)
			}
		}
		var newer *data.Record
		switch {
		case a.Edited.After(b.Edited):
			newer = &a
		case b.Edited.After(a.Edited):
			newer = &b
		}
		if newer != nil && (m.Note != newer.Note || painText(m.PainAfter) != painText(newer.PainAfter)) {
			t.Errorf("answers %q %s, want those edited last: %q %s", m.Note, painText(m.PainAfter), newer.Note, painText(newer.PainAfter))
		}
		if again := store.MergeRecords(m, m); !again.Equal(m) {
			t.Errorf("merging a record with itself changed it: %+v → %+v", m, again)
		}
		if !store.Covers(m, a) || !store.Covers(m, b) {
			t.Error("a merge does not cover both copies")
		}
	})
}
