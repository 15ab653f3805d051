package collect

import (
	"errors"
	"sync"
)

// Errors gathers the errors of concurrent work, such as listing the
// children of each parent a listing found (the data sources of each
// knowledge base): a parent whose children could not be listed fails the
// collection, while the children of the others are still kept.
type Errors struct {
	mu   sync.Mutex
	errs []error
}

// Add records err; nil is ignored.
func (e *Errors) Add(err error) {
	if err == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.errs = append(e.errs, err)
}

// Join is the parents' listing error err joined with every recorded one;
// nil when there are none.
func (e *Errors) Join(err error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return errors.Join(append([]error{err}, e.errs...)...)
}
