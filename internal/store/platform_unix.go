//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// underUserControl reports whether the inventory directory may be tightened
// to 0700: it is owned by the effective user, it is neither "/" nor the home
// directory itself nor a shared sticky directory (/tmp), and, for root, it
// lies inside the home directory (root owns system directories it must not
// lock down).
func underUserControl(dir string, fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) != os.Geteuid() || fi.Mode()&fs.ModeSticky != 0 || dir == "/" {
		return false
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return os.Geteuid() != 0
	}
	home = filepath.Clean(home)
	if dir == home {
		return false
	}
	return os.Geteuid() != 0 || strings.HasPrefix(dir, home+string(filepath.Separator))
}

// processAlive reports whether a process with this id exists on this host.
// Only ESRCH proves it does not: EPERM means it exists under another user.
func processAlive(pid int64) bool {
	if pid <= 0 {
		return false
	}
	return !errors.Is(syscall.Kill(int(pid), 0), syscall.ESRCH)
}
