// Package collecttest runs collectors against moto_server, a real AWS
// emulator, through the real SDK clients, paginators and retryer.
package collecttest

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awsmap/awsmap/internal/awsx"
)

// MotoAccount is the account id moto answers with.
const MotoAccount = "123456789012"

// Moto is a running moto_server.
type Moto struct {
	URL  string
	cmd  *exec.Cmd
	site string // directory of the sitecustomize.py it runs with
}

// RequireEnv makes a missing moto_server a test failure instead of a skip;
// .ci/run sets it so CI always runs the emulator tests.
const RequireEnv = "AWSMAP_REQUIRE_MOTO"

// StartMoto starts moto_server on a free loopback port for a whole test
// package; call it from TestMain and Stop it after m.Run. It returns nil
// (and the reason) when moto_server is not installed and RequireEnv is not
// set.
func StartMoto() (*Moto, string) {
	ms, why := StartMotos(1)
	if len(ms) == 0 {
		return nil, why
	}
	return ms[0], ""
}

// StartMotos starts n servers at once, like StartMoto.
func StartMotos(n int) ([]*Moto, string) {
	bin, err := LookMoto()
	if err != nil {
		if os.Getenv(RequireEnv) != "" {
			fmt.Fprintln(os.Stderr, "FATAL:", err)
			os.Exit(1)
		}
		return nil, err.Error()
	}
	ms := make([]*Moto, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range ms {
		wg.Go(func() { ms[i], errs[i] = Launch(bin) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		for _, m := range ms {
			m.Stop()
		}
		fmt.Fprintln(os.Stderr, "FATAL:", err)
		os.Exit(1)
	}
	return ms, ""
}

// LookMoto finds moto_server on PATH, or says how to install it.
func LookMoto() (string, error) {
	bin, err := exec.LookPath("moto_server")
	if err != nil {
		return "", errors.New("moto_server not found on PATH (pip install 'moto[server]==5.2.1')")
	}
	return bin, nil
}

// siteCustomize makes moto_server answer one request at a time; see its header.
//
//go:embed sitecustomize.py
var siteCustomize []byte

// Launch starts the moto_server at bin on a free loopback port and waits
// until it answers.
func Launch(bin string) (*Moto, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	site, err := os.MkdirTemp("", "moto-site-*")
	if err != nil {
		return nil, err
	}
	m := &Moto{URL: fmt.Sprintf("http://127.0.0.1:%d", port), site: site}
	if err := os.WriteFile(filepath.Join(site, "sitecustomize.py"), siteCustomize, 0o600); err != nil {
		m.Stop()
		return nil, err
	}
	m.cmd = exec.Command(bin, "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	m.cmd.Env = append(os.Environ(), "MOTO_EC2_LOAD_DEFAULT_AMIS=false", "MOTO_IAM_LOAD_MANAGED_POLICIES=false",
		"PYTHONPATH="+strings.Join(append([]string{site}, filepath.SplitList(os.Getenv("PYTHONPATH"))...), string(filepath.ListSeparator)))
	logFile, err := os.CreateTemp("", "moto-*.log")
	if err != nil {
		m.Stop()
		return nil, err
	}
	defer logFile.Close()
	m.cmd.Stdout, m.cmd.Stderr = logFile, logFile
	if err := m.cmd.Start(); err != nil {
		m.Stop()
		return nil, err
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(m.URL + "/moto-api/"); err == nil {
			resp.Body.Close()
			return m, nil
		}
	}
	m.Stop()
	return nil, fmt.Errorf("moto_server did not start; log in %s", filepath.Clean(logFile.Name()))
}

// Stop ends the server.
func (m *Moto) Stop() {
	if m == nil {
		return
	}
	if m.cmd != nil && m.cmd.Process != nil {
		_ = m.cmd.Process.Kill()
		_ = m.cmd.Wait()
	}
	os.RemoveAll(m.site)
}

// Reset empties moto's state between tests.
func (m *Moto) Reset(t testing.TB) {
	t.Helper()
	resp, err := http.Post(m.URL+"/moto-api/reset", "application/json", strings.NewReader(""))
	if err != nil {
		t.Fatalf("reset moto: %v", err)
	}
	resp.Body.Close()
}

// Config is an SDK config pointed at moto, instrumented like a real scan's.
func (m *Moto) Config(t testing.TB, region string, obs awsx.Observer) aws.Config {
	return m.ConfigWith(t, region, awsx.Options{Observer: obs})
}

// ConfigWith is Config with more options, e.g. a Responder that fakes or
// faults some operations and passes the rest to moto (awsx.ErrPassThrough).
func (m *Moto) ConfigWith(t testing.TB, region string, o awsx.Options) aws.Config {
	t.Helper()
	o.Region, o.EndpointURL = region, m.URL
	o.Credentials = credentials.NewStaticCredentialsProvider("testing", "testing", "")
	o.MaxBackoff = 50 * time.Millisecond
	cfg, err := awsx.LoadConfig(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// Skip skips t when moto is not running, saying why.
func Skip(t testing.TB, m *Moto, why string) {
	t.Helper()
	if m == nil {
		t.Skip("skipping emulator test: " + why)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
