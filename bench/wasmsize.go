package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"unknot/internal/appserver"
)

// The shipped app.wasm is built with -s, which leaves out the name section
// that says which function is which. The benchmark builds each app once
// more without -s (namesFlags) to attribute the code to packages: the code
// is the same, only the names are added.
var namesFlags = []string{"-trimpath", "-ldflags=-w"}

// packageSizes is the code of an app.wasm by Go package: the bytes of each
// function's body, raw, summed by the package its name gives.
type packageSizes map[string]int64

// measurePackages builds pkg of root with names into tmp and reads its code
// by package.
func measurePackages(root, tmp, name, pkg string) (packageSizes, error) {
	out := filepath.Join(tmp, "names", name+".wasm")
	env := []string{"GOOS=js", "GOARCH=wasm"}
	args := append([]string{"build"}, namesFlags...)
	args = append(args, "-o", out, pkg)
	if err := appserver.Command(root, env, "go", args...); err != nil {
		return nil, err
	}
	list := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", pkg)
	list.Dir, list.Env = root, append(os.Environ(), env...)
	deps, err := list.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps %s: %w", pkg, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	return codeByPackage(b, append(strings.Fields(string(deps)), "main"))
}

// codeByPackage reads a WebAssembly module's code section and name section
// and sums each function body's size under its package, one of pkgs (the
// import paths the module was built from).
func codeByPackage(wasm []byte, pkgs []string) (packageSizes, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	r := bytes.NewReader(wasm[8:])
	var imported uint64 // imported functions come first in the index space
	var bodies []int64
	names := map[uint64]string{}
	for r.Len() > 0 {
		id, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		sec := make([]byte, size)
		if _, err := io.ReadFull(r, sec); err != nil {
			return nil, err
		}
		s := bytes.NewReader(sec)
		switch id {
		case 2: // imports
			if imported, err = countFuncImports(s); err != nil {
				return nil, fmt.Errorf("import section: %w", err)
			}
		case 10: // code
			n, err := binary.ReadUvarint(s)
			if err != nil {
				return nil, err
			}
			for range n {
				body, err := binary.ReadUvarint(s)
				if err != nil {
					return nil, err
				}
				if _, err := s.Seek(int64(body), io.SeekCurrent); err != nil {
					return nil, err
				}
				bodies = append(bodies, int64(body))
			}
		case 0: // custom
			name, err := readName(s)
			if err != nil {
				return nil, err
			}
			if name == "name" {
				if err := readFuncNames(s, names); err != nil {
					return nil, fmt.Errorf("name section: %w", err)
				}
			}
		}
	}
	if len(names) == 0 {
		return nil, errors.New("no function names: built with -s?")
	}
	byName := map[string]string{}
	for _, p := range pkgs {
		byName[linkerName(p)] = p
	}
	sizes := packageSizes{}
	for i, n := range bodies {
		sizes[packageOf(names[imported+uint64(i)], byName)] += n
	}
	return sizes, nil
}

func readName(r *bytes.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return string(b), err
}

// countFuncImports returns how many of the import section's entries are
// functions.
func countFuncImports(r *bytes.Reader) (uint64, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return 0, err
	}
	var funcs uint64
	for range n {
		for range 2 { // module, field
			if _, err := readName(r); err != nil {
				return 0, err
			}
		}
		kind, err := r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch kind {
		case 0: // function: a type index
			funcs++
			_, err = binary.ReadUvarint(r)
		case 1: // table: element type, limits
			if _, err = r.ReadByte(); err == nil {
				err = skipLimits(r)
			}
		case 2: // memory: limits
			err = skipLimits(r)
		case 3: // global: value type, mutability
			_, err = r.Seek(2, io.SeekCurrent)
		default:
			err = fmt.Errorf("import kind %d", kind)
		}
		if err != nil {
			return 0, err
		}
	}
	return funcs, nil
}

func skipLimits(r *bytes.Reader) error {
	flags, err := r.ReadByte()
	if err != nil {
		return err
	}
	if _, err := binary.ReadUvarint(r); err != nil {
		return err
	}
	if flags&1 != 0 {
		_, err = binary.ReadUvarint(r)
	}
	return err
}

