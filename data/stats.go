package data

import (
	"slices"
	"strconv"
	"time"
)

// Stats sums up a history.
type Stats struct {
	// Sessions counts the records that count as sessions (Record.Counts);
	// Complete those of them with every hold done.
	Sessions, Complete int
	// Days counts distinct local dates with a session.
	Days int
	// Active is the total exercise time, pauses left out; Minutes is the
	// same in whole minutes, rounded to the nearest.
	Active  time.Duration
	Minutes int
	// CurrentStreak and BestStreak are in days; see CurrentStreak.
	CurrentStreak, BestStreak int
}

// ComputeStats sums up records as of today, the person's local date
// (DateLayout). It takes O(n log n) time for n records.
func ComputeStats(records []Record, today string) Stats {
	var s Stats
	for _, r := range records {
		if !r.Counts() {
			continue // not a session (see Record.Counts)
		}
		s.Sessions++
		if r.Complete {
			s.Complete++
		}
		s.Active += r.Active()
	}
	s.Minutes = int((s.Active + 30*time.Second) / time.Minute)
	days := sessionDays(records)
	s.Days = len(days)
	s.CurrentStreak, s.BestStreak = streaks(days, today)
	return s
}

// WeekCount is the activity of one ISO week (Monday to Sunday), for a chart.
type WeekCount struct {
	// Year and Week are the ISO 8601 year and week number; Monday is the
	// week's first date (DateLayout); Label reads like "2025-W17".
	Year, Week int
	Monday     string
	Label      string
	// Sessions counts the sessions of the week; Complete those with every
	// hold done; Minutes their exercise time in whole minutes.
	Sessions, Complete, Minutes int
}

// MaxWeeks is the most weeks SessionsPerWeek returns: a hundred years.
const MaxWeeks = 100 * 53

// SessionsPerWeek counts sessions by the ISO week of their local date, for
// the weeks weeks up to and including the week of today (DateLayout), oldest
// first, with a zero for a week without sessions. weeks ≤ 0 means every week
// from the first session's; either way at most MaxWeeks. It takes
// O(n + weeks) time.
func SessionsPerWeek(records []Record, today string, weeks int) []WeekCount {
	t, ok := DayNumber(today)
	if !ok {
		return nil
	}
	end := mondayOf(t)
	type sum struct {
		sessions, complete int
		active             time.Duration
	}
	byWeek := map[int]*sum{}
	first := end
	for _, r := range records {
		d, ok := DayNumber(r.LocalDate)
		if !ok || !r.Counts() {
			continue
		}
		w := mondayOf(d)
		first = min(first, w)
		s := byWeek[w]
		if s == nil {
			s = &sum{}
			byWeek[w] = s
		}
		s.sessions++
		if r.Complete {
			s.complete++
		}
		s.active += r.Active()
	}
	if weeks <= 0 {
		weeks = (end-first)/7 + 1
	}
	weeks = min(weeks, MaxWeeks)
	start := end - 7*(weeks-1)
	out := make([]WeekCount, 0, (end-start)/7+1)
	for w := start; w <= end; w += 7 {
		day := time.Unix(int64(w)*86400, 0).UTC()
		y, n := day.ISOWeek()
		wc := WeekCount{Year: y, Week: n, Monday: day.Format(DateLayout), Label: isoLabel(y, n)}
		if s := byWeek[w]; s != nil {
			wc.Sessions, wc.Complete = s.sessions, s.complete
			wc.Minutes = int((s.active + 30*time.Second) / time.Minute)
		}
		out = append(out, wc)
	}
	return out
}

// isoLabel writes an ISO week as "2025-W07".
func isoLabel(y, w int) string {
	ws := strconv.Itoa(w)
	if w < 10 {
		ws = "0" + ws
	}
	return strconv.Itoa(y) + "-W" + ws
}

// mondayOf is the day number of the Monday on or before day number d
// (1970-01-01, day 0, was a Thursday).
func mondayOf(d int) int {
	return d - ((d+3)%7+7)%7
}

// PainPoint is the pain recorded with one session.
type PainPoint struct {
	// Start is the session's instant; Date its local date.
	Start time.Time
	Date  string
	// Before and After are the scores from 0 to 10; nil when not given.
	Before, After *int
}

// PainSeries lists the pain scores of the sessions that have at least one,
// in order of time, for a chart.
func PainSeries(records []Record) []PainPoint {
	var out []PainPoint
	for _, r := range InOrder(records) {
		if r.PainBefore == nil && r.PainAfter == nil || !r.Counts() {
			continue
		}
		out = append(out, PainPoint{Start: r.Start, Date: r.LocalDate, Before: r.PainBefore, After: r.PainAfter})
	}
	return out
}

// InOrder returns records sorted by Start, then ID: records itself when it
// is already, a sorted copy otherwise.
func InOrder(records []Record) []Record {
	less := func(a, b Record) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	}
	if slices.IsSortedFunc(records, less) {
		return records
	}
	out := slices.Clone(records)
	slices.SortStableFunc(out, less)
	return out
}

// CalendarDay is one day of a month calendar.
type CalendarDay struct {
	// Date is in DateLayout; Day is the day of the month.
	Date    string
	Day     int
	Weekday time.Weekday
	// Morning and Evening mark a session in that part of the day (see
	// EveningFrom); Sessions counts them all.
	Morning, Evening bool
	Sessions         int
}

// MonthCalendar returns every day of the given month with its marks, by
// the local dates and times of records. It takes O(n) time.
func MonthCalendar(records []Record, year int, month time.Month) []CalendarDay {
	if month < time.January || month > time.December {
		return nil
	}
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	n := daysIn(year, month)
	out := make([]CalendarDay, n)
	for i := range out {
		d := first.AddDate(0, 0, i)
		out[i] = CalendarDay{Date: d.Format(DateLayout), Day: i + 1, Weekday: d.Weekday()}
	}
	prefix := first.Format("2006-01-")
	for _, r := range records {
		if len(r.LocalDate) != 10 || r.LocalDate[:8] != prefix || !r.Counts() {
			continue
		}
		day, ok := digits(r.LocalDate[8:])
		if !ok || day < 1 || day > n {
			continue
		}
		c := &out[day-1]
		c.Sessions++
		if r.PartOfDay() == PartMorning {
			c.Morning = true
		} else {
			c.Evening = true
		}
	}
	return out
}
