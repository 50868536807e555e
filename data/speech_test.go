package data_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	"unknot/data"
)

func TestSyllables(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Hold.", 1},
		{"Breathe in.", 2},
		{"Round 1 of 2.", 4},           // round one of two
		{"Hold for 10 seconds.", 5},    // hold for ten se-conds
		{"Stay 5–10 seconds.", 6},      // stay five to ten se-conds
		{"Knee-to-chest stretch.", 4},  // knee to chest stretch
		{"Slowly lower your hips.", 6}, // slow-ly low-er your hips
		{"Up to 30 times.", 5},         // up to thir-ty times
		{"Rest for 120 seconds.", 10},  // rest for one hun-dred and twen-ty se-conds
		{"", 0},
	}
	for _, tt := range tests {
		if got := data.Syllables(tt.text); got != tt.want {
			t.Errorf("Syllables(%q): got %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestSpeakingTimeScalesWithSpeed(t *testing.T) {
	line := "Gently pull your left knee to your chest."
	one := data.SpeakingTime(line, 1)
	if half := data.SpeakingTime(line, 0.5); half < 2*one-time.Millisecond || half > 2*one+time.Millisecond {
		t.Errorf("at half speed: got %v, want twice %v", half, one)
	}
	if data.SpeakingTime("  ", 1) != 0 {
		t.Errorf("an empty line takes time")
	}
	if longer := data.SpeakingTime(line+" Then relax.", 1); longer <= one {
		t.Errorf("more words: got %v, want more than %v", longer, one)
	}
}

// espeakWPM is the rate espeak-ng is asked for at voice speed v: the model
// plans with 150 words a minute at speed 1.0.
func espeakWPM(v float64) int { return int(math.Round(150 * v)) }

// TestSpeakingTimeCoversEspeak speaks every distinct line of every built-in
// routine with espeak-ng at the slowest and the default voice speed, reads
// each length from the WAV header, and checks that the model gives every
// line at least that long. It skips where espeak-ng is not installed
// (`make test` installs it).
func TestSpeakingTimeCoversEspeak(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("espeak-ng is not installed (make test installs it)")
	}
	lines := map[string]bool{}
	for _, r := range data.BuiltinRoutines() {
		for _, s := range compile(t, r.ID, data.DefaultTiming()).Segments {
			lines[s.Say] = true
		}
	}
	sorted := keys(lines)
	sort.Strings(sorted)
	dir := t.TempDir()
	for _, v := range []float64{data.MinVoiceRate, data.DefaultSettings().VoiceRate} {
		lengths := make([]time.Duration, len(sorted))
		errs := make([]error, len(sorted))
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.NumCPU())
		for i, line := range sorted {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				wav := filepath.Join(dir, fmt.Sprintf("%g-%d.wav", v, i))
				if out, err := exec.Command("espeak-ng", "-s", fmt.Sprint(espeakWPM(v)), "-w", wav, line).CombinedOutput(); err != nil {
					errs[i] = fmt.Errorf("%v: %s", err, out)
					return
				}
				lengths[i], errs[i] = wavLength(wav)
			}()
		}
		wg.Wait()
		worst, tooLong := 0.0, 0
		for i, line := range sorted {
			if errs[i] != nil {
				t.Fatalf("speaking %q: %v", line, errs[i])
			}
			model := data.SpeakingTime(line, v)
			if lengths[i] > model {
				tooLong++
				t.Errorf("at speed %g (%d words a minute) espeak-ng takes %v to say %q, the model %v",
					v, espeakWPM(v), lengths[i], line, model)
			}
			worst = max(worst, float64(lengths[i])/float64(model))
		}
		t.Logf("speed %g: %d lines, %d longer than the model; the closest is %.0f%% of its modelled time",
			v, len(sorted), tooLong, 100*worst)
	}
}

// wavLength reads how long a WAV file plays from its header: the size of
// its data chunk over its byte rate.
func wavLength(path string) (time.Duration, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if len(b) < 44 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return 0, errors.New("not a WAV file")
	}
	var byteRate uint32
	for i := 12; i+8 <= len(b); {
		id, size := string(b[i:i+4]), int(binary.LittleEndian.Uint32(b[i+4:i+8]))
		switch id {
		case "fmt ":
			byteRate = binary.LittleEndian.Uint32(b[i+16 : i+20])
		case "data":
			// espeak-ng writing to a file may leave the size unset.
			size = min(size, len(b)-i-8)
			if byteRate == 0 {
				return 0, errors.New("no format chunk before the data")
			}
			return time.Duration(float64(size) / float64(byteRate) * float64(time.Second)), nil
		}
		i += 8 + size + size%2
	}
	return 0, errors.New("no data chunk")
}
