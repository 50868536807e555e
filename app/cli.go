//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"

	"unknot/app/server"
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
		run = func() error { return writeStaticSite(".", *out, stderr) }
	case "compress":
		run = func() error { return server.Precompress(".") }
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
	site, err := newSite(root)
	if err != nil {
		return err
	}
	s, err := server.New(site)
	if err != nil {
		return err
	}
	warnMissing(root, stderr)
	return s.ListenAndServe(addr, stdout)
}

// writeStaticSite writes the app under root/web as a static site into out
// (server.WriteStatic), with every route of components.Pages().
func writeStaticSite(root, out string, stderr io.Writer) error {
	site, err := newSite(root)
	if err != nil {
		return err
	}
	warnMissing(root, stderr)
	return server.WriteStatic(site, out)
}

// warnMissing names on stderr each file the handler names that is missing.
func warnMissing(root string, stderr io.Writer) {
	for _, m := range missingAssets(root) {
		fmt.Fprintf(stderr, "warning: %s is missing; the service worker cannot install without it\n", m)
	}
}
