package ui

// InstallText holds the words of what an installed app adds: sharing a
// backup, the badge switch, and a launch taken while a session runs.
// Formats take their values in the order the comments give.
var InstallText = struct {
	ShareAll, ShareCSV, Shared, ShareFailed string
	BadgeOn, BadgeHint                      string
	NextAfter, OpenHistory, OpenScreen      string
}{
	ShareAll: "Share backup",
	ShareCSV: "Share CSV",
	// Shared: the file's name.
	Shared: "Sent %s to the share sheet's choice.",
	// ShareFailed: why.
	ShareFailed: "The file could not be shared: %s. Export it instead.",
	BadgeOn:     "Show today's sessions left on the app icon",
	BadgeHint:   "Where the device allows it, once Unknot is installed.",
	// NextAfter: what comes next, as the button will say it.
	NextAfter:   "This session keeps going. When it ends: %s.",
	OpenHistory: "Open your history",
	OpenScreen:  "Open the screen you chose",
}
