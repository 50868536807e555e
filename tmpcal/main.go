package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"unknot/data"
)

func wavLen(path string) float64 {
	b, _ := os.ReadFile(path)
	rate := binary.LittleEndian.Uint32(b[28:32])
	// find data chunk
	i := 12
	for i+8 <= len(b) {
		id := string(b[i : i+4])
		sz := binary.LittleEndian.Uint32(b[i+4 : i+8])
		if id == "data" {
			if int(sz) > len(b)-i-8 || sz == 0xffffffff { sz = uint32(len(b) - i - 8) }
			return float64(sz) / float64(rate)
		}
		i += 8 + int(sz)
	}
	return -1
}

func main() {
	seen := map[string]bool{}
	var lines []string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !seen[l] { seen[l] = true; lines = append(lines, l) }
	}
	wpm := os.Args[1]
	speed := 1.0
	fmt.Sscan(os.Args[2], &speed)
	var wg sync.WaitGroup
	res := make([]float64, len(lines))
	sem := make(chan bool, 2)
	for i, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done(); sem <- true; defer func() { <-sem }()
			f := fmt.Sprintf("/tmp/esp/l%d-%s.wav", i, wpm)
			exec.Command("espeak-ng", "-s", wpm, "-w", f, l).Run()
			res[i] = wavLen(f)
		}()
	}
	wg.Wait()
	worst := 0.0
	for i, l := range lines {
		m := data.SpeakingTime(l, speed).Seconds()
		stops := strings.Count(l, ".")
		fmt.Printf("%d\t%d\t%.3f\t%.3f\t%.2f\t%s\n", data.Syllables(l), stops, res[i], m, res[i]/m, l)
		if res[i]/m > worst { worst = res[i]/m }
	}
	fmt.Println("worst ratio", worst)
}
