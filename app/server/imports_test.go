package server

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestServesAnyApp checks that the server imports nothing of Unknot: what it
// needs of an app (its pages, its scripts) comes in a Site, so the
// benchmark's baseline is served by this same code.
func TestServesAnyApp(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "unknot" || strings.HasPrefix(path, "unknot/") {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
