package history

import (
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
