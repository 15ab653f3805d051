package diff

import (
	"slices"
	"strings"
)

// TypeCount counts the changes of one resource type.
type TypeCount struct {
	Service  string `json:"service"`
	Type     string `json:"type"`
	Added    int    `json:"added"`
	Removed  int    `json:"removed"`
	Modified int    `json:"modified"`
	Unknown  int    `json:"unknown"`
}

// Total is the number of entries counted.
func (c TypeCount) Total() int { return c.Added + c.Removed + c.Modified + c.Unknown }

func (c *TypeCount) add(change string) {
	switch change {
	case Added:
		c.Added++
	case Removed:
		c.Removed++
	case Modified:
		c.Modified++
	default:
		c.Unknown++
	}
}

// Summary counts the entries per service and type, in order.
func (r *Result) Summary() []TypeCount {
	byType := map[[2]string]*TypeCount{}
	for _, e := range r.Entries {
		k := [2]string{e.Service, e.Type}
		if byType[k] == nil {
			byType[k] = &TypeCount{Service: e.Service, Type: e.Type}
		}
		byType[k].add(e.Change)
	}
	out := make([]TypeCount, 0, len(byType))
	for _, c := range byType {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b TypeCount) int {
		return strings.Compare(a.Service+"/"+a.Type, b.Service+"/"+b.Type)
	})
	return out
}

// Totals counts every entry.
func (r *Result) Totals() TypeCount {
	var t TypeCount
	for _, e := range r.Entries {
		t.add(e.Change)
	}
	return t
}
