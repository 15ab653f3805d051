//go:build unix

package collecttest

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes an exclusive lock on path without waiting; the kernel
// drops it when the process ends, however it ends.
func tryLock(path string) (release func(), ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return func() { f.Close() }, true, nil
}
