package store_test

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// TestDamagedSettingsAreKeptEveryTime: settings damaged once, then again
// differently, are both kept, byte for byte, before new settings are saved
// over them; the same damage is kept once.
func TestDamagedSettingsAreKeptEveryTime(t *testing.T) {
	st := &store.MemoryStorage{}
	first, second := `{"schema":2,"voice":"loud"`, "\xff not settings"
	for _, damaged := range []string{first, second, first} {
		if err := st.SetRaw(store.SettingsKey, damaged); err != nil {
			t.Fatal(err)
		}
		if err := store.SaveSettings(st, data.DefaultSettings()); err != nil {
			t.Fatalf("saving over damaged settings: %v", err)
		}
	}
	for key, want := range map[string]string{store.SettingsCorruptKey: first, store.SettingsCorruptKey + ".2": second} {
		if got, ok := st.GetRaw(key); !ok || got != want {
			t.Errorf("%s holds %q (%v), want %q", key, got, ok, want)
		}
	}
	if _, ok := st.GetRaw(store.SettingsCorruptKey + ".3"); ok {
		t.Errorf("the same damage was kept twice")
	}
}

// TestUnreadableCheckpointIsKept: a damaged checkpoint, and one saved by a
// newer version, are copied aside before a new session's checkpoint
// replaces them or a clear removes them.
func TestUnreadableCheckpointIsKept(t *testing.T) {
	st := &store.MemoryStorage{}
	_, c := datatest.CheckpointTaken(t)
	if c.RecordID == "" {
		c.RecordID = data.NewRecordID()
	}
	key := store.CheckpointPrefix + c.RecordID
	damaged, newer := `{"schema":1,"routine":`, `{"schema":99,"future":true}`
	if err := st.SetRaw(key, damaged); err != nil {
		t.Fatal(err)
	}
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatalf("saving a checkpoint over a damaged one: %v", err)
	}
	if err := st.SetRaw(key, newer); err != nil {
		t.Fatal(err)
	}
	store.ClearCheckpoint(st, c.RecordID)
	for k, want := range map[string]string{store.CheckpointAsideKey: damaged, store.CheckpointAsideKey + ".2": newer} {
		if got, ok := st.GetRaw(k); !ok || got != want {
			t.Errorf("%s holds %q (%v), want %q", k, got, ok, want)
		}
	}
	if _, ok := st.GetRaw(key); ok {
		t.Errorf("the checkpoint was not cleared once kept aside")
	}
	// A full store: the damaged checkpoint stays where it is.
	full := &store.MemoryStorage{}
	if err := full.SetRaw(key, damaged); err != nil {
		t.Fatal(err)
	}
	full.Limit = len(damaged) + 1
	if err := store.SaveCheckpoint(full, c); err == nil || !strings.Contains(err.Error(), "could not be copied aside") {
		t.Errorf("saving over a damaged checkpoint that cannot be kept: %v, want an error that says so", err)
	}
	store.ClearCheckpoint(full, c.RecordID)
	if got, _ := full.GetRaw(key); got != damaged {
		t.Errorf("the damaged checkpoint became %q, want it left as it was", got)
	}
}

// TestDifferentSessionsWithOneIDAreKept: a stored history with two
// different records of one id is copied aside, byte for byte, when it is
// read and before a save writes it again.
func TestDifferentSessionsWithOneIDAreKept(t *testing.T) {
	at := time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC)
	recs := bkRecords(t, 3)
	a, b := recs[0], recs[1]
	// The second record takes the first one's id in the stored text.
	hex := func(id string) string { return strings.ReplaceAll(id, "-", "") }
	raw := strings.ReplaceAll(historyText(t, a, b), hex(b.ID), hex(a.ID))
	twin := a
	twin.ID = b.ID
	same := strings.ReplaceAll(historyText(t, a, twin), hex(b.ID), hex(a.ID))
	for _, scenario := range []string{"load", "save"} {
		t.Run(scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if err := st.SetRaw(store.HistoryKey, raw); err != nil {
				t.Fatal(err)
			}
			switch scenario {
			case "load":
				h, _, err := store.LoadHistory(st, at)
				if err != nil || h.DuplicatesKey != store.DuplicatesKey {
					t.Errorf("LoadHistory: %v, copy under %q, want %q", err, h.DuplicatesKey, store.DuplicatesKey)
				}
			case "save":
				if _, err := store.SaveRecord(st, recs[2]); err != nil {
					t.Fatal(err)
				}
			}
			if got, _ := st.GetRaw(store.DuplicatesKey); got != raw {
				t.Errorf("kept %q, want the stored text %q", got, raw)
			}
		})
	}
	// The same record twice loses nothing: no copy.
	st := &store.MemoryStorage{}
	if err := st.SetRaw(store.HistoryKey, same); err != nil {
		t.Fatal(err)
	}
	if h, _, _ := store.LoadHistory(st, at); h.DuplicatesKey != "" {
		t.Errorf("identical copies were kept aside under %q", h.DuplicatesKey)
	}
}

