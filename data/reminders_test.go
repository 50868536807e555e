package data_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"unknot/data"
)

// This file holds a small, strict RFC 5545 reader, so that the tests check
// the calendar files the way a fussy calendar app would, and not by
// comparing strings.

// icsProp is one content line: NAME;PARAM=V:VALUE, the value still escaped.
type icsProp struct {
	name   string
	params map[string][]string
	value  string
}

// icsComp is one BEGIN … END component.
type icsComp struct {
	name  string
	props []icsProp
	comps []*icsComp
}

// all returns the properties of c named name.
func (c *icsComp) all(name string) []icsProp {
	var out []icsProp
	for _, p := range c.props {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

// get returns the value of c's only property named name, "" without one.
func (c *icsComp) get(name string) string {
	if ps := c.all(name); len(ps) > 0 {
		return ps[0].value
	}
	return ""
}

// icsRules are what a component may hold: its required properties, those
// allowed at most once, those allowed many times, and its subcomponents.
type icsRules struct {
	required, once, many, comps []string
	parents                     []string
}

// icsSpec lists the components these files may hold (RFC 5545 §3.6).
var icsSpec = map[string]icsRules{
	"VCALENDAR": {
		required: []string{"PRODID", "VERSION"},
		once:     []string{"PRODID", "VERSION", "CALSCALE", "METHOD"},
		comps:    []string{"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE"},
	},
	"VEVENT": {
		required: []string{"UID", "DTSTAMP", "DTSTART"},
		once: []string{"UID", "DTSTAMP", "DTSTART", "CLASS", "CREATED", "DESCRIPTION", "GEO",
			"LAST-MODIFIED", "LOCATION", "ORGANIZER", "PRIORITY", "SEQUENCE", "STATUS", "SUMMARY",
			"TRANSP", "URL", "RECURRENCE-ID", "DTEND", "DURATION", "RRULE"},
		many: []string{"ATTACH", "ATTENDEE", "CATEGORIES", "COMMENT", "CONTACT", "EXDATE",
			"REQUEST-STATUS", "RELATED-TO", "RESOURCES", "RDATE"},
		comps:   []string{"VALARM"},
		parents: []string{"VCALENDAR"},
	},
	"VALARM": {
		required: []string{"ACTION", "TRIGGER"},
		once:     []string{"ACTION", "TRIGGER", "DESCRIPTION", "SUMMARY", "DURATION", "REPEAT"},
		many:     []string{"ATTACH", "ATTENDEE"},
		parents:  []string{"VEVENT", "VTODO"},
	},
}

// icsText are the properties whose value is TEXT.
var icsText = []string{"PRODID", "UID", "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT"}

var (
	icsName     = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	icsDate     = regexp.MustCompile(`^\d{8}$`)
	icsDateTime = regexp.MustCompile(`^\d{8}T\d{6}Z?$`)
	// icsDuration is dur-value of RFC 5545 §3.3.6.
	icsDuration = regexp.MustCompile(`^[+-]?P(\d+W|\d+D(T(\d+H(\d+M(\d+S)?)?|\d+M(\d+S)?|\d+S))?|T(\d+H(\d+M(\d+S)?)?|\d+M(\d+S)?|\d+S))$`)
)

// parseICS reads an iCalendar file strictly: CRLF line ends, lines of at
// most 75 octets that never split a UTF-8 character, components properly
// nested with the properties RFC 5545 requires, and well-formed values.
func parseICS(b []byte) (*icsComp, error) {
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		return nil, errors.New("the file does not end with CRLF")
	}
	var lines []string
	for i, l := range strings.Split(string(b[:len(b)-2]), "\r\n") {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d: a bare CR or LF", i+1)
		case len(l) > 75:
			return nil, fmt.Errorf("line %d: %d octets, more than 75", i+1, len(l))
		case !utf8.ValidString(l):
			return nil, fmt.Errorf("line %d: not UTF-8 on its own (a split character?)", i+1)
		case l == "":
			return nil, fmt.Errorf("line %d: empty", i+1)
		case l[0] == ' ' || l[0] == '\t':
			if len(lines) == 0 {
				return nil, errors.New("the file starts with a continuation line")
			}
			lines[len(lines)-1] += l[1:]
		default:
			lines = append(lines, l)
		}
	}
	var root *icsComp
	var stack []*icsComp
	for _, l := range lines {
		p, err := parseICSLine(l)
		if err != nil {
			return nil, err
		}
		if root != nil && len(stack) == 0 {
			return nil, fmt.Errorf("%q after the end of the calendar", l)
		}
		switch p.name {
		case "BEGIN":
			c := &icsComp{name: strings.ToUpper(p.value)}
			if len(stack) == 0 {
				if c.name != "VCALENDAR" {
					return nil, fmt.Errorf("the file starts with %q, not BEGIN:VCALENDAR", l)
				}
				root = c
			} else {
				parent := stack[len(stack)-1]
				if rules, ok := icsSpec[c.name]; ok && !slices.Contains(rules.parents, parent.name) {
					return nil, fmt.Errorf("%s inside %s", c.name, parent.name)
				}
				parent.comps = append(parent.comps, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 {
				return nil, fmt.Errorf("%q before any BEGIN", l)
			}
			c := stack[len(stack)-1]
			if strings.ToUpper(p.value) != c.name {
				return nil, fmt.Errorf("%q ends %s", l, c.name)
			}
			if err := checkICSComp(c); err != nil {
				return nil, err
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("%q outside the calendar", l)
			}
			if err := checkICSValue(p); err != nil {
				return nil, err
			}
			c := stack[len(stack)-1]
			c.props = append(c.props, p)
		}
	}
	if root == nil || len(stack) != 0 {
		return nil, errors.New("the calendar is not closed")
	}
	return root, nil
}

// parseICSLine splits a content line into name, parameters and value
// (RFC 5545 §3.1).
func parseICSLine(l string) (icsProp, error) {
	p := icsProp{params: map[string][]string{}}
	end := strings.IndexAny(l, ";:")
	if end < 0 {
		return p, fmt.Errorf("%q: no colon", l)
	}
	p.name, l = strings.ToUpper(l[:end]), l[end:]
	if !icsName.MatchString(p.name) {
		return p, fmt.Errorf("%q: a bad name", p.name)
	}
	for l[0] == ';' {
		eq := strings.IndexByte(l, '=')
		if eq < 0 || !icsName.MatchString(l[1:eq]) {
			return p, fmt.Errorf("%s: a bad parameter in %q", p.name, l)
		}
		key := strings.ToUpper(l[1:eq])
		l = l[eq:]
		for l[0] == '=' || l[0] == ',' {
			l = l[1:]
			var v string
			if strings.HasPrefix(l, `"`) {
				q := strings.IndexByte(l[1:], '"')
				if q < 0 {
					return p, fmt.Errorf("%s: an unclosed quote", p.name)
				}
				v, l = l[1:q+1], l[q+2:]
			} else {
				n := strings.IndexAny(l, `;:,"`)
				if n < 0 {
					return p, fmt.Errorf("%s: no colon", p.name)
				}
				v, l = l[:n], l[n:]
			}
			if strings.ContainsFunc(v, icsControl) {
				return p, fmt.Errorf("%s: a control character in parameter %s", p.name, key)
			}
			p.params[key] = append(p.params[key], v)
			if l == "" {
				return p, fmt.Errorf("%s: no colon", p.name)
			}
		}
		if l[0] != ';' && l[0] != ':' {
			return p, fmt.Errorf("%s: a bad parameter value", p.name)
		}
	}
	p.value = l[1:]
	if strings.ContainsFunc(p.value, icsControl) {
		return p, fmt.Errorf("%s: a control character in the value", p.name)
	}
	return p, nil
}

// icsControl reports the characters no value may hold: CONTROL of RFC 5545,
// which is every ASCII control but HTAB.
func icsControl(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f }

// checkICSValue checks the value of p against its value type.
func checkICSValue(p icsProp) error {
	v := p.value
	bad := func(what string) error { return fmt.Errorf("%s: %q is not %s", p.name, v, what) }
	switch p.name {
	case "VERSION":
		if v != "2.0" {
			return bad("version 2.0")
		}
	case "CALSCALE":
		if v != "GREGORIAN" {
			return bad("GREGORIAN")
		}
	case "DTSTAMP":
		if !icsDateTime.MatchString(v) || !strings.HasSuffix(v, "Z") || !icsValidTime(v) {
			return bad("a DATE-TIME in UTC")
		}
	case "DTSTART", "DTEND":
		switch {
		case slices.Equal(p.params["VALUE"], []string{"DATE"}):
			if !icsDate.MatchString(v) || !icsValidTime(v) {
				return bad("a DATE")
			}
		case !icsDateTime.MatchString(v) || !icsValidTime(v):
			return bad("a DATE-TIME")
		case p.params["TZID"] != nil:
			// These files hold no VTIMEZONE, which a TZID would need.
			return fmt.Errorf("%s: a TZID without a VTIMEZONE", p.name)
		}
	case "DURATION":
		if !icsDuration.MatchString(v) || strings.HasPrefix(v, "-") {
			return bad("a positive DURATION")
		}
	case "TRIGGER":
		if slices.Equal(p.params["VALUE"], []string{"DATE-TIME"}) {
			if !icsDateTime.MatchString(v) || !strings.HasSuffix(v, "Z") || !icsValidTime(v) {
				return bad("a DATE-TIME in UTC")
			}
		} else if !icsDuration.MatchString(v) {
			return bad("a DURATION")
		}
	case "RRULE":
		if _, err := parseRRule(v); err != nil {
			return fmt.Errorf("RRULE: %v", err)
		}
	case "TRANSP":
		if v != "OPAQUE" && v != "TRANSPARENT" {
			return bad("OPAQUE or TRANSPARENT")
		}
	case "ACTION":
		if v != "AUDIO" && v != "DISPLAY" && v != "EMAIL" && !strings.HasPrefix(v, "X-") {
			return bad("an alarm action")
		}
	}
	if slices.Contains(icsText, p.name) {
		if _, err := unescapeText(v); err != nil {
			return fmt.Errorf("%s: %v", p.name, err)
		}
	}
	return nil
}

// icsValidTime reports whether the DATE or DATE-TIME v names a real moment.
func icsValidTime(v string) bool {
	layout := "20060102T150405"[:min(len(v), 15)]
	_, err := time.Parse(layout, strings.TrimSuffix(v, "Z"))
	return err == nil
}

// parseRRule reads a recurrence rule (RFC 5545 §3.3.10) into its parts.
func parseRRule(v string) (map[string]string, error) {
	known := []string{"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
		"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"}
	parts := map[string]string{}
	for _, kv := range strings.Split(v, ";") {
		k, val, ok := strings.Cut(kv, "=")
		if !ok || val == "" || !slices.Contains(known, k) {
			return nil, fmt.Errorf("a bad part %q", kv)
		}
		if _, dup := parts[k]; dup {
			return nil, fmt.Errorf("%s twice", k)
		}
		parts[k] = val
	}
	freqs := []string{"SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
	if !slices.Contains(freqs, parts["FREQ"]) {
		return nil, fmt.Errorf("FREQ %q", parts["FREQ"])
	}
	if parts["UNTIL"] != "" && parts["COUNT"] != "" {
		return nil, errors.New("both UNTIL and COUNT")
	}
	for _, k := range []string{"COUNT", "INTERVAL"} {
		if n, ok := parts[k]; ok && !regexp.MustCompile(`^[1-9]\d*$`).MatchString(n) {
			return nil, fmt.Errorf("%s %q", k, n)
		}
	}
	return parts, nil
}

// unescapeText decodes a TEXT value (RFC 5545 §3.3.11), in which a
// backslash, semicolon or comma must be escaped.
func unescapeText(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case ';', ',':
			return "", fmt.Errorf("an unescaped %q in %q", c, v)
		case '\\':
			if i+1 == len(v) {
				return "", fmt.Errorf("a lone backslash at the end of %q", v)
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("a bad escape \\%c in %q", v[i], v)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// checkICSComp checks the properties and subcomponents c holds.
func checkICSComp(c *icsComp) error {
	rules, ok := icsSpec[c.name]
	if !ok {
		return fmt.Errorf("an unexpected component %s", c.name)
	}
	count := map[string]int{}
	for _, p := range c.props {
		count[p.name]++
		known := slices.Contains(rules.once, p.name) || slices.Contains(rules.many, p.name) || strings.HasPrefix(p.name, "X-")
		if !known {
			return fmt.Errorf("%s: an unknown property %s", c.name, p.name)
		}
		if slices.Contains(rules.once, p.name) && count[p.name] > 1 {
			return fmt.Errorf("%s: %s more than once", c.name, p.name)
		}
	}
	for _, name := range rules.required {
		if count[name] == 0 {
			return fmt.Errorf("%s: no %s", c.name, name)
		}
	}
	for _, sub := range c.comps {
		if !slices.Contains(rules.comps, sub.name) {
			return fmt.Errorf("%s inside %s", sub.name, c.name)
		}
	}
	switch c.name {
	case "VCALENDAR":
		if len(c.comps) == 0 {
			return errors.New("VCALENDAR: no component")
		}
	case "VEVENT":
		if count["DTEND"] > 0 && count["DURATION"] > 0 {
			return errors.New("VEVENT: both DTEND and DURATION")
		}
	case "VALARM":
		if c.get("ACTION") == "DISPLAY" && count["DESCRIPTION"] == 0 {
			return errors.New("VALARM: a DISPLAY alarm without DESCRIPTION")
		}
		if (count["DURATION"] > 0) != (count["REPEAT"] > 0) {
			return errors.New("VALARM: DURATION and REPEAT must come together")
		}
	}
	return nil
}

// icsEvent is what a reminder event says, values decoded.
type icsEvent struct {
	UID, Summary, Description string
	Stamp                     string // DTSTAMP as written
	Start                     string // DTSTART as written
	Duration                  string
	Rule                      map[string]string
	Transp                    string
	Alarms                    []icsAlarm
}

// icsAlarm is what a reminder's alarm says, values decoded.
type icsAlarm struct{ Action, Trigger, Description string }

// readReminderICS parses b strictly, checks the calendar's own properties
// and returns its events.
func readReminderICS(b []byte) ([]icsEvent, error) {
	cal, err := parseICS(b)
	if err != nil {
		return nil, err
	}
	for k, v := range map[string]string{"CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "PRODID": "-//Unknot//Reminders//EN"} {
		if got := cal.get(k); got != v {
			return nil, fmt.Errorf("%s: got %q, want %q", k, got, v)
		}
	}
	var events []icsEvent
	for _, c := range cal.comps {
		if c.name != "VEVENT" {
			return nil, fmt.Errorf("got a %s, want only VEVENT", c.name)
		}
		text := func(c *icsComp, name string) string {
			s, _ := unescapeText(c.get(name)) // checked when parsed
			return s
		}
		rule, _ := parseRRule(c.get("RRULE"))
		e := icsEvent{
			UID: text(c, "UID"), Summary: text(c, "SUMMARY"), Description: text(c, "DESCRIPTION"),
			Stamp: c.get("DTSTAMP"), Start: c.get("DTSTART"), Duration: c.get("DURATION"),
			Rule: rule, Transp: c.get("TRANSP"),
		}
		for _, a := range c.comps {
			e.Alarms = append(e.Alarms, icsAlarm{a.get("ACTION"), a.get("TRIGGER"), text(a, "DESCRIPTION")})
		}
		events = append(events, e)
	}
	return events, nil
}

// reminderEvents makes the calendar file and reads it back, failing the
// test on any error.
func reminderEvents(tb testing.TB, r data.Reminders, now time.Time, appURL string) ([]icsEvent, []byte) {
	tb.Helper()
	b, err := data.ReminderICS(r, now, appURL)
	if err != nil {
		tb.Fatalf("got %v, want nil", err)
	}
	events, err := readReminderICS(b)
	if err != nil {
		tb.Fatalf("got %v, want a valid calendar file:\n%s", err, b)
	}
	return events, b
}

// wantReminderEvent is the event Unknot writes for the session named slot,
// starting at start, made at now, linking to appURL.
func wantReminderEvent(slot, start string, now time.Time, appURL string) icsEvent {
	desc := "Time for your " + slot + " stretches."
	if appURL != "" {
		desc += "\nOpen Unknot: " + appURL
	}
	summary := "Unknot: " + slot + " stretches"
	return icsEvent{
		Summary: summary, Description: desc,
		Stamp: now.UTC().Format("20060102T150405Z"), Start: start, Duration: "PT10M",
		Rule: map[string]string{"FREQ": "DAILY"}, Transp: "TRANSPARENT",
		Alarms: []icsAlarm{{Action: "DISPLAY", Trigger: "PT0M", Description: summary}},
	}
}

// sameReminderEvents compares events, UIDs left out (TestReminderICSUIDs
// checks them).
func sameReminderEvents(tb testing.TB, got, want []icsEvent) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i := range got {
		g := got[i]
		g.UID = ""
		if !reflect.DeepEqual(g, want[i]) {
			tb.Errorf("event %d: got %+v, want %+v", i, g, want[i])
		}
	}
}

// reminderURL is the app address in the tests: .example is reserved, so no
// real host is named.
const reminderURL = "https://unknot.example/"

func TestReminderICS(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	at := func(s string, loc *time.Location) time.Time {
		t.Helper()
		tm, err := time.ParseInLocation("2006-01-02 15:04:05", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	type slot struct{ name, start string }
	tests := []struct {
		scenario string
		r        data.Reminders
		now      time.Time
		want     []slot
	}{
		{"both still to come today", data.Reminders{Morning: "07:30", Evening: "21:00"},
			at("2026-11-26 06:15:00", cet), []slot{{"morning", "20261126T073000"}, {"evening", "20261126T210000"}}},
		{"morning passed, evening to come", data.Reminders{Morning: "07:30", Evening: "21:00"},
			at("2026-11-26 12:00:00", cet), []slot{{"morning", "20261127T073000"}, {"evening", "20261126T210000"}}},
		{"both passed", data.Reminders{Morning: "07:30", Evening: "21:00"},
			at("2026-11-26 22:00:00", cet), []slot{{"morning", "20261127T073000"}, {"evening", "20261127T210000"}}},
		{"morning only", data.Reminders{Morning: "06:05"},
			at("2026-11-26 06:00:00", cet), []slot{{"morning", "20261126T060500"}}},
		{"evening only", data.Reminders{Evening: "19:45"},
			at("2026-11-26 06:00:00", cet), []slot{{"evening", "20261126T194500"}}},
		{"a second before the time: today", data.Reminders{Morning: "07:30"},
			at("2026-11-26 07:29:59", cet), []slot{{"morning", "20261126T073000"}}},
		{"at the very time: tomorrow", data.Reminders{Morning: "07:30"},
			at("2026-11-26 07:30:00", cet), []slot{{"morning", "20261127T073000"}}},
		{"midnight and the last minute", data.Reminders{Morning: "00:00", Evening: "23:59"},
			at("2026-11-26 23:58:59", cet), []slot{{"morning", "20261127T000000"}, {"evening", "20261126T235900"}}},
		{"over the end of the year", data.Reminders{Morning: "07:00"},
			at("2026-12-31 22:00:00", cet), []slot{{"morning", "20270101T070000"}}},
		{"onto a leap day", data.Reminders{Evening: "18:00"},
			at("2028-02-28 19:00:00", cet), []slot{{"evening", "20280229T180000"}}},
		{"the day is now's own, not UTC's", data.Reminders{Morning: "07:30"},
			at("2026-11-27 01:30:00", time.FixedZone("EET", 2*3600)), []slot{{"morning", "20261127T073000"}}},
		{"the morning may be later than the evening", data.Reminders{Morning: "22:00", Evening: "05:00"},
			at("2026-11-26 12:00:00", time.UTC), []slot{{"morning", "20261126T220000"}, {"evening", "20261127T050000"}}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			got, _ := reminderEvents(t, tt.r, tt.now, reminderURL)
			var want []icsEvent
			for _, s := range tt.want {
				want = append(want, wantReminderEvent(s.name, s.start, tt.now, reminderURL))
			}
			sameReminderEvents(t, got, want)
		})
	}
}

func TestRemindersValidate(t *testing.T) {
	const id = "0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c"
	tests := []struct {
		scenario string
		r        data.Reminders
		want     string // the error, "" for none
	}{
		{"both", data.Reminders{Morning: "07:30", Evening: "21:00"}, ""},
		{"morning only", data.Reminders{Morning: "07:30"}, ""},
		{"evening only", data.Reminders{Evening: "21:00"}, ""},
		{"with an id", data.Reminders{Morning: "07:30", ID: id}, ""},
		{"the ends of the day", data.Reminders{Morning: "00:00", Evening: "23:59"}, ""},
		{"none", data.Reminders{}, "choose at least one time"},
		{"none, only an id", data.Reminders{ID: id}, "choose at least one time"},
		{"hour 25", data.Reminders{Morning: "25:00"}, `the morning time "25:00" is not a time like 07:30`},
		{"hour 24", data.Reminders{Evening: "24:00"}, `the evening time "24:00" is not a time like 07:30`},
		{"minute 60", data.Reminders{Evening: "21:60"}, `the evening time "21:60" is not a time like 07:30`},
		{"one digit each", data.Reminders{Morning: "7:3"}, `the morning time "7:3" is not a time like 07:30`},
		{"one-digit hour", data.Reminders{Morning: "7:30"}, `the morning time "7:30" is not a time like 07:30`},
		{"letters", data.Reminders{Evening: "ab:cd"}, `the evening time "ab:cd" is not a time like 07:30`},
		{"hours and minutes", data.Reminders{Morning: "7h"}, `the morning time "7h" is not a time like 07:30`},
		{"seconds", data.Reminders{Morning: "07:30:00"}, `the morning time "07:30:00" is not a time like 07:30`},
		{"spaces", data.Reminders{Morning: " 07:30"}, `the morning time " 07:30" is not a time like 07:30`},
		{"12-hour", data.Reminders{Evening: "09:00 PM"}, `the evening time "09:00 PM" is not a time like 07:30`},
		{"a sign", data.Reminders{Evening: "+1:00"}, `the evening time "+1:00" is not a time like 07:30`},
		{"full-width digits", data.Reminders{Evening: "０７:３０"}, `the evening time "０７:３０" is not a time like 07:30`},
		{"a good morning does not hide a bad evening", data.Reminders{Morning: "07:30", Evening: "ab:cd"},
			`the evening time "ab:cd" is not a time like 07:30`},
		{"a long time is clipped", data.Reminders{Morning: strings.Repeat("9", 50)},
			`the morning time "` + strings.Repeat("9", 40) + `…" is not a time like 07:30`},
		{"the same time twice", data.Reminders{Morning: "07:30", Evening: "07:30"},
			"the morning and evening times are both 07:30; choose two different times"},
		{"an id that is not a uuid", data.Reminders{Morning: "07:30", ID: "morning"},
			`the reminder id "morning" is not a uuid like 0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c`},
		{"an id in upper case", data.Reminders{Morning: "07:30", ID: strings.ToUpper(id)},
			`the reminder id "0B6F4C1E-6D1A-4F57-9A3C-2D1F3E4A5B6C" is not a uuid like 0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c`},
	}
	now := time.Date(2026, 11, 26, 6, 15, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			err := tt.r.Validate()
			if got := fmt.Sprint(err); (err == nil) != (tt.want == "") || (err != nil && got != tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
			b, icsErr := data.ReminderICS(tt.r, now, reminderURL)
			if fmt.Sprint(icsErr) != fmt.Sprint(err) || (err != nil && b != nil) {
				t.Errorf("ReminderICS: got %q, %v, want nil, %v", b, icsErr, err)
			}
		})
	}
}

func TestReminderICSAppURL(t *testing.T) {
	r := data.Reminders{Morning: "07:30"}
	now := time.Date(2026, 11, 26, 6, 15, 0, 0, time.UTC)
	tests := []struct {
		scenario string
		url      string
		want     string // the error, "" for none
	}{
		{"none: no link", "", ""},
		{"https", "https://unknot.example/app/?from=reminder#today", ""},
		{"http on the local machine", "http://localhost:8000/", ""},
		{"not a web address", "unknot", `the app address "unknot" is not a web address like https://example.org/`},
		{"another scheme", "ftp://unknot.example/", `the app address "ftp://unknot.example/" is not a web address like https://example.org/`},
		{"no host", "https:///today", `the app address "https:///today" is not a web address like https://example.org/`},
		{"a space", "https://unknot.example/a b", `the app address "https://unknot.example/a b" is not a web address like https://example.org/`},
		{"a line break", "https://unknot.example/\r\nX-EVIL:1", `the app address "https://unknot.example/\r\nX-EVIL:1" is not a web address like https://example.org/`},
		{"not UTF-8", "https://unknot.example/\xff", `the app address "https://unknot.example/\xff" is not a web address like https://example.org/`},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			b, err := data.ReminderICS(r, now, tt.url)
			if got := fmt.Sprint(err); (err == nil) != (tt.want == "") || (err != nil && got != tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			if err != nil {
				return
			}
			got, err := readReminderICS(b)
			if err != nil {
				t.Fatalf("got %v, want a valid calendar file:\n%s", err, b)
			}
			sameReminderEvents(t, got, []icsEvent{wantReminderEvent("morning", "20261126T073000", now, tt.url)})
		})
	}
}

// TestReminderICSFolding checks long lines with many-byte characters and
// every TEXT escape by way of the app address, the one text a caller
// gives.
func TestReminderICSFolding(t *testing.T) {
	now := time.Date(2026, 11, 26, 6, 15, 0, 0, time.UTC)
	tests := []struct {
		scenario string
		url      string
		escaped  string // what the file must hold, unfolded
	}{
		{"many-byte characters", "https://ストレッチ.example/" + strings.Repeat("腰のストレッチ-ünknot-🧘/", 8), ""},
		{"four-byte characters at every offset", "https://unknot.example/" + strings.Repeat("🧘", 60), ""},
		{"commas, semicolons and backslashes", "https://unknot.example/a,b;c\\d?x=1,2;3", `a\,b\;c\\d?x=1\,2\;3`},
		{"escapes across the fold", "https://unknot.example/" + strings.Repeat(`,;\`, 40), strings.Repeat(`\,\;\\`, 40)},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			got, b := reminderEvents(t, data.Reminders{Evening: "21:00"}, now, tt.url)
			sameReminderEvents(t, got, []icsEvent{wantReminderEvent("evening", "20261126T210000", now, tt.url)})
			if !bytes.Contains(b, []byte("\r\n ")) {
				t.Errorf("got no folded line, want the description folded:\n%s", b)
			}
			if unfolded := strings.ReplaceAll(string(b), "\r\n ", ""); !strings.Contains(unfolded, tt.escaped) {
				t.Errorf("got %s, want it to hold %s", unfolded, tt.escaped)
			}
			// A fold never splits a backslash escape: no physical line
			// ends in an odd run of backslashes.
			for _, l := range strings.Split(string(b), "\r\n") {
				if n := len(l) - len(strings.TrimRight(l, `\`)); n%2 == 1 {
					t.Errorf("got a line ending inside an escape: %q", l)
				}
			}
		})
	}
}

func TestReminderICSUIDs(t *testing.T) {
	now := time.Date(2026, 11, 26, 6, 15, 0, 0, time.UTC)
	both := data.Reminders{Morning: "07:30", Evening: "21:00"}
	uids := func(r data.Reminders) []string {
		t.Helper()
		events, _ := reminderEvents(t, r, now, reminderURL)
		var out []string
		for _, e := range events {
			out = append(out, e.UID)
		}
		return out
	}
	shape := regexp.MustCompile(`^(morning|evening)-([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})@unknot\.invalid$`)
	first, second := uids(both), uids(both)
	for _, got := range [][]string{first, second} {
		m0, m1 := shape.FindStringSubmatch(got[0]), shape.FindStringSubmatch(got[1])
		if m0 == nil || m1 == nil || m0[1] != "morning" || m1[1] != "evening" || m0[2] != m1[2] {
			t.Errorf("got %q, want morning-<uuid>@unknot.invalid and evening-<the same uuid>@unknot.invalid", got)
		}
	}
	if first[0] == second[0] {
		t.Errorf("got %q twice, want a new uuid for each file", first[0])
	}
	kept := both
	kept.ID = "0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c"
	want := []string{"morning-" + kept.ID + "@unknot.invalid", "evening-" + kept.ID + "@unknot.invalid"}
	if got := uids(kept); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestReminderICSGolden keeps a whole file in testdata/, to be read in
// review and tried in calendar apps. Run `go test ./data/ -run Golden
// -update` to rewrite it.
func TestReminderICSGolden(t *testing.T) {
	r := data.Reminders{Morning: "07:30", Evening: "21:00", ID: "0b6f4c1e-6d1a-4f57-9a3c-2d1f3e4a5b6c"}
	now := time.Date(2026, 11, 26, 8, 5, 9, 0, time.FixedZone("CET", 3600))
	got, err := data.ReminderICS(r, now, reminderURL)
	if err != nil {
		t.Fatalf("got %v, want nil", err)
	}
	path := filepath.Join("testdata", "reminders-both.ics")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("got %v, want the golden file (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the file differs from %s; run with -update and review the diff.\ngot:\n%s", path, got)
	}
	if _, err := readReminderICS(want); err != nil {
		t.Errorf("%s: got %v, want a valid calendar file", path, err)
	}
}

// TestReminderParserRejects makes sure the test reader is as strict as it
// claims, so that its passing means something.
func TestReminderParserRejects(t *testing.T) {
	good := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Unknot//Reminders//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:a@unknot.invalid\r\nDTSTAMP:20261126T061500Z\r\nDTSTART:20261126T073000\r\n" +
		"DURATION:PT10M\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Unknot: morning\r\n" +
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:PT0M\r\nEND:VALARM\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"
	if _, err := parseICS([]byte(good)); err != nil {
		t.Fatalf("got %v, want the sample to parse", err)
	}
	tests := []struct {
		scenario, old, new string
		want               string // a part of the error
	}{
		{"a bare LF", "VERSION:2.0\r\n", "VERSION:2.0\n", "a bare CR or LF"},
		{"no CRLF at the end", "END:VCALENDAR\r\n", "END:VCALENDAR", "does not end with CRLF"},
		{"a line of 76 octets", "SUMMARY:Unknot: morning", "SUMMARY:" + strings.Repeat("x", 68), "76 octets"},
		{"a continuation line first", "BEGIN:VCALENDAR", " BEGIN:VCALENDAR", "starts with a continuation line"},
		{"a fold splitting a character", "SUMMARY:Unknot: morning", "SUMMARY:\xc3\r\n \xa9", "a split character"},
		{"END of another component", "END:VALARM", "END:VEVENT", "ends VALARM"},
		{"an unclosed calendar", "END:VCALENDAR\r\n", "", "not closed"},
		{"VEVENT without UID", "UID:a@unknot.invalid\r\n", "", "VEVENT: no UID"},
		{"VEVENT without DTSTAMP", "DTSTAMP:20261126T061500Z\r\n", "", "VEVENT: no DTSTAMP"},
		{"VEVENT without DTSTART", "DTSTART:20261126T073000\r\n", "", "VEVENT: no DTSTART"},
		{"VCALENDAR without PRODID", "PRODID:-//Unknot//Reminders//EN\r\n", "", "VCALENDAR: no PRODID"},
		{"VCALENDAR without VERSION", "VERSION:2.0\r\n", "", "VCALENDAR: no VERSION"},
		{"DISPLAY alarm without DESCRIPTION", "DESCRIPTION:x\r\n", "", "without DESCRIPTION"},
		{"alarm without TRIGGER", "TRIGGER:PT0M\r\n", "", "VALARM: no TRIGGER"},
		{"two UIDs", "UID:a@unknot.invalid\r\n", "UID:a@unknot.invalid\r\nUID:b@unknot.invalid\r\n", "UID more than once"},
		{"DTSTAMP not in UTC", "DTSTAMP:20261126T061500Z", "DTSTAMP:20261126T061500", "not a DATE-TIME in UTC"},
		{"DTSTART not a date", "DTSTART:20261126T073000", "DTSTART:20261326T073000", "not a DATE-TIME"},
		{"DTSTART with a TZID and no VTIMEZONE", "DTSTART:", "DTSTART;TZID=Europe/Paris:", "TZID without a VTIMEZONE"},
		{"a bad duration", "DURATION:PT10M", "DURATION:P10M", "not a positive DURATION"},
		{"a bad trigger", "TRIGGER:PT0M", "TRIGGER:0M", "TRIGGER"},
		{"no FREQ", "RRULE:FREQ=DAILY", "RRULE:INTERVAL=1", "FREQ"},
		{"an unknown FREQ", "RRULE:FREQ=DAILY", "RRULE:FREQ=NIGHTLY", "FREQ \"NIGHTLY\""},
		{"an unescaped comma", "SUMMARY:Unknot: morning", "SUMMARY:Unknot, morning", "unescaped ','"},
		{"a bad escape", "SUMMARY:Unknot: morning", `SUMMARY:Unknot\: morning`, "bad escape"},
		{"a misspelt property", "DURATION:", "DURATON:", "unknown property DURATON"},
		{"VALARM in the calendar", "BEGIN:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:PT0M\r\nEND:VALARM\r\nBEGIN:VEVENT", "VALARM inside VCALENDAR"},
		{"a calendar without events", "BEGIN:VEVENT\r\nUID:a@unknot.invalid\r\nDTSTAMP:20261126T061500Z\r\nDTSTART:20261126T073000\r\nDURATION:PT10M\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Unknot: morning\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:x\r\nTRIGGER:PT0M\r\nEND:VALARM\r\nEND:VEVENT\r\n", "", "no component"},
		{"something after the end", "END:VCALENDAR\r\n", "END:VCALENDAR\r\nX-MORE:1\r\n", "after the end"},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			if !strings.Contains(good, tt.old) {
				t.Fatalf("got a sample without %q, want it to hold it", tt.old)
			}
			bad := strings.Replace(good, tt.old, tt.new, 1)
			if _, err := parseICS([]byte(bad)); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q for:\n%s", err, tt.want, bad)
			}
		})
	}
}

// FuzzReminderICS checks that no times, app address or clock make
// ReminderICS panic, and that whatever it accepts it writes as a valid
// calendar file with an event at each chosen time, at most a day ahead.
func FuzzReminderICS(f *testing.F) {
	f.Add("07:30", "21:00", reminderURL, int64(1795673700), 3600)
	f.Add("", "23:59", "", int64(0), -12*3600)
	f.Add("7:3", "25:00", "https://x.example/a,b;c", int64(-1), 0)
	f.Add("ab:cd", "", "https://ストレッチ.example/🧘", int64(253402300799), 14*3600)
	f.Fuzz(func(t *testing.T, morning, evening, url string, unix int64, offset int) {
		now := time.Unix(unix, 0).In(time.FixedZone("", offset%(26*3600)))
		r := data.Reminders{Morning: morning, Evening: evening}
		b, err := data.ReminderICS(r, now, url)
		if err != nil {
			if b != nil {
				t.Errorf("got %q with %v, want no file", b, err)
			}
			return
		}
		events, err := readReminderICS(b)
		if err != nil {
			t.Fatalf("got %v, want a valid calendar file:\n%s", err, b)
		}
		var want []string
		for _, c := range []string{morning, evening} {
			if c != "" {
				want = append(want, c)
			}
		}
		if len(events) != len(want) {
			t.Fatalf("got %d events, want %d", len(events), len(want))
		}
		wall := time.Date(now.Year(), now.Month(), now.Day(), now.Hour(), now.Minute(), now.Second(), 0, time.UTC)
		for i, e := range events {
			start, err := time.Parse("20060102T150405", e.Start)
			if err != nil {
				t.Fatalf("got %v, want a floating DTSTART", err)
			}
			if got := start.Format("15:04"); got != want[i] {
				t.Errorf("got %s, want %s", got, want[i])
			}
			if !start.After(wall) || start.Sub(wall) > 24*time.Hour {
				t.Errorf("got a first reminder at %v, want one in the day after %v", start, wall)
			}
		}
	})
}
