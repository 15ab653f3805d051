// Package export writes scanned resources to JSON or CSV files.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/awsmap/awsmap/internal/model"
)

// Filter keeps resources by tag and default-ness.
type Filter struct {
	Tags            map[string][]string // key -> accepted values: values OR'd, keys AND'd
	ExcludeDefaults bool
}

// ParseTagFilter reads -t Key=Value flags. An entry without "=" is an error.
func ParseTagFilter(flags []string) (Filter, error) {
	f := Filter{Tags: map[string][]string{}}
	for _, kv := range flags {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return f, fmt.Errorf("bad tag filter %q: want Key=Value", kv)
		}
		f.Tags[k] = append(f.Tags[k], v)
	}
	return f, nil
}

// Match reports whether r passes the filter.
func (f Filter) Match(r *model.Resource) bool {
	if f.ExcludeDefaults && r.IsDefault {
		return false
	}
	for k, vals := range f.Tags {
		v, ok := r.Tags[k]
		if !ok || !slices.Contains(vals, v) {
			return false
		}
	}
	return true
}

// Writer streams resources to a file, created 0600 (the inventory is
// sensitive metadata).
type Writer struct {
	f      *os.File
	buf    *bufio.Writer
	csv    *csv.Writer
	format string
	n      int
}

// CSVHeader is the column order of CSV exports.
var CSVHeader = []string{"account_id", "region", "service", "type", "id", "arn", "name", "created_at", "is_default", "tags", "details"}

// CreatePrivate creates (or truncates) the file at path with mode 0600,
// also when it already existed with another mode: exports may hold
// anything the inventory holds.
func CreatePrivate(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Create opens path for a json or csv export; an existing file is replaced.
func Create(path, format string) (*Writer, error) {
	f, err := CreatePrivate(path)
	if err != nil {
		return nil, fmt.Errorf("creating export: %w", err)
	}
	w := &Writer{f: f, buf: bufio.NewWriterSize(f, 1<<16), format: format}
	switch format {
	case "json":
		_, err = w.buf.WriteString("[")
	case "csv":
		w.csv = csv.NewWriter(w.buf)
		err = w.csv.Write(CSVHeader)
	default:
		err = fmt.Errorf("unknown export format %q", format)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

// Write appends one resource.
func (w *Writer) Write(r *model.Resource) error {
	w.n++
	if w.csv != nil {
		details, err := json.Marshal(r.Details)
		if err != nil {
			return err
		}
		return w.csv.Write([]string{r.Account, r.Region, r.Service, r.Type, r.ID, r.ARN, r.Name, r.CreatedAt,
			strconv.FormatBool(r.IsDefault), FlattenTags(r.Tags), string(details)})
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if w.n > 1 {
		w.buf.WriteString(",")
	}
	w.buf.WriteString("\n")
	_, err = w.buf.Write(b)
	return err
}

// Count is the number of resources written.
func (w *Writer) Count() int { return w.n }

// Close finishes the document and the file.
func (w *Writer) Close() error {
	if w.csv != nil {
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			w.f.Close()
			return err
		}
	} else {
		w.buf.WriteString("\n]\n")
	}
	if err := w.buf.Flush(); err != nil {
		w.f.Close()
		return err
	}
	return w.f.Close()
}

// FlattenTags renders tags as "k1=v1; k2=v2", sorted by key.
func FlattenTags(tags map[string]string) string {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + tags[k]
	}
	return strings.Join(parts, "; ")
}
