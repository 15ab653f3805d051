// Package config reads and writes awsmap's user configuration,
// ~/.awsmap/config: "key=value" lines, # comments and blank lines ignored.
// The file is private (0600 in a 0700 directory) and rewritten sorted when a
// key is set or deleted. AWSMAP_CONFIG overrides its path.
package config

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/awsmap/awsmap/internal/regions"
	"github.com/awsmap/awsmap/internal/suggest"
)

// EnvPath names the environment variable that overrides the file's path.
const EnvPath = "AWSMAP_CONFIG"

// Key describes one configuration key.
type Key struct {
	Name  string
	Hint  string // allowed values
	Usage string // what uses it
	check func(string) (string, error)
}

var (
	serviceRE = regexp.MustCompile(`^[a-z0-9]+$`)
	tagKeyRE  = regexp.MustCompile(`^[\p{L}\p{N}\s_.:/=+\-@]{1,128}$`)
)

// Keys are the valid keys, sorted.
var Keys = []Key{
	{Name: "db", Hint: "path of the inventory database", Usage: "every command reading or writing the inventory", check: checkPath},
	{Name: "exclude_defaults", Hint: "true or false", Usage: "scan", check: checkBool},
	{Name: "profile", Hint: "AWS profile name", Usage: "scan", check: checkProfile},
	{Name: "query_format", Hint: "table, json, csv or ndjson", Usage: "query", check: oneOf("table", "json", "csv", "ndjson")},
	{Name: "regions", Hint: "comma list of regions, e.g. us-east-1,eu-west-1", Usage: "scan", check: list(regions.Check)},
	{Name: "required_tags", Hint: "comma list of tag keys, e.g. Owner,Environment", Usage: "tags", check: list(matches(tagKeyRE, "tag key"))},
	{Name: "services", Hint: "comma list of services, e.g. ec2,s3,iam", Usage: "scan", check: list(matches(serviceRE, "service"))},
	{Name: "workers", Hint: "positive integer", Usage: "scan", check: checkWorkers},
}

// KeyNames lists the valid key names.
func KeyNames() []string {
	out := make([]string, len(Keys))
	for i, k := range Keys {
		out[i] = k.Name
	}
	return out
}

func lookup(name string) (Key, error) {
	for _, k := range Keys {
		if k.Name == name {
			return k, nil
		}
	}
	err := suggest.Unknown("config key", name, KeyNames())
	return Key{}, fmt.Errorf("%w; valid keys: %s", err, strings.Join(KeyNames(), ", "))
}

// Validate checks value for key and returns its normalised form.
func Validate(key, value string) (string, error) {
	k, err := lookup(key)
	if err != nil {
		return "", err
	}
	v, err := k.check(strings.TrimSpace(value))
	if err != nil {
		return "", fmt.Errorf("bad value for %s: %v (allowed: %s)", key, err, k.Hint)
	}
	return v, nil
}

func checkBool(s string) (string, error) {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return "", fmt.Errorf("%q is not true or false", s)
	}
	return strconv.FormatBool(b), nil
}

func checkWorkers(s string) (string, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 256 {
		return "", fmt.Errorf("%q is not an integer between 1 and 256", s)
	}
	return strconv.Itoa(n), nil
}

func checkProfile(s string) (string, error) {
	if s == "" || strings.ContainsAny(s, " \t\n=#") {
		return "", fmt.Errorf("%q is not a profile name", s)
	}
	return s, nil
}

func checkPath(s string) (string, error) {
	if s == "" || strings.ContainsAny(s, "\n\x00") {
		return "", fmt.Errorf("%q is not a path", s)
	}
	if strings.HasPrefix(s, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(h, s[2:])
		}
	}
	return s, nil
}

func oneOf(valid ...string) func(string) (string, error) {
	return func(s string) (string, error) {
		if !slices.Contains(valid, s) {
			return "", fmt.Errorf("%q is not one of %s", s, strings.Join(valid, ", "))
		}
		return s, nil
	}
}

// matches checks that an item has the shape of what.
func matches(re *regexp.Regexp, what string) func(string) error {
	return func(item string) error {
		if !re.MatchString(item) {
			return fmt.Errorf("%q is not a valid %s", item, what)
		}
		return nil
	}
}

// list checks every item of a comma list.
func list(check func(string) error) func(string) (string, error) {
	return func(s string) (string, error) {
		var out []string
		for _, item := range strings.Split(s, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			if err := check(item); err != nil {
				return "", err
			}
			if !slices.Contains(out, item) {
				out = append(out, item)
			}
		}
		if len(out) == 0 {
			return "", errors.New("empty list")
		}
		return strings.Join(out, ","), nil
	}
}

// Path is the configuration file's path.
func Path() string {
	if p := os.Getenv(EnvPath); p != "" {
		return p
	}
	h, err := os.UserHomeDir()
	if err != nil {
		h = "."
	}
	return filepath.Join(h, ".awsmap", "config")
}

// Problem is an invalid line of the file, skipped when reading.
type Problem struct {
	Line int
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Msg) }

// Read returns the valid entries of the file at path (none when it does
// not exist) and the problems of the invalid lines.
func Read(path string) (map[string]string, []Problem, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	out := map[string]string{}
	var problems []Problem
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			problems = append(problems, Problem{n, fmt.Sprintf("%q is not key=value", line)})
			continue
		}
		v, err := Validate(strings.TrimSpace(k), v)
		if err != nil {
			problems = append(problems, Problem{n, err.Error()})
			continue
		}
		out[strings.TrimSpace(k)] = v
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	return out, problems, nil
}

// write rewrites the file sorted, privately.
func write(path string, entries map[string]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# awsmap configuration: see `awsmap config --help`\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s\n", k, entries[k])
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".config-*")
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("config: %w", err)
	}
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		return fmt.Errorf("config: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

// Set validates and stores key=value; it returns the stored value.
func Set(path, key, value string) (string, error) {
	v, err := Validate(key, value)
	if err != nil {
		return "", err
	}
	entries, _, err := Read(path)
	if err != nil {
		return "", err
	}
	entries[key] = v
	return v, write(path, entries)
}

// Delete removes key; it reports whether it was set.
func Delete(path, key string) (bool, error) {
	if _, err := lookup(key); err != nil {
		return false, err
	}
	entries, _, err := Read(path)
	if err != nil {
		return false, err
	}
	if _, ok := entries[key]; !ok {
		return false, nil
	}
	delete(entries, key)
	return true, write(path, entries)
}

// Config is the parsed configuration; zero values mean "not set".
type Config struct {
	Profile         string
	Regions         []string
	Services        []string
	Workers         int
	DB              string
	RequiredTags    []string
	QueryFormat     string
	ExcludeDefaults *bool
	Problems        []Problem // invalid lines, skipped
}

// Load reads the configuration at Path().
func Load() (Config, error) { return LoadFile(Path()) }

// LoadFile reads the configuration at path; a missing file is an empty
// configuration.
func LoadFile(path string) (Config, error) {
	e, problems, err := Read(path)
	if err != nil {
		return Config{}, err
	}
	c := Config{Profile: e["profile"], DB: e["db"], QueryFormat: e["query_format"], Problems: problems}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, ",")
	}
	c.Regions, c.Services, c.RequiredTags = split(e["regions"]), split(e["services"]), split(e["required_tags"])
	if w := e["workers"]; w != "" {
		c.Workers, _ = strconv.Atoi(w)
	}
	if x := e["exclude_defaults"]; x != "" {
		b := x == "true"
		c.ExcludeDefaults = &b
	}
	return c, nil
}
