//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// runCommand runs the subcommand named by args[0] (serve when there is none)
// and returns the process exit code.
func runCommand(args []string, stdout, stderr io.Writer) int {
	name := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("unknot "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)

	var run func() error
	switch name {
	case "serve":
		addr := fs.String("addr", "localhost:8000", "address to listen on (host:port)")
		run = func() error { return serve(*addr, ".", stdout, stderr) }
	case "static":
		out := fs.String("out", "dist", "directory to write the static site into")
		run = func() error { return writeStaticSite(".", *out) }
	case "compress":
		run = func() error { return precompress(".") }
	default:
		fmt.Fprintf(stderr, "unknot: unknown command %q (want serve, static or compress)\n", name)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "unknot %s: unexpected arguments %q\n", name, fs.Args())
		return 2
	}
	if err := run(); err != nil {
		fmt.Fprintf(stderr, "unknot %s: %v\n", name, err)
		return 1
	}
	return 0
}

// serve serves the app found under root/web on addr until SIGINT or SIGTERM.
// It prints the URL once it listens, so scripts can wait for that line.
func serve(addr, root string, stdout, stderr io.Writer) error {
	s, err := newServer(root)
	if err != nil {
		return err
	}
	for _, m := range missingAssets(root) {
		fmt.Fprintf(stderr, "warning: %s is missing; the service worker cannot install without it\n", m)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(s)
	fmt.Fprintf(stdout, "Unknot %s listening on http://%s\n", s.version, ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
