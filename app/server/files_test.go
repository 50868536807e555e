package server

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// secretRoot is a test root whose working folder holds files the server must
// never send: go.mod, .git/config, a dot file in web/, and a file outside the
// root that symlinks in web/ point to. Each holds its own random text, which
// secrets maps to the file's path (under the root, or "outside").
func secretRoot(t *testing.T) (root string, secrets map[string]string) {
	t.Helper()
	root = newTestRoot(t)
	outside := t.TempDir()
	secrets = map[string]string{}
	secret := func(dir, name string) {
		b := make([]byte, 48)
		rand.Read(b)
		text := "secret " + name + " " + hex.EncodeToString(b) + "\n"
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), text)
		if dir == outside {
			name = "outside"
		}
		secrets[name] = text
	}
	secret(root, "go.mod")
	secret(root, ".git/config")
	secret(root, "web/.hidden")
	secret(root, "web/.private/notes.txt")
	secret(outside, "passwords.txt")
	for link, target := range map[string]string{
		"web/passwords.txt":  filepath.Join(outside, "passwords.txt"),
		"web/icons/repo":     root,           // a folder out of web/
		"web/icons/up.txt":   "../../go.mod", // relative, out of web/
		"web/outside-folder": outside,
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	return root, secrets
}

// listen serves h on a loopback port with the server's timeouts and returns
// its address.
func listen(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(h)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// rawGet sends a GET for target exactly as written, with no cleaning or
// escaping (http.Client would clean the path an attacker sends raw), and
// returns the whole response as received.
func rawGet(t *testing.T, addr, target string) []byte {
	t.Helper()
	// No Accept-Encoding: a body would come as is, not compressed.
	return rawRequest(t, addr, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
}

// status returns the status code of a raw response.
func status(res []byte) string {
	line, _, _ := bytes.Cut(res, []byte("\r\n"))
	_, code, _ := bytes.Cut(line, []byte(" "))
	code, _, _ = bytes.Cut(code, []byte(" "))
	return string(code)
}

// leaks returns the first run of 8 bytes of secret found in res, or "".
func leaks(res []byte, secret string) string {
	for i := 0; i+8 <= len(secret); i++ {
		if bytes.Contains(res, []byte(secret[i:i+8])) {
			return secret[i : i+8]
		}
	}
	return ""
}

func TestOnlyShippedFiles(t *testing.T) {
	root, secrets := secretRoot(t)
	addr := listen(t, newTestServer(t, root))

	gomod, gitConfig := secrets["go.mod"], secrets[".git/config"]
	for _, tc := range []struct{ target, secret string }{
		{"/web/../go.mod", gomod},
		{"/web/%2e%2e/go.mod", gomod},
		{"/web/%2E%2E/go.mod", gomod},
		{"/web/..%2fgo.mod", gomod},
		{"/web/%2e%2e%2fgo.mod", gomod},
		{"/web/icons/..%2f..%2fgo.mod", gomod},
		{"/web/..\\go.mod", gomod},
		{"/web/..%5cgo.mod", gomod},
		{"/web/./../go.mod", gomod},
		{"/web//../go.mod", gomod},
		{"/web/app.css/../../go.mod", gomod},
		{"/web/../.git/config", gitConfig},
		{"/web/%2e%2e/.git/config", gitConfig},
		{"/web/..%2f.git%2fconfig", gitConfig},
		{"/web/.hidden", secrets["web/.hidden"]},
		{"/web/%2ehidden", secrets["web/.hidden"]},
		{"/web/.private/notes.txt", secrets["web/.private/notes.txt"]},
		{"/web/passwords.txt", secrets["outside"]},
		{"/web/outside-folder/passwords.txt", secrets["outside"]},
		{"/web/icons/repo/go.mod", gomod},
		{"/web/icons/repo/.git/config", gitConfig},
		{"/web/icons/up.txt", gomod},
	} {
		res := rawGet(t, addr, tc.target)
		if code := status(res); code != "404" {
			t.Errorf("%s: status %s, want 404", tc.target, code)
		}
		if leak := leaks(res, tc.secret); leak != "" {
			t.Errorf("%s: the response holds %q of the file:\n%s", tc.target, leak, res)
		}
	}

	// What the app ships still comes whole.
	for _, name := range []string{"app.css", "cues.js", "icons/icon.svg", "icons/favicon-32.png"} {
		want, err := os.ReadFile(filepath.Join(root, "web", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		res := rawGet(t, addr, "/web/"+name)
		if code := status(res); code != "200" || !bytes.HasSuffix(res, want) {
			t.Errorf("/web/%s: status %s, body does not end with the file:\n%.300s", name, code, res)
		}
	}
}

// TestShippedFileSwappedForSymlink replaces a shipped file with a symlink
// out of web/ while the server runs: the name is on the list, the file it
// now leads to is not served.
func TestShippedFileSwappedForSymlink(t *testing.T) {
	root, secrets := secretRoot(t)
	addr := listen(t, newTestServer(t, root))
	gomod := filepath.Join(root, "go.mod")
	for _, name := range []string{"cues.js", "app.wasm", "robots.txt"} {
		link := filepath.Join(root, "web", name)
		os.Remove(link)
		if err := os.Symlink(gomod, link); err != nil {
			t.Fatal(err)
		}
		for _, target := range []string{"/web/" + name, "/" + name} {
			if name == "cues.js" && target == "/cues.js" {
				continue // not a file route
			}
			res := rawGet(t, addr, target)
			if code := status(res); code != "404" {
				t.Errorf("%s, a symlink to go.mod: status %s, want 404", target, code)
			}
			if leak := leaks(res, secrets["go.mod"]); leak != "" {
				t.Errorf("%s: the response holds %q of go.mod", target, leak)
			}
		}
	}
}

// TestStaticSiteShipsOnlyServedFiles checks that make static copies into
// dist/web exactly what the server serves, with precompressed copies.
func TestStaticSiteShipsOnlyServedFiles(t *testing.T) {
	root, _ := secretRoot(t)
	if err := Precompress(root); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := WriteStatic(testSite(t, root), out); err != nil {
		t.Fatalf("WriteStatic: %v", err)
	}
	var got []string
	err := filepath.WalkDir(filepath.Join(out, "web"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			t.Errorf("dist holds %s, not a regular file", p)
		}
		rel, _ := filepath.Rel(out, p)
		got = append(got, "/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	web, err := NewWeb(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/web/app.wasm.br", "/web/app.wasm.gz"}
	for p := range web.files {
		want = append(want, p)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("dist/web holds\n%q\nwant\n%q", got, want)
	}
}

func TestHSTSOnlyForStaticHosts(t *testing.T) {
	sent, err := testSite(t, newTestRoot(t)).Headers()
	if err != nil {
		t.Fatal(err)
	}
	headers := string(headersFile(sent))
	if !strings.Contains(headers, "\n  Strict-Transport-Security: max-age=31536000\n") {
		t.Errorf("_headers lacks HSTS:\n%s", headers)
	}
	s := newTestServer(t, newTestRoot(t))
	for _, path := range []string{"/", "/web/app.css", "/web/app.wasm", "/app.js"} {
		if res, _ := get(t, s, http.MethodGet, path, ""); res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s over plain http sends Strict-Transport-Security", path)
		}
	}
}

// wasmRoot is a test root whose app.wasm is size random bytes, which no
// coding shrinks, so the server sends that many.
func wasmRoot(t *testing.T, size int) string {
	t.Helper()
	root := newTestRoot(t)
	wasm := make([]byte, size)
	rand.Read(wasm)
	writeFile(t, filepath.Join(root, "web", "app.wasm"), string(wasm))
	return root
}

// withTimeouts sets the server's timeouts for one test.
func withTimeouts(t *testing.T, to serverTimeouts) {
	old := timeouts
	timeouts = to
	t.Cleanup(func() { timeouts = old })
}

// TestSlowDownloadCompletes reads app.wasm at a slow phone's pace, for
// several times the server's write timeout, steadily above the least pace
// the server asks: it still arrives whole.
func TestSlowDownloadCompletes(t *testing.T) {
	// Larger than what the two sockets' buffers can hold, so the server
	// waits on the reader.
	const size = 24 << 20
	// The least pace asked is a fiftieth of the reader's, over windows as
	// long as the stall allowed: a busy machine (the race detector's) may
	// pause the reader for a second.
	withTimeouts(t, serverTimeouts{readHeader: time.Second, read: 300 * time.Millisecond, write: 300 * time.Millisecond, idle: time.Second, stall: 3 * time.Second,
		window: 3 * time.Second, least: 256 << 10})
	root := wasmRoot(t, size)
	addr := listen(t, newTestServer(t, root))

	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	start := time.Now()
	br := bufio.NewReaderSize(c, 1)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	chunk := make([]byte, 64<<10)
	for {
		n, err := io.ReadFull(res.Body, chunk)
		body.Write(chunk[:n])
		if err != nil {
			break
		}
		time.Sleep(5 * time.Millisecond) // at most 13 MB/s: about 2 s in all
	}
	took := time.Since(start)
	want, _ := os.ReadFile(filepath.Join(root, "web", "app.wasm"))
	if !bytes.Equal(body.Bytes(), want) {
		t.Errorf("got %d of %d bytes of app.wasm in %v", body.Len(), len(want), took)
	}
	if took < 2*timeouts.write {
		t.Logf("the download took %v, not longer than the write timeout %v: the test proves nothing on this machine", took, timeouts.write)
	}
}

// TestStalledDownloadIsDropped stops reading app.wasm after its headers:
// the server gives up on the connection after the stall timeout.
func TestStalledDownloadIsDropped(t *testing.T) {
	// Larger than what the two sockets' buffers can hold.
	const size = 48 << 20
	withTimeouts(t, serverTimeouts{readHeader: time.Second, read: 300 * time.Millisecond, write: 300 * time.Millisecond, idle: time.Second, stall: 300 * time.Millisecond})
	addr := listen(t, newTestServer(t, wasmRoot(t, size)))

	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	time.Sleep(2 * time.Second) // a client that stopped reading
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := io.Copy(io.Discard, c)
	if n >= size {
		t.Errorf("a client that stopped reading for 2 s still got all %d bytes (read error %v)", n, err)
	}
}
