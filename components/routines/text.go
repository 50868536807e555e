package routines

// text holds this package's words, in one place so the app can be
// translated. Words two packages show are ui.Text.
var text = struct {
	RoutinesTitle  string
	RoutinesLead   string
	BuiltinTitle   string
	YoursTitle     string
	NoneYet        string
	NewName        string
	Create         string
	Edit           string
	Duplicate      string
	Delete         string
	ConfirmDelete  string
	KeepIt         string
	Duplicated     string
	Deleted        string
	Created        string
	EditTitle      string
	NewTitle       string
	Name           string
	Exercises      string
	NoItems        string
	NameTooLong    string
	RepsOf         string
	DailyCap       string
	PerDayTwice    string
	HoldOf         string
	HoldFixed      string
	MoveUp         string
	MoveDown       string
	Remove         string
	Moved          string
	Removed        string
	Added          string
	AddWhich       string
	AddExercise    string
	RestNote       string
	Save           string
	Cancel         string
	SavedRoutine   string
	SetAside       string
	SetAsideDone   string
	Position       string
	RoutineActions string
}{
	RoutinesTitle:  "Routines",
	RoutinesLead:   "Start one that comes with Unknot, or make your own from the five exercises.",
	BuiltinTitle:   "Built-in routines",
	YoursTitle:     "Your routines",
	NoneYet:        "You have no routines of your own yet. Create one, or duplicate a built-in routine and change it.",
	NewName:        "Name of a new routine",
	Create:         "Create routine",
	Edit:           "Edit",
	Duplicate:      "Duplicate",
	Delete:         "Delete",
	ConfirmDelete:  "Delete %s? This cannot be undone.",
	KeepIt:         "Keep it",
	Duplicated:     "%s was added to your routines.",
	Deleted:        "%s was deleted.",
	Created:        "Add exercises to %s, then save it.",
	EditTitle:      "Edit %s",
	NewTitle:       "New routine",
	Name:           "Name",
	Exercises:      "Exercises",
	NoItems:        "No exercises yet: add one below.",
	NameTooLong:    "A name can have at most %d characters; this one has %d. Shorten it a little.",
	RepsOf:         "Rounds (%d to %d)",
	DailyCap:       "The source article counts this exercise per day: the rounds of every session of the day add up. Unknot starts you at %d a day and raises it, as your pain allows, up to %d; a session never goes past what is left of today's.",
	PerDayTwice:    "%s is in this routine already. The source article counts it per day, so it can be in a routine only once: change its rounds instead.",
	HoldOf:         "Hold, in seconds (%d to %d)",
	HoldFixed:      "Hold: %s",
	MoveUp:         "Move %s up",
	MoveDown:       "Move %s down",
	Remove:         "Remove %s",
	Moved:          "%s moved to position %d of %d.",
	Removed:        "%s removed.",
	Added:          "%s added as exercise %d.",
	AddWhich:       "Exercise to add",
	AddExercise:    "Add exercise",
	RestNote:       "The rest between exercises (now %d seconds) is set in ",
	Save:           "Save routine",
	Cancel:         "Cancel",
	SavedRoutine:   "%s was saved.",
	SetAside:       "Keep a copy and start afresh",
	SetAsideDone:   "A copy of your old routines is kept on this device under “%s”.",
	Position:       "%d.",
	RoutineActions: "Actions for %s",
}
