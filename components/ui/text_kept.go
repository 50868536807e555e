package ui

// KeptText holds the words about stored data that could not be read and
// the copies kept of it, on Home and on the history screen.
var KeptText = struct {
	// HomeNotice takes the parts that could not be read ("Your history
	// and your settings").
	HomeNotice, HomeLink, Title, Intro, KeptTitle string
	Export, Exported, ExportIntro, Unreadable     string
}{
	HomeNotice:  "%s could not be read.",
	HomeLink:    "See what happened and save a copy",
	Title:       "Kept aside",
	Intro:       "Unknot never writes over what it cannot read. It keeps it, exactly as it was, so you can save it as a file and nothing is lost.",
	Unreadable:  "Not read, and left as it was: %s. Unknot copies it aside before it saves anything over it.",
	KeptTitle:   "Copies kept on this device",
	Export:      "Save everything kept aside as a file",
	ExportIntro: "The file holds each copy's text exactly, even characters other apps would change.",
	Exported:    "Saved %s.",
}
