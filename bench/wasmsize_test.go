package main

import "testing"

func TestPackageOf(t *testing.T) {
	pkgs := map[string]string{}
	for _, p := range []string{"unknot/components/guide", "unknot/components", "runtime", "encoding/json", "slices",
		"unknot/data", "github.com/maxence-charriere/go-app/v9/pkg/app", "github.com/maxence-charriere/go-app/v9/pkg/errors", "main"} {
		pkgs[linkerName(p)] = p
	}
	for fn, want := range map[string]string{
		"unknot_components_guide.__Home_.Render":                         "unknot/components/guide",
		"unknot_components.RegisterRoutes":                               "unknot/components",
		"runtime.mallocgc":                                               "runtime",
		"github.com_maxence_charriere_go_app_v9_pkg_app.__engine_.Mount": "github.com/maxence-charriere/go-app/v9/pkg/app",
		"github.com_maxence_charriere_go_app_v9_pkg_errors.makeError":    "github.com/maxence-charriere/go-app/v9/pkg/errors",
		"encoding_json.__decodeState_.object":                            "encoding/json",
		"slices.SortFunc_go.shape.__string_go.shape.string_":             "slices",
		"unknot_data.Plan.Segments.func1":                                "unknot/data",
		"type_.eq.unknot_data.Plan":                                      "(compiler)",
		"main.main":                                                      "main",
		"wasm_export_run":                                                "(other)",
		"":                                                               "(unnamed)",
	} {
		if got := packageOf(fn, pkgs); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", fn, got, want)
		}
	}
}

func TestPackageGroup(t *testing.T) {
	for pkg, want := range map[string]string{
		"unknot/data/store": "the app's own",
		"main":              "the app's own",
		"github.com/maxence-charriere/go-app/v9/pkg/app": "go-app",
		"runtime":                "Go's runtime and standard library",
		"net/http":               "Go's runtime and standard library",
		"github.com/google/uuid": "other modules",
		"(compiler)":             "compiler-made",
	} {
		if got := packageGroup(pkg); got != want {
			t.Errorf("packageGroup(%q) = %q, want %q", pkg, got, want)
		}
	}
}
