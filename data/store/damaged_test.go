package store_test

import (
	"errors"
	"strings"
	"testing"

	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// TestClearDamagedHistoryWhenFull: a damaged history larger than the free
// space can be neither copied aside (start afresh) nor replaced (import,
// save). Once the person has been offered its text as a file and says to
// clear it, it is cleared and sessions save again. Nothing is cleared
// without their word on the text they were offered.
func TestClearDamagedHistoryWhenFull(t *testing.T) {
	damaged := `{"schema":2,"records":[` + strings.Repeat(`["cut short`, 400)
	st := seededStore(t, damaged)
	st.Limit = len(damaged) + 300 // no room for a copy
	h, status, err := store.LoadHistory(st, histNow)
	if status != store.StatusCorrupt || h.CopyKey != "" || err == nil {
		t.Fatalf("LoadHistory: %v, copy %q, %v; want damaged and not copied", status, h.CopyKey, err)
	}
	if _, err := store.StartAfresh(st, histNow); err == nil {
		t.Error("start afresh with no room for a copy worked: the test proves nothing")
	}
	rec := datatest.Record(t, datatest.London, "2025-04-24 08:00")
	if _, _, err := store.ImportBackup(st, store.Backup{Records: nil}); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("import into the damaged history: %v, want it refused", err)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != damaged {
		t.Fatal("the damaged history changed before the person chose")
	}

	// The person saved the text as a file; another tab changed it since.
	offered, _ := st.GetRaw(store.HistoryKey)
	if _, err := store.ClearDamagedHistory(st, offered[:len(offered)-1], histNow); err == nil || !strings.Contains(err.Error(), "save it as a file again") {
		t.Errorf("clearing text other than the one offered: %v, want a refusal", err)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != damaged {
		t.Fatal("text other than the one offered was cleared")
	}
	key, err := store.ClearDamagedHistory(st, offered, histNow)
	if err != nil || key != "" {
		t.Fatalf("ClearDamagedHistory: %q, %v; want it cleared, with no room for a copy", key, err)
	}
	if _, status, err := store.LoadHistory(st, histNow); status != store.StatusEmpty || err != nil {
		t.Errorf("after clearing: %v, %v; want an empty history", status, err)
	}
	if _, err := store.SaveRecord(st, rec); err != nil {
		t.Errorf("saving after clearing: %v", err)
	}
}

// TestClearDamagedHistoryKeepsACopyWhenItCan and refuses a history that
// can be read.
func TestClearDamagedHistoryKeepsACopyWhenItCan(t *testing.T) {
	damaged := `{"schema":2,"records":[`
	st := seededStore(t, damaged)
	key, err := store.ClearDamagedHistory(st, damaged, histNow)
	if err != nil || key == "" {
		t.Fatalf("ClearDamagedHistory: %q, %v; want a copy kept", key, err)
	}
	if got, _ := st.GetRaw(key); got != damaged {
		t.Errorf("the copy holds %q, want the damaged text", got)
	}
	fine := historyText(t, datatest.Record(t, datatest.London, "2025-04-24 08:00"))
	st = seededStore(t, fine)
	if _, err := store.ClearDamagedHistory(st, fine, histNow); err == nil || !strings.Contains(err.Error(), "can be read") {
		t.Errorf("clearing a history that can be read: %v, want a refusal", err)
	}
	if got, _ := st.GetRaw(store.HistoryKey); got != fine {
		t.Error("a history that can be read was cleared")
	}
}
