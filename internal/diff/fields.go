package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// FieldChange is one changed value: a details path such as
// ip_permissions[2].cidr, a resource column (name, arn, created_at,
// is_default) or, in Entry.Tags, a tag key. Before and After are JSON
// values; a nil one means the value was absent on that side.
type FieldChange struct {
	Path   string          `json:"path"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// absent marks a value missing on one side of a comparison (JSON null is
// a value).
type absentValue struct{}

var absent = absentValue{}

// version is the part of a resource version that diffs compare.
type version struct {
	ARN, Name, CreatedAt string
	IsDefault            bool
	Tags                 map[string]string
	Details              any // decoded JSON (numbers as json.Number)
}

// parseVersion decodes the stored tags and details of a version.
func parseVersion(arn, name, createdAt string, isDefault bool, tags, details []byte) (version, error) {
	v := version{ARN: arn, Name: name, CreatedAt: createdAt, IsDefault: isDefault}
	if err := json.Unmarshal(tags, &v.Tags); err != nil {
		return v, fmt.Errorf("tags: %w", err)
	}
	d := json.NewDecoder(bytes.NewReader(details))
	d.UseNumber()
	if err := d.Decode(&v.Details); err != nil {
		return v, fmt.Errorf("details: %w", err)
	}
	return v, nil
}

// compareVersions lists what differs from a to b: resource columns and
// details paths in fields, tags in tags, both sorted by path.
func compareVersions(a, b version) (fields, tags []FieldChange) {
	for _, c := range []struct {
		path   string
		before any
		after  any
	}{
		{"arn", a.ARN, b.ARN}, {"name", a.Name, b.Name},
		{"created_at", a.CreatedAt, b.CreatedAt}, {"is_default", a.IsDefault, b.IsDefault},
	} {
		if c.before != c.after {
			fields = append(fields, change(c.path, c.before, c.after))
		}
	}
	compareJSON("", a.Details, b.Details, &fields)
	for _, k := range unionKeys(a.Tags, b.Tags) {
		before, inA := a.Tags[k]
		after, inB := b.Tags[k]
		switch {
		case inA && inB && before == after:
		case !inA:
			tags = append(tags, change(k, absent, after))
		case !inB:
			tags = append(tags, change(k, before, absent))
		default:
			tags = append(tags, change(k, before, after))
		}
	}
	return fields, tags
}

// compareJSON appends the differences between two decoded JSON values at
// path: objects compare key by key, arrays index by index, anything else
// (or a change of kind) as a whole.
func compareJSON(path string, a, b any, out *[]FieldChange) {
	switch x := a.(type) {
	case map[string]any:
		if y, ok := b.(map[string]any); ok {
			for _, k := range unionKeys(x, y) {
				before, inA := x[k]
				after, inB := y[k]
				if !inA {
					before = absent
				}
				if !inB {
					after = absent
				}
				compareJSON(joinKey(path, k), before, after, out)
			}
			return
		}
	case []any:
		if y, ok := b.([]any); ok {
			for i := range max(len(x), len(y)) {
				var before, after any = absent, absent
				if i < len(x) {
					before = x[i]
				}
				if i < len(y) {
					after = y[i]
				}
				compareJSON(path+"["+strconv.Itoa(i)+"]", before, after, out)
			}
			return
		}
	}
	if !sameScalar(a, b) {
		*out = append(*out, change(path, a, b))
	}
}

// sameScalar compares two values of which at least one is not an object
// or array of the same kind as the other.
func sameScalar(a, b any) bool {
	switch a.(type) {
	case map[string]any, []any:
		return false
	}
	switch b.(type) {
	case map[string]any, []any:
		return false
	}
	return a == b
}

func change(path string, before, after any) FieldChange {
	return FieldChange{Path: path, Before: rawJSON(before), After: rawJSON(after)}
}

// rawJSON encodes v (nil for absent).
func rawJSON(v any) json.RawMessage {
	if v == absent {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil { // decoded JSON always encodes
		return json.RawMessage(strconv.Quote(fmt.Sprint(v)))
	}
	return b
}

// plainKey is a key a path shows as .key; others are quoted: ["a.b"].
var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func joinKey(path, k string) string {
	if !plainKey.MatchString(k) {
		return path + "[" + strconv.Quote(k) + "]"
	}
	if path == "" {
		return k
	}
	return path + "." + k
}

func unionKeys[V any](a, b map[string]V) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// ignored reports whether path is one of fields or below one of them
// (ip_permissions ignores ip_permissions[0].cidr).
func ignored(path string, fields []string) bool {
	for _, f := range fields {
		if path == f || strings.HasPrefix(path, f+".") || strings.HasPrefix(path, f+"[") {
			return true
		}
	}
	return false
}

// dropIgnored removes the changes at ignored paths (tags are matched as
// tags.KEY).
func dropIgnored(changes []FieldChange, prefix string, fields []string) []FieldChange {
	if len(fields) == 0 {
		return changes
	}
	return slices.DeleteFunc(changes, func(c FieldChange) bool { return ignored(prefix+c.Path, fields) })
}
