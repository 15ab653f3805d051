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

// DetailBudget bounds the extra detail workers of the ForEach calls that
// share it (see DetailWorkers). The engine makes one per run and passes it
// down in the context (WithDetailBudget); without one, each ForEach is
// bounded by DetailConcurrency alone.
type DetailBudget struct {
	max     int64
	running atomic.Int64
}

// NewDetailBudget allows max extra detail workers at once.
func NewDetailBudget(max int) *DetailBudget { return &DetailBudget{max: int64(max)} }

// Running is how many extra workers hold the budget.
func (b *DetailBudget) Running() int { return int(b.running.Load()) }

// take reserves an extra detail worker if the budget allows; a nil budget
// always does.
func (b *DetailBudget) take() bool {
	if b == nil {
		return true
	}
	if b.running.Add(1) <= b.max {
		return true
	}
	b.running.Add(-1)
	return false
}

func (b *DetailBudget) release() {
	if b != nil {
		b.running.Add(-1)
	}
}

type detailBudgetKey struct{}

// WithDetailBudget makes b the budget of the ForEach calls under ctx.
func WithDetailBudget(ctx context.Context, b *DetailBudget) context.Context {
	return context.WithValue(ctx, detailBudgetKey{}, b)
}

// ForEach runs fn for every item with bounded concurrency and waits for all.
// Use it for per-resource detail calls instead of a serial loop. fn reports
// its own failures (usually with Task.Warn); ForEach stops early only when
// ctx is cancelled. A few long-lived workers, rather than a goroutine per
// item, keep the stacks the SDK's deep middleware chain has grown. Each
// ForEach has one worker of its own and adds up to DetailConcurrency-1
// more while the context's DetailBudget allows; it never waits for the
// budget, so nested calls cannot deadlock.
func ForEach[T any](ctx context.Context, items []T, fn func(ctx context.Context, item T)) {
	budget, _ := ctx.Value(detailBudgetKey{}).(*DetailBudget)
	work := make(chan T)
	var wg sync.WaitGroup
	worker := func(extra bool) {
		defer wg.Done()
		if extra {
			defer budget.release()
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
		if workers == 0 || workers < DetailConcurrency && budget.take() {
			wg.Add(1)
			go worker(workers > 0)
			workers++
		}
		work <- it
	}
	close(work)
	wg.Wait()
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
