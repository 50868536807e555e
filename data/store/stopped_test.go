package store_test

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// A session stopped as it hurt keeps its reason through a backup and the
// stored history, and a reason Unknot does not know is refused.
func TestStoppedReasonIsKept(t *testing.T) {
	r := datatest.ProgSession(0, data.KneeToChest, 2, 5*time.Second, datatest.LeftPartial, func(r *data.Record) { r.Stopped = data.StoppedHurt })
	raw, err := store.EncodeBackup(store.NewBackup([]data.Record{r}, data.DefaultSettings(), nil, datatest.ProgDay0))
	if err != nil {
		t.Fatal(err)
	}
	b, err := store.DecodeBackup(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Records) != 1 || !b.Records[0].Equal(r) {
		t.Errorf("backup: got %+v, want %+v", b.Records, r)
	}
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecord(st, r); err != nil {
		t.Fatal(err)
	}
	h, _, err := store.LoadHistory(st, datatest.ProgDay0)
	if err != nil || len(h.Records) != 1 || h.Records[0].Stopped != data.StoppedHurt {
		t.Errorf("stored history: got %+v (%v), want the reason kept", h.Records, err)
	}
	r.Stopped = "bored"
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), `"bored"`) {
		t.Errorf("an unknown reason: got %v, want it refused by name", err)
	}
}
