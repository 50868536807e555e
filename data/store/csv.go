package store

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"unknot/data"
)

// csvHeader names the columns of HistoryCSV.
var csvHeader = []string{
	"date", "time", "zone", "part of day", "routine", "start (UTC)", "end (UTC)",
	"minutes", "complete", "pain before", "pain after", "exercises", "note", "id",
}

// HistoryCSV writes records as CSV for a spreadsheet: a header row, then one
// row per session in order of time, quoted as RFC 4180 says, with CRLF line
// ends. A cell that a spreadsheet would take for a formula (one starting
// with =, +, -, @, a tab or a carriage return) gets a leading apostrophe.
func HistoryCSV(records []data.Record) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	// Writes to a bytes.Buffer cannot fail.
	_ = w.Write(csvHeader)
	for _, r := range data.InOrder(records) {
		row := []string{
			r.LocalDate, r.LocalTime, r.Zone, string(r.PartOfDay()), r.RoutineName,
			r.Start.UTC().Format(time.RFC3339), r.End.UTC().Format(time.RFC3339),
			strconv.FormatFloat(r.Active().Minutes(), 'f', 1, 64),
			completeText(r), painText(r.PainBefore), painText(r.PainAfter),
			exercisesText(r.Exercises), r.Note, r.ID,
		}
		for i, cell := range row {
			row[i] = SafeCell(cell)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// HistoryCSVFileName is the name to offer for the CSV made on the local date
// date (DateLayout).
func HistoryCSVFileName(date string) string { return "unknot-history-" + date + ".csv" }

// SafeCell makes a CSV cell safe to open in a spreadsheet: one that starts
// with a character that begins a formula gets a leading apostrophe, which
// spreadsheets show as text.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// completeText says whether r was done to the end, and why not when the
// person said.
func completeText(r data.Record) string {
	if r.Stopped == data.StoppedHurt {
		return "no: stopped as it hurt"
	}
	return yesNo(r.Complete)
}

// yesNo writes a bool for people.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// painText writes an optional pain score; empty when not given.
func painText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// exercisesText sums up the exercise logs: "Bridge 5/5 reps; Cat stretch
// 2/3 reps".
func exercisesText(logs []data.ExerciseLog) string {
	parts := make([]string, len(logs))
	for i, l := range logs {
		parts[i] = fmt.Sprintf("%s %d/%d reps", l.Name, l.RepsDone, l.Reps)
	}
	return strings.Join(parts, "; ")
}
