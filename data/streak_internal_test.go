package data

import (
	"testing"
	"time"
)

func TestDayNumber(t *testing.T) {
	cases := []struct {
		date string
		ok   bool
	}{
		{"1970-01-01", true}, {"2024-02-29", true}, {"2025-02-29", false}, {"2025-12-31", true},
		{"2025-00-10", false}, {"2025-04-31", false}, {"2025-4-01", false}, {"20250401", false},
		{"2025-04-0x", false}, {"0001-01-01", true}, {"9999-12-31", true},
	}
	for _, c := range cases {
		got, ok := DayNumber(c.date)
		if ok != c.ok {
			t.Errorf("DayNumber(%q): got ok %v, want %v", c.date, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		d, _ := time.Parse(DateLayout, c.date)
		if want := int(floorDiv(d.Unix(), 86400)); got != want {
			t.Errorf("DayNumber(%q): got %d, want %d", c.date, got, want)
		}
	}
}

// floorDiv divides rounding down.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func TestMondayOf(t *testing.T) {
	for d := -30; d < 800; d++ {
		day := time.Unix(int64(d)*86400, 0).UTC()
		m := mondayOf(d)
		monday := time.Unix(int64(m)*86400, 0).UTC()
		if monday.Weekday() != time.Monday || d-m < 0 || d-m > 6 {
			t.Fatalf("mondayOf(%s): got %s", day.Format(DateLayout), monday.Format(DateLayout))
		}
	}
}
