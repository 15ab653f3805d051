// Package audit turns an inventory into findings: named queries (SQL files
// with a header), waste rules with cost estimates and the tag compliance
// audit. Every audit knows which (service, type) collections it reads and
// reports where those are missing or failed (Gap), so that an empty result
// is never mistaken for a clean one.
package audit

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

//go:embed queries/*.sql
var builtinFS embed.FS

// Categories and severities a query header may use.
var (
	Categories = []string{"security", "cost", "hygiene", "migration"}
	Severities = []string{"critical", "high", "medium", "low", "info"}
)

// LeadingColumns are the columns every named query returns first, so that
// findings of different queries can be compared and filtered alike.
var LeadingColumns = []string{"account_id", "region", "service", "type", "id", "name"}

// Reserved parameter names: bound by awsmap itself, never declared in a
// header nor given with -P.
const (
	ParamNow = "now" // RFC 3339 UTC time of the run
)

// FilterParams are accepted by every query with -P: they filter its rows on
// the leading columns of the same name.
var FilterParams = []string{"service", "region"}

// TypeRef names a resource type: service/type.
type TypeRef struct {
	Service string
	Type    string
}

// AllTypes, written "reads: *" in a header, stands for every type the
// inventory has collected: a query over all resources (what was created or
// deleted lately) is only as complete as every collection.
var AllTypes = TypeRef{Service: "*", Type: "*"}

func (t TypeRef) String() string {
	if t == AllTypes {
		return "*"
	}
	return t.Service + "/" + t.Type
}

// Param is a declared query parameter.
type Param struct {
	Name       string
	Default    string
	HasDefault bool
	Numeric    bool // the default is a number: values must be numbers and bind as such
}

func (p Param) String() string {
	if p.HasDefault {
		return p.Name + "=" + p.Default
	}
	return p.Name
}

// Query is one named query.
type Query struct {
	Name        string
	Title       string
	Description string
	Category    string
	Severity    string
	Params      []Param
	Reads       []TypeRef
	References  []string
	SQL         string // the body, header excluded
	Source      string // "builtin" or the user file's path
	Text        string // the whole file
}

