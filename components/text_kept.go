package components

// keptText holds the words about stored data that could not be read and
// the copies kept of it, on Home and on the history screen.
var keptText = struct {
	// HomeNotice takes the parts that could not be read ("your history,
	// your settings").
	HomeNotice, HomeLink, Title, Intro, KeptTitle string
	Export, Exported, ExportIntro, Unreadable     string
}{
	HomeNotice:  "Some of what this device keeps could not be read: %s. It is kept as it was.",
	HomeLink:    "See what happened and save a copy",
	Title:       "Kept aside",
	Intro:       "Unknot never writes over what it cannot read. It keeps it, exactly as it was, so you can save it as a file and nothing is lost.",
	Unreadable:  "Could not be read: %s. It is kept where it is until something would be saved over it, and then copied aside first.",
	KeptTitle:   "Copies kept on this device",
	Export:      "Save everything kept aside as a file",
	ExportIntro: "The file holds each copy's text exactly, even characters other apps would change.",
	Exported:    "Saved %s.",
}
