// Benchmarks of the scan write path on a synthetic estate (BenchmarkScan)
// and of the setup before every query (BenchmarkUseScan).
//
//	go test -run XXX -bench '^BenchmarkScan' -benchtime 1x ./internal/store/
//	AWSMAP_BENCH_1M=1 go test -run XXX -bench '^BenchmarkScan' -benchtime 1x -timeout 30m ./internal/store/
//
// Each case writes a first scan (everything new), then an unchanged re-scan
// of the same estate, then a re-scan of its Lambda functions alone (a fifth
// of it, as `awsmap -s lambda` would), on a fresh file. It reports
// resources/s and seconds of the first two, seconds of the third, the
// database file size before and after the full re-scan (with its growth;
// the WAL, truncated or deleted at the next write or close, is reported
// apart), and the peak RSS (VmHWM, reset before each case). The
// edges=1 case adds one relationship per resource. The 1M case takes one to
// two minutes depending on the machine's load: it runs only with
// AWSMAP_BENCH_1M=1.
package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/catalog"
	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/rss"
)

func BenchmarkScan(b *testing.B) {
	cases := []struct {
		n     int
		edges bool
	}{{100_000, false}, {100_000, true}}
	if os.Getenv("AWSMAP_BENCH_1M") == "1" {
		cases = append(cases, struct {
			n     int
			edges bool
		}{1_000_000, false})
	}
	for _, c := range cases {
		name := fmt.Sprintf("resources=%d", c.n)
		if c.edges {
			name += "/edges=1"
		}
		b.Run(name, func(b *testing.B) {
			resetPeakRSS(b)
			for range b.N {
				benchScans(b, c.n, c.edges)
			}
			b.ReportMetric(float64(peakRSS(b))/(1<<20), "VmHWM_MB")
		})
	}
}

// benchScans writes a first scan, an unchanged re-scan and a Lambda-only
// re-scan of n resources.
func benchScans(b *testing.B, n int, edges bool) {
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	first := timedScan(b, db, n, edges, "")
	before := fileSize(b, path)
	rescan := timedScan(b, db, n, edges, "")
	after := fileSize(b, path)
	lambda := timedScan(b, db, n, edges, "lambda")
	if got := count(b, db, `SELECT count(*) FROM resource_versions`); got != int64(n) {
		b.Fatalf("%d versions after unchanged re-scans of %d resources", got, n)
	}
	b.ReportMetric(float64(n)/first.Seconds(), "first_res/s")
	b.ReportMetric(first.Seconds(), "first_s")
	b.ReportMetric(float64(n)/rescan.Seconds(), "rescan_res/s")
	b.ReportMetric(rescan.Seconds(), "rescan_s")
	b.ReportMetric(lambda.Seconds(), "lambda_rescan_s")
	b.ReportMetric(float64(before)/(1<<20), "db_before_MB")
	b.ReportMetric(float64(after)/(1<<20), "db_after_MB")
	b.ReportMetric(100*float64(after-before)/float64(before), "growth_%")
	b.ReportMetric(float64(fileSize(b, path+"-wal"))/(1<<20), "wal_MB")
}

// timedScan writes one complete scan of the synthetic estate of n
// resources (with one edge each if asked; of one service only if service is
// not empty) and returns its duration. As in a real scan, the resources
// come from another goroutine (the collectors).
func timedScan(b *testing.B, db *DB, n int, edges bool, service string) time.Duration {
	start := time.Now()
	w, err := db.BeginScan(ScanMeta{AccountID: benchAccount})
	if err != nil {
		b.Fatal(err)
	}
	resources := make(chan *model.Resource, 1024)
	go func() {
		defer close(resources)
		for i := range n {
			if r := synthetic(i); service == "" || r.Service == service {
				resources <- r
			}
		}
	}()
	for r := range resources {
		if err := w.Add(r); err != nil {
			b.Fatal(err)
		}
		if !edges {
			continue
		}
		if err := w.Relate(syntheticEdge(r)); err != nil {
			b.Fatal(err)
		}
	}
	staged := time.Since(start)
	if err := w.Finish(ScanResult{Status: StatusComplete, Collections: benchCollections(service)}); err != nil {
		b.Fatal(err)
	}
	b.Logf("scan of %d: staged in %v, finished in %v", n, staged.Round(time.Millisecond),
		(time.Since(start) - staged).Round(time.Millisecond))
	return time.Since(start)
}

const benchAccount = "123456789012"

var (
	benchRegions = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"}
	benchTypes   = [][2]string{{"ec2", "instance"}, {"ec2", "volume"}, {"lambda", "function"},
		{"rds", "db_instance"}, {"s3", "bucket"}}
)

