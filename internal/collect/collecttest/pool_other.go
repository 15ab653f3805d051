//go:build !unix

package collecttest

// tryLock cannot lock here: each package starts its own server.
func tryLock(string) (func(), bool, error) { return nil, false, errNoLocks }
