package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// Dosing is what a screen needs to show routines as the player will run
// them now: the history, the authority's doses (data.DosesAt), asked once
// per screen, and the pacing.
type Dosing struct {
	History []data.Record
	Today   string
	doses   data.Doses
	timing  data.Timing
}

// LoadDosing reads the history and the pacing from st. Without storage
// (the server's pre-rendering) it is a first visit at the default pacing.
func LoadDosing(st store.Storage, now time.Time) Dosing {
	stamp := webapi.LocalClock(now) // the doses read no zone
	d := Dosing{Today: stamp.LocalDate, timing: data.DefaultTiming()}
	if st != nil {
		if s, err := store.LoadSettings(st); err == nil {
			d.timing = s.Timing()
		}
		if h, _, err := store.LoadHistory(st, now); err == nil {
			d.History = h.Records
		}
		// What sessions waiting to be resumed did counts already.
		waiting, _ := store.LoadCheckpoints(st)
		d.History = data.WithWaiting(d.History, waiting, data.DefaultCatalogue(), d.timing)
	}
	d.doses = data.DosesAt(data.DefaultCatalogue(), d.History, stamp)
	return d
}

// Daily is where each per-day exercise stands now.
func (d Dosing) Daily() []data.DailyDose { return d.doses.Daily() }

// ErrNotYet stands for a length not worked out yet.
var ErrNotYet = errors.New("not worked out yet")

// Play is r as the player will run it now.
func (d Dosing) Play(r data.Routine) (data.Played, error) {
	return d.doses.Played(r, data.DefaultCatalogue(), d.timing)
}

// RoutineMeta says how many exercises a routine has and how long it takes
// as played.
func RoutineMeta(pl data.Played, err error) string {
	meta := fmt.Sprintf(Text.ExerciseCount, len(pl.Routine.Items))
	if len(pl.Routine.Items) == 1 {
		meta = "1 exercise"
	}
	if err == nil {
		meta += " · " + fmt.Sprintf(Text.Minutes, data.DurationText(pl.Length))
	}
	return meta
}

// ItemList names the exercises of a routine with their doses as played.
func ItemList(pl data.Played, cat data.Catalogue) app.UI {
	r := pl.Routine
	return El("ul.item-names", app.Range(r.Items).Slice(func(i int) app.UI {
		e, reps, hold, err := r.Items[i].Resolve(cat)
		if err != nil {
			return Elt("li.error", err.Error())
		}
		return El("li", Elt("span", e.Name), Elt("span.muted", " — "+DoseText(e, reps, hold)))
	}))
}
