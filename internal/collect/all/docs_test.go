package all

import (
	"fmt"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/gendoc"
)

const rerun = "go test ./internal/collect/all -run TestGeneratedDocs"

// TestGeneratedDocs keeps the type count in the README, the table of API
// calls in docs/internals.md and docs/coverage.md in step with the registry.
func TestGeneratedDocs(t *testing.T) {
	types := Types()
	count := fmt.Sprintf("%d services, %d resource types", len(types.Services()), len(types))
	gendoc.CheckSections(t, "../../../README.md", map[string]string{"type-count": count}, rerun)
	gendoc.CheckSections(t, "../../../docs/internals.md", map[string]string{"api-calls": "\n" + apiCallsTable(t)}, rerun)
	gendoc.Check(t, "../../../docs/coverage.md", coverageDoc()+sdkCoverageSection(t), rerun)
}

func apiCallsTable(t *testing.T) string {
	var b strings.Builder
	b.WriteString("| service | type: calls |\n|---|---|\n")
	for _, s := range Services() {
		if s.Calls == "" {
			t.Errorf("service %s does not say which API calls it makes (Calls)", s.Name)
		}
		fmt.Fprintf(&b, "| %s | %s |\n", s.Name, s.Calls)
	}
	return b.String()
}

func coverageDoc() string {
	types := Types()
	var b strings.Builder
	fmt.Fprintf(&b, `# Coverage

<!-- Generated from the collector registry (internal/collect/all): run
AWSMAP_UPDATE_DOCS=1 %s after changing a collector. CI fails when this file drifts. -->

%d services, %d resource types. `+"`awsmap schema SERVICE/TYPE`"+` lists each type's fields
with their types and descriptions; the view is the typed SQL view over `+"`resources`"+`.
Scope: *regional* types are collected in every region, *global* ones once
(stored with region `+"`global`"+`), *account-wide* ones with one listing for every region.

| service | type | scope | view | fields | relationships | description |
|---|---|---|---|---|---|---|
`, rerun, len(types.Services()), len(types))
	for _, t := range types {
		var rels []string
		for _, r := range t.Relations {
			rels = append(rels, r.Kind+" "+r.Service+"/"+r.Type)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | `%s` | %d | %s | %s |\n", t.Service, t.Type, t.Scope, t.View(), len(t.Fields),
			strings.Join(rels, ", "), strings.ReplaceAll(t.Description, "|", "\\|"))
	}
	return b.String()
}
