package diff

import (
	"os/exec"
	"strings"
	"testing"
)

// TestOffline: the diff links neither collectors nor AWS SDK service
// clients, directly or through another package (offline commands stay
// small and build fast).
func TestOffline(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "/internal/collect") || strings.Contains(dep, "aws-sdk-go-v2/service/") {
			t.Errorf("internal/diff depends on %s", dep)
		}
	}
}
