package webapi

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// LocalStamp places the instant now on the person's own calendar: the date,
// time and zone the person would read there. Go's local
// time in WebAssembly is a fixed offset taken at start-up, with no
// daylight-saving rules, so in the browser the date, time and zone come from
// JavaScript's Date and Intl; elsewhere from Go's local time.
func LocalStamp(now time.Time) (s data.Stamp) {
	s = LocalClock(now)
	if !app.IsClient {
		return s
	}
	defer Guard()
	if intl := app.Window().Get("Intl"); intl.Truthy() {
		if zone := intl.Call("DateTimeFormat").Call("resolvedOptions").Get("timeZone"); zone.Truthy() {
			s.Zone = zone.String()
		}
	}
	return s
}

// LocalClock is LocalStamp without the zone's name: the instant, and the
// date and time the person reads. Asking Intl for the zone the first time
// takes a cold page tens of milliseconds, which what is drawn at launch
// does not need to spend: the doses (behind Home's routine lengths, and
// the player's plan of the day) read no zone. A session's own stamp, taken
// at the tap on Start, has it.
func LocalClock(now time.Time) (s data.Stamp) {
	s = data.NewStamp(now, "")
	if !app.IsClient {
		return s
	}
	defer Guard()
	d := jsDate(now)
	s.LocalDate = dateOf(d)
	s.LocalTime = fmt.Sprintf("%02d:%02d", d.Call("getHours").Int(), d.Call("getMinutes").Int())
	return s
}

// LocalDate is the person's calendar date at now, as 2026-11-25: LocalClock's
// date, with no zone asked for either.
func LocalDate(now time.Time) string { return LocalClock(now).LocalDate }

func jsDate(t time.Time) app.Value { return app.Window().Get("Date").New(float64(t.UnixMilli())) }

// dateOf is a JavaScript Date's local date, as 2026-11-25.
func dateOf(d app.Value) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
}
