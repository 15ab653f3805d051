package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/audit"
	"github.com/awsmap/awsmap/internal/collect/all"
	"github.com/awsmap/awsmap/internal/rss"
	"github.com/awsmap/awsmap/internal/scan"
	"github.com/awsmap/awsmap/internal/store"
)

// Benchmarks (one command runs them all):
//
//	go test ./internal/demo -run '^$' -bench . -benchtime 1x -timeout 60m
//
// AWSMAP_BENCH_1M=1 adds the 1M-resource scan. Each scan benchmark reports
// resources/s, the seconds spent collecting and storing (merging after
// collection), the CPU seconds used and resources per CPU second, peak RSS
// (VmHWM, reset before each run) and the database size; BenchmarkAudits times the audits on the 100k inventory.

// peakRSSMB is the peak RSS in MiB, 0 where the system does not say.
func peakRSSMB() float64 {
	peak, _ := rss.Peak()
	return float64(peak) / (1 << 20)
}

func resetPeakRSS() { _ = rss.ResetPeak() }

func dbMB(path string) float64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return float64(n) / (1 << 20)
}

func benchScan(b *testing.B, size int, so ServeOptions, scans int) (scanResult, string) {
	b.Helper()
	scan.LimitMemory() // as the awsmap binary does
	var last scanResult
	var path string
	for range b.N {
		path = filepath.Join(b.TempDir(), "bench.db")
		est := New(Options{Seed: 42, Size: size})
		resetPeakRSS()
		start, cpuStart := time.Now(), cpuTime()
		var stored time.Duration
		for s := range scans {
			r, err := scanInto(context.Background(), path, est.Scan(s), scanOptions{Serve: so})
			if err != nil {
				b.Fatal(err)
			}
			last = r
			stored += r.Stored
		}
		el, cpu := time.Since(start), cpuTime()-cpuStart
		resources := float64(last.Result.Resources) * float64(scans)
		b.ReportMetric(resources/el.Seconds(), "resources/s")
		// Per CPU second: what one core scans, less sensitive than wall
		// time to the machine's load and core count.
		if cpu > 0 {
			b.ReportMetric(cpu.Seconds(), "cpu-s")
			b.ReportMetric(resources/cpu.Seconds(), "resources/cpu-s")
		}
		// Where the time went: collection, then the single-threaded merge.
		b.ReportMetric((el - stored).Seconds(), "collect-s")
		b.ReportMetric(stored.Seconds(), "store-s")
		b.ReportMetric(peakRSSMB(), "peakRSS-MB")
		b.ReportMetric(dbMB(path), "db-MB")
		b.ReportMetric(float64(last.Result.Resources), "resources")
	}
	return last, path
}

func BenchmarkScanZeroLatency(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("AWSMAP_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) { benchScan(b, n, ServeOptions{}, 1) })
	}
}

// criticalPath is a lower bound on a scan's wall time: per endpoint
// (account, region, service), its calls cannot be admitted faster than the
// rate control allows (scan.MinDuration), and the last one takes a round
// trip. Concurrency gives no tighter bound: several tasks share an endpoint
// and S3 runs eleven calls per bucket at once, so "16 detail calls of a
// task at a time" (the bound used until November 2026) was not a lower
// bound and made the ratio look better than it was.
func criticalPath(r scanResult, latency time.Duration) time.Duration {
	per := map[string]int{}
	for _, row := range r.Ledger.Rows() {
		per[row.Account+"/"+row.Region+"/"+row.Service] += row.Calls
	}
	var bound time.Duration
	for _, n := range per {
		bound = max(bound, scan.MinDuration(n)+latency)
	}
	return bound
}

func BenchmarkScanLatency40ms(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			start := time.Now()
			r, _ := benchScan(b, n, ServeOptions{Latency: 40 * time.Millisecond}, 1)
			bound := criticalPath(r, 40*time.Millisecond)
			b.ReportMetric(time.Since(start).Seconds(), "wall-s")
			b.ReportMetric(bound.Seconds(), "bound-s")
			b.ReportMetric(time.Since(start).Seconds()/bound.Seconds(), "ratio")
		})
	}
}

