package collect_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// frameworkClients are the only SDK clients the collector framework may
// link: the credential chain's (sts, sso, ssooidc, signin) and the tagging
// API of BulkTags. Every collector's test binary links the framework, so a
// big client here (ec2 alone adds about 0.4 s) is paid ~170 times per test
// run.
var frameworkClients = []string{"resourcegroupstaggingapi", "signin", "sso", "ssooidc", "sts"}

func TestFrameworkLinksFewClients(t *testing.T) {
	const framework = "github.com/awsmap/awsmap/internal/collect/collecttest" // imports collect and awsx
	out, err := exec.Command("go", "list", "-deps", framework).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const service = "github.com/aws/aws-sdk-go-v2/service/"
	for _, dep := range strings.Fields(string(out)) {
		name, ok := strings.CutPrefix(dep, service)
		if !ok || strings.HasPrefix(name, "internal/") {
			continue
		}
		name, _, _ = strings.Cut(name, "/")
		if !slices.Contains(frameworkClients, name) {
			t.Errorf("the collector framework links the %s client (%s): move what needs it out of awsx, collect and collecttest", name, dep)
		}
	}
}
