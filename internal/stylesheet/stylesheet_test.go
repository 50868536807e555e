package stylesheet_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"unknot/internal/stylesheet"
)

// The pages load web/app.css alone: a part edited without make gen, or a
// stylesheet added under components/ and not listed, would not reach them.
func TestTheServedStylesheetIsTheJoinedParts(t *testing.T) {
	want, err := stylesheet.Join("../..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(stylesheet.Output)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("web/app.css is not the stylesheet's parts joined: run make gen")
	}

	var found []string
	err = filepath.WalkDir("../../components", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".css") {
			rel, _ := filepath.Rel("../../components", p)
			found = append(found, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range found {
		if !slices.Contains(stylesheet.Parts, p) {
			t.Errorf("components/%s is not one of the stylesheet's parts (stylesheet.Parts), so no page gets it", p)
		}
	}
}

// A part is kept by hand, and a file kept by hand stays under 600 lines.
func TestEachPartIsUnder600Lines(t *testing.T) {
	for _, p := range stylesheet.Parts {
		b, err := os.ReadFile(filepath.Join("../../components", filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), "\n"); n > 600 {
			t.Errorf("components/%s has %d lines: split it (and list the new part in its place in stylesheet.Parts)", p, n)
		}
	}
}
