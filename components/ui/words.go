package ui

import (
	"fmt"
	"time"

	"unknot/data"
)

// HistoryDate writes a date (DateLayout) for people: "Tue 14 Apr 2026". A date
// that cannot be read is shown as it is.
func HistoryDate(date string) string {
	d, err := time.Parse(data.DateLayout, date)
	if err != nil {
		return date
	}
	return d.Format("Mon 2 Jan 2006")
}

// HistoryShortDate writes a date (DateLayout) as "14 Apr".
func HistoryShortDate(date string) string {
	d, err := time.Parse(data.DateLayout, date)
	if err != nil {
		return date
	}
	return d.Format("2 Jan")
}

// SessionsText says a number of sessions: "1 session", "3 sessions".
func SessionsText(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}