// readFuncNames reads the function names subsection (1) of a name section.
func readFuncNames(r *bytes.Reader, names map[uint64]string) error {
	for r.Len() > 0 {
		id, err := r.ReadByte()
		if err != nil {
			return err
		}
		size, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if id != 1 {
			if _, err := r.Seek(int64(size), io.SeekCurrent); err != nil {
				return err
			}
			continue
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		for range n {
			idx, err := binary.ReadUvarint(r)
			if err != nil {
				return err
			}
			if names[idx], err = readName(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// linkerName is a package path as the name section spells it: Go's linker
// writes every character but letters, digits, "_" and "." as "_"
// ("unknot_data_store.Load" for unknot/data/store.Load).
func linkerName(path string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '.' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return '_'
	}, path)
}

// packageOf returns the package a function of the name section belongs to:
// the longest of pkgs (by their linker names) that its name starts with,
// followed by a dot. The compiler's own functions (type equality and
// hashing, "type_.eq.…") count as "(compiler)", and names no package
// claims as "(other)".
func packageOf(fn string, pkgs map[string]string) string {
	switch {
	case fn == "":
		return "(unnamed)"
	case strings.HasPrefix(fn, "type_.") || strings.HasPrefix(fn, "go_."):
		return "(compiler)"
	}
	best := ""
	for i := 0; i < len(fn); i++ {
		if fn[i] == '.' {
			if p, ok := pkgs[fn[:i]]; ok {
				best = p
			}
		}
	}
	if best == "" {
		return "(other)"
	}
	return best
}

// packageGroup sorts a package into the groups the table sums.
func packageGroup(pkg string) string {
	first, _, _ := strings.Cut(pkg, "/")
	switch {
	case pkg == "unknot" || strings.HasPrefix(pkg, "unknot/") || pkg == "main":
		return "the app's own"
	case strings.HasPrefix(pkg, "github.com/maxence-charriere/go-app/"):
		return "go-app"
	case strings.HasPrefix(pkg, "("):
		return "compiler-made"
	case !strings.Contains(first, "."):
		return "Go's runtime and standard library"
	}
	return "other modules"
}

// printPackages writes the code of both apps by package: the groups, then
// every package that grew or shrank by at least minGrowth, largest growth
// first.
func printPackages(w io.Writer, app, base packageSizes) {
	const minGrowth = 2000
	kb := func(n int64) string {
		if n == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f KB", float64(n)/1e3)
	}
	fmt.Fprintln(w, "\napp.wasm code by package (function bodies, raw bytes, from the name section of a build without -s)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| Package | Unknot | Baseline | Growth |")
	fmt.Fprintln(w, "| --- | --- | --- | --- |")
	groups := map[string][2]int64{}
	var total [2]int64
	for i, s := range []packageSizes{app, base} {
		for p, n := range s {
			g := groups[packageGroup(p)]
			g[i] += n
			groups[packageGroup(p)] = g
			total[i] += n
		}
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	slices.SortFunc(names, func(a, b string) int { return int(groups[b][0] - groups[a][0]) })
	for _, g := range names {
		n := groups[g]
		fmt.Fprintf(w, "| **%s** | %s | %s | %s |\n", g, kb(n[0]), kb(n[1]), kb(n[0]-n[1]))
	}
	fmt.Fprintf(w, "| **all code** | %s | %s | %s |\n", kb(total[0]), kb(total[1]), kb(total[0]-total[1]))
	all := map[string]bool{}
	for _, s := range []packageSizes{app, base} {
		for p := range s {
			all[p] = true
		}
	}
	pkgs := []string{}
	for p := range all {
		if d := app[p] - base[p]; d >= minGrowth || d <= -minGrowth {
			pkgs = append(pkgs, p)
		}
	}
	slices.SortFunc(pkgs, func(a, b string) int {
		if d := (app[b] - base[b]) - (app[a] - base[a]); d != 0 {
			return int(d)
		}
		return strings.Compare(a, b)
	})
	for _, p := range pkgs {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", p, kb(app[p]), kb(base[p]), kb(app[p]-base[p]))
	}
	fmt.Fprintf(w, "\n(%d more packages, each within %.0f KB of the baseline's)\n", len(all)-len(pkgs), float64(minGrowth)/1e3)
}
