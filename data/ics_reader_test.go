package data_test

import (
	"bytes"
	"errors"
	"fmt"
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
