package store_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"unknot/data/store"
)

// hostileSize is the size of every hostile file below: the largest backup
// read, and more than a browser stores under one key (2 MiB under the race
// detector, see raceOn).
var hostileSize = store.MaxBackupBytes

func init() {
	if raceOn {
		hostileSize = 2 << 20
	}
}

// fill returns head, then item repeated (joined by sep) and tail, making
// the whole hostileSize bytes or just under.
func fill(head, item, sep, tail string) []byte {
	var b bytes.Buffer
	b.Grow(hostileSize)
	b.WriteString(head)
	for i := 0; b.Len()+len(sep)+len(item)+len(tail) <= hostileSize; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(item)
	}
	b.WriteString(tail)
	return b.Bytes()
}

// allocated runs fn and returns the bytes it allocated in all, garbage
// included: the most memory it can have needed at once.
func allocated(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// maxAllocFactor bounds what decoding a hostile file may allocate, as a
// multiple of the file's size. Reading a backup copies the file once or
// twice; reading stored history copies its text out of the store and into
// a copy kept aside.
const maxAllocFactor = 5

const backupHead = `{"type":"unknot-backup","version":1,"exportedAt":"2025-04-24T07:30:00Z","settings":{"schema":2},`

// TestDecodeBackupHostileIsBounded: a backup file of hostile shapes, as
// large as a backup may be, is refused with a message that says what is
// wrong, and reading it allocates a small multiple of its size.
func TestDecodeBackupHostileIsBounded(t *testing.T) {
	cases := []struct {
		scenario string
		file     []byte
		want     string
	}{
		{"empty objects under an unknown field", fill(`{"items":[`, `{}`, `,`, `]}`), "not an Unknot backup"},
		{"empty objects as records", fill(backupHead+`"routines":[],"records":[`, `{}`, `,`, `]}`), "at most 100000"},
		{"empty objects as routines", fill(backupHead+`"records":[],"routines":[`, `{}`, `,`, `]}`), "at most 100"},
		{"empty lists as records", fill(backupHead+`"routines":[],"records":[`, `[]`, `,`, `]}`), "at most 100000"},
		{"numbers as records", fill(backupHead+`"routines":[],"records":[`, `1`, `,`, `]}`), "at most 100000"},
		{"deep nesting", fill(``, `[`, ``, ``), "not an Unknot backup"},
		{"deep nesting in records", fill(backupHead+`"routines":[],"records":`, `[`, ``, ``), "not an Unknot backup"},
		{"a huge type", fill(`{"type":"`, `a`, ``, `"}`), "not an Unknot backup"},
		{"a huge note", fill(backupHead+`"routines":[],"records":[{"note":"`, `a`, ``, `"}]}`), "record 1"},
		{"a huge field name", fill(`{"`, `a`, ``, `":1}`), "not an Unknot backup"},
		{"many fields", fill(`{`, `"a":1`, `,`, `}`), "not an Unknot backup"},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = store.DecodeBackup(bytes.NewReader(c.file)) })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("DecodeBackup: %v, want an error that says %q", err, c.want)
			}
			if limit := uint64(maxAllocFactor * len(c.file)); n > limit {
				t.Errorf("reading a %d MiB file allocated %d MiB, want at most %d MiB", len(c.file)>>20, n>>20, limit>>20)
			}
		})
	}
}

// TestLoadHistoryHostileIsBounded: stored history of hostile shapes is
// reported as damaged and copied aside, and reading it allocates a small
// multiple of its size.
func TestLoadHistoryHostileIsBounded(t *testing.T) {
	cases := []struct {
		scenario string
		raw      []byte
		status   store.Status
	}{
		{"schema 1, empty objects as records", fill(`{"schema":1,"records":[`, `{}`, `,`, `]}`), store.StatusCorrupt},
		{"schema 1, empty lists as records", fill(`{"schema":1,"records":[`, `[]`, `,`, `]}`), store.StatusCorrupt},
		{"schema 2, empty objects as records", fill(`{"schema":2,"routines":[],"exercises":[],"logs":[],"zones":[],"records":[`, `{}`, `,`, `]}`), store.StatusCorrupt},
		{"schema 2, empty names", fill(`{"schema":2,"exercises":[],"logs":[],"zones":[],"records":[{}],"routines":[`, `["",""]`, `,`, `]}`), store.StatusCorrupt},
		{"schema 2, empty logs", fill(`{"schema":2,"routines":[],"exercises":[["a","A"]],"zones":[],"records":[{}],"logs":[`, `[0,0,0,0,0,0]`, `,`, `]}`), store.StatusCorrupt},
		{"schema 2, empty zones", fill(`{"schema":2,"routines":[],"exercises":[],"logs":[],"records":[{}],"zones":[`, `""`, `,`, `]}`), store.StatusCorrupt},
		{"schema 3, empty lists as deletions", fill(`{"schema":3,"routines":[],"exercises":[],"logs":[],"zones":[],"records":[],"deleted":[`, `[]`, `,`, `]}`), store.StatusCorrupt},
		{"newer, empty objects as records", fill(`{"schema":4,"records":[`, `{}`, `,`, `]}`), store.StatusNewer},
		{"newer, empty lists as records", fill(`{"schema":4,"records":[`, `[]`, `,`, `]}`), store.StatusNewer},
		{"deep nesting", fill(``, `[`, ``, ``), store.StatusCorrupt},
		{"many fields", fill(`{`, `"a":1`, `,`, `}`), store.StatusCorrupt},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			st := &store.MemoryStorage{}
			if err := st.SetRaw(store.HistoryKey, string(c.raw)); err != nil {
				t.Fatal(err)
			}
			var status store.Status
			n := allocated(func() { _, status, _ = store.LoadHistory(st, time.Unix(1745480000, 0)) })
			if status != c.status {
				t.Errorf("status %v, want %v", status, c.status)
			}
			if limit := uint64(maxAllocFactor * len(c.raw)); n > limit {
				t.Errorf("reading %d MiB of stored history allocated %d MiB, want at most %d MiB", len(c.raw)>>20, n>>20, limit>>20)
			}
		})
	}
}
