package report

import "unknot/data"

// text holds this package's words, in one place so the app can be
// translated. Words two packages show are ui.Text.
var text = struct {
	Back, Title, Lead, Loading          string
	Unreadable, UnreadableLink          string
	OptionsTitle, PeriodLegend          string
	Periods                             map[data.ReportPeriod]string
	IncludeNotes, NotesHint             string
	NameLabel, NameHint                 string
	Print, PrintHint, NoPrint           string
	SheetTitle, SheetName, SheetPeriod  string
	PeriodRange, Printed                string
	SessionsLabel, DaysLabel            string
	SessionsValue, DaysValue            string
	Empty                               string
	DosesTitle, ExerciseCol             string
	FirstCol, LastCol, ArticleCol       string
	NotInPeriod, DosesNote              string
	DonePerDay, DoneSession, DoneDate   string
	ArticlePerDay, ArticleTimes         string
	EachSide, EachSideBoth              string
	HoldOne, HoldRange, Breaths, NoHold string
	TwiceADay                           string
	PainTitle, PainBefore, PainAfter    string
	PainWeekBefore, PainWeekAfter       string
	PainScale, PainNone                 string
	PainSessions, PainWeeks, PainMeans  string
	ShowTable, DateCol, WeekCol         string
	StopsTitle, StopsNone, More         string
	NotesTitle, NotesNone               string
	EntryWhen                           string
	Source, NotADiagnosis               string
}{
	Back:           "← History",
	Title:          "A report for your GP or physio",
	Lead:           "One page that shows what you did and how your pain went. It is made here, from the history on this device, and nothing is sent anywhere.",
	Loading:        "Reading your history…",
	Unreadable:     "Your saved history could not be read, so there is nothing to report yet.",
	UnreadableLink: "History says what happened",
	OptionsTitle:   "What goes on the page",
	PeriodLegend:   "Period",
	Periods: map[data.ReportPeriod]string{
		data.PeriodTwoWeeks:    "Last 2 weeks",
		data.PeriodFourWeeks:   "Last 4 weeks",
		data.PeriodThreeMonths: "Last 3 months",
		data.PeriodEverything:  "Everything",
	},
	IncludeNotes: "Include my notes",
	NotesHint:    "Your notes are private: they are left off the page unless you tick this.",
	NameLabel:    "Your name at the top (optional)",
	NameHint:     "Only for this printout: Unknot does not keep it.",
	Print:        "Print or save as PDF",
	PrintHint:    "Your browser's print window opens: choose a printer, or save the page as a PDF.",
	NoPrint:      "This browser cannot print from here. Its own menu may offer Print or Share, then Print.",
	SheetTitle:   "Back stretches and pain: a record",
	SheetName:    "Name: %s",
	SheetPeriod:  "%s: %s",
	// first and last date
	PeriodRange:   "%s to %s",
	Printed:       "Printed on %s",
	SessionsLabel: "Sessions",
	DaysLabel:     "Days with a session",
	SessionsValue: "%d (%d complete)",
	DaysValue:     "%d of %d",
	Empty:         "No sessions in this period.",
	DosesTitle:    "Each exercise, on the first and the last day",
	ExerciseCol:   "Exercise",
	FirstCol:      "First day",
	LastCol:       "Last day",
	ArticleCol:    "The article's numbers",
	NotInPeriod:   "Not done in this period",
	DosesNote:     "Repetitions begun. The flexibility exercise and the bridge count per day (all the day's sessions); the others, the most in one session that day.",
	// repetitions, date
	DonePerDay: "%d in the day, %s",
	// repetitions, hold, date
	DoneSession:    "%d × %s, %s",
	DoneDate:       "2 Jan",
	ArticlePerDay:  "%d a day at first, up to %d",
	ArticleTimes:   "%s times",
	EachSide:       " each side",
	EachSideBoth:   " each side, then both",
	HoldOne:        "%d s hold",
	HoldRange:      "%d–%d s hold",
	Breaths:        "%d deep breaths",
	NoHold:         "no hold given",
	TwiceADay:      "twice a day",
	PainTitle:      "Pain before and after",
	PainBefore:     "Before the session",
	PainAfter:      "After the session",
	PainWeekBefore: "Before, the week's average",
	PainWeekAfter:  "After, the week's average",
	PainScale:      "0 = no pain, 10 = worst",
	PainNone:       "No pain scores in this period.",
	PainSessions:   "Each session with a score: %d.",
	PainWeeks:      "A value a week, the average of its scores: %d weeks.",
	PainMeans:      " Average before %s, after %s.",
	ShowTable:      "Show the scores as a table",
	DateCol:        "Date",
	WeekCol:        "Week of",
	StopsTitle:     "Stopped with “This hurts”",
	StopsNone:      "None in this period.",
	More:           "and %d more, in History",
	NotesTitle:     "Notes",
	NotesNone:      "No notes in this period.",
	// date, time, routine
	EntryWhen:     "%s, %s, %s",
	Source:        "The exercises and their numbers come from the article “%s” (%s).",
	NotADiagnosis: "A record the person kept themselves in the Unknot app, not a diagnosis.",
}
