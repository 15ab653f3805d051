package scan

import (
	"context"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

func TestAdmissionHoldsBackWhileTheHeapIsHigh(t *testing.T) {
	var live atomic.Uint64
	live.Store(200)
	a := &admission{limit: 100, live: live.Load}
	a.running.Add(1)
	admitted := make(chan bool)
	go func() { a.wait(context.Background()); admitted <- true }()
	select {
	case <-admitted:
		t.Fatal("a collection started while the live heap was above the limit and another was running")
	case <-time.After(50 * time.Millisecond):
	}
	live.Store(99)
	select {
	case <-admitted:
	case <-time.After(10 * time.Second):
		t.Fatal("still held back after the live heap fell below the limit")
	}

	// Nothing running: always admitted, or the scan could never progress.
	live.Store(200)
	a.running.Store(0)
	a.wait(context.Background())
	// Cancelled: admitted at once, so the remaining tasks are skipped.
	a.running.Store(1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a.wait(ctx)
	// No memory limit: no admission control.
	(&admission{live: live.Load}).wait(context.Background())
}

func TestRunUnderMemoryPressureRunsOneCollectionAtATime(t *testing.T) {
	// A limit the live heap always exceeds: every collection must wait for
	// the previous one, and the scan must still finish.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 20))
	runtime.GC() // the live heap is measured by the last collection
	var running, peak atomic.Int64
	track := func(_ context.Context, t *collect.Task) error {
		n := running.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(5 * time.Millisecond)
		running.Add(-1)
		t.Emit(&model.Resource{Key: t.Key(t.Type, "x")})
		return nil
	}
	svc := &collect.Service{Name: "ec2", Types: []collect.Type{{Name: "instance", Collect: track}, {Name: "volume", Collect: track}}}
	res, err := Run(context.Background(), []Account{{ID: "1"}, {ID: "2"}}, NewPlan([]*collect.Service{svc}, regions, false, false), &memWriter{}, Options{Workers: 8})
	if err != nil {
		t.Fatal(err)
	}
	if res.Resources != 8 || peak.Load() != 1 {
		t.Errorf("%d resources with up to %d collections at once, want 8 one at a time", res.Resources, peak.Load())
	}
}
