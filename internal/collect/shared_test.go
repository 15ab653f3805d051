package collect

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestReuseFetchesOncePerShared(t *testing.T) {
	shared := &Shared{}
	var fetches atomic.Int32
	release := make(chan struct{})
	fetch := func(context.Context) ([]string, error) {
		fetches.Add(1)
		<-release
		return []string{"a", "b"}, nil
	}
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for i := range got {
		wg.Go(func() {
			got[i], _ = Reuse(context.Background(), &Task{Shared: shared}, "clusters", fetch)
		})
	}
	close(release)
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Errorf("fetched %d times for 8 tasks, want 1", n)
	}
	for i, g := range got {
		if len(g) != 2 || g[0] != "a" {
			t.Errorf("task %d got %v", i, g)
		}
	}
	if _, err := Reuse(context.Background(), &Task{Shared: shared}, "other", func(context.Context) (int, error) { fetches.Add(1); return 0, nil }); err != nil || fetches.Load() != 2 {
		t.Errorf("another key: err %v, %d fetches, want a second fetch", err, fetches.Load())
	}
	if _, err := Reuse(context.Background(), &Task{}, "clusters", fetch); err != nil || fetches.Load() != 3 {
		t.Errorf("without Shared: err %v, %d fetches, want a fresh fetch", err, fetches.Load())
	}
}

func TestReuseSharesTheError(t *testing.T) {
	shared := &Shared{}
	denied := errors.New("AccessDenied")
	for range 2 {
		if _, err := Reuse(context.Background(), &Task{Shared: shared}, "k", func(context.Context) (int, error) { return 0, denied }); !errors.Is(err, denied) {
			t.Errorf("err %v, want the fetch's error for every task", err)
		}
	}
}

func TestReuseAfterAPanickedFetchFails(t *testing.T) {
	shared := &Shared{}
	func() {
		defer func() { _ = recover() }()
		_, _ = Reuse(context.Background(), &Task{Shared: shared}, "k", func(context.Context) (int, error) { panic("bug") })
	}()
	if _, err := Reuse(context.Background(), &Task{Shared: shared}, "k", func(context.Context) (int, error) { return 1, nil }); !errors.Is(err, errFetchPanicked) {
		t.Errorf("err %v after the first fetch panicked, want errFetchPanicked (not an empty listing)", err)
	}
}

func TestReuseWaitStopsWithTheContext(t *testing.T) {
	shared := &Shared{}
	block := make(chan struct{})
	defer close(block)
	go func() {
		_, _ = Reuse(context.Background(), &Task{Shared: shared}, "k", func(context.Context) (int, error) { <-block; return 1, nil })
	}()
	for {
		shared.mu.Lock()
		n := len(shared.answers)
		shared.mu.Unlock()
		if n == 1 {
			break
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Reuse(ctx, &Task{Shared: shared}, "k", func(context.Context) (int, error) { return 2, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want the waiting task's cancellation", err)
	}
}

func TestReleaseDropsTheAnswersWithTheLastHolder(t *testing.T) {
	shared := &Shared{}
	shared.Hold()
	shared.Hold()
	fetches := 0
	fetch := func(context.Context) (int, error) { fetches++; return fetches, nil }
	task := &Task{Shared: shared}
	_, _ = Reuse(context.Background(), task, "k", fetch)
	shared.Release()
	if v, _ := Reuse(context.Background(), task, "k", fetch); v != 1 || fetches != 1 {
		t.Errorf("with a holder left: answer %d after %d fetches, want the kept answer 1", v, fetches)
	}
	shared.Release()
	if shared.answers != nil {
		t.Errorf("answers kept after the last holder: %v", shared.answers)
	}
}
