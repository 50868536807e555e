package ui

import (
	"reflect"
	"testing"
)

func TestSplitLinks(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []textLink
	}{
		{"no numbers here", []textLink{{text: "no numbers here"}}},
		{"Call 999 (UK), 112 (Europe) or 911 (US and Canada).", []textLink{
			{text: "Call "}, {text: "999", href: "tel:999"}, {text: " (UK), "}, {text: "112", href: "tel:112"},
			{text: " (Europe) or "}, {text: "911", href: "tel:911"}, {text: " (US and Canada)."},
		}},
		{"your GP or NHS 111, if", []textLink{{text: "your GP or NHS "}, {text: "111", href: "tel:111"}, {text: ", if"}}},
		// a number inside a longer one is not a phone number
		{"1999 and 9110", []textLink{{text: "1999 and 9110"}}},
		{"999", []textLink{{text: "999", href: "tel:999"}}},
		{"what the source article suggests", []textLink{{text: "what the "}, {text: "source article", href: sourceHref}, {text: " suggests"}}},
	} {
		if got := splitLinks(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitLinks(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
