package store_test

import (
	"bytes"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// TestDecodeBackupValidIsBounded: a valid backup as large as a backup may
// be, of realistic sessions, is read whole, and reading it allocates no
// more than a hostile file of its size may (maxAllocFactor times it,
// garbage included): a phone that can hold the file can read it.
func TestDecodeBackupValidIsBounded(t *testing.T) {
	recs := datatest.RealisticYears(t, 40_000)
	var file []byte
	for {
		b := store.NewBackup(recs, data.DefaultSettings(), nil, time.Date(2025, 4, 24, 7, 30, 0, 0, time.UTC))
		raw, err := store.EncodeBackup(b)
		if err != nil {
			t.Fatal(err)
		}
		if len(raw) <= hostileSize {
			file = raw
			break
		}
		recs = recs[:len(recs)*hostileSize/len(raw)-1]
	}
	if len(file) < hostileSize*9/10 {
		t.Fatalf("the backup is %d bytes, want nearly %d", len(file), hostileSize)
	}
	var got store.Backup
	var err error
	n := allocated(func() { got, err = store.DecodeBackup(bytes.NewReader(file)) })
	if err != nil || len(got.Records) != len(recs) {
		t.Fatalf("DecodeBackup: %d records, %v; want %d", len(got.Records), err, len(recs))
	}
	t.Logf("%d sessions, %.1f MiB: %.1f× the file allocated", len(recs), float64(len(file))/(1<<20), float64(n)/float64(len(file)))
	if limit := uint64(maxAllocFactor * len(file)); n > limit {
		t.Errorf("reading a valid backup of %.1f MiB allocated %d MiB (%.1f×), want at most %d MiB (%d×)",
			float64(len(file))/(1<<20), n>>20, float64(n)/float64(len(file)), limit>>20, maxAllocFactor)
	}
}
