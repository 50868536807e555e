package components

import (
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

// dosing is what a screen needs to show routines as the player will run
// them today: the history the doses are suggested from, and the pacing.
type dosing struct {
	history []data.Record
	today   string
	timing  data.Timing
}

// loadDosing reads the history and the pacing from st. Without storage
// (the server's pre-rendering) it is a first visit at the default pacing.
func loadDosing(st store.Storage, now time.Time) dosing {
	d := dosing{today: localDate(now), timing: data.DefaultTiming()}
	if st == nil {
		return d
	}
	if s, err := store.LoadSettings(st); err == nil {
		d.timing = s.Timing()
	}
	if h, _, err := store.LoadHistory(st, now); err == nil {
		d.history = h.Records
	}
	return d
}

// errNotYet stands for a length not worked out yet.
var errNotYet = errors.New("not worked out yet")

// play is r as the player will run it today.
func (d dosing) play(r data.Routine) (data.Played, error) {
	return data.AsPlayed(r, data.DefaultCatalogue(), d.history, d.today, d.timing)
}

// routineMeta says how many exercises a routine has and how long it takes
// as played.
func routineMeta(pl data.Played, err error) string {
	meta := fmt.Sprintf(text.ExerciseCount, len(pl.Routine.Items))
	if len(pl.Routine.Items) == 1 {
		meta = "1 exercise"
	}
	if err == nil {
		meta += " · " + fmt.Sprintf(text.Minutes, data.DurationText(pl.Length))
	}
	return meta
}

// itemList names the exercises of a routine with their doses as played.
func itemList(pl data.Played, cat data.Catalogue) app.UI {
	r := pl.Routine
	return el("ul.item-names", app.Range(r.Items).Slice(func(i int) app.UI {
		e, reps, hold, err := r.Items[i].Resolve(cat)
		if err != nil {
			return elt("li.error", err.Error())
		}
		return el("li", elt("span", e.Name), elt("span.muted", " — "+doseText(e, reps, hold)))
	}))
}
