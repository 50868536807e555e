package webkit

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"unknot/internal/appserver"
	"unknot/internal/browsertest"
)

// Timeouts: an action in a page as in the Chromium suite
// (browsertest.ActionTimeout); MiniBrowser starts in about a second, and
// its first start of a run loads WebKit from disk.
const (
	actionTimeout = browsertest.ActionTimeout
	startTimeout  = 90 * time.Second
	stopTimeout   = 10 * time.Second
)

// env is the running harness, or nil when the browser tests are off.
var env *harness

// harness is the app's server, the X server and the WebDriver server shared
// by every test; each test starts its own browser through a new session.
type harness struct {
	app     *appserver.App
	browser string // MiniBrowser's path
	display string // ":N", the X display of Xvfb
	xvfb    *exec.Cmd
	wd      *exec.Cmd
	driver  *driver
	// version is the WebKitGTK version of the first session.
	version string
}

func TestMain(m *testing.M) {
	if !browsertest.Enabled() {
		os.Exit(m.Run()) // each test skips itself
	}
	os.Exit(runSuite(m))
}

func runSuite(m *testing.M) int {
	start := time.Now()
	h, err := startHarness()
	if h != nil {
		defer h.close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webkit setup:", err)
		return 1
	}
	env = h
	code := m.Run()
	fmt.Fprintf(os.Stderr, "webkit: %s %s, suite with build in %v\n", "WebKitGTK", h.version, time.Since(start).Round(time.Second))
	return code
}

// setup returns the harness, or skips the test when the browser tests are off.
func setup(t *testing.T) *harness {
	t.Helper()
	if env == nil {
		t.Skip("browser tests run with UNKNOT_E2E=1 (make webkit, make test)")
	}
	return env
}

// miniBrowser is the MiniBrowser that libwebkit2gtk ships, or the one
// UNKNOT_MINIBROWSER names.
func miniBrowser() (string, error) {
	if p := os.Getenv("UNKNOT_MINIBROWSER"); p != "" {
		return p, nil
	}
	found, _ := filepath.Glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
	if len(found) == 0 {
		return "", errors.New("no MiniBrowser under /usr/lib/*/webkit2gtk-4.*/: install webkit2gtk-driver (make webkit-deps)")
	}
	return found[len(found)-1], nil
}

// startHarness checks the tools, builds the app, starts its server, Xvfb on
// a free display and WebKitWebDriver on a free port.
func startHarness() (*harness, error) {
	mb, err := miniBrowser()
	if err != nil {
		return nil, err
	}
	for _, tool := range []string{"Xvfb", "WebKitWebDriver"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s is missing: install xvfb and webkit2gtk-driver (make webkit-deps)", tool)
		}
	}
	a, err := appserver.Build()
	if a == nil {
		return nil, err
	}
	h := &harness{app: a, browser: mb}
	if err != nil {
		return h, err
	}
	if err := a.Start(); err != nil {
		return h, err
	}
	if err := h.startXvfb(); err != nil {
		return h, err
	}
	return h, h.startDriver()
}

// startXvfb starts an X server on a display it picks itself (-displayfd),
// so parallel runs never collide.
func (h *harness) startXvfb() error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
		// Stay up between two browsers: by default the X server resets
		// when its last client leaves.
		"-noreset")
	cmd.ExtraFiles = []*os.File{w} // fd 3 in Xvfb
	cmd.SysProcAttr = ownGroup()
	logf, err := logFile(h.app.Tmp, "xvfb.log")
	if err != nil {
		w.Close()
		return err
	}
	defer logf.Close()
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		w.Close()
		return fmt.Errorf("starting Xvfb: %w", err)
	}
	w.Close()
	h.xvfb = cmd
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if _, err := strconv.Atoi(n); err != nil {
			return fmt.Errorf("Xvfb gave no display number (%q): %s", n, readLog(h.app.Tmp, "xvfb.log"))
		}
		h.display = ":" + n
		return nil
	case <-time.After(startTimeout):
		return errors.New("Xvfb did not start in time")
	}
}

// startDriver starts WebKitWebDriver on a free port, on Xvfb's display,
// with a home and caches inside the run's folder, and waits until it
// accepts sessions.
func (h *harness) startDriver() error {
	port, err := appserver.FreePort()
	if err != nil {
		return err
	}
	home := filepath.Join(h.app.Tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	cmd := exec.Command("WebKitWebDriver", "--port="+strconv.Itoa(port))
	cmd.Env = append(os.Environ(),
		"DISPLAY="+h.display, "GDK_BACKEND=x11", "WAYLAND_DISPLAY=",
		"HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, "cache"), "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_RUNTIME_DIR="+home, "TMPDIR="+h.app.Tmp,
		// No accessibility bus runs here; without this GTK waits for one.
		"NO_AT_BRIDGE=1",
	)
	cmd.SysProcAttr = ownGroup()
	f, err := logFile(h.app.Tmp, "webdriver.log")
	if err != nil {
		return err
	}
	defer f.Close()
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting WebKitWebDriver: %w", err)
	}
	h.wd = cmd
	h.driver = &driver{base: "http://127.0.0.1:" + strconv.Itoa(port), client: &http.Client{Timeout: 2 * time.Minute}}
	deadline := time.Now().Add(startTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		ok := h.driver.ready(ctx)
		cancel()
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("WebKitWebDriver did not answer in time: %s", readLog(h.app.Tmp, "webdriver.log"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// close stops WebKitWebDriver with every browser it started, Xvfb and the
// server, and removes every file of the run.
func (h *harness) close() {
	stopGroup(h.wd, "WebKitWebDriver")
	stopGroup(h.xvfb, "Xvfb")
	h.app.Close()
}

// ownGroup starts a process in a process group of its own, which stopGroup
// ends whole, and has it killed if the test binary dies first (a test
// timeout panics past every deferred close). A browser whose X server is
// gone exits too.
func ownGroup() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// stopGroup ends cmd and every process it started (its process group:
// WebKitWebDriver's browsers and their web processes), politely first.
func stopGroup(cmd *exec.Cmd, name string) {
	if cmd == nil || cmd.Process == nil {
		return
	}
	pgid := cmd.Process.Pid
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(stopTimeout):
		fmt.Fprintf(os.Stderr, "webkit: %s ignored SIGTERM and was killed\n", name)
	}
	// Children that outlived their parent, if any.
	syscall.Kill(-pgid, syscall.SIGKILL)
}

// logFile creates a log in dir for a process to write to.
func logFile(dir, name string) (*os.File, error) {
	return os.Create(filepath.Join(dir, name))
}

// readLog returns the end of a log written by logFile.
func readLog(dir, name string) string {
	b, _ := os.ReadFile(filepath.Join(dir, name))
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}
