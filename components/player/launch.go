package player

import (
	"fmt"
	"strings"

	"unknot/components/ui"
	"unknot/components/webapi"
	"unknot/data"
	"unknot/data/store"
)

// A launch of the installed app while a session runs is offered on the
// finished screen (see launch_queue.go for the launches themselves).

func init() { ui.RunningSession = takeLaunchWhilePlaying }

// playing is the session player on show, nil when there is none.
var playing *Player

// takeLaunchWhilePlaying offers a launch's address after the running
// session, if one runs (see offerAfter). It is launchQueue's way into the
// player (RunningSession).
func takeLaunchWhilePlaying(where string) bool {
	if playing == nil || !playing.offerAfter(where) {
		return false
	}
	playing.Update()
	return true
}

// nextUp is what a launch during a session asked for: its address and what
// the button that goes there says.
type nextUp struct{ href, label string }

// offerAfter keeps a running session going and offers where on the
// finished screen, unless where is the routine running. It reports false
// when no session runs.
func (p *Player) offerAfter(where string) bool {
	if !p.session() {
		return false
	}
	if path, _, _ := strings.Cut(where, "?"); path == ui.SessionPath+p.plan.Routine.ID {
		return true // what was asked for is what runs
	}
	p.next = nextUp{where, launchLabel(where)}
	p.notice = fmt.Sprintf(text.NextAfter, p.next.label)
	return true
}

// launchLabel says what going to the address where does, as a button.
func launchLabel(where string) string {
	path, _, _ := strings.Cut(where, "?")
	if id, ok := strings.CutPrefix(path, ui.SessionPath); ok {
		custom, _ := store.LoadCustomRoutines(webapi.AppStorage(nil))
		if r, ok := data.FindRoutineIn(data.DefaultCatalogue(), custom, id); ok {
			return fmt.Sprintf(ui.Text.StartRoutine, r.Name)
		}
	}
	if path == "/history" {
		return text.OpenHistory
	}
	return text.OpenScreen
}