func BenchmarkScanThrottled30(b *testing.B) {
	n := 10_000
	ref, refPath := benchScan(b, n, ServeOptions{}, 1)
	start := time.Now()
	r, path := benchScan(b, n, ServeOptions{Throttle: 0.3}, 1)
	var retries, throttles int
	for _, row := range r.Ledger.Rows() {
		retries += row.Retries
		throttles += row.Throttles
	}
	b.ReportMetric(time.Since(start).Seconds(), "wall-s")
	b.ReportMetric(float64(retries), "retries")
	b.ReportMetric(float64(throttles), "throttles")
	b.ReportMetric(float64(ref.Result.Resources-r.Result.Resources), "missing")
	b.ReportMetric(float64(r.Failed), "failed-collections")
	_, _ = refPath, path
}

func BenchmarkRescanDrift(b *testing.B) {
	n := 10_000
	scans := 100
	if s := os.Getenv("AWSMAP_BENCH_SCANS"); s != "" {
		scans, _ = strconv.Atoi(s)
	}
	path := filepath.Join(b.TempDir(), "drift.db")
	est := New(Options{Seed: 42, Size: n, Drift: 0.02})
	var first, one float64
	var rescan time.Duration
	for s := range scans {
		start := time.Now()
		if _, err := scanInto(context.Background(), path, est.Scan(s), scanOptions{}); err != nil {
			b.Fatal(err)
		}
		if s == 0 {
			first = dbMB(path)
		}
		if s == 1 {
			rescan = time.Since(start)
			one = dbMB(path) - first
		}
	}
	b.ReportMetric(rescan.Seconds(), "rescan-s")
	b.ReportMetric(one, "rescan-growth-MB")
	b.ReportMetric(first, "one-scan-MB")
	b.ReportMetric(dbMB(path), fmt.Sprintf("after-%d-scans-MB", scans))
	b.ReportMetric(dbMB(path)/first, "ratio-to-one-scan")
}

// BenchmarkAudits scans the 100k estate twice, then runs every named query,
// the waste audit (every rule) and the tag audit on it, as `awsmap query
// -n`, `waste` and `tags` would: seconds of each, and of the slowest named
// query (logged by name).
func BenchmarkAudits(b *testing.B) {
	path := filepath.Join(b.TempDir(), "audits.db")
	est := New(Options{Seed: 42, Size: 100_000})
	for s := range 2 {
		if _, err := scanInto(context.Background(), path, est.Scan(s), scanOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	r, err := store.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	if err := r.UseScan(0, all.Types()); err != nil {
		b.Fatal(err)
	}
	lib, err := audit.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	timed := func(f func() error) float64 {
		start := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		return time.Since(start).Seconds()
	}
	b.ResetTimer()
	for range b.N {
		var queries, slowest float64
		var slowestName string
		for _, q := range lib.All() {
			s := timed(func() error { _, err := audit.Run(ctx, r, q, nil, audit.Scope{Types: all.Types()}); return err })
			queries += s
			if s > slowest {
				slowest, slowestName = s, q.Name
			}
		}
		b.ReportMetric(queries, "queries-s")
		b.ReportMetric(slowest, "slowest-query-s")
		b.Logf("slowest named query: %s (%.2f s)", slowestName, slowest)
		b.ReportMetric(timed(func() error {
			_, err := audit.Waste(ctx, r, audit.WasteOptions{MinAgeDays: 90}, audit.Scope{Types: all.Types()})
			return err
		}), "waste-s")
		b.ReportMetric(timed(func() error {
			_, err := audit.Tags(ctx, r, audit.TagOptions{Required: []string{"Owner"}}, audit.Scope{Types: all.Types()})
			return err
		}), "tags-s")
	}
}
