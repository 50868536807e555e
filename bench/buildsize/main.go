// Command buildsize builds Unknot's app.wasm and the baseline's as `make
// wasm` does (GOOS=js GOARCH=wasm, -trimpath -ldflags='-s -w'), with
// whatever GOEXPERIMENT the environment sets, and prints their bytes raw and
// as brotli at the quality and window the server precompresses with. With
// -packages it builds Unknot again without -s (which drops the name section)
// and prints the code bytes of the packages matching the pattern, so that a
// change to one package can be weighed on its own; -funcs does the same for
// functions.
//
//	go run ./bench/buildsize
//	GOEXPERIMENT=jsonv2 go run ./bench/buildsize -packages 'unknot/data/store|encoding/json'
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
)

func main() {
	pkgs := flag.String("packages", "", "also print the code bytes of packages matching this regular expression")
	funcs := flag.String("funcs", "", "also print the code bytes of the functions matching this regular expression, and their sum")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "buildsize")
	check(err)
	defer os.RemoveAll(tmp)
	fmt.Printf("GOEXPERIMENT=%q\n", os.Getenv("GOEXPERIMENT"))
	var br [2]int
	for i, pkg := range []string{"./app", "./bench/baseline"} {
		raw := build(tmp, pkg, "-ldflags=-s -w")
		br[i] = brotliLen(raw)
		fmt.Printf("%-18s raw %9d  brotli %9d\n", pkg, len(raw), br[i])
	}
	fmt.Printf("ratio %.4f\n", float64(br[0])/float64(br[1]))
	if *pkgs == "" && *funcs == "" {
		return
	}
	byFunc, err := codeBytes(build(tmp, "./app", "-ldflags=-w"))
	check(err)
	byPkg := map[string]int{}
	for f, n := range byFunc {
		byPkg[pkgOf(f)] += n
	}
	for _, c := range []struct {
		pattern string
		sizes   map[string]int
	}{{*pkgs, byPkg}, {*funcs, byFunc}} {
		if c.pattern == "" {
			continue
		}
		re := regexp.MustCompile(c.pattern)
		var names []string
		sum := 0
		for name, n := range c.sizes {
			if re.MatchString(name) {
				names = append(names, name)
				sum += n
			}
		}
		sort.Strings(names)
		for _, name := range names {
			fmt.Printf("%-60s code %8d\n", name, c.sizes[name])
		}
		fmt.Printf("%-60s code %8d\n", "sum of "+c.pattern, sum)
	}
}

// build builds pkg for js/wasm with -trimpath and ldflags and returns the file.
func build(tmp, pkg, ldflags string) []byte {
	out := filepath.Join(tmp, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", ldflags, "-o", out, pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	check(cmd.Run())
	b, err := os.ReadFile(out)
	check(err)
	return b
}

// brotliLen is the length of b compressed as the server precompresses
// app.wasm (app/server/compress.go).
func brotliLen(b []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 11, LGWin: 24})
	_, err := w.Write(b)
	check(err)
	check(w.Close())
	return buf.Len()
}

// codeBytes returns the size of each function's body in the code section,
// by its name in the name section.
func codeBytes(b []byte) (map[string]int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm file")
	}
	var imports int
	var sizes []int
	names := map[int]string{}
	for r := b[8:]; len(r) > 0; {
		id := r[0]
		n, k := binary.Uvarint(r[1:])
		sec := r[1+k : 1+k+int(n)]
		r = r[1+k+int(n):]
		switch id {
		case 2: // imports: functions come first in the index space
			count, k := binary.Uvarint(sec)
			s := sec[k:]
			for range count {
				for range 2 { // module and field names
					l, k := binary.Uvarint(s)
					s = s[k+int(l):]
				}
				kind := s[0]
				s = s[1:]
				switch kind {
				case 0:
					imports++
					_, k := binary.Uvarint(s)
					s = s[k:]
				default:
					return nil, fmt.Errorf("import of kind %d", kind)
				}
			}
		case 10:
			count, k := binary.Uvarint(sec)
			s := sec[k:]
			for range count {
				l, k := binary.Uvarint(s)
				sizes = append(sizes, k+int(l))
				s = s[k+int(l):]
			}
		case 0:
			l, k := binary.Uvarint(sec)
			if string(sec[k:k+int(l)]) != "name" {
				continue
			}
			for s := sec[k+int(l):]; len(s) > 0; {
				sub := s[0]
				n, k := binary.Uvarint(s[1:])
				body := s[1+k : 1+k+int(n)]
				s = s[1+k+int(n):]
				if sub != 1 {
					continue
				}
				count, k := binary.Uvarint(body)
				body = body[k:]
				for range count {
					idx, k := binary.Uvarint(body)
					body = body[k:]
					l, k := binary.Uvarint(body)
					names[int(idx)] = string(body[k : k+int(l)])
					body = body[k+int(l):]
				}
			}
		}
	}
	if len(names) == 0 {
		return nil, errors.New("no name section")
	}
	out := map[string]int{}
	for i, n := range sizes {
		out[names[imports+i]] += n
	}
	return out, nil
}

// pkgOf is the package of a Go function's symbol name, such as
// "unknot_data_store.(*wireDecoder).record" or "encoding_json.Unmarshal"
// (the name section writes a package's slashes as underscores).
func pkgOf(sym string) string {
	slash := strings.LastIndexByte(sym, '/')
	if dot := strings.IndexByte(sym[slash+1:], '.'); dot >= 0 {
		return sym[:slash+1+dot]
	}
	return sym
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildsize:", err)
		os.Exit(1)
	}
}
