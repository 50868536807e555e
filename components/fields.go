package components

import (
	"strings"
	"unknot/data"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The cue switches, shared by this page and the player's switches.
func voiceOn(s *data.Settings) *bool { return &s.Voice }

func beepsOn(s *data.Settings) *bool { return &s.Beeps }

func vibrationOn(s *data.Settings) *bool { return &s.Vibration }

func keepAwakeOn(s *data.Settings) *bool { return &s.KeepAwake }

func badgeOn(s *data.Settings) *bool { return &s.Badge }

// inputValue is the value of the element an event came from.
func inputValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// capitalise makes the first letter of s upper case.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