// TestKeptCopiesAndUnreadable: every kind of copy kept aside is listed and
// named, and so is every part that cannot be read where it is.
func TestKeptCopiesAndUnreadable(t *testing.T) {
	st := &store.MemoryStorage{}
	for _, k := range []string{
		store.CorruptPrefix + "1", store.NewerPrefix + "2", store.DuplicatesKey, store.DuplicatesKey + ".2",
		store.SettingsCorruptKey, store.SettingsCorruptKey + ".2", store.RoutinesAsidePrefix + "3",
		store.CheckpointAsideKey, store.SettingsKey, store.RoutinesKey, store.CheckpointKey, "unknot.settings.corruptible",
	} {
		if err := st.SetRaw(k, "{damaged"); err != nil {
			t.Fatal(err)
		}
	}
	var keys []string
	for _, c := range store.KeptCopies(st) {
		if c.What == "" {
			t.Errorf("%s is not named", c.Key)
		}
		keys = append(keys, c.Key)
	}
	want := []string{
		store.CorruptPrefix + "1", store.NewerPrefix + "2", store.DuplicatesKey, store.DuplicatesKey + ".2",
		store.SettingsCorruptKey, store.SettingsCorruptKey + ".2", store.RoutinesAsidePrefix + "3", store.CheckpointAsideKey,
	}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("kept copies %v, want %v", keys, want)
	}
	var names []string
	for _, p := range store.Unreadable(st, store.ErrCorrupt) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ", "); got != "your history, your settings, your own routines, an unfinished session" {
		t.Errorf("unreadable: %s", got)
	}
	if got := store.Unreadable(&store.MemoryStorage{}, nil); len(got) != 0 {
		t.Errorf("an empty store has unreadable parts: %v", got)
	}
}

// TestPendingSessionSurvivesAFullStore: a session that could not be saved
// to a full store is kept to be saved later, in the room its own checkpoint
// took when nothing else fits, and SavePending saves it once there is room,
// clearing what waited.
func TestPendingSessionSurvivesAFullStore(t *testing.T) {
	st := &store.MemoryStorage{}
	s, c := datatest.CheckpointTaken(t)
	rec := data.NewRecord(s, c.Stamp(), c.SavedAt)
	c.RecordID = rec.ID
	if err := store.SaveCheckpoint(st, c); err != nil {
		t.Fatal(err)
	}
	raw, _ := st.GetRaw(store.CheckpointPrefix + rec.ID)
	st.Limit = len(raw) // full: the checkpoint and not a byte more
	if _, err := store.SaveRecord(st, rec); !store.IsQuota(err) {
		t.Fatalf("saving into a full store: %v, want it full", err)
	}
	if err := store.KeepPending(st, rec); err != nil {
		t.Fatalf("KeepPending: %v", err)
	}
	if !store.HasPending(st) {
		t.Fatal("nothing waits to be saved")
	}
	// Still full: nothing saved, nothing lost.
	if n, err := store.SavePending(st); n != 0 || err == nil {
		t.Errorf("SavePending into a full store: %d, %v; want 0 and an error", n, err)
	}
	st.Limit = 0 // space freed
	if n, err := store.SavePending(st); n != 1 || err != nil {
		t.Fatalf("SavePending: %d, %v; want 1 saved", n, err)
	}
	h, _, err := store.LoadHistory(st, c.SavedAt)
	if err != nil || len(h.Records) != 1 || h.Records[0].ID != rec.ID {
		t.Errorf("history %+v (%v), want the one session", h.Records, err)
	}
	if store.HasPending(st) {
		t.Error("the saved session still waits")
	}
	if _, ok := st.GetRaw(store.CheckpointPrefix + rec.ID); ok {
		t.Error("the saved session's checkpoint is still there")
	}
	if n, err := store.SavePending(st); n != 0 || err != nil {
		t.Errorf("SavePending with nothing waiting: %d, %v", n, err)
	}
}
