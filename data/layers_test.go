package data_test

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The domain (package data) is the bottom layer: it may use the standard
// library and uuid only, so it never reaches storage, the browser or the UI.
// Storage (package data/store) sits on it and may add package data, never
// go-app or syscall/js, so both run and are tested natively. The packages
// are listed for the browser's GOOS/GOARCH as well, where a file built only
// for js could bring syscall/js in.
func TestLayers(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the packages' imports: %v", err)
	}
	const (
		domain  = "unknot/data"
		storage = "unknot/data/store"
		uuid    = "github.com/google/uuid"
	)
	for _, target := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		name := "native"
		if target != nil {
			name = strings.Join(target, " ")
		}
		t.Run(name, func(t *testing.T) {
			for _, imp := range deps(t, goCmd, target, domain) {
				if imp.path == "syscall/js" && len(imp.ours) > 0 {
					t.Errorf("package data imports syscall/js (through %s); the domain must not need the browser", strings.Join(imp.ours, ", "))
				}
				if !imp.standard && imp.path != uuid && imp.path != domain {
					t.Errorf("package data imports %s (through %s); the domain may import only the standard library and %s", imp.path, imp.from(domain), uuid)
				}
			}
			for _, imp := range deps(t, goCmd, target, storage) {
				switch {
				case imp.path == "syscall/js" && len(imp.ours) > 0:
					t.Errorf("package store imports syscall/js (through %s); storage must not need the browser", strings.Join(imp.ours, ", "))
				case strings.HasPrefix(imp.path, "github.com/maxence-charriere/go-app"):
					t.Errorf("package store imports %s (through %s); storage must not need the browser or the UI", imp.path, imp.from(storage))
				case !imp.standard && imp.path != uuid && imp.path != domain && imp.path != storage:
					t.Errorf("package store imports %s (through %s); storage may import only the standard library, %s and %s", imp.path, imp.from(storage), uuid, domain)
				}
			}
			// The domain's own tests, internal and external, leave storage
			// out too: a domain test that needs it belongs in store.
			for _, field := range []string{"TestImports", "XTestImports"} {
				out := goList(t, goCmd, target, "-f", "{{join ."+field+" \"\\n\"}}", domain)
				if slices.Contains(strings.Fields(out), storage) {
					t.Errorf("the tests of package data import %s (%s); move the test to package store", storage, field)
				}
			}
		})
	}
}

// dep is a package that another depends on, directly or not.
type dep struct {
	path     string
	standard bool
	// importers are the packages in the listing that import path directly;
	// ours are those of them outside the standard library (in js/wasm the
	// standard library's syscall and time import syscall/js themselves).
	importers, ours []string
}

// from names who brings d in, for the message.
func (d dep) from(root string) string {
	if len(d.importers) == 0 {
		return root
	}
	return strings.Join(d.importers, ", ")
}

// deps lists every package that pkg depends on for the given target, with
// the packages that import each.
func deps(t *testing.T, goCmd string, target []string, pkg string) []dep {
	t.Helper()
	out := goList(t, goCmd, target, "-deps", "-f", "{{.ImportPath}}|{{.Standard}}|{{join .Imports \",\"}}", pkg)
	var list []dep
	importers := map[string][]string{}
	for line := range strings.Lines(out) {
		parts := strings.SplitN(strings.TrimSpace(line), "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list printed %q, not path|standard|imports", line)
		}
		list = append(list, dep{path: parts[0], standard: parts[1] == "true"})
		for _, imp := range strings.Split(parts[2], ",") {
			if imp != "" {
				importers[imp] = append(importers[imp], parts[0])
			}
		}
	}
	if len(list) == 0 {
		t.Fatalf("go list found no packages for %s", pkg)
	}
	standard := map[string]bool{}
	for _, d := range list {
		standard[d.path] = d.standard
	}
	for i := range list {
		list[i].importers = importers[list[i].path]
		for _, imp := range list[i].importers {
			if !standard[imp] {
				list[i].ours = append(list[i].ours, imp)
			}
		}
	}
	return list
}

// goList runs go list with args for the given target (GOOS and GOARCH
// settings, or nil for this machine) and returns what it printed.
func goList(t *testing.T, goCmd string, target []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(goCmd, append([]string{"list"}, args...)...)
	cmd.Env = append(os.Environ(), target...)
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg += ": " + string(ee.Stderr)
		}
		t.Fatalf("go list %s: %s", strings.Join(args, " "), msg)
	}
	return string(out)
}
