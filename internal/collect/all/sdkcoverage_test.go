package all

import (
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/catalog"
	"github.com/awsmap/awsmap/internal/gendoc"
)

// sdkCoverage measures, for every SDK module the collectors import, its read
// operations against the ones awsmap calls.
func sdkCoverage(t *testing.T) []catalog.SDKModule {
	t.Helper()
	ops, err := sdkOperations()
	if err != nil {
		t.Fatal(err)
	}
	servicesOf := map[string][]string{} // collector package directory -> services
	for _, s := range Services() {
		fn := runtime.FuncForPC(reflect.ValueOf(s.Types[0].Collect).Pointer()).Name()
		dir := path.Base(fn[:strings.LastIndex(fn[:strings.LastIndex(fn, ".")+1], ".")])
		servicesOf[dir] = append(servicesOf[dir], s.Name)
	}
	var out []catalog.SDKModule
	for pkg, use := range scanCalls(t, "..") {
		m := catalog.SDKModule{Module: pkg, Services: []string{}, Called: []string{}}
		for dir := range use.dirs {
			if names, ok := servicesOf[dir]; ok {
				m.Services = append(m.Services, names...)
			} else {
				m.Services = append(m.Services, "(every service: "+dir+")") // shared code, e.g. bulk tags
			}
		}
		for _, op := range slices.Sorted(maps.Keys(ops[pkg])) {
			if catalog.IsRead(op) {
				m.Reads = append(m.Reads, op)
			}
		}
		for _, op := range slices.Sorted(maps.Keys(use.ops)) {
			if catalog.IsRead(op) {
				m.Called = append(m.Called, op)
			}
		}
		slices.Sort(m.Services)
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b catalog.SDKModule) int { return strings.Compare(a.Module, b.Module) })
	return out
}

// TestSDKCoverageIsGenerated keeps internal/catalog/sdk.json (what
// `awsmap coverage` prints) in step with the code.
func TestSDKCoverageIsGenerated(t *testing.T) {
	mods := sdkCoverage(t)
	if len(mods) < len(Services())/2 {
		t.Fatalf("only %d SDK modules found: the scan of the code is broken", len(mods))
	}
	for _, m := range mods {
		if len(m.Called) == 0 && !strings.HasPrefix(m.Services[0], "(") {
			t.Errorf("SDK module %s: imported by %v, but no read of it is called", m.Module, m.Services)
		}
	}
	b, err := json.MarshalIndent(mods, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	gendoc.Check(t, "../../../"+catalog.SDKFile, string(b)+"\n", "go test ./internal/collect/all -run TestSDKCoverageIsGenerated")
}

// sdkCoverageSection is docs/coverage.md's table of SDK modules.
func sdkCoverageSection(t *testing.T) string {
	var b strings.Builder
	mods := sdkCoverage(t)
	tot := catalog.Totals(mods)
	fmt.Fprintf(&b, `
## SDK operations

How far the collectors are from "everything" the imported SDK modules can
read: %d modules have %d read operations (List, Describe, Get, BatchGet,
Search), of which awsmap calls %d (%.0f%%); of their %d listing operations
(List, Describe), it calls %d (%.0f%%), for %d resource types.
`+"`awsmap coverage`"+` prints this table; `+"`awsmap coverage --missing MODULE`"+`
lists the reads not called.

| SDK module | awsmap services | reads called | listings called |
|---|---|---|---|
`, len(mods), tot.Reads, tot.Called, catalog.Percent(tot.Called, tot.Reads), tot.Listings, tot.Listed, catalog.Percent(tot.Listed, tot.Listings), len(Types()))
	for _, m := range mods {
		lc, l := m.Listings()
		fmt.Fprintf(&b, "| %s | %s | %d / %d | %d / %d |\n", m.Module, strings.Join(m.Services, ", "), len(m.Called), len(m.Reads), lc, l)
	}
	return b.String()
}
