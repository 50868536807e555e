package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"unknot/data"
	"unknot/data/store"
)

// The report for a physiotherapist or GP (/history/report): what it says,
// that it prints on one page in the worst case, how it prints, and that it
// opens offline. The PDFs are read with poppler-utils (make poppler).

// reportPath is the report's address.
const reportPath = "/history/report"

// printRecorder counts the calls to window.print instead of opening a
// dialog, before any of the page's scripts run.
const printRecorder = `window.__printed = 0; window.print = () => { window.__printed++; };`

// reportNote is a note of data.MaxNoteRunes characters that names its day
// and part of the day in its first words ("Note 12 evening:").
func reportNote(d int, part string) string {
	s := fmt.Sprintf("Note %d %s: ", d, part)
	for utf8.RuneCountInString(s) < data.MaxNoteRunes {
		s += "stiff on waking, easier after the bridge and a walk; "
	}
	return strings.TrimSpace(string([]rune(s)[:data.MaxNoteRunes]))
}

// worstYear is the history the report must still print on one page: a year
// of two sessions a day up to today, each with a note of the longest kind,
// a "This hurts" stop a week, and pain scores before and after the
// mornings and after the evenings.
func worstYear(t *testing.T, today time.Time) []data.Record {
	t.Helper()
	var recs []data.Record
	for d := 364; d >= 0; d-- {
		day := today.AddDate(0, 0, -d)
		recs = append(recs, e2eRecord(t, day, "07:30", d%6 != 0, data.PainScore(3+d%5), data.PainScore(1+d%4), reportNote(d, "morning")))
		evening := e2eRecord(t, day, "19:30", true, nil, data.PainScore(2+d%3), reportNote(d, "evening"))
		if d%7 == 2 {
			evening.Stopped, evening.Complete = data.StoppedHurt, false
			evening.Exercises[0].HoldsDone, evening.Exercises[0].RepsDone = 1, 0
		}
		recs = append(recs, evening)
	}
	return recs
}

// reportTab is a tab of w×h (a phone with touch when mobile) in
// historyZone, whose window.print is recorded.
func reportTab(t *testing.T, w, h int64, mobile bool) *tab {
	t.Helper()
	tb := sizedTab(t, w, h, mobile)
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: historyZone}); err != nil {
		t.Fatalf("setting the time zone: %v", err)
	}
	inject(t, tb, printRecorder)
	return tb
}

// openReport stores recs as the history and opens the report.
func openReport(t *testing.T, tb *tab, base string, recs []data.Record) {
	t.Helper()
	tb.open(t, base, "/")
	setItem(t, tb, store.HistoryKey, storedHistory(t, recs))
	tb.open(t, base, reportPath)
	waitFor(t, tb, `document.getElementById("report-sheet") !== null`, "the report shows")
}

// choosePeriod picks a period and waits until the page says it.
func choosePeriod(t *testing.T, tb *tab, p data.ReportPeriod, label string) {
	t.Helper()
	click(t, tb, "#period-"+string(p))
	waitFor(t, tb, `(document.getElementById("sheet-period") || {}).textContent.startsWith(`+jsString(label+":")+`)`, "the period is "+label)
}

// paper sizes, in inches.
var papers = []struct {
	name string
	w, h float64
}{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}}

