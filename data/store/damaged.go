package store

import (
	"errors"
	"fmt"
	"time"
)

// ClearDamagedHistory is the way out when the stored history cannot be
// read and nothing else can be done with it: storage is too full to copy
// it aside, so StartAfresh and imports refuse, and every save is refused
// as it would write over it. The person has been offered its text as a
// file (offered is the text that file holds, as read from HistoryKey) and
// says to clear it.
//
// Nothing is cleared unless the history is damaged (StatusCorrupt: one
// from a newer version is not damaged) and the stored text is exactly
// offered: when another tab wrote meanwhile, the person has not been
// offered what would be lost, and the error says to save it as a file
// again. The text is then copied aside when there is room (the key of the
// copy is returned), else deleted, with the summary made from it, and an
// empty history starts.
func ClearDamagedHistory(st Storage, offered string, now time.Time) (string, error) {
	l := readHistory(st)
	switch {
	case l.status == StatusNewer:
		return "", errors.New("Your saved history is from a newer version of Unknot, not damaged, so it was left as it is: update Unknot to read it")
	case l.status != StatusCorrupt:
		return "", errors.New("Your saved history can be read, so there is nothing to clear")
	case !l.hasRaw || l.raw != offered:
		return "", errors.New("Your saved history changed since it was saved as a file (another tab may have written it), so it was left as it is: save it as a file again first")
	}
	if key, err := copyAside(st, l, HistoryKey, CorruptPrefix, now); err == nil {
		if _, err := writeState(st, state{}); err != nil {
			return key, err
		}
		return key, nil
	}
	st.Del(HistoryKey)
	st.Del(RecentKey)
	if _, ok, _ := getRaw(st, HistoryKey); ok {
		return "", fmt.Errorf("Your saved history could not be cleared: the browser kept it")
	}
	return "", nil
}
