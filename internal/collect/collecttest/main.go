package collecttest

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
)

// The servers Main started (none, and whyNone says why, when moto_server is
// not installed). Each is lent to one test at a time: free holds those not
// lent, lent maps a test's name to its server.
var (
	started []*Moto
	whyNone string
	free    chan *Moto
	lent    sync.Map
)

// Main is the TestMain of a package that tests collectors: it starts one
// moto_server per core, runs the tests and stops the servers.
func Main(m *testing.M) {
	// The servers speak plain HTTP on loopback: a CA bundle named by the
	// user's environment would only be parsed again for every test's config.
	os.Unsetenv("AWS_CA_BUNDLE")
	started, whyNone = StartMotos(runtime.GOMAXPROCS(0))
	free = make(chan *Moto, len(started))
	for _, s := range started {
		free <- s
	}
	code := m.Run()
	for _, s := range started {
		s.Stop()
	}
	os.Exit(code)
}

// serverOf is the server t uses: the one lent to t or to a test t is a
// subtest of, or else a free one, lent to t until it ends. A top-level test
// that is lent a server runs in parallel with the others that hold one, so
// the package's tests keep every server busy; subtests run in sequence.
func serverOf(t testing.TB) *Moto {
	t.Helper()
	if len(started) == 0 {
		t.Skip("skipping emulator test: " + whyNone)
	}
	for name := t.Name(); ; {
		if m, ok := lent.Load(name); ok {
			return m.(*Moto)
		}
		i := strings.LastIndex(name, "/")
		if i < 0 {
			break
		}
		name = name[:i]
	}
	if p, ok := t.(interface{ Parallel() }); ok && !strings.Contains(t.Name(), "/") {
		p.Parallel()
	}
	m := <-free
	lent.Store(t.Name(), m)
	t.Cleanup(func() {
		lent.Delete(t.Name())
		free <- m
	})
	return m
}

// Require skips t when Main found no moto_server, and otherwise lends t a
// server (see serverOf).
func Require(t testing.TB) {
	t.Helper()
	serverOf(t)
}

// Setup is the prologue of a test that uses the emulator: it skips t when
// there is no moto_server and otherwise lends t a server with its state
// emptied.
func Setup(t testing.TB) {
	t.Helper()
	serverOf(t).Reset(t)
}

// Config is Moto.Config on the server t uses.
func Config(t testing.TB, region string, obs awsx.Observer) aws.Config {
	t.Helper()
	return serverOf(t).Config(t, region, obs)
}

// ConfigWith is Moto.ConfigWith on the server t uses.
func ConfigWith(t testing.TB, region string, o awsx.Options) aws.Config {
	t.Helper()
	return serverOf(t).ConfigWith(t, region, o)
}
