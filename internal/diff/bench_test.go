// The diff benchmark: two scans of n resources with 2% drift between them
// (a third each removed, added and modified), then the diff of the two.
//
//	go test ./internal/diff -run '^$' -bench Diff -benchtime 1x
//	AWSMAP_BENCH_1M=1 go test ./internal/diff -run '^$' -bench Diff -benchtime 1x -timeout 30m
//
// It reports the diff's seconds, its peak RSS (VmHWM, reset after the
// inventory is written and the heap returned to the system), the Go bytes
// it allocated, the entries found, and the seconds of one resource's
// history (history_s, after the peak is read). Writing the 1M-resource inventory
// takes about a minute: that case runs only with AWSMAP_BENCH_1M=1.
package diff

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/rss"
	"github.com/awsmap/awsmap/internal/store"
)

func BenchmarkDiff(b *testing.B) {
	sizes := []int{100_000}
	if os.Getenv("AWSMAP_BENCH_1M") == "1" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			path, want := driftedInventory(b, n)
			r, err := store.OpenReader(path)
			if err != nil {
				b.Fatal(err)
			}
			defer r.Close()
			runtime.GC()
			debug.FreeOSMemory()
			if err := rss.ResetPeak(); err != nil {
				b.Logf("cannot reset VmHWM: %v", err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			var res *Result
			b.ResetTimer()
			for range b.N {
				if res, err = Compute(context.Background(), r, Options{From: 1, To: 2}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			elapsed := time.Since(start) / time.Duration(b.N)
			runtime.ReadMemStats(&after)
			if got := res.Totals(); got != want {
				b.Fatalf("diff of %d resources: %+v, want %+v", n, got, want)
			}
			peak, err := rss.Peak()
			if err != nil {
				b.Logf("no VmHWM: %v", err)
			}
			b.ReportMetric(elapsed.Seconds(), "diff_s")
			b.ReportMetric(float64(peak)/(1<<20), "VmHWM_MB")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc_MB/op")
			b.ReportMetric(float64(len(res.Entries)), "entries")
			b.ReportMetric(historySeconds(b, r, res.Entries[len(res.Entries)/2].ID), "history_s")
		})
	}
}

// historySeconds times awsmap history of one resource: finding it by id,
// then reading its versions (neither indexed for past versions).
func historySeconds(b *testing.B, r *store.Reader, id string) float64 {
	start := time.Now()
	found, err := Find(context.Background(), r, id, Filters{})
	if err != nil || len(found) != 1 {
		b.Fatalf("find %s: %v, %v", id, found, err)
	}
	if _, err := Load(context.Background(), r, found[0].Key); err != nil {
		b.Fatal(err)
	}
	return time.Since(start).Seconds()
}

// driftPeriod: one resource in driftPeriod is removed, one modified, and
// n/driftPeriod are added (3 × 1/150 = 2%).
const driftPeriod = 150

// driftedInventory writes scan 1 (resources 0..n-1) and scan 2 (without
// those i%150 == 0, with those i%150 == 75 modified, and n/150 new ones),
// and returns the changes made.
func driftedInventory(b *testing.B, n int) (string, TypeCount) {
	path := filepath.Join(b.TempDir(), "diff.db")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	var made TypeCount
	writeBenchScan(b, db, func(emit func(*model.Resource)) {
		for i := range n {
			emit(benchResource(i, false))
		}
	})
	writeBenchScan(b, db, func(emit func(*model.Resource)) {
		for i := range n + n/driftPeriod {
			switch {
			case i >= n:
				made.Added++
				emit(benchResource(i, false))
			case i%driftPeriod == 0:
				made.Removed++
			case i%driftPeriod == driftPeriod/2:
				made.Modified++
				emit(benchResource(i, true))
			default:
				emit(benchResource(i, false))
			}
		}
	})
	b.Logf("two scans of %d resources written in %v", n, time.Since(start).Round(time.Millisecond))
	return path, made
}

func writeBenchScan(b *testing.B, db *store.DB, each func(emit func(*model.Resource))) {
	w, err := db.BeginScan(store.ScanMeta{AccountID: benchAccount})
	if err != nil {
		b.Fatal(err)
	}
	each(func(r *model.Resource) {
		if err := w.Add(r); err != nil {
			b.Fatal(err)
		}
	})
	var cols []store.Collection
	for _, region := range benchRegions {
		for _, t := range benchTypes {
			cols = append(cols, store.Collection{AccountID: benchAccount, Region: region, Service: t[0], Type: t[1], Outcome: store.OutcomeOK})
		}
	}
	if err := w.Finish(store.ScanResult{Status: store.StatusComplete, Collections: cols}); err != nil {
		b.Fatal(err)
	}
}

const benchAccount = "123456789012"

var (
	benchRegions = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"}
	benchTypes   = [][2]string{{"ec2", "instance"}, {"ec2", "security-group"}, {"lambda", "function"}, {"s3", "bucket"}}
)

// benchResource is resource i, about 700 bytes with nested rules; modified
// changes a nested value, a top-level one and a tag.
func benchResource(i int, modified bool) *model.Resource {
	t := benchTypes[i%len(benchTypes)]
	region := benchRegions[(i/len(benchTypes))%len(benchRegions)]
	id := fmt.Sprintf("%s-%010d", t[1], i)
	state, cidr, owner := "running", "10.0.0.0/8", "team-"+strconv.Itoa(i%13)
	if modified {
		state, cidr, owner = "stopped", "0.0.0.0/0", "team-new"
	}
	return &model.Resource{
		Key:       model.Key{Account: benchAccount, Region: region, Service: t[0], Type: t[1], ID: id},
		ARN:       "arn:aws:" + t[0] + ":" + region + ":" + benchAccount + ":" + t[1] + "/" + id,
		Name:      "app-" + strconv.Itoa(i%97) + "-" + id,
		CreatedAt: "2024-01-01T00:00:00Z",
		Tags:      map[string]string{"Name": "app-" + strconv.Itoa(i%97), "env": "prod", "owner": owner, "cost-center": "cc-" + strconv.Itoa(i%211)},
		Details: map[string]any{
			"state": state, "size_gb": 8 + i%500, "encrypted": i%2 == 0,
			"vpc_id": fmt.Sprintf("vpc-%08x", i%17), "subnet_id": fmt.Sprintf("subnet-%08x", i%101),
			"ingress_rules": []any{
				map[string]any{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidrs": []any{"0.0.0.0/0"}},
				map[string]any{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidrs": []any{cidr}},
			},
			"kms_key_id": "arn:aws:kms:" + region + ":" + benchAccount + ":key/0000-" + strconv.FormatInt(int64(i), 16),
			"monitoring": "disabled", "platform": "linux", "throughput_mbps": 125.5,
		},
	}
}
