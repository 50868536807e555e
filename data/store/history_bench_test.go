package store_test

import (
	"testing"
	"time"

	"unknot/data/internal/datatest"
	"unknot/data/store"
)

// BenchmarkHistory loads ten years of history, and saves one more session
// on top of it, as every finished session does.
func BenchmarkHistory(b *testing.B) {
	recs := datatest.TenYears(b, 7300)
	st := &store.MemoryStorage{}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		b.Fatal(err)
	}
	raw, _ := st.GetRaw(store.HistoryKey)
	b.Logf("ten years of history: %d bytes, %d per session", len(raw), len(raw)/len(recs))
	now := time.Date(2025, 4, 24, 7, 0, 0, 0, time.UTC)
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := store.LoadHistory(st, now); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("save", func(b *testing.B) {
		extra := datatest.Record(b, datatest.London, "2025-04-25 08:00")
		for b.Loop() {
			if _, err := store.SaveRecord(st, extra); err != nil {
				b.Fatal(err)
			}
		}
	})
}
