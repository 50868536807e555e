package history

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/internal/uitest"
	"unknot/data"
	"unknot/data/store"
)

func TestCSVWithNothingToExport(t *testing.T) {
	b := &BackupPanel{}
	b.onExportCSV(nil, app.Event{})
	if b.saved != csvEmpty || b.exportErr != "" {
		t.Errorf("with no history the panel says %q / %q, want %q", b.saved, b.exportErr, csvEmpty)
	}
}

func TestRestoreOffer(t *testing.T) {
	file := data.DefaultSettings()
	file.SafetyAccepted = true
	fresh := &store.MemoryStorage{}
	if offer, ticked := restoreOffer(fresh, file); !offer || !ticked {
		t.Errorf("fresh device, file with settings: offer %v ticked %v, want both", offer, ticked)
	}
	if offer, ticked := restoreOffer(fresh, data.DefaultSettings()); offer || ticked {
		t.Errorf("the file's settings are this device's: offer %v ticked %v, want neither", offer, ticked)
	}
	used := &store.MemoryStorage{}
	mine := data.DefaultSettings()
	mine.RestSeconds = 40
	if err := store.SaveSettings(used, mine); err != nil {
		t.Fatal(err)
	}
	if offer, ticked := restoreOffer(used, file); !offer || ticked {
		t.Errorf("a device with its own settings: offer %v ticked %v, want offered, not ticked", offer, ticked)
	}
}

func TestPainChartOfOneSessionIsSingular(t *testing.T) {
	one := []data.PainPoint{{Start: time.Date(2026, 4, 14, 7, 30, 0, 0, time.UTC), Date: "2026-04-14", Before: data.PainScore(5), After: data.PainScore(3)}}
	html := app.HTMLString(painChart(one))
	if !strings.Contains(html, "over the last 1 session with a score") {
		t.Errorf("the pain chart's summary for one session: %s", html)
	}
}

func TestHistorySaysASessionStoppedAsItHurt(t *testing.T) {
	r := uitest.HomeRecord(t, "2026-05-04", "07:30", false)
	uitest.MustLack(t, app.HTMLString(recentBody(r)), text.StoppedHurt)
	r.Stopped = data.StoppedHurt
	uitest.MustContain(t, app.HTMLString(recentBody(r)), text.StoppedHurt)
}

// Every number History gives of one history agrees: the total, the
// calendar, this week's bar and the list count the same sessions
// (data.Record.Counts), a session stopped because it hurt with no hold done
// among them, and an empty record kept by an older version in none.
func TestHistoryCountsOneWayEverywhere(t *testing.T) {
	st := uitest.FreshStorage(t)
	hurt := histRecord(t, "2026-04-15", "08:00", false, nil, nil, "")
	hurt.Exercises[0].HoldsDone, hurt.Exercises[0].RepsDone, hurt.Stopped = 0, 0, data.StoppedHurt
	empty := histRecord(t, "2026-04-14", "19:30", false, nil, nil, "")
	empty.Exercises[0].HoldsDone, empty.Exercises[0].RepsDone = 0, 0
	recs := []data.Record{
		histRecord(t, "2026-04-13", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-14", "07:30", true, nil, nil, ""),
		empty, hurt,
	}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatal(err)
	}
	html := newHistoryRig(t, april15).html()
	got := map[string]string{}
	for _, id := range []string{"total-sessions", "cal-summary", "weeks-summary", "recent-count"} {
		got[id] = visible(element(t, html, `id="`+id+`"`))
	}
	want := map[string]*regexp.Regexp{
		"total-sessions": regexp.MustCompile(`^3\b`),
		"cal-summary":    regexp.MustCompile(`^3 sessions on 3 days\b`),
		"weeks-summary":  regexp.MustCompile(`: 3 sessions this week, your first week\.$`),
		"recent-count":   regexp.MustCompile(`^All 3 sessions, newest first\.$`),
	}
	for id, re := range want {
		if !re.MatchString(got[id]) {
			t.Errorf("#%s says %q, want %s", id, got[id], re)
		}
	}
	if n := strings.Count(element(t, html, `id="recent"`), "<li"); n != 3 {
		t.Errorf("the list shows %d sessions, want 3", n)
	}
}

// A person's second week with sessions averages over two weeks, not the
// chart's twelve.
func TestWeeksAverageFromTheFirstSession(t *testing.T) {
	st := uitest.FreshStorage(t)
	recs := []data.Record{
		histRecord(t, "2026-04-08", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-14", "07:30", true, nil, nil, ""),
		histRecord(t, "2026-04-15", "07:30", true, nil, nil, ""),
	}
	if _, err := store.SaveRecords(st, recs...); err != nil {
		t.Fatal(err)
	}
	html := newHistoryRig(t, april15).html()
	if got := visible(element(t, html, `id="weeks-summary"`)); !strings.Contains(got, "2 this week, 1.5 a week on average over the 2 weeks since your first, at most 2.") {
		t.Errorf("#weeks-summary says %q", got)
	}
}

// visible is an element's text, tags left out and spaces squeezed.
func visible(html string) string {
	return strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, " ")), " ")
}