// Param returns the declared parameter name.
func (q *Query) Param(name string) (Param, bool) {
	for _, p := range q.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// ParamList renders the parameters as in the header ("days=90, port=22").
func (q *Query) ParamList() string {
	s := make([]string, len(q.Params))
	for i, p := range q.Params {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}

// HeaderError reports a malformed query file header.
type HeaderError struct {
	File string
	Line int
	Msg  string
}

func (e *HeaderError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var (
	headerLine = regexp.MustCompile(`^--\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$`)
	nameRE     = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	paramRE    = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
	typeRefRE  = regexp.MustCompile(`^([a-z0-9][a-z0-9-]*)/([a-z0-9-]+)$`)
)

// headerKeys are the keys a header may carry.
var headerKeys = []string{"name", "title", "description", "category", "severity", "params", "reads", "references"}

// HasHeader reports whether the leading comment lines of a query file
// include a "-- name:" line, which makes them a header for Parse rather than
// plain SQL comments.
func HasHeader(data []byte) bool {
	lines := strings.Split(string(data), "\n")
	for _, raw := range lines[:headerEnd(lines)] {
		if m := headerLine.FindStringSubmatch(strings.TrimSpace(raw)); m != nil && strings.EqualFold(m[1], "name") {
			return true
		}
	}
	return false
}

// headerEnd is the index of the first line that is not a comment: the
// header is the lines before it.
func headerEnd(lines []string) int {
	for i, raw := range lines {
		if !strings.HasPrefix(strings.TrimSpace(raw), "--") {
			return i
		}
	}
	return len(lines)
}

// Parse reads one query file. file names it in errors.
func Parse(file string, data []byte) (*Query, error) {
	q := &Query{Text: string(data)}
	lines := strings.Split(string(data), "\n")
	seen := map[string]bool{}
	body := headerEnd(lines)
	for i, raw := range lines[:body] {
		line := strings.TrimSpace(raw)
		if strings.TrimSpace(strings.TrimPrefix(line, "--")) == "" {
			continue // a blank comment line
		}
		errAt := func(format string, a ...any) error {
			return &HeaderError{File: file, Line: i + 1, Msg: fmt.Sprintf(format, a...)}
		}
		m := headerLine.FindStringSubmatch(line)
		if m == nil {
			return nil, errAt("header line is not \"-- key: value\": %q", line)
		}
		key, val := strings.ToLower(m[1]), m[2]
		if !slices.Contains(headerKeys, key) {
			return nil, errAt("unknown header key %q (valid: %s)", key, strings.Join(headerKeys, ", "))
		}
		if seen[key] {
			return nil, errAt("header key %q given twice", key)
		}
		seen[key] = true
		switch key {
		case "name":
			if !nameRE.MatchString(val) {
				return nil, errAt("name %q: use lower-case letters, digits and dashes", val)
			}
			q.Name = val
		case "title":
			q.Title = val
		case "description":
			q.Description = val
		case "category":
			if !slices.Contains(Categories, val) {
				return nil, errAt("category %q (valid: %s)", val, strings.Join(Categories, ", "))
			}
			q.Category = val
		case "severity":
			if !slices.Contains(Severities, val) {
				return nil, errAt("severity %q (valid: %s)", val, strings.Join(Severities, ", "))
			}
			q.Severity = val
		case "params":
			ps, err := parseParams(val)
			if err != nil {
				return nil, errAt("params: %v", err)
			}
			q.Params = ps
		case "reads":
			for _, item := range splitList(val) {
				if item == "*" {
					q.Reads = append(q.Reads, AllTypes)
					continue
				}
				m := typeRefRE.FindStringSubmatch(item)
				if m == nil {
					return nil, errAt("reads: %q is not service/type (or * for every type)", item)
				}
				q.Reads = append(q.Reads, TypeRef{m[1], m[2]})
			}
		case "references":
			q.References = splitList(val)
		}
	}
	switch {
	case q.Name == "":
		return nil, &HeaderError{File: file, Line: 1, Msg: "header has no \"-- name:\" line"}
	case q.Category == "":
		q.Category = "hygiene"
	}
	if q.Severity == "" {
		q.Severity = "info"
	}
	if q.Title == "" {
		q.Title = q.Description
	}
	q.SQL = strings.TrimSpace(strings.Join(lines[body:], "\n"))
	if q.SQL == "" {
		return nil, &HeaderError{File: file, Line: body + 1, Msg: "no SQL after the header"}
	}
	used, err := namedParams(q.SQL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for _, u := range used {
		if _, ok := q.Param(u); !ok && u != ParamNow {
			return nil, &HeaderError{File: file, Line: 1, Msg: fmt.Sprintf("the SQL uses :%s, which the params header does not declare", u)}
		}
	}
	return q, nil
}

func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func parseParams(s string) ([]Param, error) {
	var out []Param
	for _, item := range splitList(s) {
		name, def, has := strings.Cut(item, "=")
		name, def = strings.TrimSpace(name), strings.TrimSpace(def)
		if !paramRE.MatchString(name) {
			return nil, fmt.Errorf("parameter name %q: use lower-case letters, digits and _", name)
		}
		if name == ParamNow || slices.Contains(FilterParams, name) || name == "account" {
			return nil, fmt.Errorf("parameter name %q is reserved", name)
		}
		p := Param{Name: name, Default: def, HasDefault: has}
		if has {
			_, err := strconv.ParseFloat(def, 64)
			p.Numeric = err == nil
		}
		out = append(out, p)
	}
	return out, nil
}

// Library is the set of named queries, by name.
type Library struct {
	byName map[string]*Query
}

// Builtin returns the embedded queries only.
func Builtin() (*Library, error) { return Load("") }

// DefaultUserDir is ~/.awsmap/queries.
func DefaultUserDir() string {
	h, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(h, ".awsmap", "queries")
}

// Load reads the built-in queries, then the *.sql files of userDir (when it
// is not empty and exists), which override built-ins of the same name.
func Load(userDir string) (*Library, error) {
	lib := &Library{byName: map[string]*Query{}}
	entries, err := fs.Glob(builtinFS, "queries/*.sql")
	if err != nil {
		return nil, err
	}
	for _, path := range entries {
		data, err := builtinFS.ReadFile(path)
		if err != nil {
			return nil, err
		}
		q, err := Parse(path, data)
		if err != nil {
			return nil, fmt.Errorf("built-in query %w", err)
		}
		if lib.byName[q.Name] != nil {
			return nil, fmt.Errorf("built-in query %s: name %q used twice", path, q.Name)
		}
		q.Source = "builtin"
		lib.byName[q.Name] = q
	}
	if userDir == "" {
		return lib, nil
	}
	files, err := filepath.Glob(filepath.Join(userDir, "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	users := map[string]string{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("user query: %w", err)
		}
		q, err := Parse(path, data)
		if err != nil {
			return nil, fmt.Errorf("user query %w", err)
		}
		if prev, ok := users[q.Name]; ok {
			return nil, fmt.Errorf("user queries %s and %s both define %q", prev, path, q.Name)
		}
		users[q.Name] = path
		q.Source = path
		lib.byName[q.Name] = q
	}
	return lib, nil
}

// Get returns the query name.
func (l *Library) Get(name string) (*Query, bool) {
	q, ok := l.byName[name]
	return q, ok
}

// Names returns every query name, sorted.
func (l *Library) Names() []string {
	out := make([]string, 0, len(l.byName))
	for n := range l.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// All returns the queries sorted by category order, then name.
func (l *Library) All() []*Query {
	out := make([]*Query, 0, len(l.byName))
	for _, n := range l.Names() {
		out = append(out, l.byName[n])
	}
	sort.SliceStable(out, func(i, j int) bool {
		return slices.Index(Categories, out[i].Category) < slices.Index(Categories, out[j].Category)
	})
	return out
}
