package guide

import (
	"testing"

	"unknot/components/internal/uitest"
	"unknot/components/ui"
	"unknot/data"
)

func TestSafetyPageListsRedFlagsAndWhatToDo(t *testing.T) {
	html := uitest.RenderAt(t, &SafetyPage{}, "/safety")
	uitest.MustContain(t, html, text.SafetyLead, "not medical advice", data.Disclaimer,
		"999", "112", "911", "emergency department", "urgent appointment",
		"sharply worse", "unlikely to make back pain worse", "Stay as active", "healthcare professional",
		`id="page-emergency-list"`, `id="page-urgent-list"`, `href="/symptoms"`)
	for _, list := range [][]string{ui.Text.Emergency, ui.Text.Urgent, text.While, ui.Text.Professional} {
		uitest.MustContainWords(t, html, list...)
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
	uitest.MustContainWords(t, html, ui.Text.EmergencyLead, ui.Text.UrgentLead)
	// The article Unknot follows is named where "the source article" leads.
	uitest.MustContain(t, html, `id="source"`, text.SourceTitle, "“Back Muscle Cramping Up? Know Easy Exercises to Treat It at Work or Home”, published on 24 April 2025")
}

func TestSymptomsPage(t *testing.T) {
	html := uitest.RenderAt(t, &SymptomsPage{}, "/symptoms")
	uitest.MustContain(t, html, data.Symptoms...)
	uitest.MustContain(t, html, data.Advice...)
	uitest.MustContain(t, html, text.SeeProfessional, `href="/safety"`, data.Disclaimer)
}