// benchCollections vouches for every (region, type) of the estate, or of
// one service of it.
func benchCollections(service string) []Collection {
	var out []Collection
	for _, region := range benchRegions {
		for _, t := range benchTypes {
			if service != "" && t[0] != service {
				continue
			}
			out = append(out, Collection{AccountID: benchAccount, Region: region,
				Service: t[0], Type: t[1], Outcome: OutcomeOK})
		}
	}
	return out
}

// cycle returns the n strings f(0)..f(n-1), which the synthetic estate
// repeats (precomputed: generating must cost much less than storing).
func cycle(n int, f func(int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

var (
	benchApps    = cycle(97, func(i int) string { return fmt.Sprintf("app-%d", i) })
	benchTeams   = cycle(13, func(i int) string { return fmt.Sprintf("team-%d", i) })
	benchCosts   = cycle(211, func(i int) string { return fmt.Sprintf("cc-%04d", i) })
	benchOwners  = cycle(53, func(i int) string { return fmt.Sprintf("owner-%d@example.com", i) })
	benchVPCs    = cycle(17, func(i int) string { return fmt.Sprintf("vpc-%08x", i) })
	benchSubnets = cycle(101, func(i int) string { return fmt.Sprintf("subnet-%08x", i) })
	benchSGs     = cycle(41, func(i int) string { return fmt.Sprintf("sg-%08x", i) })
	benchTimes   = cycle(1440, func(i int) string {
		return time.Date(2023, 1, 1, 0, i, 0, 0, time.UTC).Format(time.RFC3339)
	})
	benchStates = []string{"running", "stopped", "available"}
	benchEnvs   = []string{"prod", "staging", "dev"}
)

// synthetic returns resource i of the estate: about 600 bytes of key,
// ARN, name, tags and details, the same for the same i.
func synthetic(i int) *model.Resource {
	t := benchTypes[i%len(benchTypes)]
	region := benchRegions[(i/len(benchTypes))%len(benchRegions)]
	seq := strconv.Itoa(i)
	id := t[1] + "-" + strings.Repeat("0", max(0, 10-len(seq))) + seq
	app := benchApps[i%len(benchApps)]
	return &model.Resource{
		Key:       model.Key{Account: benchAccount, Region: region, Service: t[0], Type: t[1], ID: id},
		ARN:       "arn:aws:" + t[0] + ":" + region + ":" + benchAccount + ":" + t[1] + "/" + id,
		Name:      app + "-" + id,
		CreatedAt: benchTimes[i%len(benchTimes)],
		Tags: map[string]string{
			"Name": app, "env": benchEnvs[i%3], "team": benchTeams[i%len(benchTeams)],
			"cost-center": benchCosts[i%len(benchCosts)], "owner": benchOwners[i%len(benchOwners)],
		},
		Details: map[string]any{
			"state":             benchStates[i%3],
			"size_gb":           8 + i%500,
			"encrypted":         i%2 == 0,
			"vpc_id":            benchVPCs[i%len(benchVPCs)],
			"subnet_id":         benchSubnets[i%len(benchSubnets)],
			"security_groups":   []string{benchSGs[i%37], benchSGs[i%41]},
			"kms_key_id":        "arn:aws:kms:" + region + ":" + benchAccount + ":key/0000-" + strconv.FormatInt(int64(i), 16),
			"monitoring":        "disabled",
			"platform":          "linux",
			"last_modified":     "2024-06-01T12:00:00Z",
			"throughput_mbps":   125.5,
			"availability_zone": region + "a",
		},
	}
}

// syntheticEdge links a resource to its subnet.
func syntheticEdge(r *model.Resource) model.Relationship {
	return model.Relationship{From: r.Key, Kind: "in", To: model.Key{Account: r.Account, Region: r.Region,
		Service: "ec2", Type: "subnet", ID: r.Details["subnet_id"].(string)}}
}

// fileSize is the size of a file, 0 if it does not exist.
func fileSize(b *testing.B, path string) int64 {
	fi, err := os.Stat(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}

// resetPeakRSS resets VmHWM (Linux: clear_refs 5).
func resetPeakRSS(b *testing.B) {
	if err := rss.ResetPeak(); err != nil {
		b.Logf("cannot reset VmHWM: %v", err)
	}
}

// peakRSS is VmHWM in bytes.
func peakRSS(b *testing.B) int64 {
	peak, err := rss.Peak()
	if err != nil {
		b.Skipf("no peak RSS: %v", err)
	}
	return peak
}

// BenchmarkUseScan is the fixed cost of every `awsmap query`: the views
// over the current state, with the builtin catalog's typed views offered.
//
//	go test -run XXX -bench UseScan ./internal/store/
func BenchmarkUseScan(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	r, err := OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	types := catalog.Builtin()
	for b.Loop() {
		if err := r.UseScan(0, types); err != nil {
			b.Fatal(err)
		}
	}
}
