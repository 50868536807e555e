package data

import (
	"slices"
	"time"
)

// Streaks count days on the person's own calendar: each record's LocalDate,
// never spans of 24 hours. A session at 23:50 and one at 00:10 fall on two
// days; two sessions on one date, or a date reached twice by flying west,
// count once; a day made 23 or 25 hours long by a clock change is still one
// day.

// CurrentStreak is the number of days in a row, up to now, with at least one
// session. today is the person's local date (DateLayout). The streak is the
// run of consecutive days that reaches today or yesterday, so it is not
// broken before today's session is done. A session dated tomorrow (after
// crossing the date line westward, or when the clock has gone back) also
// counts. An unreadable today gives 0.
func CurrentStreak(records []Record, today string) int {
	current, _ := streaks(sessionDays(records), today)
	return current
}

// BestStreak is the longest number of days in a row with at least one
// session.
func BestStreak(records []Record) int {
	_, best := streaks(sessionDays(records), "")
	return best
}

// streaks returns the current and best streaks of sorted, distinct day
// numbers; an unreadable today gives no current streak. When two runs
// reach the days around today (one ends yesterday, one starts tomorrow),
// the longer counts.
func streaks(days []int, today string) (current, best int) {
	t, ok := DayNumber(today)
	for _, r := range dayRuns(days) {
		n := r.last - r.first + 1
		best = max(best, n)
		if ok && r.first <= t+1 && r.last >= t-1 {
			current = max(current, n)
		}
	}
	return current, best
}

// dayRun is a run of consecutive day numbers, first and last included.
type dayRun struct{ first, last int }

// dayRuns splits sorted, distinct day numbers into runs of consecutive days.
func dayRuns(days []int) []dayRun {
	var out []dayRun
	for _, d := range days {
		if n := len(out); n > 0 && out[n-1].last == d-1 {
			out[n-1].last = d
			continue
		}
		out = append(out, dayRun{d, d})
	}
	return out
}

// sessionDays returns the distinct local dates of records as sorted day
// numbers; records with an unreadable date, or without a hold done, are
// left out.
func sessionDays(records []Record) []int {
	days := make([]int, 0, len(records))
	for _, r := range records {
		if d, ok := DayNumber(r.LocalDate); ok && r.Counts() {
			days = append(days, d)
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// DayNumber turns a date in DateLayout into the number of days since
// 1970-01-01, without the cost of time.Parse: streaks over ten years of
// records parse thousands of dates.
func DayNumber(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

// digits reads a string of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// daysIn is the number of days in month m of year y, by arithmetic: the
// dose rules read every record's date at every launch, and time.Date cost
// most of that.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// daysFromCivil is the number of days from 1970-01-01 to the given date of
// the proleptic Gregorian calendar (Howard Hinnant's algorithm), for years
// from 0 on.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
