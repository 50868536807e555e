// Command buildsize builds Unknot's app.wasm and the baseline's as `make
// wasm` does (GOOS=js GOARCH=wasm, appserver.WasmFlags), with
// whatever GOEXPERIMENT the environment sets, and prints their bytes raw and
// as brotli at the quality and window the server precompresses with.
//
// Brotli at its best quality is chaotic at this size: a build 16 bytes
// longer came out 3.9 KB smaller. With -runs n each app is built n times,
// each with another tag that changes nothing but the build settings
// recorded in the file (and so where everything after them lies), and the
// median is the figure to compare; the spread says how far apart two
// figures must be to mean anything.
//
// With -packages it builds Unknot again without -s (which drops the name
// section) and prints the code bytes of the packages matching the pattern,
// so that a change to one package can be weighed on its own; -funcs does
// the same for functions. -adds weighs packages as brotli sees them: what
// each adds to the compressed code section.
//
//	go run ./bench/buildsize -runs 5
//	GOEXPERIMENT=jsonv2 go run ./bench/buildsize -packages 'unknot_data_store|encoding_json'
//	go run ./bench/buildsize -baseline=false -adds '^unknot'
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unknot/internal/appserver"

	"github.com/andybalholm/brotli"
)

func main() {
	tags := flag.String("tags", "", "build tags, comma-separated")
	runs := flag.Int("runs", 1, "builds of each app, each with a tag of its own that changes nothing else")
	baseline := flag.Bool("baseline", true, "build the baseline too")
	pkgs := flag.String("packages", "", "also print the code bytes of packages matching this regular expression")
	funcs := flag.String("funcs", "", "also print the code bytes of the functions matching this regular expression, and their sum")
	adds := flag.String("adds", "", "also print the brotli that each package matching this regular expression adds to the code section, and all of them together (slow: a compression per package)")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "buildsize")
	check(err)
	defer os.RemoveAll(tmp)
	fmt.Printf("GOEXPERIMENT=%q tags=%q\n", os.Getenv("GOEXPERIMENT"), *tags)
	apps := []string{"./app"}
	if *baseline {
		apps = append(apps, "./bench/baseline")
	}
	medians := map[string]int{}
	for _, pkg := range apps {
		var br []int
		for i := range *runs {
			t := *tags
			if *runs > 1 {
				t = strings.Trim(t+",buildsize_run_"+strings.Repeat("x", i), ",")
			}
			raw := build(tmp, pkg, t, "-ldflags=-s -w")
			br = append(br, brotliLen(raw))
			fmt.Printf("%-18s raw %9d  brotli %9d\n", pkg, len(raw), br[len(br)-1])
		}
		slices.Sort(br)
		medians[pkg] = br[len(br)/2]
		if *runs > 1 {
			fmt.Printf("%-18s brotli median %d, from %d to %d\n", pkg, medians[pkg], br[0], br[len(br)-1])
		}
	}
	if *baseline {
		fmt.Printf("ratio %.4f\n", float64(medians["./app"])/float64(medians["./bench/baseline"]))
	}
	if *pkgs == "" && *funcs == "" && *adds == "" {
		return
	}
	named := build(tmp, "./app", *tags, "-ldflags=-w")
	if *adds != "" {
		printAdds(named, *adds)
	}
	byFunc, err := codeBytes(named)
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

// build builds pkg for js/wasm with appserver.WasmFlags, but the tags and
// ldflags given, and returns the file.
func build(tmp, pkg, tags, ldflags string) []byte {
	out := filepath.Join(tmp, "app.wasm")
	args := []string{"build", "-tags=" + tags, ldflags, "-o", out}
	for _, f := range appserver.WasmFlags {
		if !strings.HasPrefix(f, "-ldflags") {
			args = append(args, f)
		}
	}
	cmd := exec.Command("go", append(args, pkg)...)
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
	bodies, err := codeBodies(b)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, f := range bodies {
		out[f.name] += len(f.body)
	}
	return out, nil
}

// A function is one function's body in the code section (with its length
// prefix), under its name in the name section.
type function struct {
	name string
	body []byte
}

// codeBodies returns the code section's functions in their order.
func codeBodies(b []byte) ([]function, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm file")
	}
	var imports int
	var bodies [][]byte
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
				if kind != 0 {
					return nil, fmt.Errorf("import of kind %d", kind)
				}
				imports++
				_, k := binary.Uvarint(s)
				s = s[k:]
			}
		case 10:
			count, k := binary.Uvarint(sec)
			s := sec[k:]
			for range count {
				l, k := binary.Uvarint(s)
				bodies = append(bodies, s[:k+int(l)])
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
	out := make([]function, len(bodies))
	for i, body := range bodies {
		out[i] = function{names[imports+i], body}
	}
	return out, nil
}

// printAdds prints what the packages matching pattern add to the code
// section in brotli: the section's functions compressed whole, less the
// same without the package's (one package at a time), then without all of
// them. Brotli finds what a package repeats of the others, so the parts
// add up to about the whole; its raw bytes tell little of this.
func printAdds(b []byte, pattern string) {
	fns, err := codeBodies(b)
	check(err)
	re := regexp.MustCompile(pattern)
	without := func(skip func(pkg string) bool) (raw, br int) {
		var code []byte
		for _, f := range fns {
			if !skip(pkgOf(f.name)) {
				code = append(code, f.body...)
			}
		}
		return len(code), brotliLen(code)
	}
	allRaw, all := without(func(string) bool { return false })
	fmt.Printf("code section: raw %d, brotli %d\n", allRaw, all)
	pkgs := map[string]bool{}
	for _, f := range fns {
		if p := pkgOf(f.name); re.MatchString(p) {
			pkgs[p] = true
		}
	}
	for _, p := range slices.Sorted(maps.Keys(pkgs)) {
		raw, br := without(func(q string) bool { return q == p })
		fmt.Printf("%-60s raw %8d  brotli %7d\n", p, allRaw-raw, all-br)
	}
	raw, br := without(re.MatchString)
	fmt.Printf("%-60s raw %8d  brotli %7d\n", "all of "+pattern, allRaw-raw, all-br)
}

// pkgOf is the package of a function's name in the name section, such as
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
