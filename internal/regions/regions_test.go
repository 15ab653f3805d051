package regions

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestKnownMatchesTheSDK compares the list with the regions of the AWS SDK
// version in go.mod (its partitions.json), so that a region AWS launched is
// not refused as a typo after an SDK upgrade.
func TestKnownMatchesTheSDK(t *testing.T) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/aws/aws-sdk-go-v2").Output()
	if err != nil {
		t.Fatalf("locate the SDK module: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "internal", "endpoints", "awsrulesfn", "partitions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Partitions []struct {
			Regions map[string]any `json:"regions"`
		} `json:"partitions"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var sdk []string
	for _, p := range doc.Partitions {
		for r := range p.Regions {
			if !strings.HasPrefix(r, "aws-") { // "aws-global" and the like are not regions
				sdk = append(sdk, r)
			}
		}
	}
	slices.Sort(sdk)
	if got := Known(); !slices.Equal(got, sdk) {
		t.Errorf("known regions:\n%v\nthe SDK's:\n%v", got, sdk)
	}
}

func TestCheck(t *testing.T) {
	if err := Check("eu-west-1"); err != nil {
		t.Error(err)
	}
	for in, want := range map[string]string{
		"eu-wset-1": `unknown region "eu-wset-1" (did you mean eu-west-1`,
		"us-east":   `unknown region "us-east" (did you mean us-east-1`,
		"mars":      `unknown region "mars"`,
	} {
		if err := Check(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check(%q) = %v, want %q", in, err, want)
		}
	}
}
