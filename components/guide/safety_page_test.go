package guide

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/data"
)

func TestSafetyPageListsRedFlagsAndWhatToDo(t *testing.T) {
	html := uitest.RenderAt(t, &SafetyPage{}, "/safety")
	uitest.MustContain(t, html, ui.PageText.SafetyLead, "not medical advice", data.Disclaimer,
		"999", "112", "911", "emergency department", "urgent appointment",
		"sharply worse", "hurt does not always mean harm", "Stay as active", "healthcare professional",
		`id="page-emergency-list"`, `id="page-urgent-list"`, `href="/symptoms"`)
	for _, list := range [][]string{ui.PageText.Emergency, ui.PageText.Urgent, ui.PageText.While, ui.PageText.Professional} {
		uitest.MustContain(t, html, list...)
	}
	// The red flags of the clinical notes, each named.
	for _, flag := range []string{"genitals or buttocks", "bladder or bowels", "both legs", "Chest pain",
		"serious accident", "high temperature", "losing weight", "lump", "worse at night",
		"sexual function", "foot drop", "difficulty walking", "had cancer", "immune system", "steroid",
		"inject drugs", "osteoporosis", "small fall", "upper back", "under 20 or over 50"} {
		uitest.MustContain(t, html, flag)
	}
	// Every number to call is one tap away, with its words kept.
	uitest.MustContain(t, html, `href="tel:999"`, `href="tel:112"`, `href="tel:911"`, `href="tel:111"`)
	uitest.MustContainWords(t, html, ui.PageText.EmergencyLead, ui.PageText.UrgentLead)
	// The article Unknot follows is named where "the source article" leads.
	uitest.MustContain(t, html, `id="source"`, ui.PageText.SourceTitle, ui.PageText.SourceText)
}

func TestSymptomsPage(t *testing.T) {
	html := uitest.RenderAt(t, &SymptomsPage{}, "/symptoms")
	uitest.MustContain(t, html, data.Symptoms...)
	uitest.MustContain(t, html, data.Advice...)
	uitest.MustContain(t, html, ui.PageText.SeeProfessional, `href="/safety"`, data.Disclaimer)
}

// TestPageTextIsOurOwn checks that no sentence of the source article, and
// nothing of its advert, is in the words of these screens.
func TestPageTextIsOurOwn(t *testing.T) {
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
	var texts []string
	v := reflect.ValueOf(ui.PageText)
	for i := 0; i < v.NumField(); i++ {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			texts = append(texts, f.String())
		case reflect.Slice:
			texts = append(texts, f.Interface().([]string)...)
		}
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
