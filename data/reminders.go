package data

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Reminders are the times of day at which the person wants to be reminded
// of their sessions. A web app cannot schedule notifications while it is
// closed, so Unknot hands them to the person's own calendar app as a
// calendar file (see ReminderICS) that reminds them every day.
type Reminders struct {
	// Morning and Evening are times on the person's clock, 24-hour, as
	// "07:30" (what <input type="time"> gives); "" means no reminder for
	// that session.
	Morning string `json:"morning,omitempty"`
	Evening string `json:"evening,omitempty"`
	// ID is a uuid that names these reminders in the UIDs of the calendar
	// events; "" means a new random one for every file. Calendar apps treat
	// a UID they already hold differently (some update the event, some skip
	// it, some refuse one they have seen deleted), so by default importing
	// a new file simply adds new events. A caller that keeps an ID makes
	// every file name the same two events.
	ID string `json:"id,omitempty"`
}

// ReminderLength is how long the reminder events last in the calendar,
// about the length of a session.
const ReminderLength = 10 * time.Minute

// reminderSlot is one reminder of a file: which session and when.
type reminderSlot struct {
	name    string // "morning" or "evening"
	clock   string // as given, "07:30"
	seconds int    // the clock as seconds after midnight
}

// slots returns the chosen reminders in order, and the first bad time.
func (r Reminders) slots() ([]reminderSlot, error) {
	var out []reminderSlot
	for _, s := range []reminderSlot{{name: "morning", clock: r.Morning}, {name: "evening", clock: r.Evening}} {
		if s.clock == "" {
			continue
		}
		sec, ok := parseClock(s.clock)
		if !ok {
			return nil, fmt.Errorf("the %s time %q is not a time like 07:30", s.name, Clip(s.clock))
		}
		s.seconds = sec
		out = append(out, s)
	}
	return out, nil
}

// Validate reports reminders that cannot be written as a calendar file: no
// time chosen, a time that is not HH:MM on a 24-hour clock, the same time
// twice, or an ID that is not a uuid.
func (r Reminders) Validate() error {
	if r.Morning == "" && r.Evening == "" {
		return errors.New("choose at least one time")
	}
	if _, err := r.slots(); err != nil {
		return err
	}
	if r.Morning == r.Evening {
		return fmt.Errorf("the morning and evening times are both %s; choose two different times", r.Morning)
	}
	if r.ID != "" {
		if u, err := uuid.Parse(r.ID); err != nil || u.String() != r.ID {
			return fmt.Errorf("the reminder id %q is not a uuid like 0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c", Clip(r.ID))
		}
	}
	return nil
}

// parseClock reads "HH:MM" (exactly two digits each, 00:00 to 23:59) as
// seconds after midnight.
func parseClock(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	if !digit(s[0]) || !digit(s[1]) || !digit(s[3]) || !digit(s[4]) {
		return 0, false
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*3600 + m*60, true
}

// checkAppURL reports an app address that is not an absolute web address or
// that holds spaces or control characters. "" is allowed: the events then
// carry no link.
func checkAppURL(s string) error {
	if s == "" {
		return nil
	}
	bad := !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
	if u, err := url.Parse(s); bad || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("the app address %q is not a web address like https://example.org/", Clip(s))
	}
	return nil
}

// ReminderICS returns an iCalendar file (RFC 5545) with one daily event per
// chosen reminder, each with an alarm at its start, to import into a
// calendar app. now is the moment the file is made: it is the DTSTAMP, and
// its wall clock in its own location decides the first day, which is today
// if the reminder's time is still to come and tomorrow otherwise. appURL,
// if not "", is the app's address, given in the events' descriptions.
//
// The events' start is a floating local time (DTSTART:20261126T073000, no
// zone): a reminder at 07:30 is wanted at 07:30 wherever the person is, so
// it follows them across zones and clock changes, and the file needs no
// VTIMEZONE, which the browser cannot describe (Go in WebAssembly knows only
// the current UTC offset, not the zone's rules).
//
// Each event's UID is "<session>-<ID>@unknot.invalid" (see Reminders.ID);
// .invalid is a domain reserved never to exist, so no real host is named.
func ReminderICS(r Reminders, now time.Time, appURL string) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	slots, _ := r.slots()
	if err := checkAppURL(appURL); err != nil {
		return nil, err
	}
	// The last day allowed leaves room for tomorrow in a four-digit year.
	for _, t := range []time.Time{now, now.UTC()} {
		if t.Year() < 1 || t.After(time.Date(9999, 12, 30, 0, 0, 0, 0, t.Location())) {
			return nil, fmt.Errorf("the clock reads %s, a date a calendar cannot hold", t.Format(time.RFC3339))
		}
	}
	id := r.ID
	if id == "" {
		id = uuid.NewString()
	}

	var w icsWriter
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//Unknot//Reminders//EN")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	y, m, d := now.Date()
	hh, mm, ss := now.Clock()
	for _, s := range slots {
		day := d
		if s.seconds <= hh*3600+mm*60+ss {
			day++ // already passed today, or this very minute
		}
		start := time.Date(y, m, day, 0, 0, s.seconds, 0, time.UTC) // UTC only to count days
		summary := "Unknot: " + s.name + " stretches"
		desc := "Time for your " + s.name + " stretches."
		if appURL != "" {
			desc += "\nOpen Unknot: " + appURL
		}
		w.line("BEGIN:VEVENT")
		w.line("UID:" + s.name + "-" + id + "@unknot.invalid")
		w.line("DTSTAMP:" + now.UTC().Format("20060102T150405Z"))
		w.line("DTSTART:" + start.Format("20060102T150405"))
		w.line("DURATION:PT" + fmt.Sprint(int(ReminderLength.Minutes())) + "M")
		w.line("RRULE:FREQ=DAILY")
		w.line("SUMMARY:" + escapeText(summary))
		w.line("DESCRIPTION:" + escapeText(desc))
		// Transparent: a reminder to stretch should not mark the person
		// busy to others looking at their calendar.
		w.line("TRANSP:TRANSPARENT")
		w.line("BEGIN:VALARM")
		w.line("ACTION:DISPLAY")
		w.line("DESCRIPTION:" + escapeText(summary))
		w.line("TRIGGER:PT0M")
		w.line("END:VALARM")
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return w.b, nil
}

// icsWriter writes content lines, folded and ended with CRLF.
type icsWriter struct{ b []byte }

// icsLineOctets is the longest line RFC 5545 allows, CRLF left out.
const icsLineOctets = 75

// line writes one content line, folding it into lines of at most 75 octets
// (a fold is CRLF and a space, which counts). It never splits a UTF-8
// character or a backslash escape, since some readers do not join them
// again before decoding.
func (w *icsWriter) line(s string) {
	n := 0 // octets on the current physical line
	for len(s) > 0 {
		k := 1
		if s[0] == '\\' && len(s) > 1 {
			k = 2
		} else if _, size := utf8.DecodeRuneInString(s); size > 1 {
			k = size
		}
		if n+k > icsLineOctets {
			w.b = append(w.b, "\r\n "...)
			n = 1
		}
		w.b = append(w.b, s[:k]...)
		n += k
		s = s[k:]
	}
	w.b = append(w.b, "\r\n"...)
}

// escapeText escapes s as an iCalendar TEXT value: backslash, semicolon and
// comma take a backslash, line breaks become \n, and other control
// characters, which TEXT cannot hold, are dropped.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t' || (r >= 0x20 && r != 0x7f):
			b.WriteRune(r)
		}
	}
	return b.String()
}
