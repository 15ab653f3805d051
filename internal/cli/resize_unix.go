//go:build unix

package cli

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"golang.org/x/term"
)

// terminalWidthOf returns the width of the terminal f, read again each
// time the terminal is resized (SIGWINCH).
func terminalWidthOf(f *os.File) func() int {
	var width atomic.Int64
	read := func() {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			width.Store(int64(w))
		}
	}
	width.Store(80)
	read()
	resized := make(chan os.Signal, 1)
	signal.Notify(resized, syscall.SIGWINCH)
	go func() {
		for range resized {
			read()
		}
	}()
	return func() int { return int(width.Load()) }
}
