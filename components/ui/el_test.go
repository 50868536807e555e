package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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

// TestElementSpecs reads every spec written in the screens of every package
// under components/ and
// checks that it says what its author meant: a known tag, an id, classes
// and attributes that are not empty, and nothing the reader cannot split.
func TestElementSpecs(t *testing.T) {
	builders := map[string]bool{"El": true, "Elt": true, "Elx": true, "Eltx": true, "Void": true}
	tagRe := regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	nameRe := regexp.MustCompile(`^[a-zA-Z_][-a-zA-Z0-9_:]*$`)
	files, _ := filepath.Glob("../*/*.go")
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
		inUI := filepath.Base(filepath.Dir(path)) == "ui"
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			c, ok := node.(*ast.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			var name string
			switch fun := c.Fun.(type) {
			case *ast.Ident: // in package ui
				if inUI {
					name = fun.Name
				}
			case *ast.SelectorExpr: // ui.El and the others
				if x, ok := fun.X.(*ast.Ident); ok && x.Name == "ui" {
					name = fun.Sel.Name
				}
			}
			lit, isLit := c.Args[0].(*ast.BasicLit)
			if !builders[name] || !isLit || lit.Kind != token.STRING {
				return true
			}
			spec, _ := strconv.Unquote(lit.Value)
			where := fset.Position(c.Pos()).String()
			n++
			tag, rest := specTag(spec)
			if !tagRe.MatchString(tag) || !htmlTags[tag] {
				t.Errorf("%s: %q: tag %q is not a known HTML tag", where, spec, tag)
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
				} else if !takesAttr(tag, k) {
					t.Errorf("%s: %q: %s takes no attribute %q", where, spec, tag, k)
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

// htmlTags are the tags a spec may name.
var htmlTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`a article aside button caption dd details div dl dt em fieldset figcaption
		figure footer form h1 h2 h3 h4 header input label legend li main nav ol option output p code
		progress section select small span strong summary table tbody td textarea tfoot th thead
		time tr ul`) {
		htmlTags[t] = true
	}
}

// htmlAttrs are the attributes each tag takes besides the global ones.
var htmlAttrs = map[string]string{
	"a":        "href download rel target",
	"button":   "type disabled name value",
	"details":  "open",
	"form":     "novalidate",
	"input":    "type name value min max step checked disabled required accept autocomplete inputmode maxlength placeholder",
	"label":    "for",
	"ol":       "start",
	"option":   "value selected disabled",
	"output":   "for",
	"progress": "max value",
	"select":   "name disabled required autocomplete",
	"td":       "colspan rowspan",
	"textarea": "name rows maxlength placeholder autocomplete",
	"th":       "scope colspan rowspan",
	"time":     "datetime",
}

// takesAttr reports whether tag takes the attribute name.
func takesAttr(tag, name string) bool {
	switch name {
	case "id", "class", "role", "hidden", "tabindex", "title", "lang":
		return true
	}
	if strings.HasPrefix(name, "aria-") || strings.HasPrefix(name, "data-") {
		return true
	}
	return slices.Contains(strings.Fields(htmlAttrs[tag]), name)
}

func TestElementSpecContract(t *testing.T) {
	for _, c := range []struct {
		tag, attr string
		ok        bool
	}{
		{"divv", "", false},
		{"div", "role", true},
		{"a", "href", true},
		{"div", "href", false},
		{"a", "hreff", false},
		{"button", "aria-pressed", true},
		{"textarea", "rows", true},
	} {
		if c.attr == "" {
			if htmlTags[c.tag] != c.ok {
				t.Errorf("tag %q known: %v, want %v", c.tag, htmlTags[c.tag], c.ok)
			}
			continue
		}
		if got := takesAttr(c.tag, c.attr); got != c.ok {
			t.Errorf("%s takes %s: %v, want %v", c.tag, c.attr, got, c.ok)
		}
	}
}
