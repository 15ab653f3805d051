package collecttest

import (
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awsmap/awsmap/internal/awsx"
)

// server is the moto_server Main started for this test package, or nil (and
// serverWhy says why) when moto_server is not installed.
var (
	server    *Moto
	serverWhy string
)

// Main is the TestMain of a package that tests collectors: it starts
// moto_server (or borrows one of the pool), runs the tests and stops it.
func Main(m *testing.M) {
	server, serverWhy = StartMoto()
	code := m.Run()
	server.Stop()
	os.Exit(code)
}

// Require skips t when Main found no moto_server.
func Require(t testing.TB) {
	t.Helper()
	Skip(t, server, serverWhy)
}

// Setup is the prologue of a test that uses the emulator: it skips t when
// there is no moto_server and otherwise empties moto's state.
func Setup(t testing.TB) {
	t.Helper()
	Require(t)
	server.Reset(t)
}

// Config is Moto.Config on the server Main started.
func Config(t testing.TB, region string, obs awsx.Observer) aws.Config {
	t.Helper()
	Require(t)
	return server.Config(t, region, obs)
}

// ConfigWith is Moto.ConfigWith on the server Main started.
func ConfigWith(t testing.TB, region string, o awsx.Options) aws.Config {
	t.Helper()
	Require(t)
	return server.ConfigWith(t, region, o)
}
