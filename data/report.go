package data

import (
	"slices"
	"time"
	"unicode/utf8"
)

// A report sums up a period of the history on one printed page, for a
// physiotherapist or a GP: how many sessions and on how many days, what was
// done of each exercise at the start and at the end of the period against
// the article's numbers, pain before and after, the "This hurts" stops and,
// when the person asks, their notes. It says nothing the history does not
// hold, and it counts as History does: the sessions are the records that
// count (Record.Counts), summed by ComputeStats, on the person's own
// calendar (Record.LocalDate), so a journey across time zones neither
// splits a day nor joins two.

// ReportPeriod is the span a report covers, counted back from its last day.
type ReportPeriod string

// The periods a person can pick.
const (
	PeriodTwoWeeks    ReportPeriod = "2w"
	PeriodFourWeeks   ReportPeriod = "4w"
	PeriodThreeMonths ReportPeriod = "3m"
	PeriodEverything  ReportPeriod = "all"
)

// ReportPeriods lists the periods, shortest first.
var ReportPeriods = []ReportPeriod{PeriodTwoWeeks, PeriodFourWeeks, PeriodThreeMonths, PeriodEverything}

// DefaultReportPeriod is the period a report shows first: about the time
// between two appointments.
const DefaultReportPeriod = PeriodFourWeeks

// PainPerSessionDays is the longest period, in days, whose pain chart shows
// every session; a longer one shows a value a week (the mean of the week's
// scores), so that three months or a year still read as a line.
const PainPerSessionDays = 28

// ReportLimits bounds the lists that grow with the history, so that the
// report keeps to one page: each shows the latest that fit, then how many
// more there are.
type ReportLimits struct {
	// Stops is the most "This hurts" stops listed.
	Stops int
	// NoteLines is the room for notes, in printed lines of LineRunes
	// characters; a note takes at least one line.
	NoteLines, LineRunes int
}

// DefaultReportLimits fit one A4 or Letter page with the rest of the
// report, in the worst case the browser tests print: a year of two sessions
// a day, each with a note of MaxNoteRunes characters, and a stop a week.
var DefaultReportLimits = ReportLimits{Stops: 6, NoteLines: 12, LineRunes: 90}

// ReportRequest is what the person chose.
type ReportRequest struct {
	Period ReportPeriod
	// Notes includes the person's notes; they are left out unless asked.
	Notes bool
	// Limits bounds the lists; the zero value means DefaultReportLimits.
	Limits ReportLimits
}

// Report is a period of the history summed up for one page.
type Report struct {
	Period ReportPeriod
	// From and To are the first and the last date the report covers, both
	// included (DateLayout). To is the day it was made, or the last
	// session's date when that is later (after a flight west across the
	// date line, as DosesAt takes it); From is counted back from To, or for
	// PeriodEverything is the first session's date.
	From, To string
	// Made is the person's date when the report was made (DateLayout).
	Made string
	// Stats sums up the sessions of the period with ComputeStats, the
	// function History counts with: Sessions, Complete and Days are its
	// figures for these dates (the streaks mean nothing here).
	Stats Stats
	// Doses has a line for every exercise of the catalogue, in its order.
	Doses []ReportDose
	// Pain is the pain chart's points in order of time: one per session
	// with a score, or when PainWeekly one per week of the period with a
	// score.
	Pain       []PainValue
	PainWeekly bool
	// Stops are the sessions stopped with "This hurts", newest first, as
	// many as the limits allow; MoreStops counts those left out.
	Stops     []ReportEntry
	MoreStops int
	// NotesAsked is set when the notes were asked for; Notes are then the
	// newest that fit, newest first, and MoreNotes counts the rest.
	NotesAsked bool
	Notes      []ReportEntry
	MoreNotes  int
}

// ReportDose is what was done of one exercise on the first and on the last
// day of the period that held it.
type ReportDose struct {
	Exercise Exercise
	// First and Last are zero (Date "") when the period holds none of it.
	First, Last DoseDone
}

