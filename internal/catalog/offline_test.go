package catalog

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/awsmap/awsmap/internal/"

// online are the packages that call AWS, or serve its answers (the demo),
// or tie the two sides together (cli). Every other internal package,
// including any added later, is offline: it reads type metadata from a
// model.Catalog and must not link an SDK client or a collector.
var online = []string{"account", "awsx", "cli", "collect", "demo", "inventory", "scan"}

func isOnline(pkg string) bool {
	rel := strings.TrimPrefix(pkg, module)
	for _, o := range online {
		if rel == o || strings.HasPrefix(rel, o+"/") {
			return true
		}
	}
	return false
}

func TestOfflinePackagesLinkNoAWSClient(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, " ")
		if !strings.HasPrefix(pkg, module) || isOnline(pkg) {
			continue
		}
		checked++
		for _, d := range strings.Fields(deps) {
			if strings.HasPrefix(d, "github.com/aws/aws-sdk-go-v2/service/") || strings.HasPrefix(d, module+"collect") {
				t.Errorf("offline package %s imports %s: take a model.Catalog instead", strings.TrimPrefix(pkg, module), d)
			}
		}
	}
	if checked < 5 {
		t.Fatalf("checked only %d offline packages: is go list seeing ../...?", checked)
	}
}
