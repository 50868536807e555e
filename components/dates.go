package components

import (
	"time"
	"unknot/data"
)

// historyDate writes a date (DateLayout) for people: "Tue 14 Apr 2026". A date
// that cannot be read is shown as it is.
func historyDate(date string) string {
	d, err := time.Parse(data.DateLayout, date)
	if err != nil {
		return date
	}
	return d.Format("Mon 2 Jan 2006")
}

// historyShortDate writes a date (DateLayout) as "14 Apr".
func historyShortDate(date string) string {
	d, err := time.Parse(data.DateLayout, date)
	if err != nil {
		return date
	}
	return d.Format("2 Jan")
}
