// Package browsertest opens awsmap's HTML pages in a real headless Chromium
// (through the DevTools protocol) for tests, and records what a page must
// never do: console errors, uncaught exceptions, dialogs, network requests.
//
// Tests skip when no Chromium is installed, unless AWSMAP_REQUIRE_BROWSER=1
// (CI) makes that a failure.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Width and Height are the viewport of every page (and screenshot).
const (
	Width  = 1280
	Height = 800
)

// Page is one browser tab.
type Page struct {
	Ctx context.Context
	t   testing.TB

	mu       sync.Mutex
	problems []string
}

// executable finds Chromium or Chrome on PATH.
func executable() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is the headless Chromium (its own profile, no network services)
// in which every Page of this process is a tab: starting Chromium costs
// seconds, a tab in a browser context of its own (its own storage, like a
// private window) a few milliseconds.
var browser struct {
	once  sync.Once
	ctx   context.Context
	close func()
	err   error
}

func startBrowser(path string) (context.Context, error) {
	browser.once.Do(func() {
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck, chromedp.WindowSize(Width, Height),
		}
		for _, f := range []string{"disable-quic", "disable-background-networking", "disable-component-update", "disable-sync"} {
			opts = append(opts, chromedp.Flag(f, true))
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		browser.ctx, browser.close = ctx, func() { cancel(); cancelAlloc() }
		browser.err = chromedp.Do(ctx)
	})
	return browser.ctx, browser.err
}

// Close ends the browser, and removes its profile; call it from TestMain
// after m.Run.
func Close() {
	if browser.close != nil {
		browser.close()
	}
}

// Open returns a new tab, in a browser context of its own, of the browser
// the process shares (started on first use). The tab is closed when the
// test ends.
func Open(t testing.TB) *Page {
	t.Helper()
	path := executable()
	if path == "" {
		if os.Getenv("AWSMAP_REQUIRE_BROWSER") == "1" {
			t.Fatal("no chromium on PATH and AWSMAP_REQUIRE_BROWSER=1 (apt-get install chromium)")
		}
		t.Skip("no chromium on PATH: browser tests skipped (set AWSMAP_REQUIRE_BROWSER=1 to fail instead)")
	}
	bctx, err := startBrowser(path)
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	p := &Page{Ctx: ctx, t: t}
	err = chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			p.problem("dialog %s: %q", e.Type, e.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *network.EventRequestWillBeSent:
			if u := e.Request.URL; !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				p.problem("network request to %s", u)
			}
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || m.Type == "assert" {
				p.problem("console %s: %s", m.Type, m.String())
			}
		}
	}()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(Width, Height)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return p
}

func (p *Page) problem(format string, a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, fmt.Sprintf(format, a...))
}

// Problems returns the console errors, exceptions, dialogs and network
// requests seen so far.
func (p *Page) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.problems...)
}

// Load opens the file at path (with an optional #fragment), waits until the
// report has decoded all its data, and returns the time to its first paint.
func (p *Page) Load(path, fragment string) time.Duration {
	p.t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		p.t.Fatal(err)
	}
	url := "file://" + abs
	if fragment != "" {
		url += "#" + fragment
	}
	start := time.Now()
	p.Do(chromedp.Navigate(url))
	p.WaitFor(`window.awsmapReport && window.awsmapReport.ready`)
	ready := time.Since(start)
	p.WaitFor(`window.awsmapReport.complete`)
	return ready
}

// Do runs actions, failing the test on error.
func (p *Page) Do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatalf("browser: %v (problems so far: %v)", err, p.Problems())
	}
}

// WaitFor waits until the JavaScript expression is true.
func (p *Page) WaitFor(expr string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(10*time.Millisecond))); err != nil {
		p.t.Fatalf("waiting for %s: %v (problems: %v)", expr, err, p.Problems())
	}
}

// Eval evaluates a JavaScript expression into T.
func Eval[T any](p *Page, expr string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// Screenshot writes the viewport as a PNG to path (creating its directory).
func (p *Page) Screenshot(path string) {
	p.t.Helper()
	png, err := chromedp.Run(p.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}