// printPDF prints the tab with Page.printToPDF at the given paper size,
// keeps the file under screenshots/ and returns its path.
func printPDF(t *testing.T, tb *tab, name string, w, h float64) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: w, PaperHeight: h})
	if err != nil {
		t.Fatalf("Page.printToPDF: %v", err)
	}
	if err := os.MkdirAll("screenshots", 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("screenshots", name+".pdf")
	if err := os.WriteFile(file, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// poppler runs a poppler-utils tool and returns what it printed.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is missing: make poppler installs poppler-utils", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return string(out)
}

// pdfPages is the page count pdfinfo reads in file.
func pdfPages(t *testing.T, file string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(poppler(t, "pdfinfo", file))
	if m == nil {
		t.Fatalf("pdfinfo %s gives no page count", file)
	}
	return m[1]
}

// pdfText is the text pdftotext takes out of file, its white space
// squeezed to single spaces (a table cell or a note may wrap anywhere).
func pdfText(t *testing.T, file string) string {
	t.Helper()
	return strings.Join(strings.Fields(poppler(t, "pdftotext", "-enc", "UTF-8", file, "-")), " ")
}

// pdfImage renders the first page of file at 50 dpi, keeps it as a PNG
// beside the PDF for people to look at, and returns it.
func pdfImage(t *testing.T, file string) image.Image {
	t.Helper()
	stem := strings.TrimSuffix(file, ".pdf")
	poppler(t, "pdftoppm", "-png", "-r", "50", "-singlefile", file, stem)
	b, err := os.ReadFile(stem + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inkShare is the share of img's pixels that are not near white, and the
// share that are dark (ink).
func inkShare(img image.Image) (notWhite, dark float64) {
	b := img.Bounds()
	var n, nw, dk int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			l := (299*r + 587*g + 114*bl) / 1000 >> 8
			n++
			if l < 235 {
				nw++
			}
			if l < 100 {
				dk++
			}
		}
	}
	return float64(nw) / float64(n), float64(dk) / float64(n)
}

// expectedReport is what the report says for recs on today, made natively
// by the function the page calls.
func expectedReport(recs []data.Record, today time.Time, period data.ReportPeriod, notes bool) data.Report {
	return data.MakeReport(data.DefaultCatalogue(), recs, data.Stamp{LocalDate: today.Format(data.DateLayout)},
		data.ReportRequest{Period: period, Notes: notes})
}

// doseLines are the words the report prints for each exercise: what was
// done on the first and on the last day, or that it was not done.
func doseLines(rep data.Report) []string {
	day := func(date string) string {
		d, _ := time.Parse(data.DateLayout, date)
		return d.Format("2 Jan")
	}
	done := func(e data.Exercise, d data.DoseDone) string {
		if e.PerDay() {
			return fmt.Sprintf("%d in the day, %s", d.Reps, day(d.Date))
		}
		return fmt.Sprintf("%d × %d s, %s", d.Reps, int(d.Hold/time.Second), day(d.Date))
	}
	var out []string
	for _, d := range rep.Doses {
		if d.First.Date == "" {
			out = append(out, d.Exercise.Name+" Not done in this period")
			continue
		}
		out = append(out, d.Exercise.Name+" "+done(d.Exercise, d.First)+" "+done(d.Exercise, d.Last))
	}
	return out
}

// periodLine is how the report names its period: "Last 4 weeks: Tue 24
// Mar 2026 to Mon 20 Apr 2026".
func periodLine(label string, rep data.Report) string {
	day := func(date string) string {
		d, _ := time.Parse(data.DateLayout, date)
		return d.Format("Mon 2 Jan 2006")
	}
	return label + ": " + day(rep.From) + " to " + day(rep.To)
}

var reportPeriods = []struct {
	period data.ReportPeriod
	label  string
}{
	{data.PeriodTwoWeeks, "Last 2 weeks"},
	{data.PeriodFourWeeks, "Last 4 weeks"},
	{data.PeriodThreeMonths, "Last 3 months"},
	{data.PeriodEverything, "Everything"},
}

// TestReportPrintsOnOnePage prints the worst case: a year of two sessions a
// day, each with a note of 280 characters, a "This hurts" stop a week.
// Every period, with and without the notes, makes exactly one page at A4
// and at Letter, whose text (pdftotext) holds the period, the session
// count and the dose lines, and a note only when the notes were ticked.
// Dark or light, the page prints black on white.
func TestReportPrintsOnOnePage(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	recs := worstYear(t, today)
	tb := reportTab(t, 1280, 800, false)
	openReport(t, tb, h.base, recs)
	noteMark := regexp.MustCompile(`Note \d+ (morning|evening):`)

	for _, notes := range []bool{false, true} {
		if notes {
			click(t, tb, "#report-notes")
			waitFor(t, tb, `document.getElementById("sheet-notes") !== null`, "the notes show")
		}
		for _, p := range reportPeriods {
			choosePeriod(t, tb, p.period, p.label)
			want := expectedReport(recs, today, p.period, notes)
			for _, paper := range papers {
				name := fmt.Sprintf("report-%s-notes-%v-%s", p.period, notes, paper.name)
				t.Run(name, func(t *testing.T) {
					file := printPDF(t, tb, name, paper.w, paper.h)
					if n := pdfPages(t, file); n != "1" {
						t.Errorf("%s prints on %s pages, want 1", name, n)
					}
					txt := pdfText(t, file)
					for _, w := range append([]string{
						periodLine(p.label, want),
						"Printed on " + today.Format("Mon 2 Jan 2006"),
						fmt.Sprintf("Sessions %d (%d complete)", want.Stats.Sessions, want.Stats.Complete),
						fmt.Sprintf("Days with a session %d of", want.Stats.Days),
						"a record the person kept themselves in the Unknot app, not a diagnosis",
						data.SourceTitle,
					}, doseLines(want)...) {
						if !strings.Contains(strings.ToLower(txt), strings.ToLower(w)) {
							t.Errorf("the PDF's text lacks %q", w)
						}
					}
					if more := fmt.Sprintf("and %d more, in History", want.MoreStops); want.MoreStops > 0 && !strings.Contains(txt, more) {
						t.Errorf("the PDF's text lacks %q", more)
					}
					found := noteMark.FindAllString(txt, -1)
					switch {
					case !notes && len(found) > 0:
						t.Errorf("notes not ticked, but the PDF holds %v", found)
					case notes && len(found) != len(want.Notes):
						t.Errorf("the PDF holds notes %v, want the %d latest that fit", found, len(want.Notes))
					case notes:
						if latest := reportNote(0, "evening"); !strings.Contains(txt, latest[:60]) {
							t.Errorf("the PDF lacks the latest note, %q", latest[:60])
						}
						if more := fmt.Sprintf("and %d more, in History", want.MoreNotes); !strings.Contains(txt, more) {
							t.Errorf("the PDF lacks %q", more)
						}
					}
					if t.Failed() {
						t.Logf("the PDF's text: %s", txt)
					}
				})
			}
		}
	}

	// It prints light in the dark theme, the system's or the one chosen.
	for _, how := range []string{"system", "chosen"} {
		t.Run("dark-"+how, func(t *testing.T) {
			if how == "system" {
				colourScheme(t, tb, "dark")
			} else {
				colourScheme(t, tb, "light")
				eval[bool](t, tb, `(document.documentElement.dataset.theme = "dark", true)`)
			}
			if bg := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`); bg == "rgb(255, 255, 255)" || bg == "rgb(247, 245, 240)" {
				t.Fatalf("the page is not dark on screen (%s): the test would prove nothing", bg)
			}
			file := printPDF(t, tb, "report-dark-"+how+"-A4", 8.27, 11.69)
			if n := pdfPages(t, file); n != "1" {
				t.Errorf("dark theme: %s pages, want 1", n)
			}
			notWhite, dark := inkShare(pdfImage(t, file))
			t.Logf("dark theme, printed: %.1f%% of the page not white, %.1f%% dark ink", 100*notWhite, 100*dark)
			if notWhite > 0.3 || dark < 0.005 {
				t.Errorf("the page printed in the dark theme is %.0f%% not white with %.1f%% dark ink: not black on white", 100*notWhite, 100*dark)
			}
			if !strings.Contains(pdfText(t, file), "Sessions") {
				t.Error("the dark theme's PDF has no text")
			}
		})
	}
	eval[bool](t, tb, `(delete document.documentElement.dataset.theme, true)`)
	colourScheme(t, tb, "light")
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// emulateMedia sets the CSS media type ("print" or "") and the colour
// scheme the page sees.
func emulateMedia(t *testing.T, tb *tab, media, scheme string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media:    media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}

// TestReportPrintLayout looks at the report in print media
// (Emulation.setEmulatedMedia), light and dark: no navigation, no controls,
// black on white, the sheet alone, rows and list items kept whole.
func TestReportPrintLayout(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	tb := reportTab(t, 794, 1123, false) // an A4 page at 96 dpi
	openReport(t, tb, h.base, sampleHistory(t, today))
	click(t, tb, "#report-notes")
	waitFor(t, tb, `document.getElementById("sheet-notes") !== null`, "the notes show")
	for _, c := range []struct{ name, scheme, theme string }{
		{"light", "light", ""}, {"dark", "dark", ""}, {"dark-chosen", "light", "dark"},
	} {
		t.Run(c.name, func(t *testing.T) {
			eval[bool](t, tb, `((t) => { if (t) document.documentElement.dataset.theme = t; else delete document.documentElement.dataset.theme; return true; })(`+jsString(c.theme)+`)`)
			emulateMedia(t, tb, "", c.scheme)
			screenBg := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`)
			emulateMedia(t, tb, "print", c.scheme)
			got := eval[map[string]any](t, tb, `(() => {
				const shown = (e) => e.getClientRects().length > 0;
				const cs = (sel) => getComputedStyle(document.querySelector(sel));
				return {
					bg: getComputedStyle(document.body).backgroundColor,
					fg: getComputedStyle(document.body).color,
					sheetFg: cs("#report-sheet").color,
					title: cs("#sheet-title").color,
					controls: [...document.querySelectorAll("nav, button, input, select, details, .skip-link, .home-link, #report-options")].filter(shown).map((e) => e.tagName + "#" + e.id).join(" "),
					h1: shown(document.querySelector("h1")),
					sheet: shown(document.getElementById("report-sheet")),
					rows: [...document.querySelectorAll("#report-sheet tr, #report-sheet li")].every((e) => getComputedStyle(e).breakInside === "avoid"),
					rowCount: document.querySelectorAll("#report-sheet tr, #report-sheet li").length,
					afterStroke: getComputedStyle(document.querySelector('#report-pain-svg [data-c="after"]')).stroke,
					beforeDash: document.querySelector('#report-pain-svg [data-c="before"]').getAttribute("stroke-dasharray"),
				};
			})()`)
			t.Logf("%s: screen background %s, print %v", c.name, screenBg, got)
			if got["bg"] != "rgb(255, 255, 255)" || got["fg"] != "rgb(0, 0, 0)" || got["sheetFg"] != "rgb(0, 0, 0)" || got["title"] != "rgb(0, 0, 0)" {
				t.Errorf("%s: prints %v on %v (sheet %v, title %v), want black on white", c.name, got["fg"], got["bg"], got["sheetFg"], got["title"])
			}
			if got["controls"] != "" {
				t.Errorf("%s: in print these show: %v", c.name, got["controls"])
			}
			if got["h1"] == true || got["sheet"] != true {
				t.Errorf("%s: in print the page title shows %v, the sheet %v", c.name, got["h1"], got["sheet"])
			}
			if got["rows"] != true || got["rowCount"].(float64) < 8 {
				t.Errorf("%s: of %v rows and items, not all avoid a page break inside", c.name, got["rowCount"])
			}
			if got["afterStroke"] != "rgb(0, 0, 0)" || got["beforeDash"] != "5 4" {
				t.Errorf("%s: the chart prints after in %v and before dashed %v: not black, not told apart by line", c.name, got["afterStroke"], got["beforeDash"])
			}
			fullShot(t, tb, "report-print-"+c.name)
			emulateMedia(t, tb, "", "light")
		})
	}
}

