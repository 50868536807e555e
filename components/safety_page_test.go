package components

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/data"
	"unknot/data/store"
)

func TestSafetyPageListsRedFlagsAndWhatToDo(t *testing.T) {
	html := renderAt(t, &SafetyPage{}, "/safety")
	mustContain(t, html, pageText.SafetyLead, "not medical advice", data.Disclaimer,
		"999", "112", "911", "emergency department", "urgent appointment",
		"sharply worse", "hurt does not always mean harm", "Stay as active", "healthcare professional",
		`id="page-emergency-list"`, `id="page-urgent-list"`, `href="/symptoms"`)
	for _, list := range [][]string{pageText.Emergency, pageText.Urgent, pageText.While, pageText.Professional} {
		mustContain(t, html, list...)
	}
	// The red flags of the clinical notes, each named.
	for _, flag := range []string{"genitals or buttocks", "bladder or bowels", "both legs", "Chest pain",
		"serious accident", "high temperature", "losing weight", "lump", "worse at night",
		"sexual function", "foot drop", "difficulty walking", "had cancer", "immune system", "steroid",
		"inject drugs", "osteoporosis", "small fall", "upper back", "under 20 or over 50"} {
		mustContain(t, html, flag)
	}
	// Every number to call is one tap away, with its words kept.
	mustContain(t, html, `href="tel:999"`, `href="tel:112"`, `href="tel:911"`, `href="tel:111"`)
	mustContainWords(t, html, pageText.EmergencyLead, pageText.UrgentLead)
	// The article Unknot follows is named where "the source article" leads.
	mustContain(t, html, `id="source"`, pageText.SourceTitle, pageText.SourceText)
}

// The gate before the first session calls with one tap too.
func TestSafetyGateNumbersCall(t *testing.T) {
	html := renderAt(t, &SafetyGate{}, "/")
	mustContain(t, html, `href="tel:999"`, `href="tel:112"`, `href="tel:911"`)
	mustContainWords(t, html, pageText.EmergencyLead)
}

// visibleText is html without its tags and with no white space at all: the
// rendered HTML indents the text around a link, so the words a person reads
// are compared through squeezed, the way mustContainWords does.
func visibleText(html string) string {
	return squeeze(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, ""))
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// mustContainWords fails for every sentence of want not shown on the page
// of html, links or not.
func mustContainWords(tb testing.TB, html string, want ...string) {
	tb.Helper()
	text := visibleText(html)
	for _, w := range want {
		if !strings.Contains(text, squeeze(w)) {
			tb.Errorf("page does not read %q", w)
		}
	}
}

func TestSymptomsPage(t *testing.T) {
	html := renderAt(t, &SymptomsPage{}, "/symptoms")
	mustContain(t, html, data.Symptoms...)
	mustContain(t, html, data.Advice...)
	mustContain(t, html, pageText.SeeProfessional, `href="/safety"`, data.Disclaimer)
}

// gateRig mounts a SafetyGate on st and records the action it fires.
func gateRig(tb testing.TB, st store.Storage) (*compoRig, *SafetyGate, *caught) {
	tb.Helper()
	g := &SafetyGate{st: st}
	r := newCompoRig(tb, g, "/session/morning")
	return r, g, r.catch(safetyAcceptedAction)
}

func TestSafetyGateRemembersTheAnswer(t *testing.T) {
	st := &store.MemoryStorage{}
	before := data.DefaultSettings()
	before.Theme, before.RestSeconds = data.ThemeDark, 30
	if err := store.SaveSettings(st, before); err != nil {
		t.Fatal(err)
	}
	r, g, fired := gateRig(t, st)
	mustContain(t, r.html(), pageText.GateLead, `id="safety-accept"`, `href="/safety"`)
	mustContain(t, r.html(), pageText.Emergency...)
	r.click(g.onAccept)
	want := before
	want.SafetyAccepted = true
	if got := stored(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("saved %+v, want %+v", got, want)
	}
	if len(fired.values) != 1 {
		t.Errorf("safety-accepted fired %d times, want once", len(fired.values))
	}
}

func TestSafetyGateSaysWhenItCannotSave(t *testing.T) {
	st := &store.MemoryStorage{}
	st.SetRaw(store.SettingsKey, `{"schema":7}`)
	r, g, fired := gateRig(t, st)
	r.click(g.onAccept)
	mustContain(t, r.html(), "could not be saved", "asked again next time")
	if len(fired.values) != 1 {
		t.Errorf("safety-accepted fired %d times, want once: the person has read the advice", len(fired.values))
	}
	if raw, _ := st.GetRaw(store.SettingsKey); raw != `{"schema":7}` {
		t.Errorf("newer settings overwritten: %s", raw)
	}
}

func TestSafetyAcceptedReadsTheSettings(t *testing.T) {
	st := freshAppStorage(t)
	var got []bool
	r := newCompoRig(t, &SafetyPage{}, "/safety")
	check := func() { r.do(func(ctx app.Context) { got = append(got, safetyAccepted(ctx)) }) }
	check()
	s := data.DefaultSettings()
	s.SafetyAccepted = true
	if err := store.SaveSettings(st, s); err != nil {
		t.Fatal(err)
	}
	check()
	st.SetRaw(store.SettingsKey, `{damaged`)
	check()
	if want := []bool{false, true, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// freshAppStorage gives appStorage an empty store for the test.
func freshAppStorage(tb testing.TB) *store.MemoryStorage {
	tb.Helper()
	old := memoryStorage
	memoryStorage = &store.MemoryStorage{}
	tb.Cleanup(func() { memoryStorage = old })
	return memoryStorage
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
	v := reflect.ValueOf(pageText)
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
