package player

import (
	"errors"

	"unknot/components/webapi"
	"unknot/data/store"
)

// A finished session that cannot be saved (the storage is full) is kept:
// in the player while it is open, and in the storage under
// store.PendingKey (or, when even that does not fit, as its checkpoint).
// It is saved by itself as soon as it can be: when the page is shown again,
// at each step of a new session, and at the next launch (Home). These are
// the player's parts of it.

// saveFailed is what the finished screen says after a failed save. kept
// says whether the session was kept on the device, so the next launch
// saves it too.
func saveFailed(err error, kept bool) string {
	if !errors.Is(err, store.ErrStorageFull) {
		return err.Error()
	}
	if kept {
		return text.FullKept
	}
	return text.FullNotKept
}

// keepUnsaved keeps the finished session that could not be saved where
// the next launch finds it, and says what happens next.
func (p *Player) keepUnsaved(err error) {
	kept := store.KeepPending(webapi.AppStorage(p.mounted), p.rec) == nil
	p.saveErr = saveFailed(err, kept)
}

// retrySaves saves what waits to be saved: this player's finished session
// when its save failed, and sessions kept from before. It reports whether
// anything that shows changed.
func (p *Player) retrySaves() bool {
	if p.mounted == nil {
		return false
	}
	if p.phase == phaseFinished && p.saveErr != "" {
		p.save()
		return true
	}
	n, _ := store.SavePending(webapi.AppStorage(p.mounted))
	return n > 0
}