// TestReportOnAPhone opens the report from History on a 375×667 phone,
// light and dark: it counts what History counts, the period changes what
// it says, the notes stay off until ticked, the name heads the page and is
// kept nowhere, Print calls the browser's print from the tap, and the page
// is accessible. Screenshots are kept for people to look at.
func TestReportOnAPhone(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	recs := sampleHistory(t, today)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			tb := reportTab(t, 375, 667, true)
			colourScheme(t, tb, theme)
			seedHistory(t, tb, h.base, recs)
			waitFor(t, tb, `document.getElementById("report-link") !== null`, "History links to the report")
			total := text(t, tb, "#total-sessions")
			click(t, tb, "#report-link")
			waitFor(t, tb, `document.getElementById("report-sheet") !== null`, "the report opens from History")
			if got := eval[string](t, tb, `location.pathname`); got != reportPath {
				t.Errorf("History's link leads to %s", got)
			}
			four := expectedReport(recs, today, data.PeriodFourWeeks, false)
			waitText(t, tb, "#sheet-period", periodLine("Last 4 weeks", four))
			waitText(t, tb, "#sheet-sessions", fmt.Sprintf("%d (%d complete)", four.Stats.Sessions, four.Stats.Complete))
			if text(t, tb, "#sheet-notes") != "" || strings.Contains(text(t, tb, "#report-sheet"), "Felt looser") {
				t.Error("notes show before they were ticked")
			}
			screenshot(t, tb, "report-"+theme+"-375x667")
			fullShot(t, tb, "report-full-"+theme+"-375x667")

			// Everything counts as History does.
			choosePeriod(t, tb, data.PeriodEverything, "Everything")
			all := expectedReport(recs, today, data.PeriodEverything, false)
			waitText(t, tb, "#sheet-sessions", fmt.Sprintf("%d (%d complete)", all.Stats.Sessions, all.Stats.Complete))
			if got := text(t, tb, "#sheet-sessions"); got != total {
				t.Errorf("the report counts %q over everything, History %q", got, total)
			}
			choosePeriod(t, tb, data.PeriodTwoWeeks, "Last 2 weeks")
			two := expectedReport(recs, today, data.PeriodTwoWeeks, false)
			waitText(t, tb, "#sheet-sessions", fmt.Sprintf("%d (%d complete)", two.Stats.Sessions, two.Stats.Complete))

			// Notes, when ticked: the sample's latest is yesterday's.
			click(t, tb, "#report-notes")
			waitFor(t, tb, `document.getElementById("sheet-notes") !== null`, "the notes show")
			if got := text(t, tb, "#sheet-notes"); !strings.Contains(got, "Felt looser after the bridge.") {
				t.Errorf("the notes read %q", got)
			}

			// The name: on the page, nowhere else.
			const name = "Ann Example-Zeta"
			tb.do(t, "typing a name", chromedp.SendKeys(chromedp.CSS("#report-name"), name))
			waitText(t, tb, "#sheet-name", "Name: "+name)
			kept := eval[bool](t, tb, `(() => {
				const all = [location.href, document.cookie];
				for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) all.push(s.key(i), s.getItem(s.key(i)));
				return all.some((v) => (v || "").includes("Zeta"));
			})()`)
			if kept {
				t.Error("the name was kept in storage, a cookie or the address")
			}

			// Print, from the tap, once.
			click(t, tb, "#report-print")
			waitFor(t, tb, `window.__printed === 1`, "window.print is called once")
			if text(t, tb, "#report-no-print") != "" {
				t.Error("the page says it cannot print")
			}
			checkAxe(t, tb, "report-"+theme, false)
			checkTargets(t, tb, "report-"+theme)
			checkFocusVisible(t, tb, "report-"+theme)
			fullShot(t, tb, "report-notes-"+theme+"-375x667")

			// A reload forgets the name.
			tb.open(t, h.base, reportPath)
			waitFor(t, tb, `document.getElementById("report-sheet") !== null`, "the report shows again")
			if got := text(t, tb, "#sheet-name"); got != "" {
				t.Errorf("after a reload the page is headed %q", got)
			}
			if foreign := tb.foreignRequests(h.base); len(foreign) > 0 {
				t.Errorf("requests to another origin: %v", foreign)
			}
			if errs := tb.errors(); len(errs) > 0 {
				t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// TestReportOffline opens the report with the server gone, from the
// service worker's cache, on the history kept in the browser.
func TestReportOffline(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	recs := sampleHistory(t, today)
	online := reportTab(t, 390, 844, true)
	online.open(t, h.base, "/")
	setItem(t, online, store.HistoryKey, storedHistory(t, recs))
	online.waitControlled(t)
	goOffline(t, h)
	offline := online.sibling(t)
	offline.open(t, h.base, reportPath)
	waitFor(t, offline, `document.getElementById("report-sheet") !== null`, "the report shows offline")
	four := expectedReport(recs, today, data.PeriodFourWeeks, false)
	waitText(t, offline, "#sheet-sessions", fmt.Sprintf("%d (%d complete)", four.Stats.Sessions, four.Stats.Complete))
	if exc := offline.exceptions(); len(exc) > 0 {
		t.Errorf("uncaught exceptions offline:\n%s", strings.Join(exc, "\n"))
	}
}

// TestReportWithLargerTextOnASmallPhone opens the report at 320×568 with
// larger text, light and dark: nothing is wider than the screen, and the
// worst case still prints on one page, the larger text being for the
// screen.
func TestReportWithLargerTextOnASmallPhone(t *testing.T) {
	h := setup(t)
	today := historyToday(t)
	recs := worstYear(t, today)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			tb := reportTab(t, 320, 568, true)
			colourScheme(t, tb, theme)
			s := data.DefaultSettings()
			s.LargeText = true
			keepSettings(t, tb, h.base, s)
			openReport(t, tb, h.base, recs)
			waitFor(t, tb, `document.documentElement.dataset.text === "large"`, "larger text applies")
			click(t, tb, "#report-notes")
			choosePeriod(t, tb, data.PeriodEverything, "Everything")
			waitFor(t, tb, `document.getElementById("sheet-notes") !== null`, "the notes show")
			// Against the phone's width, not innerWidth: a phone zooms out to
			// show a page wider than its screen, and innerWidth grows with it.
			if over := eval[float64](t, tb, `Math.max(document.documentElement.scrollWidth, window.innerWidth) - 320`); over > 0 {
				wide := eval[string](t, tb, `[...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 320.5 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible").slice(0, 12).map((e) => e.tagName + "#" + e.id + "." + e.className + " " + Math.round(e.getBoundingClientRect().right) + "/" + e.scrollWidth + ">" + e.clientWidth).join(", ")`)
				t.Errorf("at 320 px with larger text the report is %v px wider than the screen: %s (%s)", over, wide, eval[string](t, tb, `JSON.stringify([document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth, screen.width, visualViewport.width, document.querySelector("meta[name=viewport]") && document.querySelector("meta[name=viewport]").content])`))
			}
			if n := lineCount(t, tb, ".home-link"); n != 1 {
				t.Errorf("%q takes %d lines", text(t, tb, ".home-link"), n)
			}
			screenshot(t, tb, "report-larger-text-"+theme+"-320x568")
			fullShot(t, tb, "report-larger-text-full-"+theme+"-320x568")
			for _, paper := range papers {
				if n := pdfPages(t, printPDF(t, tb, "report-larger-text-"+theme+"-"+paper.name, paper.w, paper.h)); n != "1" {
					t.Errorf("with larger text, the worst case prints on %s pages at %s, want 1", n, paper.name)
				}
			}
		})
	}
}
