package data

import (
	"math"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// The speaking-time model. A plan gives every spoken line the time a voice
// takes to say it at the person's speed, so what the model says must never
// be shorter than a real voice. Its constants come from espeak-ng 1.51
// (its default English voice), slower than most phone voices at the same
// setting, measured like this:
//
//   - 348 distinct lines (every "say" and "text" line of the morning and
//     evening golden scripts, and every sentence of the catalogue) were
//     synthesised with `espeak-ng -s 150 -w line.wav "…"` (150 words a
//     minute: the slow end of phone voices at speed 1.0) and each length
//     read from its WAV header (data size over byte rate);
//   - a least-squares fit of those lengths to syllables (as Syllables counts
//     them), full stops inside the line, commas and colons, and one
//     constant per line gave 0.237 s per syllable, 0.71 s per stop, 0.28 s
//     per comma and 0.54 s per line (the voice's start and its final
//     pause); the fit still left up to 20% of a line unexplained;
//   - the constants below are raised until no line of the 348 is longer
//     than the model (the closest, "Raise your hips until your knees, hips
//     and shoulders make one straight line.", is 5.20 s spoken, 5.35 s
//     modelled); on average the model gives 23% more time than espeak-ng.
//     TestSpeakingTimeCoversEspeak repeats the check on every line the
//     plans speak now, at the slowest and the default speed.
//
// At speed v every part lasts 1/v as long, so the slowest setting (0.5)
// gets twice the time. espeak-ng does not go below 80 words a minute (at
// 0.5 it is asked for 75), so there it is faster than the model by more
// than at 1.0; phone voices do go down to half speed.
const (
	// secondsPerSyllable is the time a syllable takes at speed 1.0.
	secondsPerSyllable = 0.27
	// secondsPerStop is the pause a full stop (or ! or ?) inside a line
	// adds; secondsPerComma the pause of a comma, colon or dash.
	secondsPerStop  = 0.8
	secondsPerComma = 0.4
	// secondsPerLine is what every line adds: the voice starting, and the
	// pause after its last word.
	secondsPerLine = 0.9
)

// SpeakingTime is how long a voice at speed (1 is normal; the settings allow
// MinVoiceRate to MaxVoiceRate) takes to say text, by the model above: its
// syllables, numbers counted as the words they are read as, and a pause per
// full stop. It is zero for an empty text, and errs on the long side.
func SpeakingTime(text string, speed float64) time.Duration {
	if strings.TrimSpace(text) == "" {
		return 0
	}
	if speed <= 0 {
		speed = 1
	}
	text = strings.TrimSpace(text)
	stops, commas := 0, 0
	for _, r := range strings.TrimRight(text, ".!?") {
		switch r {
		case '.', '!', '?':
			stops++
		case ',', ':', ';', '–', '—':
			commas++
		}
	}
	s := secondsPerLine + float64(Syllables(text))*secondsPerSyllable +
		float64(stops)*secondsPerStop + float64(commas)*secondsPerComma
	return time.Duration(math.Ceil(s/speed*1000)) * time.Millisecond
}

// Syllables counts the syllables of text as spoken: numbers as the words
// they are read as ("10" is "ten", "5–10" is "five to ten"), hyphenated
// words as their parts, each word by its groups of vowels with a silent
// final e left out.
func Syllables(text string) int {
	syllableCounts.Lock()
	defer syllableCounts.Unlock()
	if n, ok := syllableCounts.of[text]; ok {
		return n
	}
	n := 0
	eachWord(text, func(w string) { n += wordSyllables(w) })
	if len(syllableCounts.of) >= maxSyllableCounts {
		clear(syllableCounts.of)
	}
	syllableCounts.of[text] = n
	return n
}

// syllableCounts remembers the count of every text Syllables counted: a
// plan says the same few dozen lines hundreds of times (the first day's
// routines, which Home's first frame shows the lengths of, 461 lines of 46
// texts). It is emptied when it holds maxSyllableCounts texts.
var syllableCounts = struct {
	sync.Mutex
	of map[string]int
}{of: map[string]int{}}

const maxSyllableCounts = 4096

// eachWord calls fn with each word a voice says in text, in lower case,
// numbers spelled out. It works through a small buffer of its own: the
// plan compiler counts every line it builds.
func eachWord(text string, fn func(string)) {
	var buf [32]byte
	cur := buf[:0]
	digits := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if digits {
			for _, w := range strings.Fields(NumberWords(string(cur))) {
				fn(w)
			}
		} else {
			fn(string(cur))
		}
		cur = cur[:0]
	}
	runes := []rune(text)
	for i, r := range runes {
		isDigit := unicode.IsDigit(r)
		switch {
		case unicode.IsLetter(r) || isDigit || (r == '\'' && len(cur) > 0):
			// Digits and letters are separate words ("5s").
			if len(cur) > 0 && isDigit != digits {
				flush()
			}
			digits = isDigit
			cur = utf8.AppendRune(cur, unicode.ToLower(r))
		case (r == '–' || r == '-') && len(cur) > 0 && digits && i+1 < len(runes) && unicode.IsDigit(runes[i+1]):
			// A range of numbers is read with "to".
			flush()
			fn("to")
		default:
			flush()
		}
	}
	flush()
}

var smallNumbers = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve " +
	"thirteen fourteen fifteen sixteen seventeen eighteen nineteen")

var tens = strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")

// NumberWords spells out a whole number of digits as it is read aloud, up
// to 999,999; longer runs of digits are read digit by digit.
func NumberWords(digits string) string {
	if len(digits) > 6 {
		var out []string
		for _, d := range digits {
			out = append(out, smallNumbers[d-'0'])
		}
		return strings.Join(out, " ")
	}
	n := 0
	for _, d := range digits {
		n = n*10 + int(d-'0')
	}
	return numberWords(n)
}

func numberWords(n int) string {
	switch {
	case n < 20:
		return smallNumbers[n]
	case n < 100:
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + " " + smallNumbers[n%10]
	case n < 1000:
		if n%100 == 0 {
			return smallNumbers[n/100] + " hundred"
		}
		return smallNumbers[n/100] + " hundred and " + numberWords(n%100)
	}
	if n%1000 == 0 {
		return numberWords(n/1000) + " thousand"
	}
	return numberWords(n/1000) + " thousand " + numberWords(n%1000)
}

// wordSyllables estimates the syllables of one lower-case word: its groups
// of vowels (y counting as one), less a silent final e ("times" is one),
// at least one.
func wordSyllables(w string) int {
	n := 0
	prevVowel := false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	// A plural's e is silent too, but not after a hissing sound ("places").
	stem, voiced := w, "aeiouy"
	if strings.HasSuffix(w, "es") {
		stem, voiced = w[:len(w)-1], "aeiouycgszxh"
	}
	if len(stem) > 2 && strings.HasSuffix(stem, "e") && !strings.HasSuffix(stem, "le") &&
		!strings.ContainsRune(voiced, rune(stem[len(stem)-2])) && n > 1 {
		n--
	}
	return max(n, 1)
}
