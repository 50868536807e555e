package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sourceHref is where the Safety page names the article Unknot's exercises
// and numbers come from.
const sourceHref = "/safety#source"

// textLink is one run of a sentence: plain text, or a link when href is set.
type textLink struct{ text, href string }

// phoneNumbers are the emergency and helpline numbers the safety texts
// name: someone in that much pain should reach them with one tap.
var phoneNumbers = []string{"999", "112", "911", "111"}

// splitLinks cuts s into plain runs and links: each phone number standing
// alone (not inside a longer number) becomes a tel: link, and "source
// article" a link to where the article is named.
func splitLinks(s string) []textLink {
	var out []textLink
	plain := 0
	for i := 0; i < len(s); {
		tok, href := linkAt(s, i)
		if tok == "" {
			i++
			continue
		}
		if plain < i {
			out = append(out, textLink{text: s[plain:i]})
		}
		out = append(out, textLink{text: tok, href: href})
		i += len(tok)
		plain = i
	}
	if plain < len(s) {
		out = append(out, textLink{text: s[plain:]})
	}
	return out
}

// linkAt is the link that starts at s[i], if any.
func linkAt(s string, i int) (tok, href string) {
	const source = "source article"
	if strings.HasPrefix(s[i:], source) {
		return source, sourceHref
	}
	if i > 0 && isDigit(s[i-1]) {
		return "", ""
	}
	for _, n := range phoneNumbers {
		end := i + len(n)
		if strings.HasPrefix(s[i:], n) && (end == len(s) || !isDigit(s[end])) {
			return n, "tel:" + n
		}
	}
	return "", ""
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// Linked is an element from its spec whose text has its phone numbers and
// the source article as links.
func Linked(spec, s string) app.UI {
	runs := splitLinks(s)
	if len(runs) == 1 && runs[0].href == "" {
		return Elt(spec, s)
	}
	return El(spec, app.Range(runs).Slice(func(i int) app.UI {
		if runs[i].href == "" {
			return app.Text(runs[i].text)
		}
		return Eltx("a.inline-link", runs[i].text).Attr("href", runs[i].href)
	}))
}
