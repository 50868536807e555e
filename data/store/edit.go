package store

import (
	"errors"
	"fmt"
	"time"

	"unknot/data"
)

// ErrGone is wrapped by the error of a change to a session that is no
// longer in the history (deleted, maybe in another tab).
var ErrGone = errors.New("the session is no longer in the history")

// Answer names one of the answers a person gives about a session.
type Answer uint8

// The answers, to combine in Edit.Changed.
const (
	AnswerPainBefore Answer = 1 << iota
	AnswerPainAfter
	AnswerNote
)

// Edit is what the person changed of a session's answers on the History
// screen. Each answer named in Changed replaces the stored one as it is,
// empty included (a cleared note, a pain score taken back); the others are
// left as stored, which another tab may have changed meanwhile.
type Edit struct {
	Changed               Answer
	PainBefore, PainAfter *int
	Note                  string
}

// EditOf is the edit from the answers of was, as the editor showed them,
// to those of draft, as the person left them: it names the answers that
// differ.
func EditOf(was, draft data.Record) Edit {
	e := Edit{PainBefore: draft.PainBefore, PainAfter: draft.PainAfter, Note: draft.Note}
	if painText(was.PainBefore) != painText(draft.PainBefore) {
		e.Changed |= AnswerPainBefore
	}
	if painText(was.PainAfter) != painText(draft.PainAfter) {
		e.Changed |= AnswerPainAfter
	}
	if was.Note != draft.Note {
		e.Changed |= AnswerNote
	}
	return e
}

// apply makes the changes of e to r, and reports whether any changed it.
func (e Edit) apply(r *data.Record) bool {
	was := answerText(*r)
	if e.Changed&AnswerPainBefore != 0 {
		r.PainBefore = firstPain(e.PainBefore)
	}
	if e.Changed&AnswerPainAfter != 0 {
		r.PainAfter = firstPain(e.PainAfter)
	}
	if e.Changed&AnswerNote != 0 {
		r.Note = e.Note
	}
	return answerText(*r) != was
}

// EditRecord saves the person's edit e of the session id at the instant
// now, and returns the history as saved. It reads the stored session again
// and changes only what e names; the answers then carry the edit time now,
// or just after the stored one when the clock is behind it, so that they
// win every later merge with an older copy of the session (another tab's,
// a backup's, one kept to be written back). An edit that changes nothing
// writes nothing. The error wraps ErrGone when the session is no longer
// stored, ErrInvalidRecord when an answer is not valid (a pain score off
// the scale, a note too long: TrimNote first), and otherwise is SaveRecords'.
func EditRecord(st Storage, id string, e Edit, now time.Time) (History, error) {
	at := now.Round(0).UTC().Truncate(time.Millisecond)
	return saveRecords(st, func(m *merger) ([]data.Record, error) {
		i, ok := m.held(id)
		if !ok {
			msg := "This session is no longer in your history, so the change was not saved."
			if _, deleted := m.deleted[id]; deleted {
				msg = "This session was deleted, maybe in another tab, so the change was not saved."
			}
			return nil, &storeError{kind: ErrGone, msg: msg}
		}
		r := m.out[i]
		if !e.apply(&r) {
			return nil, errUnchanged
		}
		r = dated(m, r, at)
		if err := r.Validate(); err != nil {
			return nil, &storeError{kind: ErrInvalidRecord, cause: err, msg: fmt.Sprintf("The change could not be saved: %v.", err)}
		}
		return []data.Record{r}, nil
	})
}
