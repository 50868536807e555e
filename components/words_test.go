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

// TestWordsAreOurOwn checks that no sentence of the source article, and
// nothing of its advert, is in the words of any screen: every string
// written in the code under components/, whichever table or package it is
// in.
func TestWordsAreOurOwn(t *testing.T) {
	seed, err := os.ReadFile("/work/shared/seed/back-muscle-cramp-exercises.txt")
	if err != nil {
		t.Skip("the source article is not on this machine")
	}
	words := func(s string) []string {
		return strings.Fields(regexp.MustCompile(`[^a-z0-9 ]+`).ReplaceAllString(strings.ToLower(s), " "))
	}
	const n = 7 // a run of seven words in common is a copied phrase
	runs := map[string]bool{}
	sw := words(string(seed))
	for i := 0; i+n <= len(sw); i++ {
		runs[strings.Join(sw[i:i+n], " ")] = true
	}
	texts := screenStrings(t)
	if len(texts) < 500 {
		t.Fatalf("read %d strings; the screens have more than 500", len(texts))
	}
	advert := regexp.MustCompile(`(?i)cbd|ayurved|chondroprotect|\boils?\b|\bdrops\b`)
	for _, s := range texts {
		w := words(s)
		for i := 0; i+n <= len(w); i++ {
			if run := strings.Join(w[i:i+n], " "); runs[run] {
				t.Errorf("%q repeats the article: %q", s, run)
			}
		}
		if advert.MatchString(s) {
			t.Errorf("%q mentions the article's advert", s)
		}
	}
}

// screenStrings returns every string literal in the non-test Go files
// under components/.
func screenStrings(tb testing.TB) []string {
	tb.Helper()
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
