package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
)

// The cue switches, shared by this page and the player's switches.
func VoiceOn(s *data.Settings) *bool { return &s.Voice }

func BeepsOn(s *data.Settings) *bool { return &s.Beeps }

// FullInstructionsOn is the switch that has every round say the whole
// instruction.
func FullInstructionsOn(s *data.Settings) *bool { return &s.FullInstructions }

func VibrationOn(s *data.Settings) *bool { return &s.Vibration }

func KeepAwakeOn(s *data.Settings) *bool { return &s.KeepAwake }

func BadgeOn(s *data.Settings) *bool { return &s.Badge }

// InputValue is the value of the element an event came from.
func InputValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// Capitalise makes the first letter of s upper case.
func Capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
