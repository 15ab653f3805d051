package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/inspector2/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/inspector2"
)

func inspector2Client(t *testing.T) *inspector2.Client {
	t.Helper()
	collecttest.Setup(t)
	return inspector2.NewFromConfig(collecttest.Config(t, region, nil))
}

func TestInspector2Account(t *testing.T) {
	api := inspector2Client(t)
	if _, err := api.Enable(context.Background(), &inspector2.EnableInput{AccountIds: []string{account},
		ResourceTypes: []types.ResourceScanType{types.ResourceScanTypeEcr, types.ResourceScanTypeLambda}}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "account", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("account: %v %v", got.Err, got.Resources)
	}
	a := got.ByID()[account]
	for k, v := range map[string]any{"status": "ENABLED", "ec2_scanning": "DISABLED", "ecr_scanning": "ENABLED", "lambda_scanning": "ENABLED",
		"lambda_code_scanning": "DISABLED", "code_repository_scanning": ""} {
		if a.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, a.Details[k], v)
		}
	}
}

// Never enabled, or every scan type turned off: NotEnabled.
func TestInspector2AccountNotEnabled(t *testing.T) {
	api := inspector2Client(t)
	check := func() {
		t.Helper()
		got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "account", region)
		if awsx.Classify(got.Err) != awsx.Unsupported || awsx.ErrorCode(got.Err) != "NotEnabled" ||
			awsx.ErrorMessage(got.Err) != "Amazon Inspector is not enabled in eu-west-1" || len(got.Resources) != 0 {
			t.Errorf("want unsupported NotEnabled, got %v (%s)", got.Err, awsx.ErrorCode(got.Err))
		}
	}
	check()
	scans := []types.ResourceScanType{types.ResourceScanTypeEc2}
	if _, err := api.Enable(context.Background(), &inspector2.EnableInput{AccountIds: []string{account}, ResourceTypes: scans}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.Disable(context.Background(), &inspector2.DisableInput{AccountIds: []string{account}, ResourceTypes: scans}); err != nil {
		t.Fatal(err)
	}
	check()
}

func TestInspector2Filters(t *testing.T) {
	api := inspector2Client(t)
	var arns []string
	for i := range 6 {
		in := &inspector2.CreateFilterInput{Name: aws.String(fmt.Sprintf("f%d", i)), Action: types.FilterActionNone, Description: aws.String("saved"),
			FilterCriteria: &types.FilterCriteria{Severity: []types.StringFilter{{Comparison: types.StringComparisonEquals, Value: aws.String("LOW")}}},
			Tags:           map[string]string{"n": fmt.Sprint(i)}}
		if i == 2 {
			in.Action, in.Reason = types.FilterActionSuppress, aws.String("accepted risk")
		}
		out, err := api.CreateFilter(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		arns = append(arns, aws.ToString(out.Arn))
	}
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "filter", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("filters: %v %d", got.Err, len(got.Resources))
	}
	f := got.ByID()["f2"]
	if f.ARN != arns[2] || f.Tags["n"] != "2" || f.CreatedAt == "" || f.Details["action"] != "SUPPRESS" || f.Details["reason"] != "accepted risk" ||
		f.Details["owner_id"] != account {
		t.Errorf("f2: %+v", f)
	}
	if got.ByID()["f0"].Details["action"] != "NONE" {
		t.Errorf("f0: %v", got.ByID()["f0"].Details)
	}
}

func TestInspector2Members(t *testing.T) {
	api := inspector2Client(t)
	for _, m := range []string{"111111111111", "222222222222"} {
		if _, err := api.AssociateMember(context.Background(), &inspector2.AssociateMemberInput{AccountId: aws.String(m)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := api.DisassociateMember(context.Background(), &inspector2.DisassociateMemberInput{AccountId: aws.String("222222222222")}); err != nil {
		t.Fatal(err)
	}
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "member", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("members: %v %d", got.Err, len(got.Resources))
	}
	m := got.ByID()["222222222222"]
	if m.Details["relationship_status"] != "DISABLED" || m.Details["delegated_admin_account_id"] != account || m.Details["updated_at"] == "" {
		t.Errorf("member: %v", m.Details)
	}
}

func TestInspector2Denied(t *testing.T) {
	inspector2Client(t)
	for typ, op := range map[string]string{"account": "BatchGetAccountStatus", "filter": "ListFilters", "member": "ListMembers"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
