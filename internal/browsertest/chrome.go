package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is Debian's Chromium unless UNKNOT_CHROMIUM names another.
func ChromiumPath() string {
	if p := os.Getenv("UNKNOT_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Chrome is how to start headless Chromium.
type Chrome struct {
	Path string // the binary; ChromiumPath() when empty
	// Tmp holds the browser's profile (Profile, under it) and its
	// temporary files, which Chromium keeps under $TMPDIR: removing Tmp
	// removes everything the browser wrote.
	Tmp, Profile string
	// Throttled drops chromedp's default flags that keep hidden pages at
	// full speed, so a hidden page's timers are throttled as on a phone.
	Throttled bool
	// Voice lets pages speak through speech-dispatcher (espeak-ng), which
	// needs a running sound server; without it the browser has no voice.
	Voice bool
}

// path is the binary to start.
func (c Chrome) path() string {
	if c.Path == "" {
		return ChromiumPath()
	}
	return c.Path
}

// Options are the browser's flags: chromedp's defaults (headless among
// them), no sandbox (tests run as root in CI), no GPU, and nothing that
// reaches the network behind the test's back (QUIC, component updates,
// background networking, sync), with a fresh profile and a phone-sized
// window.
func (c Chrome) Options() []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(c.path()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(c.Tmp, c.Profile)),
		chromedp.Env("TMPDIR="+c.Tmp),
		chromedp.WindowSize(PhoneWidth, PhoneHeight),
	)
	if c.Throttled {
		opts = append(opts,
			chromedp.Flag("disable-background-timer-throttling", false),
			chromedp.Flag("disable-renderer-backgrounding", false),
			chromedp.Flag("disable-backgrounding-occluded-windows", false),
		)
	}
	if c.Voice {
		opts = append(opts, chromedp.Flag("enable-speech-dispatcher", true))
	}
	return opts
}

// Start starts the browser and returns a chromedp context of its first
// tab, with no deadline, and the function that stops it.
func (c Chrome) Start() (context.Context, context.CancelFunc, error) {
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), c.Options()...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	stop := func() {
		cancelCtx()
		cancelAlloc()
	}
	// The first Do starts the browser and ties it to ctx; a slow start
	// fails through the allocator's own timeout.
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", c.path(), err)
	}
	return ctx, stop, nil
}

// Eval evaluates a JavaScript expression in the tab of ctx, awaiting a
// promise, within timeout.
func Eval[T any](ctx context.Context, timeout time.Duration, js string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// StartVirtualTime switches the tab of ctx to virtual time and lets it run
// for d without waiting: Go's timers and clock in the page move as fast as
// the page can run them. Once the budget has expired the page's time stands
// still until the next budget.
func StartVirtualTime(ctx context.Context, d time.Duration) error {
	budget := float64(d) / float64(time.Millisecond)
	if _, err := chromedp.Call(ctx, emulation.SetVirtualTimePolicy, emulation.SetVirtualTimePolicyParams{
		Policy: emulation.VirtualTimePolicyAdvance, Budget: &budget,
	}); err != nil {
		return fmt.Errorf("starting virtual time: %w", err)
	}
	return nil
}

// Advance lets the tab's virtual time run for d and waits until it has, so
// Go's timers and clock in the page move without waiting in real time. ctx
// bounds the wait in real time.
func Advance(ctx context.Context, d time.Duration) error {
	expired := chromedp.Events(ctx, emulation.VirtualTimeBudgetExpired)
	if err := StartVirtualTime(ctx, d); err != nil {
		return err
	}
	for _, err := range expired {
		if err != nil {
			return fmt.Errorf("waiting for %v of virtual time: %w", d, err)
		}
		return nil
	}
	return errors.New("virtual time: no budget expiry")
}

// Console records what the tab of a chromedp context logs.
type Console struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

// RecordConsole records the console of the tab of ctx from now until the
// tab closes.
func RecordConsole(ctx context.Context) *Console {
	c := &Console{}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m)
			c.mu.Unlock()
		}
	}()
	return c
}

// Messages returns everything the tab logged so far.
func (c *Console) Messages() []chromedp.ConsoleMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), c.msgs...)
}

// Errors returns the console errors, uncaught exceptions and lines of Go's
// crash reports so far, each with where it was logged.
func (c *Console) Errors() []string {
	var errs []string
	for _, m := range c.Messages() {
		if m.Type == chromedp.ConsoleError || m.IsException() || GoCrash.MatchString(m.Text) {
			errs = append(errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
		}
	}
	return errs
}

// Exceptions returns the uncaught exceptions so far.
func (c *Console) Exceptions() []string {
	var errs []string
	for _, m := range c.Messages() {
		if m.IsException() {
			errs = append(errs, m.String())
		}
	}
	return errs
}
