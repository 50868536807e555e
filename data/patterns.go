package data

import "sync"

// The shapes of ids, time zone names and clock times, checked by hand. They
// were regular expressions (patterns_test.go keeps them and checks these
// against them): compiling those at package initialisation ran the regexp
// compiler on every launch of the app, before the first screen.

// isID reports whether s is lower-case words of letters and digits joined
// by single hyphens, such as "knee-to-chest": ^[a-z0-9]+(-[a-z0-9]+)*$.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// isZoneName reports whether s looks like an IANA time zone name such as
// "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5" or "UTC":
// ^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$.
func isZoneName(s string) bool {
	if s == "" || !isASCIILetter(s[0]) || s[len(s)-1] == '/' {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case isASCIILetter(c), c >= '0' && c <= '9', c == '_', c == '+', c == '-':
		case c == '/' && s[i-1] != '/':
		default:
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// IsClock reports whether s is a 24-hour time with two-digit hours and
// minutes, such as "07:30": ^([01][0-9]|2[0-3]):[0-5][0-9]$.
func IsClock(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	hours := int(s[0]-'0')*10 + int(s[1]-'0')
	return hours <= 23 && s[3] <= '5'
}

// isKnownExercise reports whether id is an exercise of the catalogue.
func isKnownExercise(id string) bool { return knownExercises()[id] }

// knownExercises holds the ids of the catalogue, built on first use.
var knownExercises = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, e := range DefaultCatalogue() {
		m[e.ID] = true
	}
	return m
})
