package audit

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
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
	b, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	updated := doc
	for name, body := range docSections(t) {
		re := regexp.MustCompile(`(?s)(<!-- ` + name + `:begin -->).*?(<!-- ` + name + `:end -->)`)
		if !re.MatchString(updated) {
			t.Fatalf("%s: no %s markers", docPath, name)
		}
		updated = re.ReplaceAllLiteralString(updated, "<!-- "+name+":begin -->"+body+"<!-- "+name+":end -->")
	}
	if updated == doc {
		return
	}
	if os.Getenv("AWSMAP_UPDATE_DOCS") != "" {
		if err := os.WriteFile(docPath, []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date: run AWSMAP_UPDATE_DOCS=1 go test ./internal/audit -run TestAuditsDoc", docPath)
}
