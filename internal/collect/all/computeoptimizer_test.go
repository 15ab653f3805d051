package all_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/computeoptimizer"
	"github.com/aws/aws-sdk-go-v2/service/computeoptimizer/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/computeoptimizer"
	"github.com/awsmap/awsmap/internal/model"
)

// moto has no Compute Optimizer: GetEnrollmentStatus is canned.
func TestComputeoptimizerEnrollment(t *testing.T) {
	collecttest.Require(t)
	updated := time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		out  *computeoptimizer.GetEnrollmentStatusOutput
		want map[string]any
	}{
		{&computeoptimizer.GetEnrollmentStatusOutput{Status: types.StatusActive, MemberAccountsEnrolled: true, NumberOfMemberAccountsOptedIn: aws.Int32(12), LastUpdatedTimestamp: &updated},
			map[string]any{"status": "Active", "member_accounts_enrolled": true, "member_accounts_opted_in": int64(12), "last_updated": "2026-05-05T00:00:00Z"}},
		{&computeoptimizer.GetEnrollmentStatusOutput{Status: types.StatusInactive},
			map[string]any{"status": "Inactive", "member_accounts_enrolled": false, "member_accounts_opted_in": int64(0)}},
	} {
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
			"GetEnrollmentStatus": func(any) (any, error) { return c.out, nil }})})
		got := collecttest.Run(t, cfg, collector.Service, "enrollment", model.GlobalRegion)
		if got.Err != nil || len(got.Resources) != 1 || got.Resources[0].ID != collecttest.MotoAccount {
			t.Fatalf("enrollment: %v, %v", got.Err, got.Resources)
		}
		for k, v := range c.want {
			if d := got.Resources[0].Details; d[k] != v {
				t.Errorf("details[%s] = %v, want %v", k, d[k], v)
			}
		}
	}
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"GetEnrollmentStatus": collecttest.Denied("GetEnrollmentStatus")})})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "enrollment", model.GlobalRegion))
}
