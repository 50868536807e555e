package components

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"unknot/components/guide"
	"unknot/components/internal/uitest"
	"unknot/components/player"
	"unknot/components/settings"
	"unknot/components/ui"
	"unknot/data"
	"unknot/data/store"
)

// TestEveryPageIsOneRoutesScreen holds the route table together: every
// pre-rendered address (which the service worker caches and the static
// site writes) is mounted by exactly one route, by the pattern go-app is
// given, and shows its screen, not "not found"; every route has one.
func TestEveryPageIsOneRoutesScreen(t *testing.T) {
	pages := Pages()
	if len(pages) != len(slices.Compact(slices.Sorted(slices.Values(pages)))) {
		t.Errorf("Pages lists an address twice: %v", pages)
	}
	seen := map[string]int{}
	for _, p := range pages {
		var mounts []Route
		for _, r := range Routes {
			if r.ByID && regexp.MustCompile("^"+r.Path+"[a-z0-9-]+$").MatchString(p) || !r.ByID && p == r.Path {
				mounts = append(mounts, r)
			}
		}
		if len(mounts) != 1 {
			t.Errorf("%s is mounted by %d routes, want 1", p, len(mounts))
			continue
		}
		seen[mounts[0].Path]++
		c := mounts[0].New()
		if html := uitest.RenderAt(t, c, p); strings.Contains(html, ui.Text.NotFound) {
			t.Errorf("%s shows %q", p, ui.Text.NotFound)
		}
	}
	for _, r := range Routes {
		if seen[r.Path] == 0 {
			t.Errorf("route %s has no pre-rendered page: it would not open offline", r.Path)
		}
	}
}

// TestNavFollowsTheTable: the main navigation is the table's labelled
// routes, in its order, each once.
func TestNavFollowsTheTable(t *testing.T) {
	html := uitest.RenderAt(t, &settings.Page{}, "/settings")
	var got []string
	for _, m := range regexp.MustCompile(`(?s)<nav[^>]*site-nav[^>]*>(.*?)</nav>`).FindAllStringSubmatch(html, -1) {
		for _, a := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(m[1], -1) {
			got = append(got, a[1])
		}
	}
	var want []string
	for _, r := range Routes {
		if r.Nav != "" {
			want = append(want, r.Path)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the navigation links %v, want the table's %v", got, want)
	}
}

func TestPagesListsEveryRoute(t *testing.T) {
	pages := strings.Join(Pages(), " ")
	for _, e := range data.DefaultCatalogue() {
		uitest.MustContain(t, pages, ui.ExercisePath+e.ID, ui.SessionPath+e.ID)
	}
	for _, r := range data.BuiltinRoutines() {
		uitest.MustContain(t, pages, ui.SessionPath+r.ID)
	}
}

func TestRoutinesInTheNavigation(t *testing.T) {
	html := app.HTMLString(ui.SiteNav("routines"))
	if !strings.Contains(html, `<a href="/routines" aria-current="page">Routines</a>`) && !strings.Contains(html, `<a aria-current="page" href="/routines">Routines</a>`) {
		t.Errorf("the navigation on Routines: %s", html)
	}
}

// An address that leads nowhere looks the same whatever it names: a page
// the app does not have, an exercise or a routine that does not exist. Each
// has the 404 page's heading, its way home, the address, and a line that
// says what is missing.
func TestMissingPagesLookAlike(t *testing.T) {
	cases := []struct {
		path string
		c    app.Composer
		lead string
	}{
		{"/no-such-page", &guide.NotFoundPage{}, ui.Text.NotFoundLead},
		{"/exercise/no-such-exercise", &guide.ExercisePage{}, ui.Text.NotFoundExercise},
		{"/session/no-such-routine", &player.Player{}, ui.Text.NotFoundRoutine},
	}
	for _, c := range cases {
		html := uitest.RenderAt(t, c.c, c.path)
		uitest.MustContain(t, html, "<h1>"+ui.Text.NotFoundTitle+"</h1>", c.lead, `id="not-found-home"`,
			`<code class="address">`+c.path+`</code>`, `href="/routines"`, `href="/history"`, `href="/safety"`)
	}
}

// TestRoutedAddresses: the browser registers go-app's patterns after its
// first frame, so Routed must accept every address that frame can link
// to (each pre-rendered page and each of the person's routines, under the
// player only) and nothing else, which then needs the patterns.
func TestRoutedAddresses(t *testing.T) {
	own := []string{data.CustomIDPrefix + "0f8fad5b-d9cb-469f-a165-70867728950e"}
	for _, p := range append(Pages(), ui.SessionPath+own[0]) {
		if !Routed(p, own) {
			t.Errorf("%s is not routed by itself", p)
		}
	}
	for _, p := range []string{
		ui.SessionPath + own[0] + "0", ui.SessionPath + data.CustomIDPrefix + "other",
		ui.ExercisePath + own[0], ui.SessionPath, "/history/", "/no/such/page", "",
	} {
		if Routed(p, own) {
			t.Errorf("%s is routed by itself", p)
		}
	}
	if Routed(ui.SessionPath+own[0], nil) {
		t.Errorf("%s is routed without being the person's", ui.SessionPath+own[0])
	}
}

// TestOwnRoutinesAreRoutedByThemselves: the person's routines, and the
// routine of a session waiting to be resumed even once the routine is
// deleted (the resume offer links to it), are routed without the patterns.
func TestOwnRoutinesAreRoutedByThemselves(t *testing.T) {
	st := &store.MemoryStorage{}
	kept := data.NewCustomRoutine("Desk break").AddItem(data.CatStretch)
	gone := data.NewCustomRoutine("Lunch stretch").AddItem(data.Bridge)
	if err := store.SaveCustomRoutines(st, []data.Routine{kept}); err != nil {
		t.Fatal(err)
	}
	uitest.WaitingSessionOf(t, st, gone)
	own := ownRoutineIDs(st)
	for _, r := range []data.Routine{kept, gone} {
		if !Routed(ui.SessionPath+r.ID, own) {
			t.Errorf("%s (%s) is left to the patterns; own ids %v", r.Name, r.ID, own)
		}
	}
}
