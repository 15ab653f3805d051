package collecttest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A pool is a directory holding one file per running server, named
// <n>.url and holding its URL; a test package borrows a server by locking
// its file, so two packages never share one at the same time, and a
// package that dies gives it back with its lock.

// WritePool records servers in dir as a pool.
func WritePool(dir string, servers []*Moto) error {
	for i, m := range servers {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.url", i)), []byte(m.URL), 0o600); err != nil {
			return err
		}
	}
	return nil
}

var errNoLocks = errors.New("file locks are not supported here")

// borrowWait is how long a package waits for a free server: longer than
// any one test package runs.
const borrowWait = 30 * time.Minute

// borrow locks a free server of the pool in dir and empties its state; it
// returns nil when this platform cannot lock files.
func borrow(dir string) (*Moto, error) {
	slots, err := filepath.Glob(filepath.Join(dir, "*.url"))
	if err != nil || len(slots) == 0 {
		return nil, fmt.Errorf("no servers in %s", dir)
	}
	for deadline := time.Now().Add(borrowWait); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, slot := range slots {
			release, ok, err := tryLock(slot)
			switch {
			case errors.Is(err, errNoLocks):
				return nil, nil
			case err != nil:
				return nil, err
			case !ok:
				continue
			}
			url, err := os.ReadFile(slot)
			if err != nil {
				release()
				return nil, err
			}
			m := &Moto{URL: strings.TrimSpace(string(url)), release: release}
			if err := m.reset(); err != nil {
				release()
				return nil, err
			}
			return m, nil
		}
	}
	return nil, fmt.Errorf("no server of %s came free in %v", dir, borrowWait)
}
