package ui

// ResumeText is what the offer of unfinished sessions says.
var ResumeText = struct {
	Many, AskOne, AskMany, Gone, Discarded, Undo, PutBack, UndoFailed string
}{
	Many:       "Unfinished sessions",
	AskOne:     "Before this routine starts: a session you did not finish is waiting. Resume it, save what you did as a partial session, or discard it.",
	AskMany:    "Before this routine starts: sessions you did not finish are waiting. For each one, resume it, save what you did as a partial session, or discard it.",
	Gone:       "That session is no longer waiting: it was finished, saved or discarded in another tab. Nothing was changed.",
	Discarded:  "The unfinished %s session was discarded. You can undo this for %d seconds.",
	Undo:       "Undo",
	PutBack:    "The %s session is back, waiting to be resumed.",
	UndoFailed: "The session could not be put back: %v",
}
