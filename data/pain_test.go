package data_test

import (
	"strings"
	"testing"
	"time"

	"unknot/data"
	"unknot/data/internal/datatest"
)

func TestPainAdviceFor(t *testing.T) {
	const s = time.Second
	// pained is a knee-to-chest session on day n with pain scores.
	pained := func(n, before, after int) data.Record {
		return datatest.ProgSession(n, data.KneeToChest, 2, 5*s, withPain(before, after))
	}
	plain := func(n int) data.Record { return datatest.ProgSession(n, data.KneeToChest, 2, 5*s) }
	stopped := func(n int) data.Record {
		return datatest.ProgSession(n, data.KneeToChest, 2, 5*s, hurt, datatest.LeftPartial)
	}
	evening := func(r data.Record) data.Record {
		r.ID, r.Start, r.End, r.LocalTime = datatest.UUIDFor(r.ID+" evening"), r.Start.Add(11*time.Hour), r.End.Add(11*time.Hour), "19:00"
		return r
	}
	afterOnly := func(n, after int) data.Record {
		return datatest.ProgSession(n, data.KneeToChest, 2, 5*s, func(r *data.Record) { r.PainAfter = data.PainScore(after) })
	}
	cases := []struct {
		scenario string
		history  []data.Record
		want     data.PainAdvice
	}{
		{"no sessions", nil, data.PainFine},
		{"no scores", []data.Record{plain(0)}, data.PainFine},
		{"pain the same", []data.Record{pained(0, 4, 4)}, data.PainFine},
		{"a rise of 1", []data.Record{pained(0, 4, 5)}, data.PainFine},
		{"a rise of 2", []data.Record{pained(0, 4, 6)}, data.PainEaseOff},
		{"6 after", []data.Record{pained(0, 6, 6)}, data.PainFine},
		{"7 after 7", []data.Record{pained(0, 7, 7)}, data.PainEaseOff},
		{"9 after 8", []data.Record{pained(0, 8, 9)}, data.PainEaseOff},
		{"9 after 10: falling, yet high", []data.Record{pained(0, 10, 9)}, data.PainEaseOff},
		{"7 after, nothing before", []data.Record{afterOnly(0, 7)}, data.PainEaseOff},
		{"6 after, nothing before", []data.Record{afterOnly(0, 6)}, data.PainFine},
		{"an earlier rise, fine since", []data.Record{pained(0, 2, 5), pained(1, 3, 3)}, data.PainFine},
		{"rises in 2 of the last 5", []data.Record{pained(0, 2, 5), pained(1, 3, 3), plain(2), pained(3, 3, 3), pained(4, 2, 4)}, data.PainEaseOff},
		{"rises in 3 of the last 5", []data.Record{pained(0, 2, 5), pained(1, 3, 3), pained(2, 1, 3), pained(3, 3, 3), pained(4, 2, 4)}, data.PainPause},
		{"rises in 3 of the last 5, the last fine", []data.Record{pained(0, 2, 5), pained(1, 1, 3), pained(2, 1, 3), pained(3, 3, 3), plain(4)}, data.PainPause},
		{"3 rises, one of them 6 sessions ago", []data.Record{pained(0, 2, 5), pained(1, 3, 3), pained(2, 1, 3), pained(3, 3, 3), plain(4), pained(5, 2, 4)}, data.PainEaseOff},
		{"out of order", []data.Record{pained(4, 2, 4), pained(0, 2, 5), pained(3, 3, 3), pained(2, 1, 3), pained(1, 3, 3)}, data.PainPause},
		// Issue 23: "This hurts" is a pain signal, and counts as a rise
		// toward the pause; a signal earlier in the day still calls for
		// easing off after a later session that day.
		{"This hurts", []data.Record{stopped(0)}, data.PainEaseOff},
		{"This hurts twice, and a rise", []data.Record{stopped(0), pained(1, 2, 5), plain(2), stopped(3)}, data.PainPause},
		{"a rise this morning, fine this evening", []data.Record{pained(0, 2, 5), evening(pained(0, 3, 3))}, data.PainEaseOff},
		{"a rise yesterday, fine today", []data.Record{pained(0, 2, 5), pained(1, 3, 3)}, data.PainFine},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			if got := data.PainAdviceFor(c.history); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestWarningSigns holds the full list of warning signs, each with what to
// do: a sign lost or moved to a milder urgency fails here.
func TestWarningSigns(t *testing.T) {
	want := []struct {
		words   []string
		urgency data.Urgency
	}{
		{[]string{"numbness", "genitals or buttocks"}, data.Emergency},
		{[]string{"passing urine", "bladder or bowels"}, data.Emergency},
		{[]string{"sexual function"}, data.Emergency},
		{[]string{"both legs"}, data.Emergency},
		{[]string{"leg that is getting worse", "foot drop", "difficulty walking"}, data.Emergency},
		{[]string{"chest pain"}, data.Emergency},
		{[]string{"serious accident"}, data.Emergency},
		{[]string{"high temperature"}, data.DoctorSoon},
		{[]string{"losing weight without trying"}, data.DoctorSoon},
		{[]string{"lump", "shape"}, data.DoctorSoon},
		{[]string{"worse at night"}, data.DoctorSoon},
		{[]string{"constant pain", "rest or lie down"}, data.DoctorSoon},
		{[]string{"generally unwell"}, data.DoctorSoon},
		{[]string{"infection", "spinal surgery"}, data.DoctorSoon},
		{[]string{"had cancer"}, data.DoctorSoon},
		{[]string{"immune system", "steroid", "inject drugs"}, data.DoctorSoon},
		{[]string{"osteoporosis", "small fall", "older"}, data.DoctorSoon},
		{[]string{"upper back"}, data.DoctorSoon},
		{[]string{"new", "under 20 or over 50"}, data.DoctorSoon},
	}
	if len(data.WarningSigns) != len(want) {
		t.Errorf("got %d warning signs, want %d", len(data.WarningSigns), len(want))
	}
	for _, w := range want {
		found := false
		for _, s := range data.WarningSigns {
			all := true
			for _, word := range w.words {
				all = all && strings.Contains(strings.ToLower(s.Sign), word)
			}
			if all {
				found = true
				if s.Urgency != w.urgency {
					t.Errorf("%q: got %s, want %s", s.Sign, s.Urgency, w.urgency)
				}
			}
		}
		if !found {
			t.Errorf("no warning sign says %q", w.words)
		}
	}
	if got, want := len(data.Signs(data.Emergency))+len(data.Signs(data.DoctorSoon)), len(data.WarningSigns); got != want {
		t.Errorf("got %d signs with an urgency, want all %d", got, want)
	}
}

// The article's hedging survives: no claim says more than it does.
func TestAdviceHedged(t *testing.T) {
	all := strings.Join(append(append([]string(nil), data.Advice...), data.Symptoms...), "\n")
	for _, absolute := range []string{"will not make", "Most back", "usually eases"} {
		if strings.Contains(all, absolute) {
			t.Errorf("the advice says %q, more than the article", absolute)
		}
	}
	for _, hedged := range []string{"In many cases", "hip or leg"} {
		if !strings.Contains(all, hedged) {
			t.Errorf("the advice lacks %q", hedged)
		}
	}
}