// DoseDone is what was done of one exercise on one day.
type DoseDone struct {
	// Date is the local date (DateLayout).
	Date string
	// Reps are the repetitions begun, as the dose counts them (a
	// repetition begun has asked that much of the back): for a per-day
	// exercise the day's total over all its sessions, as DosesAt adds it
	// up; for another the most of one session of the day.
	Reps int
	// Hold is the length of one hold in that session (for a per-day
	// exercise, the longest of the day).
	Hold time.Duration
	// Sessions counts the day's sessions that held the exercise.
	Sessions int
}

// PainValue is one point of the pain chart.
type PainValue struct {
	// Date is the session's local date and Time its local time
	// (ClockLayout); for a weekly value, Date is the week's Monday and Time
	// is "".
	Date, Time string
	// Before and After are the scores from 0 to 10, or the mean of the
	// week's scores; each means something only when its count is above 0.
	Before, After   float64
	NBefore, NAfter int
}

// ReportEntry is one session listed by date: a stop, or a note.
type ReportEntry struct {
	// Date and Time are when it started on the person's calendar.
	Date, Time string
	// Routine is the routine's name at the time, clipped to 40
	// characters (Clip).
	Routine string
	// Note is the person's note (for a note entry).
	Note string
}

// MakeReport sums up history for the request, as of now (the person's date
// and zone). It takes O(n log n) time for n records.
func MakeReport(c Catalogue, history []Record, now Stamp, req ReportRequest) Report {
	lim := req.Limits
	if lim == (ReportLimits{}) {
		lim = DefaultReportLimits
	}
	period := req.Period
	if !slices.Contains(ReportPeriods, period) {
		period = DefaultReportPeriod
	}
	sessions := Sessions(InOrder(history))
	to, ok := DayNumber(now.LocalDate)
	for _, r := range sessions {
		if d, dok := DayNumber(r.LocalDate); dok && (!ok || d > to) {
			to, ok = d, true
		}
	}
	if !ok {
		return Report{Period: period, Made: now.LocalDate, NotesAsked: req.Notes}
	}
	from := periodStart(period, to, sessions)
	var in []Record
	for _, r := range sessions {
		if d, ok := DayNumber(r.LocalDate); ok && d >= from && d <= to {
			in = append(in, r)
		}
	}
	rep := Report{
		Period: period, From: dayDate(from), To: dayDate(to), Made: now.LocalDate,
		Stats:      ComputeStats(in, dayDate(to)),
		PainWeekly: to-from+1 > PainPerSessionDays,
		NotesAsked: req.Notes,
	}
	rep.Doses = reportDoses(c, in)
	if rep.PainWeekly {
		rep.Pain = weeklyPain(in, from, to)
	} else {
		// The points of PainSeries, with the time of day.
		for _, r := range in {
			if r.PainBefore != nil || r.PainAfter != nil {
				rep.Pain = append(rep.Pain, PainValue{Date: r.LocalDate, Time: r.LocalTime,
					Before: score(r.PainBefore), NBefore: count(r.PainBefore), After: score(r.PainAfter), NAfter: count(r.PainAfter)})
			}
		}
	}
	var stops, notes []Record
	for _, r := range slices.Backward(in) {
		if r.Stopped == StoppedHurt {
			stops = append(stops, r)
		}
		if req.Notes && r.Note != "" {
			notes = append(notes, r)
		}
	}
	shown := min(len(stops), lim.Stops)
	for _, r := range stops[:shown] {
		rep.Stops = append(rep.Stops, entryOf(r))
	}
	rep.MoreStops = len(stops) - shown
	room := lim.NoteLines
	for _, r := range notes {
		lines := NoteLines(r.Note, lim.LineRunes)
		if lines > room {
			break
		}
		room -= lines
		rep.Notes = append(rep.Notes, entryOf(r))
	}
	rep.MoreNotes = len(notes) - len(rep.Notes)
	return rep
}

// NoteLines is the number of printed lines of lineRunes characters a note
// takes, a line at least: the report prints a note as one paragraph.
func NoteLines(note string, lineRunes int) int {
	n := utf8.RuneCountInString(note)
	if lineRunes <= 0 {
		return 1
	}
	return max(1, (n+lineRunes-1)/lineRunes)
}

