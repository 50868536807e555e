package browsertest

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPoll(t *testing.T) {
	t.Run("done after a few tries", func(t *testing.T) {
		n := 0
		err := Poll(time.Second, time.Millisecond, func() (bool, error) { n++; return n == 3, nil })
		if err != nil || n != 3 {
			t.Errorf("got %v after %d checks, want nil after 3", err, n)
		}
	})
	t.Run("errors on the way do not end it", func(t *testing.T) {
		n := 0
		err := Poll(time.Second, time.Millisecond, func() (bool, error) {
			n++
			if n < 3 {
				return false, errors.New("navigating")
			}
			return true, nil
		})
		if err != nil {
			t.Errorf("got %v, want nil", err)
		}
	})
	t.Run("a final error ends it at once", func(t *testing.T) {
		n, gone := 0, errors.New("an error page")
		err := Poll(time.Second, time.Millisecond, func() (bool, error) { n++; return false, Final(gone) })
		if !errors.Is(err, gone) || errors.Is(err, ErrTimeout) || n != 1 {
			t.Errorf("got %v after %d checks, want %v after 1", err, n, gone)
		}
	})
	t.Run("time out with the last error", func(t *testing.T) {
		last := errors.New("still navigating")
		err := Poll(20*time.Millisecond, time.Millisecond, func() (bool, error) { return false, last })
		if !errors.Is(err, ErrTimeout) || !errors.Is(err, last) {
			t.Errorf("got %v, want ErrTimeout with %v", err, last)
		}
	})
}

// states answers SWState with each of its states in turn, the last one
// from then on.
func states(list ...string) func() (string, error) {
	return func() (string, error) {
		s := list[0]
		if len(list) > 1 {
			list = list[1:]
		}
		return s, nil
	}
}

func TestWaitControlled(t *testing.T) {
	for _, c := range []struct {
		scenario string
		w        ControlWait
		reloads  bool
		seen     string
		fails    string
	}{
		{scenario: "installs, then controls",
			w:    ControlWait{State: states("none", "installing", "installing", "active", "controlled")},
			seen: "none installing active controlled"},
		{scenario: "a worker that does not claim the page: reloaded once",
			w: ControlWait{State: states("installing", "active", "active", "controlled")}, reloads: true,
			seen: "installing active controlled"},
		{scenario: "no reload asked: an active worker that never claims times out",
			w:    ControlWait{State: states("active"), Timeout: 50 * time.Millisecond},
			seen: "active", fails: "timed out"},
		{scenario: "a failed install drops the registration: fails before the timeout",
			w:    ControlWait{State: states("installing", "none"), NoWorker: 20 * time.Millisecond, Timeout: time.Minute},
			seen: "installing none", fails: "no service worker registration"},
	} {
		t.Run(c.scenario, func(t *testing.T) {
			reloads := 0
			if c.reloads {
				c.w.Reload = func() error { reloads++; return nil }
			}
			began := time.Now()
			seen, err := WaitControlled(c.w)
			if got := strings.Join(seen, " "); got != c.seen {
				t.Errorf("states seen %q, want %q", got, c.seen)
			}
			if c.fails == "" && err != nil || c.fails != "" && (err == nil || !strings.Contains(err.Error(), c.fails)) {
				t.Errorf("got error %v, want one saying %q", err, c.fails)
			}
			if c.reloads && reloads != 1 {
				t.Errorf("reloaded %d times, want once", reloads)
			}
			if time.Since(began) > 10*time.Second {
				t.Errorf("took %v", time.Since(began))
			}
		})
	}
}

func TestScripts(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{JSString(`say "hi" </script>`), `"say \"hi\" \u003c/script\u003e"`},
		{Text("#count"), `((e) => e ? e.textContent.trim() : "")(document.querySelector("#count"))`},
		{Return(AppStarted), "return " + AppStarted},
		{SetItems(map[string]*string{"gone": nil}), `(() => { localStorage.removeItem("gone"); return true; })()`},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	v := "a\nb"
	if got := SetItems(map[string]*string{"k": &v}); !strings.Contains(got, `localStorage.setItem("k", "a\nb");`) {
		t.Errorf("SetItems stores %s", got)
	}
}

func TestGoCrash(t *testing.T) {
	for line, want := range map[string]bool{
		"panic: runtime error: index out of range": true,
		"fatal error: all goroutines are asleep":   true,
		"the app panics when":                      false,
		"goroutine 1 [running]:":                   false,
	} {
		if got := GoCrash.MatchString(line); got != want {
			t.Errorf("GoCrash matches %q: %v, want %v", line, got, want)
		}
	}
}
