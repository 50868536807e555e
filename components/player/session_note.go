package player

import (
	"cmp"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// noteDelay is how long after the last keystroke a note is saved.
const noteDelay = 500 * time.Millisecond

// onNoteInput keeps the note as it is typed and saves it once typing
// pauses: a note kept only on "change" (when the box loses focus) was lost
// to a reload or the phone's Back. Hiding or leaving the page saves it at
// once (keep), and until it is saved the screen says so.
func (p *Player) onNoteInput(ctx app.Context, note string) {
	p.rec.Note, p.answered, p.rec.Edited = data.TrimNote(note), true, p.clock()
	saved := !p.run.Unsaved()
	// Only the last keystroke's save runs.
	p.run.SaveSoon(cmp.Or(p.saveAfter, noteDelay))
	if saved {
		p.Update()
	}
}

// discard drops a session ended before any hold was done: it is no
// session, and counting it would mark the calendar and keep a streak for
// nothing. Its checkpoint goes too, so it is not offered to resume.
func (p *Player) discard() {
	if p.mounted != nil {
		store.ClearCheckpoint(webapi.AppStorage(p.mounted), p.rec.ID)
	}
	webapi.ReleaseLive()
}
