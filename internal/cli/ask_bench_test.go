//go:build unix

package cli

import (
	"context"
	"fmt"
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/demo"
)

// processCPU is the CPU time (user and system) the process used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAsk times whole `awsmap ask` runs (open the inventory, parse,
// query, check completeness, print) on the demo inventory and on a
// 100k-resource one:
//
//	go test ./internal/cli -run '^$' -bench Ask -benchtime 20x -timeout 30m
//
// Building the 100k inventory takes a minute or two before the timing.
func BenchmarkAsk(b *testing.B) {
	questions := []string{
		"how many ec2 instances per region",
		"which databases are public",
		"stopped instances in eu-west-1 without an Owner tag",
		"unencrypted volumes larger than 100 GB",
		"count lambda functions per runtime and region",
		"resources tagged Environment=production per service",
		"vpcs without any subnets",
		"what changed since yesterday by service",
	}
	for _, size := range []int{demo.DefaultSize, 100_000} {
		path := benchInventory(b, size)
		for _, q := range questions {
			b.Run(fmt.Sprintf("%dk/%s", size/1000, q), func(b *testing.B) {
				cpu := processCPU()
				for range b.N {
					if code := Run(context.Background(), []string{"--db", path, "ask", "-f", "csv", q}, io.Discard, io.Discard); code != ExitOK {
						b.Fatalf("exit %d", code)
					}
				}
				// CPU time per answer: on a shared, loaded machine wall time
				// says more about the neighbours than about ask.
				b.ReportMetric(float64((processCPU()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
