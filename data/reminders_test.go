package data_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"unknot/data"
)

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
