package data_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The domain (package data) is the bottom layer: it may use the standard
// library, uuid and its one helper, data/internal/sorted (itself standard
// library only), so it never reaches storage, the browser or the UI.
// Storage (package data/store, with its own internal packages such as its
// JSON reader, store/internal/jsonwire) sits on it and may add package data,
// never go-app or syscall/js, so both run and are tested natively; so may
// nothing else under data/. The packages are listed for the browser's
// GOOS/GOARCH as well, where a file built only for js could bring
// syscall/js in.
//
// The screens sit above, under components/, grouped by feature: guide (home
// and the reading pages), player, history, report (History's printable
// page), routines and settings. A feature
// may use ui (the shell, the elements and the widgets two features show),
// webapi (the browser's APIs), svg, the runner, data and store, never
// another feature: what two features share moves down into ui. ui may use
// webapi but no feature; webapi no screen at all. The runner runs a session
// without go-app. The figure's drawing (skeleton) and the tests' kit
// (internal/uitest) never reach app.wasm. Only package components, the
// route table, names every feature. No exception remains.
func TestLayers(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the packages' imports: %v", err)
	}
	const (
		domain  = "unknot/data"
		storage = "unknot/data/store"
		uuid    = "github.com/google/uuid"
		sorted  = "unknot/data/internal/sorted"
	)
	const components = "unknot/components"
	features := []string{"guide", "history", "player", "report", "routines", "settings"}
	isFeature := func(path string) bool {
		for _, f := range features {
			if path == components+"/"+f {
				return true
			}
		}
		return false
	}
	// aboveUI is what no ui, webapi or feature package may reach: a
	// feature, the route table, the figure's drawing, the tests' kit.
	aboveUI := func(path string) bool {
		return isFeature(path) || path == components || path == components+"/skeleton" ||
			strings.HasPrefix(path, components+"/internal/")
	}
	// plain is what any package under data/ may use: the standard library
	// but for syscall/js (which the standard library's own syscall and
	// time use in js/wasm), and packages that do not reach the browser.
	plain := func(d dep) bool {
		return !(d.path == "syscall/js" && len(d.ours) > 0) && !strings.HasPrefix(d.path, "github.com/maxence-charriere/go-app")
	}
	rules := []struct {
		pkgs    []string
		allowed func(dep) bool
		rule    string
	}{
		{[]string{domain}, func(d dep) bool {
			return plain(d) && (d.standard || d.path == uuid || d.path == domain || d.path == sorted)
		},
			"package data may import only the standard library, " + uuid + " and " + sorted},
		{[]string{sorted}, func(d dep) bool { return plain(d) && (d.standard || d.path == sorted) },
			sorted + " imports only the standard library"},
		{[]string{storage + "/..."}, func(d dep) bool {
			return plain(d) && (d.standard || d.path == uuid || d.path == domain || d.path == sorted || d.path == storage || strings.HasPrefix(d.path, storage+"/internal/"))
		}, "package store and its internal packages may import only the standard library, " + uuid + ", " + domain + ", " + sorted + " and store's internal packages"},
		{[]string{"unknot/data/..."}, plain, "nothing under data/ may need the browser or the UI"},
		// The domain's tests, with the helpers they share with store's
		// (data/internal/datatest), leave storage out as well: a domain
		// test that needs it belongs in store.
		{[]string{"-test", domain}, func(d dep) bool {
			// A package the tests compile anew shows as "path [unknot/data.test]".
			return d.path != storage && !strings.HasPrefix(d.path, storage+" ")
		}, "the tests of package data must not use package store"},
		{[]string{components + "/ui"}, func(d dep) bool { return !aboveUI(d.path) },
			"package ui may import webapi, svg, data and store, never a feature, the route table or the figure's drawing"},
		{[]string{components + "/webapi"}, func(d dep) bool { return !aboveUI(d.path) && d.path != components+"/ui" },
			"package webapi wraps the browser's APIs and imports no screen"},
		{[]string{components + "/svg"}, func(d dep) bool { return d.path == components+"/svg" || !strings.HasPrefix(d.path, "unknot/") },
			"package svg imports nothing of Unknot"},
		{[]string{components + "/runner"}, func(d dep) bool {
			return plain(d) && (d.standard || d.path == uuid || d.path == domain || d.path == sorted || d.path == components+"/runner")
		}, "the runner runs a session without go-app: the standard library, uuid and " + domain + " only"},
		{[]string{"unknot/app"}, func(d dep) bool {
			return d.path != components+"/skeleton" && !strings.HasPrefix(d.path, components+"/internal/")
		}, "the figure's drawing and the tests' kit stay out of the app"},
	}
	for _, f := range features {
		rules = append(rules, struct {
			pkgs    []string
			allowed func(dep) bool
			rule    string
		}{[]string{components + "/" + f}, func(d dep) bool { return d.path == components+"/"+f || !aboveUI(d.path) },
			"a feature (" + f + ") may import ui, webapi, svg, the runner, data and store, never another feature or the route table"})
	}
	for _, target := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		name := "native"
		if target != nil {
			name = strings.Join(target, " ")
		}
		t.Run(name, func(t *testing.T) {
			for _, r := range rules {
				for _, d := range deps(t, goCmd, target, r.pkgs...) {
					if !r.allowed(d) {
						t.Errorf("%s is imported by %s: %s", d.path, d.from(), r.rule)
					}
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

// from names the packages that bring d in, for a message: those of ours
// when there are some.
func (d dep) from() string {
	if len(d.ours) > 0 {
		return strings.Join(d.ours, ", ")
	}
	return strings.Join(d.importers, ", ")
}

// deps lists every package that the packages named by args (go list's
// flags and patterns) depend on for the given target, with the packages
// that import each.
func deps(t *testing.T, goCmd string, target []string, args ...string) []dep {
	t.Helper()
	out := goList(t, goCmd, target, append([]string{"-deps", "-f", "{{.ImportPath}}|{{.Standard}}|{{join .Imports \",\"}}"}, args...)...)
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
		t.Fatalf("go list found no packages for %s", strings.Join(args, " "))
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
