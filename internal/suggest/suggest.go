// Package suggest finds the known names closest to a mistyped one.
package suggest

import (
	"fmt"
	"sort"
	"strings"
)

// Closest returns up to n options most similar to input, best first; options
// further than about half the input's length away are not suggested.
func Closest(input string, options []string, n int) []string {
	type scored struct {
		name string
		dist int
	}
	in := strings.ToLower(input)
	var cands []scored
	for _, o := range options {
		d := distance(in, strings.ToLower(o))
		if strings.HasPrefix(strings.ToLower(o), in) || strings.Contains(strings.ToLower(o), in) && len(in) >= 3 {
			d = min(d, 1)
		}
		if d <= max(2, len(in)/2) {
			cands = append(cands, scored{o, d})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].name < cands[j].name
	})
	out := []string{}
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// Unknown formats "unknown KIND "x" (did you mean a, b?)".
func Unknown(kind, input string, options []string) error {
	msg := fmt.Sprintf("unknown %s %q", kind, input)
	if s := Closest(input, options, 3); len(s) > 0 {
		msg += " (did you mean " + strings.Join(s, ", ") + "?)"
	}
	return fmt.Errorf("%s", msg)
}

// distance is the Levenshtein edit distance.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
