// Package rss reads the peak resident set size of the process (Linux's
// VmHWM), for benchmarks that promise a memory bound.
package rss

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
)

// ResetPeak makes the peak the current resident size (clear_refs 5), so
// that Peak measures what runs next.
func ResetPeak() error {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// Peak returns the peak resident size in bytes since the process started
// or since the last ResetPeak.
func Peak() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	if err := s.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("no VmHWM in /proc/self/status")
}
