package report

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/awsmap/awsmap/internal/model"
	"github.com/awsmap/awsmap/internal/store"
)

// Changes are the differences between two scans' states. This is the
// report's own small diff over resource_versions; internal/diff (built in
// parallel) can replace readChanges behind the same JSON shape.
type Changes struct {
	From     int64      `json:"from"`
	To       int64      `json:"to"`
	Added    []Version  `json:"added"`
	Removed  []Version  `json:"removed"`
	Modified []Modified `json:"modified"`
}

// Version is one resource as one scan saw it.
type Version struct {
	model.Key
	Name string `json:"name"`
}

// Modified is a resource whose stored version changed, field by field
// ("name", "arn", "tags.KEY", "details.FIELD"...).
type Modified struct {
	Version
	Fields []FieldChange `json:"fields"`
}

// FieldChange is one field's value before and after (nil: absent).
type FieldChange struct {
	Field  string `json:"field"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

// version is a stored resource version with its decoded contents.
type version struct {
	Version
	fields map[string]any
}

// readChanges compares the states as of scans from and to (from < to): the
// versions closed in between and the versions opened in between, paired by
// key.
func readChanges(ctx context.Context, r *store.Reader, from, to int64, account string) (*Changes, error) {
	// Valid at from, gone at to.
	before, err := readVersions(ctx, r, `first_scan <= ?1 AND end_scan > ?1 AND end_scan <= ?2`, from, to, account)
	if err != nil {
		return nil, err
	}
	// Valid at to, not yet at from.
	after, err := readVersions(ctx, r, `first_scan > ?1 AND first_scan <= ?2 AND (end_scan IS NULL OR end_scan > ?2)`, from, to, account)
	if err != nil {
		return nil, err
	}
	c := &Changes{From: from, To: to, Added: []Version{}, Removed: []Version{}, Modified: []Modified{}}
	for _, k := range sortedKeys(after) {
		a := after[k]
		b, ok := before[k]
		if !ok {
			c.Added = append(c.Added, a.Version)
			continue
		}
		if fields := fieldChanges(b.fields, a.fields); len(fields) > 0 {
			c.Modified = append(c.Modified, Modified{Version: a.Version, Fields: fields})
		}
	}
	for _, k := range sortedKeys(before) {
		if _, ok := after[k]; !ok {
			c.Removed = append(c.Removed, before[k].Version)
		}
	}
	return c, nil
}

func sortedKeys(m map[model.Key]version) []model.Key {
	return slices.SortedFunc(maps.Keys(m), func(a, b model.Key) int {
		switch {
		case a.String() < b.String():
			return -1
		case a.String() > b.String():
			return 1
		}
		return 0
	})
}

// readVersions reads the versions matching cond, in which ?1 and ?2 are
// from and to.
func readVersions(ctx context.Context, r *store.Reader, cond string, from, to int64, account string) (map[model.Key]version, error) {
	rows, err := r.Query(ctx, `SELECT account_id, region, service, type, id, coalesce(arn, ''), coalesce(name, ''),
			coalesce(created_at, ''), is_default, tags, details
		FROM main.resource_versions WHERE (?3 = '' OR account_id = ?3) AND `+cond, from, to, account)
	if err != nil {
		return nil, fmt.Errorf("report: read changes: %w", err)
	}
	defer rows.Close()
	out := map[model.Key]version{}
	for rows.Next() {
		v := rows.Values()
		k := model.Key{Account: text(v[0]), Region: text(v[1]), Service: text(v[2]), Type: text(v[3]), ID: text(v[4])}
		fields := map[string]any{"arn": text(v[5]), "name": text(v[6]), "created_at": text(v[7]), "is_default": toInt(v[8]) != 0}
		flatten(fields, "tags.", text(v[9]))
		flatten(fields, "details.", text(v[10]))
		out[k] = version{Version: Version{Key: k, Name: text(v[6])}, fields: fields}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: read changes: %w", err)
	}
	return out, nil
}

// flatten adds the members of the JSON object text to fields, prefixed.
func flatten(fields map[string]any, prefix, text string) {
	var m map[string]any
	if json.Unmarshal([]byte(text), &m) != nil {
		return
	}
	for k, v := range m {
		fields[prefix+k] = v
	}
}

// fieldChanges lists the fields whose values differ, by name.
func fieldChanges(before, after map[string]any) []FieldChange {
	var out []FieldChange
	names := slices.Sorted(maps.Keys(before))
	for _, name := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		b, a := before[name], after[name]
		if !reflect.DeepEqual(a, b) {
			out = append(out, FieldChange{Field: name, Before: b, After: a})
		}
	}
	return out
}
