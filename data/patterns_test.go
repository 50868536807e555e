package data

import (
	"regexp"
	"testing"
)

// The patterns the hand-written checks replace.
var (
	idRegexp    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	zoneRegexp  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$`)
	clockRegexp = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
)

var patternSeeds = []string{
	"", "-", "a", "A", "0", "knee-to-chest", "knee--chest", "-knee", "knee-", "Knee", "knee to",
	"a1-b2", "1", "é", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14",
	"UTC", "utc", "/UTC", "UTC/", "Europe//London", "1Europe", "Europe/1", "Europe/Lon don",
	"00:00", "07:30", "23:59", "24:00", "19:60", "7:30", "07:3", "07-30", "29:00", "20:5x", "0a:00",
	"Ωmega", "a\x00b", "a\nb",
}

// checkPatterns compares each hand-written check with its regexp.
func checkPatterns(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		got  bool
		re   *regexp.Regexp
	}{
		{"isID", isID(s), idRegexp},
		{"isZoneName", isZoneName(s), zoneRegexp},
		{"IsClock", IsClock(s), clockRegexp},
	} {
		if want := c.re.MatchString(s); c.got != want {
			t.Errorf("%s(%q) = %v, the pattern %s says %v", c.name, s, c.got, c.re, want)
		}
	}
}

func TestPatternsMatchTheirRegexps(t *testing.T) {
	for _, s := range patternSeeds {
		checkPatterns(t, s)
	}
}

func FuzzPatterns(f *testing.F) {
	for _, s := range patternSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPatterns)
}

func TestKnownExercises(t *testing.T) {
	for _, e := range DefaultCatalogue() {
		if !isKnownExercise(e.ID) {
			t.Errorf("%q is not known", e.ID)
		}
	}
	for _, id := range []string{"", "plank", "Bridge"} {
		if isKnownExercise(id) {
			t.Errorf("%q is known", id)
		}
	}
}
