package server

import (
	"cmp"
	"io"
	"net"
	"sync"
	"syscall"
	"testing"
	"time"
)

// watchedListener is a listener whose connections say when the server
// closes them.
type watchedListener struct {
	net.Listener
	closed chan time.Time
}

func (l watchedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	// A send buffer of a real link's size: over loopback the kernel
	// takes megabytes, and a write then waits for a third of them to go.
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(32 << 10)
	}
	return &watchedConn{Conn: c, closed: l.closed}, nil
}

// watchedConn reports its first Close.
type watchedConn struct {
	net.Conn
	once   sync.Once
	closed chan time.Time
}

func (c *watchedConn) Close() error {
	c.once.Do(func() { c.closed <- time.Now() })
	return c.Conn.Close()
}

// TestTrickleDownloadIsCut reads app.wasm at 8 KB a step, steadily, far
// below the least rate the server allows: each write goes through well
// within the stall timeout, yet the server cuts the connection once a
// window passes with too little taken.
func TestTrickleDownloadIsCut(t *testing.T) {
	const size = 48 << 20
	withTimeouts(t, serverTimeouts{readHeader: time.Second, read: 300 * time.Millisecond, write: 300 * time.Millisecond,
		idle: time.Second, stall: 2 * time.Second, window: 200 * time.Millisecond, least: 64 << 10})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := make(chan time.Time, 1)
	srv := NewHTTPServer(newTestServer(t, wasmRoot(t, size)))
	go srv.Serve(watchedListener{ln, closed})
	t.Cleanup(func() { srv.Close() })

	// A small receive window, as the client chooses: the server's
	// writes then go through a little at a time.
	d := net.Dialer{Control: func(network, address string, rc syscall.RawConn) error {
		var serr error
		err := rc.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4<<10) })
		return cmp.Or(err, serr)
	}}
	c, err := d.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	start := time.Now()
	done := make(chan struct{})
	defer close(done)
	go func() {
		buf := make([]byte, 8<<10)
		for {
			select {
			case <-done:
				return
			case <-time.After(100 * time.Millisecond): // 80 KB/s
			}
			if _, err := io.ReadFull(c, buf); err != nil {
				return
			}
		}
	}()
	select {
	case at := <-closed:
		t.Logf("cut after %v", at.Sub(start))
	case <-time.After(8 * time.Second):
		t.Fatalf("a client taking 80 KB/s still holds its connection after 8 s; the least allowed is %d KB every %v",
			timeouts.least>>10, timeouts.window)
	}
}
