package scan

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
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
