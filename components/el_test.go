package components

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestElementSpecAttributes(t *testing.T) {
	tag, rest := specTag("a#home.button.primary[href=/][aria-label=Go home, now]")
	if tag != "a" {
		t.Fatalf("tag %q, want a", tag)
	}
	var got []string
	for rest != "" {
		var k, v string
		k, v, rest = specAttr(rest)
		got = append(got, k+"="+v)
	}
	want := "id=home|class=button|class=primary|href=/|aria-label=Go home, now"
	if strings.Join(got, "|") != want {
		t.Errorf("attributes %q, want %q", strings.Join(got, "|"), want)
	}
	if tag, rest := specTag("p"); tag != "p" || rest != "" {
		t.Errorf("a bare tag reads as %q %q", tag, rest)
	}
}

// TestElementSpecs reads every spec written in the package's screens and
// checks that it says what its author meant: a known tag, an id, classes
// and attributes that are not empty, and nothing the reader cannot split.
func TestElementSpecs(t *testing.T) {
	builders := map[string]bool{"el": true, "elt": true, "elx": true, "eltx": true, "void": true}
	tagRe := regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	nameRe := regexp.MustCompile(`^[a-zA-Z_][-a-zA-Z0-9_:]*$`)
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			c, ok := node.(*ast.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			id, ok := c.Fun.(*ast.Ident)
			lit, isLit := c.Args[0].(*ast.BasicLit)
			if !ok || !builders[id.Name] || !isLit || lit.Kind != token.STRING {
				return true
			}
			spec, _ := strconv.Unquote(lit.Value)
			where := fset.Position(c.Pos()).String()
			n++
			tag, rest := specTag(spec)
			if !tagRe.MatchString(tag) {
				t.Errorf("%s: %q: tag %q", where, spec, tag)
			}
			if strings.Count(spec, "[") != strings.Count(spec, "]") {
				t.Errorf("%s: %q: unbalanced brackets", where, spec)
				return true
			}
			for rest != "" {
				var k, v string
				k, v, rest = specAttr(rest)
				if !nameRe.MatchString(k) {
					t.Errorf("%s: %q: attribute name %q", where, spec, k)
				}
				if (k == "id" || k == "class") && !nameRe.MatchString(v) {
					t.Errorf("%s: %q: %s %q", where, spec, k, v)
				}
			}
			return true
		})
	}
	if n < 300 {
		t.Errorf("read %d specs; the screens have more than 300", n)
	}
}
