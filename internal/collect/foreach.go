package collect

import (
	"context"
	"sync"
	"sync/atomic"
)

// DetailConcurrency bounds the per-resource detail calls one task runs at
// once; per-endpoint rate control, not this bound, is what protects AWS,
// and DetailWorkers bounds the total (measurements: docs/internals.md, lab
// notes).
const DetailConcurrency = 64

// DetailWorkers bounds the extra detail workers of all tasks together: each
// holds a stack grown for the SDK's deep middleware chain, so the bound
// keeps memory flat, while still allowing more calls a second than AWS's
// rate limits admit.
const DetailWorkers = 512

// detailBudget counts the extra detail workers running (see DetailWorkers).
var detailBudget atomic.Int64

// ForEach runs fn for every item with bounded concurrency and waits for all.
// Use it for per-resource detail calls instead of a serial loop. fn reports
// its own failures (usually with Task.Warn); ForEach stops early only when
// ctx is cancelled. A few long-lived workers, rather than a goroutine per
// item, keep the stacks the SDK's deep middleware chain has grown. Each
// ForEach has one worker of its own and adds up to DetailConcurrency-1
// more while the shared budget (DetailWorkers) allows; it never waits for
// the budget, so nested calls cannot deadlock.
func ForEach[T any](ctx context.Context, items []T, fn func(ctx context.Context, item T)) {
	work := make(chan T)
	var wg sync.WaitGroup
	worker := func(extra bool) {
		defer wg.Done()
		if extra {
			defer detailBudget.Add(-1)
		}
		GrowStack()
		for it := range work {
			fn(ctx, it)
		}
	}
	workers := 0
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		if workers == 0 || workers < DetailConcurrency && takeDetailWorker() {
			wg.Add(1)
			go worker(workers > 0)
			workers++
		}
		work <- it
	}
	close(work)
	wg.Wait()
}

// takeDetailWorker reserves an extra detail worker if the budget allows.
func takeDetailWorker() bool {
	if detailBudget.Add(1) <= DetailWorkers {
		return true
	}
	detailBudget.Add(-1)
	return false
}

// GrowStack grows the calling goroutine's stack, while it is still
// shallow, to the size an SDK call needs. The SDK's middleware chain is
// deep: a fresh goroutine's stack would otherwise be copied several times
// on its first call, each copy walking every deep frame. Call it first
// thing in a goroutine that makes SDK calls.
//
//go:noinline
func GrowStack() {
	var frame [48 << 10]byte
	stackSink.Store(uint32(frame[stackSink.Load()%uint32(len(frame))]))
}

// stackSink keeps the compiler from eliding GrowStack's frame.
var stackSink atomic.Uint32
