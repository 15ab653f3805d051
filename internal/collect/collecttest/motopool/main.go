// Command motopool runs a command, the test suite, beside a pool of
// moto_server instances that test packages borrow instead of each starting
// its own (a start costs about 1.4 CPU-seconds and a few seconds of wall
// time):
//
//	go run ./internal/collect/collecttest/motopool go test ./...
//
// It exits with the command's exit code, after stopping the servers.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"sync"

	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("motopool", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", runtime.GOMAXPROCS(0), "servers in the pool; go test runs up to GOMAXPROCS packages at once")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: motopool [-n servers] command [args...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 || *n < 1 {
		fs.Usage()
		return 2
	}
	bin, err := collecttest.LookMoto()
	if err != nil {
		fmt.Fprintln(stderr, "motopool:", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "awsmap-moto-pool-")
	if err != nil {
		fmt.Fprintln(stderr, "motopool:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	servers, err := launch(bin, *n)
	defer func() {
		for _, m := range servers {
			m.Stop()
		}
	}()
	if err == nil {
		err = collecttest.WritePool(dir, servers)
	}
	if err != nil {
		fmt.Fprintln(stderr, "motopool:", err)
		return 1
	}

	// An interrupt reaches the command too (same process group): wait for
	// it to end, then stop the servers.
	signal.Ignore(os.Interrupt)
	cmd := exec.Command(fs.Arg(0), fs.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, stderr
	cmd.Env = append(os.Environ(), collecttest.PoolEnv+"="+dir)
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintln(stderr, "motopool:", err)
		return 1
	}
	return 0
}

// launch starts n servers at once.
func launch(bin string, n int) ([]*collecttest.Moto, error) {
	servers := make([]*collecttest.Moto, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { servers[i], errs[i] = collecttest.Launch(bin) })
	}
	wg.Wait()
	var started []*collecttest.Moto
	for _, m := range servers {
		if m != nil {
			started = append(started, m)
		}
	}
	return started, errors.Join(errs...)
}
