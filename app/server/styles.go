package server

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// stylesheet is one stylesheet a page carries inline: the address its link
// named, and its text.
type stylesheet struct{ href, text string }

// stylesheets returns the stylesheets the pages link to, go-app's /app.css
// and then the handler's Styles, in that order, when the site has its
// pages carry them inline (Site.InlineStyles); otherwise none.
//
// A page whose stylesheets are links cannot draw until they have come: in
// headless Chromium under Lighthouse, a first frame later than about 200 ms
// after the navigation is held back a full second (docs/performance.md,
// "Why the first paint was held back, and the fix"). Inline, the page
// draws as it is parsed.
func (s Site) stylesheets() ([]stylesheet, error) {
	if !s.InlineStyles {
		return nil, nil
	}
	web, err := s.web()
	if err != nil {
		return nil, err
	}
	appCSS, err := generated(s.Handler, "/app.css")
	if err != nil {
		return nil, err
	}
	// Serving initialized the handler: its Styles are now every
	// stylesheet its pages link to, in their order, /app.css first.
	var sheets []stylesheet
	for _, href := range s.Handler.Styles {
		if href == "/app.css" {
			sheets = append(sheets, stylesheet{href, string(appCSS)})
			continue
		}
		if !web.ships(href) {
			return nil, fmt.Errorf("the stylesheet %s is no file under web/: only the app's own can go inline", href)
		}
		f, _, err := web.open(href)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", href, err)
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", href, err)
		}
		sheets = append(sheets, stylesheet{href, string(b)})
	}
	for _, sheet := range sheets {
		if err := inlinable(sheet); err != nil {
			return nil, err
		}
	}
	return sheets, nil
}

// cssURL matches the address of a url() in a stylesheet.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'"\s)]*)`)

// inlinable refuses a stylesheet that would read differently inline: one
// that ends the style element early, or names files relative to its own
// address, which would then resolve against the page's.
func inlinable(sheet stylesheet) error {
	if strings.Contains(strings.ToLower(sheet.text), "</style") {
		return fmt.Errorf("the stylesheet %s contains \"</style\": it cannot go inline", sheet.href)
	}
	for _, m := range cssURL.FindAllStringSubmatch(sheet.text, -1) {
		addr := m[1]
		fromRoot := strings.HasPrefix(addr, "/") && !strings.HasPrefix(addr, "//")
		if !fromRoot && !strings.HasPrefix(addr, "data:") && !strings.HasPrefix(addr, "#") {
			return fmt.Errorf("the stylesheet %s names %q relative to its own address: it cannot go inline", sheet.href, addr)
		}
	}
	return nil
}

// linkElement matches a link element and the line end after it; go-app
// writes attributes in no fixed order.
var linkElement = regexp.MustCompile(`<link\s[^>]*>\n?`)

// linkAttr matches an attribute of a link element.
var linkAttr = regexp.MustCompile(`\b(rel|href)="([^"]*)"`)

// inlineStyles returns page with each link to one of sheets replaced by a
// style element holding its text, and each preload of one removed.
func inlineStyles(page []byte, sheets []stylesheet) []byte {
	if len(sheets) == 0 {
		return page
	}
	text := map[string]string{}
	for _, sheet := range sheets {
		text[sheet.href] = sheet.text
	}
	return linkElement.ReplaceAllFunc(page, func(link []byte) []byte {
		var rel, href string
		for _, m := range linkAttr.FindAllSubmatch(link, -1) {
			if string(m[1]) == "rel" {
				rel = string(m[2])
			} else {
				href = string(m[2])
			}
		}
		css, ok := text[href]
		switch {
		case !ok:
			return link
		case rel == "stylesheet":
			return []byte("<style>" + css + "</style>\n")
		case rel == "preload":
			return nil
		}
		return link
	})
}
