package scan

import "context"

// accountSlots bounds the accounts whose tasks run at once (--account-workers).
// Jobs come account by account (expand with byAccount): the dispatcher
// takes a slot before an account's first job, and the account gives it
// back when its last collection is done, so a slow or throttled account
// holds one slot while the others move on.
type accountSlots struct {
	free      chan struct{}
	remaining map[string]int // per account, collections not done yet
	entered   map[string]bool
}

// newAccountSlots returns nil (no bound) when n is 0 or no smaller than the
// number of accounts.
func newAccountSlots(n int, jobs []job) *accountSlots {
	remaining := map[string]int{}
	for _, j := range jobs {
		remaining[j.task.Account]++
	}
	if n <= 0 || n >= len(remaining) {
		return nil
	}
	s := &accountSlots{free: make(chan struct{}, n), remaining: remaining, entered: map[string]bool{}}
	for range n {
		s.free <- struct{}{}
	}
	return s
}

// enter waits for a slot before account's first job (dispatcher goroutine).
// A cancelled scan goes on without waiting: its jobs are skipped anyway.
func (s *accountSlots) enter(ctx context.Context, account string) {
	if s == nil || s.entered[account] {
		return
	}
	s.entered[account] = true
	select {
	case <-s.free:
	case <-ctx.Done():
	}
}

// leave counts one collection of account done (collecting goroutine), and
// frees the account's slot after its last one.
func (s *accountSlots) leave(account string) {
	if s == nil {
		return
	}
	if s.remaining[account]--; s.remaining[account] == 0 {
		select {
		case s.free <- struct{}{}:
		default: // entered without a slot (cancelled)
		}
	}
}
