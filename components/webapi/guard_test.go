package webapi

import (
	"errors"
	"strings"
	"testing"
)

// throws stands for a call into the browser that throws: guard is deferred
// the way every call site defers it.
func throws() {
	defer Guard()
	panic(errors.New("JavaScript error: navigator.vibrate is not a function"))
}

func TestGuardLogsWhatItCatchesWithItsSite(t *testing.T) {
	var sites []string
	var caughtErrs []any
	saved := reportCaught
	reportCaught = func(site string, r any) { sites, caughtErrs = append(sites, site), append(caughtErrs, r) }
	t.Cleanup(func() { reportCaught = saved })

	throws()
	if len(sites) != 1 {
		t.Fatalf("guard reported %d panics, want 1", len(sites))
	}
	if !strings.HasPrefix(sites[0], "unknot/components/webapi.throws:") {
		t.Errorf("site %q, want the guarded function and its line", sites[0])
	}
	if err, ok := caughtErrs[0].(error); !ok || !strings.Contains(err.Error(), "vibrate") {
		t.Errorf("caught %v, want the panic's value", caughtErrs[0])
	}

	// Nothing thrown, nothing reported.
	func() { defer Guard() }()
	if len(sites) != 1 {
		t.Errorf("guard reported %d times after a call that did not panic, want still 1", len(sites))
	}
}
