package history

// text holds this package's words, in one place so the app can be
// translated. Words two packages show are ui.Text.
var text = struct {
	Title               string
	Empty               string
	EmptyLink           string
	Loading             string
	StatsTitle          string
	CurrentStreak       string
	BestStreak          string
	Sessions            string
	Minutes             string
	Days                string
	DayOne              string
	CompleteOf          string
	PrevMonth           string
	NextMonth           string
	Morning             string
	Evening             string
	MonthSummary        string
	MonthEmpty          string
	Today               string
	Weekdays            [7]string
	ChartsTitle         string
	WeeksTitle          string
	WeeksSummary        string
	WeeksFirst          string
	WeeksNone           string
	WeekCol             string
	SessionsCol         string
	CompleteCol         string
	ShowTable           string
	PainTitle           string
	PainSummary         string
	PainNone            string
	ChartBefore         string
	ChartAfter          string
	DateCol             string
	PainScale           string
	RecentTitle         string
	RecentCount         string
	RecentAll           string
	RecentOne           string
	Complete            string
	Partial             string
	StoppedHurt         string
	PainChange          string
	PainOnlyBefore      string
	PainOnlyAfter       string
	CorruptTitle        string
	NewerTitle          string
	ExportDamaged       string
	ExportNewer         string
	StartAfresh         string
	ConfirmAfresh       string
	ConfirmAfreshYes    string
	KeepAsIs            string
	AfreshDone          string
	Clear               string
	ClearHint           string
	ConfirmClear        string
	ConfirmClearYes     string
	Cleared             string
	ClearedAside        string
	OtherTab            string
	BackupTitle         string
	BackupIntro         string
	ExportAll           string
	ExportCSV           string
	LastBackup          string
	NoBackup            string
	BackupDue           string
	BackupSaved         string
	CSVSaved            string
	ImportTitle         string
	ImportIntro         string
	ChooseFile          string
	Reading             string
	RejectedFile        string
	PreviewTitle        string
	PreviewCounts       string
	PreviewRange        string
	PreviewEmpty        string
	PreviewOnly         string
	RoutinesImported    string
	RoutinesNotImported string
	Import              string
	Cancel              string
	Imported            string
	ImportBlocked       string
	RoutinesLeftOut     string
	ShareAll            string
	ShareCSV            string
	Offer               string
	Restored            string
	Edit                string
	EditLabel           string
	Delete              string
	DeleteLabel         string
	Save                string
	Deleted             string
	Undo                string
	PainBefore          string
	PainAfter           string
	Note                string
	DayTitle            string
	ReportLink          string
}{
	Title:         "Your history",
	Empty:         "No sessions yet. Sessions you finish, or end early, are kept here on this device.",
	EmptyLink:     "Start a routine",
	Loading:       "Reading your history…",
	StatsTitle:    "At a glance",
	CurrentStreak: "Current streak",
	BestStreak:    "Best streak",
	Sessions:      "Sessions",
	Minutes:       "Minutes of exercise",
	Days:          "%d days",
	DayOne:        "1 day",
	CompleteOf:    "(%d complete)",
	PrevMonth:     "Previous month, %s",
	NextMonth:     "Next month, %s",
	Morning:       "morning",
	Evening:       "evening",
	MonthSummary:  "%s on %s in %s.",
	// sessions, days, month
	MonthEmpty:          "No sessions in %s.",
	Today:               "today",
	Weekdays:            [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
	ChartsTitle:         "Over time",
	WeeksTitle:          "Sessions per week",
	WeeksSummary:        "Sessions per week over the last %d weeks: %d this week, %.1f a week on average over the %d weeks since your first, at most %d.",
	WeeksFirst:          "Sessions per week over the last %d weeks: %s this week, your first week.",
	WeeksNone:           "No sessions in the last %d weeks.",
	WeekCol:             "Week of",
	SessionsCol:         "Sessions",
	CompleteCol:         "Complete",
	ShowTable:           "Show as a table",
	PainTitle:           "Pain before and after",
	PainSummary:         "Pain from 0 (none) to 10 (worst) over the last %s with a score: before, %s on average; after, %s.",
	PainNone:            "No pain scores yet. You can give one before and after a session.",
	ChartBefore:         "Before",
	ChartAfter:          "After",
	DateCol:             "Date",
	PainScale:           "0 = no pain, 10 = worst",
	RecentTitle:         "Recent sessions",
	RecentCount:         "The latest %d of %s, newest first.",
	RecentAll:           "All %s, newest first.",
	RecentOne:           "Your one session so far.",
	Complete:            "Complete",
	Partial:             "Ended early",
	StoppedHurt:         "Stopped: it hurt",
	PainChange:          "Pain %d → %d",
	PainOnlyBefore:      "Pain before %d",
	PainOnlyAfter:       "Pain after %d",
	CorruptTitle:        "Your saved history could not be read",
	NewerTitle:          "Saved by a newer version of Unknot",
	ExportDamaged:       "Download the damaged data",
	ExportNewer:         "Download the saved data",
	StartAfresh:         "Start afresh…",
	ConfirmAfresh:       "Start again with an empty history? The damaged data stays on this device under %q, and you can still download it.",
	ConfirmAfreshYes:    "Start afresh",
	KeepAsIs:            "Keep it as it is",
	AfreshDone:          "You have a fresh, empty history. The damaged data is still kept under %q.",
	Clear:               "Clear it",
	ClearHint:           "There is no room to keep the damaged history aside. Save it as a file first: Unknot can then clear it from this device.",
	ConfirmClear:        "Your damaged history will be removed from this device. Keep the file you saved: it is the only copy. Clear it?",
	ConfirmClearYes:     "Clear it",
	Cleared:             "The damaged history was cleared. You can record sessions again.",
	ClearedAside:        "The damaged history was set aside under %q and a new one started.",
	OtherTab:            "Updated from another tab.",
	BackupTitle:         "Keep a copy",
	BackupIntro:         "Your history lives only in this browser. A backup file keeps it safe and moves it to another device.",
	ExportAll:           "Export everything",
	ExportCSV:           "Export history as CSV",
	LastBackup:          "Last backup: %s, with %s.",
	NoBackup:            "No backup made on this device yet.",
	BackupDue:           "%s not in a backup yet. Exporting one now keeps them safe.",
	BackupSaved:         "Saved %s.",
	CSVSaved:            "Saved %s, for a spreadsheet. It cannot be imported back: use Export everything for that.",
	ImportTitle:         "Import a backup",
	ImportIntro:         "Sessions from an Unknot backup file are merged with the ones here: for each session the fuller copy and the latest answers are kept, and sessions deleted here stay deleted.",
	ChooseFile:          "Choose a backup file",
	Reading:             "Reading the file…",
	RejectedFile:        "%s was not imported, and nothing changed:",
	PreviewTitle:        "Ready to import %s",
	PreviewCounts:       "What importing it does: %s",
	PreviewRange:        "From %s to %s.",
	PreviewEmpty:        "The file holds no sessions.",
	PreviewOnly:         "Sessions and your own routines are added; routines and settings you already have here stay as they are.",
	RoutinesImported:    "%d of your routines added.",
	RoutinesNotImported: "The sessions were imported, but your routines from the file were not: %v",
	Import:              "Import",
	Cancel:              "Cancel",
	Imported:            "Imported: %s",
	ImportBlocked:       "Nothing can be imported while the saved history cannot be written.",
	RoutinesLeftOut:     "Your own routines could not all be read, so the backup holds only those that could: %v",
	ShareAll:            "Share backup",
	ShareCSV:            "Share CSV",
	Offer:               "Also restore the settings in this file: voice, sounds, pacing and theme (the safety advice is shown once on each device)",
	Restored:            "The settings were restored.",
	Edit:                "Edit",
	EditLabel:           "Edit the session of %s",
	Delete:              "Delete",
	DeleteLabel:         "Delete the session of %s",
	Save:                "Save changes",
	Deleted:             "The session of %s was deleted.",
	Undo:                "Undo",
	PainBefore:          "Pain before the session (0–10)",
	PainAfter:           "Pain after the session (0–10)",
	Note:                "Note",
	DayTitle:            "Sessions on %s",
	ReportLink:          "A one-page report for your physiotherapist or GP",
}
