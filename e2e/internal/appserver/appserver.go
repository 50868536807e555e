// Package appserver builds Unknot into a temporary folder and runs its
// server there, for the browser suites (e2e with Chromium, e2e/webkit with
// WebKit): each suite drives its own engine against the same build.
package appserver

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Timeouts. One build command took 5 minutes on a two-core machine shared by
// several builds; the server starts in well under a second.
const (
	BuildTimeout  = 10 * time.Minute
	ServerTimeout = 15 * time.Second
)

// App is a build of the app and its server, all inside Tmp.
type App struct {
	Tmp  string // everything the run writes; removed by Close
	Bin  string // the server binary
	Work string // the server's working folder, which holds web/
	Addr string // the server's host:port, the same across restarts
	Base string // "http://" + Addr

	server    *exec.Cmd
	serverErr syncBuffer
	mu        sync.Mutex
}

// Build copies web/ of the repository that holds the current folder into a
// new temporary folder, builds the server and app.wasm there, compresses
// app.wasm as make build does, and picks a free loopback port. It does not
// start the server. On error the returned App, if not nil, still needs
// Close.
func Build() (*App, error) {
	root, err := Root()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "unknot-e2e-")
	if err != nil {
		return nil, err
	}
	a := &App{Tmp: tmp, Bin: filepath.Join(tmp, "unknot"), Work: filepath.Join(tmp, "work")}

	start := time.Now()
	if err := CopyWeb(filepath.Join(root, "web"), filepath.Join(a.Work, "web")); err != nil {
		return a, err
	}
	if err := Command(root, nil, "go", "build", "-trimpath", "-o", a.Bin, "./app"); err != nil {
		return a, err
	}
	wasm := filepath.Join(a.Work, "web", "app.wasm")
	// The unknot_e2e tag adds a test hook that saves sessions through the
	// app's own save code (components/e2e_hook.go).
	if err := Command(root, []string{"GOOS=js", "GOARCH=wasm"}, "go", "build", "-trimpath", "-tags=unknot_e2e", "-ldflags=-s -w", "-o", wasm, "./app"); err != nil {
		return a, err
	}
	if err := Command(a.Work, nil, a.Bin, "compress"); err != nil {
		return a, err
	}
	fmt.Fprintf(os.Stderr, "e2e: built in %v\n", time.Since(start).Round(time.Millisecond))

	port, err := FreePort()
	if err != nil {
		return a, err
	}
	a.Addr = fmt.Sprintf("127.0.0.1:%d", port)
	a.Base = "http://" + a.Addr
	return a, nil
}

// Root is the repository's folder: the nearest folder at or above the
// current one that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the current folder: run inside the repository")
		}
		dir = up
	}
}

// Close stops the server and removes every file of the run.
func (a *App) Close() {
	if err := a.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: stopping the server:", err)
	}
	if err := os.RemoveAll(a.Tmp); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: removing", a.Tmp, err)
	}
}

// Command runs name with args in dir, with extra environment variables, and
// returns its output in the error when it fails.
func Command(dir string, extraEnv []string, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), BuildTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// CopyWeb copies the repository's web/ into dst, without any app.wasm: the
// harness builds its own.
func CopyWeb(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "app.wasm") {
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// FreePort asks the kernel for a free loopback port.
func FreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Start starts the server binary in the work folder and waits until it
// says it listens.
func (a *App) Start() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.server != nil {
		return errors.New("the server runs already")
	}
	cmd := exec.Command(a.Bin, "serve", "-addr", a.Addr)
	cmd.Dir = a.Work
	cmd.Stderr = &a.serverErr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "listening on") {
				ready <- nil
				io.Copy(io.Discard, stdout)
				return
			}
		}
		ready <- errors.New("the server ended before it listened")
	}()
	select {
	case err = <-ready:
	case <-time.After(ServerTimeout):
		err = errors.New("the server did not start in time")
	}
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return fmt.Errorf("%w: %s", err, a.Log())
	}
	a.server = cmd
	return nil
}

// Stop stops the server, if it runs, and waits until it has ended.
func (a *App) Stop() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	cmd := a.server
	if cmd == nil {
		return nil
	}
	a.server = nil
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-done:
		return err
	case <-time.After(ServerTimeout):
		cmd.Process.Kill()
		<-done
		return errors.New("the server ignored SIGTERM and was killed")
	}
}

// Log returns what the server wrote to stderr so far.
func (a *App) Log() string { return a.serverErr.String() }

// syncBuffer is a buffer the server process writes to while tests read it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
