package collect

import (
	"context"
	"errors"
	"sync"
)

// Shared holds the answers that several types of one service walk in one
// account and region (the EKS clusters of node groups, add-ons and access
// entries; the Lambda functions of aliases and versions), so a scan asks
// for each once. The engine gives every task of a service in an account and
// region the same Shared.
type Shared struct {
	mu      sync.Mutex
	answers map[string]*answer
	holders int
}

// Hold counts one more task that may ask for the answers.
func (s *Shared) Hold() {
	s.mu.Lock()
	s.holders++
	s.mu.Unlock()
}

// Release says a task that held s is done. The answers are dropped when
// the last one is, so a scan keeps a listing only while the service's tasks
// in that account and region run, not until the whole scan ends.
func (s *Shared) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holders--; s.holders == 0 {
		s.answers = nil
	}
}

type answer struct {
	done chan struct{}
	v    any
	err  error
}

var errFetchPanicked = errors.New("the shared listing's collector panicked")

// Reuse returns fetch's answer under key, calling fetch only for the first
// task of the service that asks: the others wait for that answer, error
// included. A task without a Shared (a test of one type) just fetches.
func Reuse[V any](ctx context.Context, t *Task, key string, fetch func(context.Context) (V, error)) (V, error) {
	if t.Shared == nil {
		return fetch(ctx)
	}
	a, first := t.Shared.claim(key)
	if first {
		func() {
			defer close(a.done)
			a.err = errFetchPanicked
			a.v, a.err = fetch(ctx)
		}()
	} else {
		select {
		case <-a.done:
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
	}
	v, _ := a.v.(V)
	return v, a.err
}

// claim finds the answer under key, creating it when first is true.
func (s *Shared) claim(key string) (a *answer, first bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.answers[key]; ok {
		return a, false
	}
	if s.answers == nil {
		s.answers = map[string]*answer{}
	}
	a = &answer{done: make(chan struct{})}
	s.answers[key] = a
	return a, true
}

// ReuseItems is Reuse of a whole paged listing: the items of every page of
// p, gathered once for the service's types in the account and region. p is
// only called by the first task that asks.
func ReuseItems[Opt, Out, T any](ctx context.Context, t *Task, key string, p Pager[Opt, Out], items func(page *Out) []T) ([]T, error) {
	return Reuse(ctx, t, key, func(ctx context.Context) ([]T, error) { return AllItems(ctx, p, items) })
}
