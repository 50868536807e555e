// Package appserver builds an app of this repository (Unknot, or the
// benchmark's baseline) into a folder as make build does, and runs its
// server there: for the browser suites (e2e with Chromium, e2e/webkit with
// WebKit), which drive their engine against the same build, and for the
// benchmark (bench), which builds and serves both apps this one way.
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

	"unknot/internal/stylesheet"
)

// Timeouts. One build command took 5 minutes on a two-core machine shared by
// several builds; the server starts in well under a second.
const (
	BuildTimeout  = 10 * time.Minute
	ServerTimeout = 15 * time.Second
)

// WasmFlags are the go build arguments of app.wasm, the Makefile's
// WASM_FLAGS (bench warns when the two differ): no file paths, no symbol
// table, and no inlining in data/store, whose code inlined into its many
// callers made app.wasm 49 KB larger after brotli for no speed its work
// needs (its history decoder's JSON reader, data/store/internal/jsonwire,
// is inlined still; BenchmarkCodecs measures it either way).
var WasmFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=unknot/data/store=-l"}

// MakefileWasmFlags is WasmFlags as the Makefile's WASM_FLAGS line says them.
const MakefileWasmFlags = `-trimpath -ldflags='-s -w' -gcflags=unknot/data/store=-l`

// Server is an app's server binary and the working folder it serves from.
type Server struct {
	Bin  string // the server binary
	Work string // the server's working folder, which holds web/
	Addr string // the server's host:port, the same across restarts; Start picks one if empty
	Base string // "http://" + Addr

	mu        sync.Mutex
	server    *exec.Cmd
	serverErr syncBuffer
}

// Build builds the command pkg ("./app", "./bench/baseline") of the
// repository at root as make build does: the server binary s.Bin, app.wasm
// into s.Work/web with wasmFlags (for GOOS=js GOARCH=wasm), and then the
// precompressed copies of app.wasm, by the server's own compress command.
// The rest of web/ must be in s.Work/web already.
func (s *Server) Build(root, pkg string, wasmFlags ...string) error {
	if err := Command(root, nil, "go", "build", "-trimpath", "-o", s.Bin, pkg); err != nil {
		return err
	}
	wasm := append([]string{"build"}, wasmFlags...)
	wasm = append(wasm, "-o", s.WasmPath(), pkg)
	if err := Command(root, []string{"GOOS=js", "GOARCH=wasm"}, "go", wasm...); err != nil {
		return err
	}
	return Command(s.Work, nil, s.Bin, "compress")
}

// WasmPath is the app's app.wasm; its precompressed copies sit beside it.
func (s *Server) WasmPath() string { return filepath.Join(s.Work, "web", "app.wasm") }

// App is a build of Unknot for the browser suites, all inside Tmp.
type App struct {
	Server
	Tmp string // everything the run writes; removed by Close
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
	a := &App{Tmp: tmp, Server: Server{Bin: filepath.Join(tmp, "unknot"), Work: filepath.Join(tmp, "work")}}

	start := time.Now()
	if err := CopyAppWeb(root, filepath.Join(a.Work, "web")); err != nil {
		return a, err
	}
	// The unknot_e2e tag adds a test hook that saves sessions through the
	// app's own save code (components/e2e_hook.go).
	if err := a.Build(root, "./app", append(WasmFlags, "-tags=unknot_e2e")...); err != nil {
		return a, err
	}
	fmt.Fprintf(os.Stderr, "e2e: built in %v\n", time.Since(start).Round(time.Millisecond))

	if err := a.pickAddr(); err != nil {
		return a, err
	}
	return a, nil
}

// pickAddr sets Addr, when empty, to a free loopback port, and Base.
func (s *Server) pickAddr() error {
	if s.Addr == "" {
		port, err := FreePort()
		if err != nil {
			return err
		}
		s.Addr = fmt.Sprintf("127.0.0.1:%d", port)
	}
	s.Base = "http://" + s.Addr
	return nil
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

// CopyAppWeb copies web/ of the repository at root into dst as make build
// has it: the stylesheet joined from its parts as they stand
// (internal/stylesheet), so a part edited without make gen is what the
// browser tests and the benchmark see; no app.wasm, which they build.
func CopyAppWeb(root, dst string) error {
	if err := CopyWeb(filepath.Join(root, "web"), dst); err != nil {
		return err
	}
	return stylesheet.Write(root, filepath.Join(dst, "app.css"))
}

// CopyWeb copies the repository's web/ into dst, without any app.wasm: the
// harness builds its own.
func CopyWeb(src, dst string) error {
	return CopyTree(src, dst, func(rel string) bool { return !strings.HasPrefix(rel, "app.wasm") })
}

// CopyTree copies into dst the folders under src and the regular files
// that keep accepts (by slash-separated path relative to src).
func CopyTree(src, dst string, keep func(rel string) bool) error {
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
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() || !keep(filepath.ToSlash(rel)) {
			return nil
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
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.server != nil {
		return errors.New("the server runs already")
	}
	if err := s.pickAddr(); err != nil {
		return err
	}
	cmd := exec.Command(s.Bin, "serve", "-addr", s.Addr)
	cmd.Dir = s.Work
	cmd.Stderr = &s.serverErr
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
		return fmt.Errorf("%w: %s", err, s.Log())
	}
	s.server = cmd
	return nil
}

// Stop stops the server, if it runs, and waits until it has ended.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	cmd := s.server
	if cmd == nil {
		return nil
	}
	s.server = nil
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
func (s *Server) Log() string { return s.serverErr.String() }

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
