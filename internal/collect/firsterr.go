package collect

import (
	"sync"

	"github.com/awsmap/awsmap/internal/awsx"
)

// FirstErr keeps the first error of listings run concurrently, e.g. a
// child type listed per parent: the collection fails with it once the
// other parents' children are emitted. A "not found" answer (the parent
// went away meanwhile) is not an error.
type FirstErr struct {
	mu  sync.Mutex
	err error
}

// Keep records err if it is the first.
func (f *FirstErr) Keep(err error) {
	if err == nil || awsx.IsNotFound(err) {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		f.err = err
	}
}

// Err is the first error kept, or nil.
func (f *FirstErr) Err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}
