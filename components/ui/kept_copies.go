package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data/store"
)

// KeptCopies says what stored data could not be read and which copies
// Unknot kept aside, and saves all of them as one file. Home links here
// when something could not be read.
type KeptCopies struct {
	app.Compo

	// Unreadable are the parts that cannot be read where they are; Kept
	// the copies set aside. The parent reads both.
	Unreadable []store.Part
	Kept       []store.Kept

	saved, err string
}

// keptFileName is the name offered for the file of kept copies made on the
// local date date.
func keptFileName(date string) string { return "unknot-kept-copies-" + date + ".json" }

// onExport saves every part that cannot be read and every copy as one file.
func (k *KeptCopies) onExport(ctx app.Context, e app.Event) {
	keys := make([]string, 0, len(k.Unreadable)+len(k.Kept))
	for _, p := range k.Unreadable {
		keys = append(keys, p.Key)
	}
	for _, c := range k.Kept {
		keys = append(keys, c.Key)
	}
	now := time.Now()
	file, err := webapi.KeptFile(webapi.AppStorage(ctx), keys, now)
	if err == nil {
		name := keptFileName(webapi.LocalDate(now))
		if err = webapi.SaveFile(name, "application/json", []byte(file)); err == nil {
			k.saved, k.err = fmt.Sprintf(Text.Exported, name), ""
			return
		}
	}
	k.saved, k.err = "", fmt.Sprintf(Text.DownloadFailed, err)
}

// Render shows the list, or nothing when nothing is kept.
func (k *KeptCopies) Render() app.UI {
	if len(k.Unreadable) == 0 && len(k.Kept) == 0 {
		return El("div#kept.kept-slot")
	}
	return El("section#kept.card.kept[aria-labelledby=kept-title]",
		Elt("h2#kept-title", Text.Title),
		Elt("p", Text.Intro),
		app.If(len(k.Unreadable) > 0, Elt("p#kept-unreadable.error", fmt.Sprintf(Text.Unreadable, PartNames(k.Unreadable)))),
		app.If(len(k.Kept) > 0, El("div.kept-copies",
			Elt("h3", Text.KeptTitle),
			El("ul#kept-list", app.Range(k.Kept).Slice(func(i int) app.UI {
				c := k.Kept[i]
				return El("li", app.Text(c.What+" "), Elt("code", c.Key))
			})),
		)),
		Elt("p.muted.small", Text.ExportIntro),
		Eltx("button#export-kept.button", Text.Export).OnClick(k.onExport),
		app.If(k.saved != "", Elt("p#kept-saved.notice[role=status]", k.saved)),
		app.If(k.err != "", Elt("p#kept-error.error[role=alert]", k.err)),
	)
}

// PartNames names parts in a list for a sentence: "your history, your
// settings and an unfinished session".
func PartNames(parts []store.Part) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.Name
	}
	if n := len(names); n > 1 {
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return strings.Join(names, "")
}
