package audit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/awsmap/awsmap/internal/gendoc"
)

const docPath = "../../docs/audits.md"

// docSections renders the generated parts of docs/audits.md.
func docSections(t *testing.T) map[string]string {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var q strings.Builder
	fmt.Fprintf(&q, "%d queries.\n", len(lib.Names()))
	last := ""
	for _, x := range lib.All() {
		if x.Category != last {
			fmt.Fprintf(&q, "\n### %s\n\n| name | severity | params | reads | references | title |\n|---|---|---|---|---|---|\n", x.Category)
			last = x.Category
		}
		reads := make([]string, len(x.Reads))
		for i, r := range x.Reads {
			reads[i] = r.String()
		}
		fmt.Fprintf(&q, "| `%s` | %s | %s | %s | %s | %s |\n", x.Name, x.Severity, x.ParamList(),
			strings.Join(reads, ", "), strings.Join(x.References, ", "), x.Title)
	}
	var r strings.Builder
	fmt.Fprintf(&r, "%d rules:\n\n| rule | what | reads | note |\n|---|---|---|---|\n", len(Rules))
	for _, x := range Rules {
		reads := make([]string, len(x.Reads))
		for i, ref := range x.Reads {
			reads[i] = ref.String()
		}
		fmt.Fprintf(&r, "| `%s` | %s | %s | %s |\n", x.Key, x.Title, strings.Join(reads, ", "), x.Note)
	}
	return map[string]string{"queries": "\n" + q.String(), "rules": "\n" + r.String(), "prices": PricesAsOf}
}

func TestAuditsDoc(t *testing.T) {
	gendoc.CheckSections(t, docPath, docSections(t), "go test ./internal/audit -run TestAuditsDoc")
}
