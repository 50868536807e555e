package store

import (
	"strconv"
	"strings"
	"time"

	"unknot/data"
)

// RecentKey is the storage key of a short summary of the history's latest
// days, written beside it every time the history is written. The home
// screen says which of today's sessions are done at every launch; with it,
// that costs a pass over the history's text instead of reading years of
// sessions.
//
// The summary names the history it was made from by a checksum of its
// exact text, so a history written any other way (by an older version of
// Unknot, or restored by hand) is never summed up wrongly: the summary no
// longer matches, and the history is read in full.
//
// It is a JSON array of strings: the version (recentVersion, "3"), the checksum, the first and the last
// local date it covers, then one "date time 0|1 m|e" per session from the
// first date on (the last date the history has and the day before it),
// a whole routine done or not (Record.DidRoutine), morning or evening
// (Record.PartOfDay):
//
//	["3","9f0c2e4b17a3d5e6","2026-11-24","2026-11-25","2026-11-24 07:30 1 m","2026-11-25 01:38 0 e"]
const RecentKey = "unknot.recent"

// A Mark is what says whether a session of a day was done: its local date
// and time, and whether it did a whole routine (data.Record.DidRoutine).
type Mark struct {
	LocalDate, LocalTime string
	Complete             bool
	// Part is the part of the day the session counts for.
	Part data.PartOfDay
}

// PartOfDay is the part of the day the session counts for; a mark without
// one, by its time.
func (m Mark) PartOfDay() data.PartOfDay {
	if m.Part != "" {
		return m.Part
	}
	return data.PartOfDayAt(m.LocalTime)
}

// MarksOn returns the marks of the records on the local date day, in order.
func MarksOn(records []data.Record, day string) []Mark {
	var out []Mark
	for _, r := range records {
		if r.LocalDate == day && r.Worked() {
			out = append(out, Mark{r.LocalDate, r.LocalTime, r.DidRoutine(), r.PartOfDay()})
		}
	}
	return out
}

// SessionsPerDay is how many sessions a day plans: one in the morning and
// one in the evening, as the article suggests the stretches twice a day.
const SessionsPerDay = 2

// SessionsLeft returns how many of day's planned sessions are still to do:
// a part of the day counts as done once a session in it was complete. A
// session ended early leaves its part to do, and a second session in a part
// already done does not count for the other.
func SessionsLeft(marks []Mark, day string) int {
	done := map[data.PartOfDay]bool{}
	for _, m := range marks {
		if m.LocalDate == day && m.Complete {
			done[m.PartOfDay()] = true
		}
	}
	return SessionsPerDay - len(done)
}

// SessionsOn returns the marks of the stored sessions on the local date
// day. It reads the summary under RecentKey when it matches the stored
// history, and the whole history otherwise (see LoadHistory, whose errors
// it returns: a damaged history is copied aside), after which it writes the
// summary for the next time. now names such a copy.
func SessionsOn(st Storage, day string, now time.Time) ([]Mark, error) {
	raw, ok, err := getRaw(st, HistoryKey)
	if err == nil && !ok {
		return nil, nil
	}
	if err == nil {
		if s, ok := readRecent(st); ok && s.sum == textSum(raw) {
			switch {
			case day > s.last:
				return nil, nil
			case day >= s.from:
				return s.on(day), nil
			}
		}
		if l := decodeHistory([]byte(raw)); l.status == StatusOK {
			_ = writeRecent(st, []byte(raw), l.records)
			return MarksOn(l.records, day), nil
		}
	}
	hist, _, err := LoadHistory(st, now)
	return MarksOn(hist.Records, day), err
}

// recent is a summary read from RecentKey.
type recent struct {
	sum, from, last string
	marks           []Mark
}

// on returns the marks of day.
func (s recent) on(day string) []Mark {
	var out []Mark
	for _, m := range s.marks {
		if m.LocalDate == day {
			out = append(out, m)
		}
	}
	return out
}

// recentVersion is the first element of a summary.
const recentVersion = "3" // 2: the part of the day; sessions without a hold done left out; 3: complete means a whole routine

// writeRecent stores the summary of records, whose stored text is text.
func writeRecent(st Storage, text []byte, records []data.Record) error {
	var last string
	for _, r := range records {
		last = max(last, r.LocalDate)
	}
	from := last
	if t, err := time.Parse(data.DateLayout, last); err == nil {
		from = t.AddDate(0, 0, -1).Format(data.DateLayout)
	}
	parts := []string{recentVersion, textSum(string(text)), from, last}
	for _, r := range records {
		if r.LocalDate >= from && r.Worked() {
			c := "0"
			if r.DidRoutine() {
				c = "1"
			}
			parts = append(parts, r.LocalDate+" "+r.LocalTime+" "+c+" "+string(r.PartOfDay()[:1]))
		}
	}
	// Every part is digits, letters a-f, '-', ':' and spaces: nothing to
	// escape in JSON.
	return setText(st, RecentKey, []byte(`["`+strings.Join(parts, `","`)+`"]`))
}

// readRecent reads the summary; false when there is none or it is not as
// writeRecent writes it.
func readRecent(st Storage) (recent, bool) {
	raw, ok, err := getRaw(st, RecentKey)
	if err != nil || !ok || len(raw) < 4 || !strings.HasPrefix(raw, `["`) || !strings.HasSuffix(raw, `"]`) {
		return recent{}, false
	}
	parts := strings.Split(raw[2:len(raw)-2], `","`)
	if len(parts) < 4 || parts[0] != recentVersion || len(parts[1]) != 16 {
		return recent{}, false
	}
	// An empty history has no dates and no sessions.
	_, fromOK := data.DayNumber(parts[2])
	_, lastOK := data.DayNumber(parts[3])
	if empty := parts[2] == "" && parts[3] == "" && len(parts) == 4; !empty && (!fromOK || !lastOK || parts[2] > parts[3]) {
		return recent{}, false
	}
	s := recent{sum: parts[1], from: parts[2], last: parts[3]}
	for _, p := range parts[4:] {
		date, rest, _ := strings.Cut(p, " ")
		clock, rest, _ := strings.Cut(rest, " ")
		c, part, _ := strings.Cut(rest, " ")
		if _, ok := data.DayNumber(date); !ok || !data.IsClock(clock) || (c != "0" && c != "1") || (part != "m" && part != "e") {
			return recent{}, false
		}
		s.marks = append(s.marks, Mark{date, clock, c == "1", map[string]data.PartOfDay{"m": data.PartMorning, "e": data.PartEvening}[part]})
	}
	return s, true
}

// textSum is the 64-bit FNV-1a hash of s, in hex.
func textSum(s string) string {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	// strconv, not fmt: this runs at every launch, and fmt's code is then
	// compiled by the browser for this alone.
	sum := strconv.FormatUint(h, 16)
	return strings.Repeat("0", 16-len(sum)) + sum
}
