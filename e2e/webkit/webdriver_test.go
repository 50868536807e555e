package webkit

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// A W3C WebDriver client, just what the suite uses. No Go library for the
// protocol fits: the known one (tebeka/selenium) is not served by the
// module proxy, was written for Selenium's older wire protocol and brings
// a Selenium server along; the dozen commands below are plain JSON over
// HTTP (https://www.w3.org/TR/webdriver2/).

// elementKey names an element reference in WebDriver's JSON.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// wdError is an error the driver answered with.
type wdError struct {
	Status  int
	Code    string `json:"error"`
	Message string `json:"message"`
}

func (e *wdError) Error() string {
	return fmt.Sprintf("webdriver %s (HTTP %d): %s", e.Code, e.Status, e.Message)
}

// driver is a running WebDriver server at base ("http://127.0.0.1:4444").
type driver struct {
	base   string
	client *http.Client
}

// session is one browser started by the driver.
type session struct {
	d  *driver
	id string
	// Browser and Version are what the driver reported, "MiniBrowser"
	// and "2.50.6".
	Browser, Version string
}

// do sends one command and decodes the "value" of its answer into out,
// unless out is nil.
func (d *driver) do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, d.base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	res, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%s %s: HTTP %d, not JSON: %.200s", method, path, res.StatusCode, raw)
	}
	if res.StatusCode != http.StatusOK {
		e := &wdError{Status: res.StatusCode}
		if err := json.Unmarshal(env.Value, e); err != nil || e.Code == "" {
			return fmt.Errorf("%s %s: HTTP %d: %.200s", method, path, res.StatusCode, raw)
		}
		return e
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(env.Value, out)
}

// ready reports whether the driver accepts a new session.
func (d *driver) ready(ctx context.Context) bool {
	var st struct {
		Ready bool `json:"ready"`
	}
	return d.do(ctx, http.MethodGet, "/status", nil, &st) == nil && st.Ready
}

// newSession starts a browser with the given capabilities (alwaysMatch).
func (d *driver) newSession(ctx context.Context, caps map[string]any) (*session, error) {
	var got struct {
		ID   string `json:"sessionId"`
		Caps struct {
			Browser string `json:"browserName"`
			Version string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	body := map[string]any{"capabilities": map[string]any{"alwaysMatch": caps}}
	if err := d.do(ctx, http.MethodPost, "/session", body, &got); err != nil {
		return nil, err
	}
	return &session{d: d, id: got.ID, Browser: got.Caps.Browser, Version: got.Caps.Version}, nil
}

// cmd sends a command of this session.
func (s *session) cmd(ctx context.Context, method, path string, body, out any) error {
	return s.d.do(ctx, method, "/session/"+s.id+path, body, out)
}

// navigate loads url and returns once it has loaded.
func (s *session) navigate(ctx context.Context, url string) error {
	return s.cmd(ctx, http.MethodPost, "/url", map[string]string{"url": url}, nil)
}

// refresh reloads the page and returns once it has loaded.
func (s *session) refresh(ctx context.Context) error {
	return s.cmd(ctx, http.MethodPost, "/refresh", struct{}{}, nil)
}

// setWindowSize resizes the browser's window.
func (s *session) setWindowSize(ctx context.Context, width, height int) error {
	return s.cmd(ctx, http.MethodPost, "/window/rect", map[string]int{"width": width, "height": height}, nil)
}

// findElement returns the reference of the first element matching the CSS
// selector.
func (s *session) findElement(ctx context.Context, css string) (string, error) {
	var ref map[string]string
	if err := s.cmd(ctx, http.MethodPost, "/element", map[string]string{"using": "css selector", "value": css}, &ref); err != nil {
		return "", err
	}
	id := ref[elementKey]
	if id == "" {
		return "", fmt.Errorf("no element reference in %v", ref)
	}
	return id, nil
}

// click clicks the element as a pointer would, at its centre, once it is
// scrolled into view.
func (s *session) click(ctx context.Context, element string) error {
	return s.cmd(ctx, http.MethodPost, "/element/"+element+"/click", struct{}{}, nil)
}

// execute runs script as the body of a function called with args and
// decodes what it returns into out. A promise returned is awaited.
func (s *session) execute(ctx context.Context, script string, out any, args ...any) error {
	if args == nil {
		args = []any{}
	}
	return s.cmd(ctx, http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": args}, out)
}

// executeAsync runs script with args and a last argument, the callback
// whose argument is decoded into out.
func (s *session) executeAsync(ctx context.Context, script string, out any, args ...any) error {
	if args == nil {
		args = []any{}
	}
	return s.cmd(ctx, http.MethodPost, "/execute/async", map[string]any{"script": script, "args": args}, out)
}

// screenshot returns a PNG of the page's viewport.
func (s *session) screenshot(ctx context.Context) ([]byte, error) {
	var b64 string
	if err := s.cmd(ctx, http.MethodGet, "/screenshot", nil, &b64); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(b64)
}

// close ends the session, which closes the browser.
func (s *session) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return s.d.do(ctx, http.MethodDelete, "/session/"+s.id, nil, nil)
}

// isGone reports whether err says the element is not, or no longer, in
// the page.
func isGone(err error) bool {
	e, ok := err.(*wdError)
	return ok && (e.Code == "no such element" || e.Code == "stale element reference")
}
