package diff

import (
	"fmt"
	"strconv"
	"strings"
)

// Lookup returns the value at path in the version, absent when there is
// none: name, arn, created_at, is_default; tags or tags.KEY; otherwise a
// details path (details.PATH when a details field shares a column's name)
// such as ip_permissions[0].from_port or ["key.with.dots"].
func (v version) Lookup(path string) (any, error) {
	switch path {
	case "name":
		return v.Name, nil
	case "arn":
		return v.ARN, nil
	case "created_at":
		return v.CreatedAt, nil
	case "is_default":
		return v.IsDefault, nil
	case "tags":
		return v.Tags, nil
	}
	if k, ok := strings.CutPrefix(path, "tags."); ok {
		if t, ok := v.Tags[k]; ok {
			return t, nil
		}
		return absent, nil
	}
	segs, err := splitPath(strings.TrimPrefix(path, "details."))
	if err != nil {
		return nil, err
	}
	cur := v.Details
	for _, s := range segs {
		switch x := cur.(type) {
		case map[string]any:
			val, ok := x[s]
			if !ok {
				return absent, nil
			}
			cur = val
		case []any:
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(x) {
				return absent, nil
			}
			cur = x[i]
		default:
			return absent, nil
		}
	}
	return cur, nil
}

// splitPath splits a.b[2]["c.d"] into a, b, 2, c.d.
func splitPath(path string) ([]string, error) {
	var segs []string
	bad := func() ([]string, error) {
		return nil, fmt.Errorf("field path %q: use names separated by dots, [N] for array items and [\"key\"] for other keys", path)
	}
	for i := 0; i < len(path); {
		switch path[i] {
		case '.':
			i++
		case '[':
			if strings.HasPrefix(path[i+1:], `"`) {
				q, err := strconv.QuotedPrefix(path[i+1:])
				if err != nil || !strings.HasPrefix(path[i+1+len(q):], "]") {
					return bad()
				}
				k, _ := strconv.Unquote(q)
				segs = append(segs, k)
				i += len(q) + 2
				continue
			}
			end := strings.IndexByte(path[i:], ']')
			if end < 2 {
				return bad()
			}
			if _, err := strconv.Atoi(path[i+1 : i+end]); err != nil {
				return bad()
			}
			segs = append(segs, path[i+1:i+end])
			i += end + 1
		default:
			end := strings.IndexAny(path[i:], ".[")
			if end < 0 {
				end = len(path) - i
			}
			segs = append(segs, path[i:i+end])
			i += end
		}
	}
	if len(segs) == 0 {
		return bad()
	}
	return segs, nil
}