// periodStart is the day number of the first day of period p ending on day
// to: for PeriodEverything the first session's day (sessions in order of
// time), or to when there is none.
func periodStart(p ReportPeriod, to int, sessions []Record) int {
	switch p {
	case PeriodTwoWeeks:
		return to - 13
	case PeriodFourWeeks:
		return to - 27
	case PeriodThreeMonths:
		// The day after the same date three months back (21 Feb to
		// 20 May), or after that month's last day when it is shorter
		// (1 Mar to 31 May).
		t := time.Unix(int64(to)*86400, 0).UTC()
		back := time.Date(t.Year(), t.Month()-3, 1, 0, 0, 0, 0, time.UTC)
		d := min(t.Day(), daysIn(back.Year(), back.Month()))
		return daysFromCivil(back.Year(), int(back.Month()), d) + 1
	}
	first := to
	for _, r := range sessions {
		if d, ok := DayNumber(r.LocalDate); ok {
			first = min(first, d)
		}
	}
	return first
}

// reportDoses finds, for every exercise of c, the first and the last day
// of records (the period's sessions) that held it.
func reportDoses(c Catalogue, records []Record) []ReportDose {
	lg := newLedger(records)
	out := make([]ReportDose, 0, len(c))
	for _, e := range c {
		d := ReportDose{Exercise: e}
		for _, day := range lg.days {
			if done := doneOn(e, day); done.Reps > 0 {
				if d.First.Date == "" {
					d.First = done
				}
				d.Last = done
			}
		}
		out = append(out, d)
	}
	return out
}

// doneOn is what was done of exercise e on day d: the day's total for a
// per-day exercise, the fullest session otherwise (the most repetitions,
// then the longest hold).
func doneOn(e Exercise, d dayOf) DoseDone {
	out := DoseDone{Date: d.date}
	for _, r := range d.recs {
		n := begun(*r, e.ID)
		if n == 0 {
			continue
		}
		out.Sessions++
		hold := time.Duration(0)
		for _, l := range r.Exercises {
			if l.Exercise == e.ID {
				hold = max(hold, l.Hold())
			}
		}
		switch {
		case e.PerDay():
			out.Reps += n
			out.Hold = max(out.Hold, hold)
		case n > out.Reps || n == out.Reps && hold > out.Hold:
			out.Reps, out.Hold = n, hold
		}
	}
	return out
}

// weeklyPain is a value a week, from the week of from to the week of to,
// for the weeks with a score: the mean of the scores of its sessions.
func weeklyPain(records []Record, from, to int) []PainValue {
	type sum struct{ before, after, nb, na int }
	weeks := map[int]*sum{}
	for _, p := range PainSeries(records) {
		d, _ := DayNumber(p.Date)
		w := mondayOf(d)
		s := weeks[w]
		if s == nil {
			s = &sum{}
			weeks[w] = s
		}
		if p.Before != nil {
			s.before += *p.Before
			s.nb++
		}
		if p.After != nil {
			s.after += *p.After
			s.na++
		}
	}
	var out []PainValue
	for w := mondayOf(from); w <= to; w += 7 {
		s := weeks[w]
		if s == nil {
			continue
		}
		v := PainValue{Date: dayDate(w), NBefore: s.nb, NAfter: s.na}
		if s.nb > 0 {
			v.Before = float64(s.before) / float64(s.nb)
		}
		if s.na > 0 {
			v.After = float64(s.after) / float64(s.na)
		}
		out = append(out, v)
	}
	return out
}

// entryOf lists r by its date. A long routine name is clipped (Clip), so
// that a stop keeps to a line.
func entryOf(r Record) ReportEntry {
	return ReportEntry{Date: r.LocalDate, Time: r.LocalTime, Routine: Clip(r.RoutineName), Note: r.Note}
}

// score is an optional score as a number, 0 when missing; count is 1 when
// it is given.
func score(p *int) float64 {
	if p == nil {
		return 0
	}
	return float64(*p)
}

func count(p *int) int {
	if p == nil {
		return 0
	}
	return 1
}

// dayDate writes day number n (days since 1970-01-01) as DateLayout.
func dayDate(n int) string { return time.Unix(int64(n)*86400, 0).UTC().Format(DateLayout) }
