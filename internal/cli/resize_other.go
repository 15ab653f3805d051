//go:build !unix

package cli

import (
	"os"

	"golang.org/x/term"
)

// terminalWidthOf returns the width of the terminal f, read at each call
// (no resize signal here).
func terminalWidthOf(f *os.File) func() int {
	return func() int {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
		return 80
	}
}
