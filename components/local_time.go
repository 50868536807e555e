package components

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// localStamp places the instant now on the person's own calendar: the date,
// time and zone the person would read there. Go's local
// time in WebAssembly is a fixed offset taken at start-up, with no
// daylight-saving rules, so in the browser the date, time and zone come from
// JavaScript's Date and Intl; elsewhere from Go's local time.
func localStamp(now time.Time) (s data.Stamp) {
	s = data.NewStamp(now, "")
	if !app.IsClient {
		return s
	}
	defer guard()
	d := app.Window().Get("Date").New(float64(now.UnixMilli()))
	s.LocalDate = fmt.Sprintf("%04d-%02d-%02d", d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
	s.LocalTime = fmt.Sprintf("%02d:%02d", d.Call("getHours").Int(), d.Call("getMinutes").Int())
	if intl := app.Window().Get("Intl"); intl.Truthy() {
		if zone := intl.Call("DateTimeFormat").Call("resolvedOptions").Get("timeZone"); zone.Truthy() {
			s.Zone = zone.String()
		}
	}
	return s
}
