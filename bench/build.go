package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"
)

// wasmFlags are the Makefile's WASM_FLAGS as go build arguments. The
// benchmark builds both apps with them and warns when the Makefile's differ.
var wasmFlags = []string{"-trimpath", "-ldflags=-s -w"}

// makefileWasmFlags is what the Makefile's WASM_FLAGS line should say.
const makefileWasmFlags = `-trimpath -ldflags='-s -w'`

const (
	buildTimeout  = 5 * time.Minute
	serverTimeout = 15 * time.Second
)

// site is one app as the benchmark builds and serves it.
type site struct {
	name string // as the table shows it
	work string // the server's working folder, which holds web/
	bin  string // the server binary
	addr string // host:port, the same across restarts
	base string // "http://" + addr

	mu     sync.Mutex
	server *exec.Cmd
	log    syncBuffer
}

// wasmPath is the site's app.wasm; its precompressed copies sit beside it.
func (s *site) wasmPath() string { return filepath.Join(s.work, "web", "app.wasm") }

// checkMakefile warns when the Makefile builds app.wasm with other flags than
// the benchmark does, which would make the sizes measured here wrong.
func checkMakefile(root string) {
	b, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		return
	}
	m := regexp.MustCompile(`(?m)^WASM_FLAGS\s*=\s*(.*)$`).FindSubmatch(b)
	if m == nil || strings.TrimSpace(string(m[1])) != makefileWasmFlags {
		logf("warning: the Makefile's WASM_FLAGS are not %s: update wasmFlags in bench/build.go", makefileWasmFlags)
	}
}

// buildApp builds Unknot as `make build` does, into tmp: app.wasm, the
// server, and the precompressed copies written by the server's own compress
// command, with the repository's web/ files beside them.
func buildApp(root, tmp string) (*site, error) {
	s := &site{name: "Unknot", work: filepath.Join(tmp, "app"), bin: filepath.Join(tmp, "bin", "unknot")}
	if err := copyTree(filepath.Join(root, "web"), filepath.Join(s.work, "web"), func(rel string) bool {
		return !strings.HasPrefix(rel, "app.wasm")
	}); err != nil {
		return nil, err
	}
	wasm := append([]string{"build"}, wasmFlags...)
	wasm = append(wasm, "-o", s.wasmPath(), "./app")
	if err := command(root, []string{"GOOS=js", "GOARCH=wasm"}, "go", wasm...); err != nil {
		return nil, err
	}
	if err := command(root, nil, "go", "build", "-trimpath", "-o", s.bin, "./app"); err != nil {
		return nil, err
	}
	return s, command(s.work, nil, s.bin, "compress")
}

// buildBaseline builds the minimal go-app app of bench/baseline the same
// way. Its server is Unknot's own server code: app/server.go,
// app/compress.go and app/webdir.go are compiled into the baseline's
// package through an overlay, so both apps are compressed and served by the
// same code.
func buildBaseline(root, tmp string) (*site, error) {
	s := &site{name: "Baseline", work: filepath.Join(tmp, "baseline"), bin: filepath.Join(tmp, "bin", "baseline")}
	// The handler names local icons, as a PWA must: borrow Unknot's.
	if err := copyTree(filepath.Join(root, "web", "icons"), filepath.Join(s.work, "web", "icons"), func(rel string) bool {
		return rel == "icon-192.png" || rel == "icon-512.png" || rel == "icon.svg"
	}); err != nil {
		return nil, err
	}
	wasm := append([]string{"build"}, wasmFlags...)
	wasm = append(wasm, "-o", s.wasmPath(), "./bench/baseline")
	if err := command(root, []string{"GOOS=js", "GOARCH=wasm"}, "go", wasm...); err != nil {
		return nil, err
	}
	overlay := map[string]map[string]string{"Replace": {}}
	for _, f := range []string{"server.go", "compress.go", "webdir.go"} {
		overlay["Replace"][filepath.Join(root, "bench", "baseline", f)] = filepath.Join(root, "app", f)
	}
	b, err := json.Marshal(overlay)
	if err != nil {
		return nil, err
	}
	ov := filepath.Join(tmp, "baseline-overlay.json")
	if err := os.WriteFile(ov, b, 0o644); err != nil {
		return nil, err
	}
	if err := command(root, nil, "go", "build", "-trimpath", "-tags", "unknotbench", "-overlay", ov, "-o", s.bin, "./bench/baseline"); err != nil {
		return nil, fmt.Errorf("building the baseline's server with app/server.go and app/compress.go: %w", err)
	}
	return s, command(s.work, nil, s.bin, "compress")
}

// command runs name with args in dir and returns its output in the error
// when it fails.
func command(dir string, extraEnv []string, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// copyTree copies the regular files under src that keep accepts (by
// slash-separated relative path) into dst.
func copyTree(src, dst string, keep func(rel string) bool) error {
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

// freeAddr returns a free loopback host:port.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// start starts the site's server and waits until it says it listens.
func (s *site) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.server != nil {
		return nil
	}
	if s.addr == "" {
		addr, err := freeAddr()
		if err != nil {
			return err
		}
		s.addr, s.base = addr, "http://"+addr
	}
	cmd := exec.Command(s.bin, "serve", "-addr", s.addr)
	cmd.Dir = s.work
	cmd.Stderr = &s.log
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
	case <-time.After(serverTimeout):
		err = errors.New("the server did not start in time")
	}
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return fmt.Errorf("%s server: %w: %s", s.name, err, s.log.String())
	}
	s.server = cmd
	return nil
}

// stop stops the site's server, if it runs, and waits until it has ended.
func (s *site) stop() error {
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
	case <-time.After(serverTimeout):
		cmd.Process.Kill()
		<-done
		return errors.New("the server ignored SIGTERM and was killed")
	}
}

// status returns the HTTP status of a GET of path on the running server.
func (s *site) status(path string) (int, error) {
	c := http.Client{Timeout: 10 * time.Second}
	res, err := c.Get(s.base + path)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// syncBuffer collects a server's stderr while the benchmark reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
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
