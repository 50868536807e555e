package skeleton

import (
	"errors"
	"strings"
)

// The marks around the poses' rules in components/ui/figure.css: go generate writes what
// is between them, and a test checks it is current.
const (
	cssStart = "/* poses: written by go generate ./components/ui (package skeleton); do not edit */\n"
	cssEnd   = "/* poses: end */\n"
)

// ErrNoMarks is returned for a stylesheet without the poses' marks.
var ErrNoMarks = errors.New("the stylesheet has no poses marks (" + strings.TrimSpace(cssStart) + " … " + strings.TrimSpace(cssEnd) + ")")

// Rules returns the text between the poses' marks of the stylesheet css.
func Rules(css string) (string, error) {
	_, rest, ok := strings.Cut(css, cssStart)
	if !ok {
		return "", ErrNoMarks
	}
	rules, _, ok := strings.Cut(rest, cssEnd)
	if !ok {
		return "", ErrNoMarks
	}
	return rules, nil
}

// WithRules returns the stylesheet css with rules between the poses' marks.
func WithRules(css string, rules []string) (string, error) {
	before, rest, ok := strings.Cut(css, cssStart)
	if !ok {
		return "", ErrNoMarks
	}
	_, after, ok := strings.Cut(rest, cssEnd)
	if !ok {
		return "", ErrNoMarks
	}
	return before + cssStart + RulesText(rules) + cssEnd + after, nil
}

// RulesText is how the rules stand in the stylesheet: one a line.
func RulesText(rules []string) string { return strings.Join(rules, "\n") + "\n" }
