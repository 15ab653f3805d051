package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/smithy-go"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/organizations"
	"github.com/awsmap/awsmap/internal/model"
)

// tree creates OUs Workloads (tagged), Sandbox and Security below the root,
// and Prod, Dev and Test below Workloads; it returns their ids by name.
func tree(t *testing.T, api *organizations.Client) map[string]string {
	t.Helper()
	ctx := context.Background()
	roots, err := api.ListRoots(ctx, &organizations.ListRootsInput{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{"Root": aws.ToString(roots.Roots[0].Id)}
	create := func(parent, name string, tags ...types.Tag) {
		out, err := api.CreateOrganizationalUnit(ctx, &organizations.CreateOrganizationalUnitInput{ParentId: aws.String(ids[parent]), Name: aws.String(name), Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.OrganizationalUnit.Id)
	}
	create("Root", "Workloads", types.Tag{Key: aws.String("owner"), Value: aws.String("platform")})
	for _, name := range []string{"Sandbox", "Security"} {
		create("Root", name)
	}
	for _, name := range []string{"Prod", "Dev", "Test"} {
		create("Workloads", name)
	}
	return ids
}

func TestOrganizationsOrganizationalUnits(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, "us-east-1", nil)
	api := organizations.NewFromConfig(cfg)
	createOrganization(t, api)
	ids := tree(t, api)
	got := collecttest.Run(t, cfg, collector.Service, "organizational-unit", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("OUs: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	w, prod := got.ByID()[ids["Workloads"]], got.ByID()[ids["Prod"]]
	if w.Name != "Workloads" || w.Tags["owner"] != "platform" || w.Details["parent_id"] != ids["Root"] || w.Details["path"] != "Root/Workloads" || w.ARN == "" {
		t.Errorf("Workloads: %+v", w)
	}
	if prod.Details["path"] != "Root/Workloads/Prod" || prod.Details["parent_id"] != ids["Workloads"] {
		t.Errorf("Prod: %+v", prod)
	}
	collecttest.HasEdges(t, got, ids["Prod"]+" -child-of-> organizations/organizational-unit:"+ids["Workloads"])
	if len(got.Edges()) != 3 {
		t.Errorf("want an edge per OU below an OU, got %v", got.Edges())
	}
}

func TestOrganizationsPolicies(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "us-east-1", nil)
	api := organizations.NewFromConfig(cfg)
	_, member, _ := createOrganization(t, api)
	ids := tree(t, api)
	if _, err := api.EnablePolicyType(ctx, &organizations.EnablePolicyTypeInput{RootId: aws.String(ids["Root"]), PolicyType: types.PolicyTypeTagPolicy}); err != nil {
		t.Fatal(err)
	}
	scp, err := api.CreatePolicy(ctx, &organizations.CreatePolicyInput{Name: aws.String("deny-leave"), Description: aws.String("no leaving"), Type: types.PolicyTypeServiceControlPolicy,
		Content: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}`),
		Tags:    []types.Tag{{Key: aws.String("guardrail"), Value: aws.String("yes")}}})
	if err != nil {
		t.Fatal(err)
	}
	scpID := aws.ToString(scp.Policy.PolicySummary.Id)
	for _, target := range []string{ids["Prod"], member} {
		if _, err := api.AttachPolicy(ctx, &organizations.AttachPolicyInput{PolicyId: aws.String(scpID), TargetId: aws.String(target)}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 2 {
		if _, err := api.CreatePolicy(ctx, &organizations.CreatePolicyInput{Name: aws.String(fmt.Sprint("tags-", i)), Description: aws.String("tag rules"), Type: types.PolicyTypeTagPolicy,
			Content: aws.String(`{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"}}}}`)}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "policy", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	types := map[string]int{}
	for _, r := range got.Resources {
		types[fmt.Sprint(r.Details["policy_type"])]++
	}
	// moto's default FullAWSAccess, the SCP above and two tag policies; no
	// RCPs: their type is not enabled in the root.
	if types["SERVICE_CONTROL_POLICY"] != 2 || types["TAG_POLICY"] != 2 || len(got.Resources) != 4 {
		t.Fatalf("policies by type: %v", types)
	}
	p := got.ByID()[scpID]
	if p.Name != "deny-leave" || p.Tags["guardrail"] != "yes" || p.Details["aws_managed"] != false || p.Details["description"] != "no leaving" || p.ARN == "" {
		t.Errorf("SCP: %+v", p)
	}
	if doc, ok := p.Details["content"].(map[string]any); !ok || doc["Version"] != "2012-10-17" {
		t.Errorf("content: %#v", p.Details["content"])
	}
	if targets := fmt.Sprint(p.Details["targets"]); targets != fmt.Sprint([]string{ids["Prod"], member}) && targets != fmt.Sprint([]string{member, ids["Prod"]}) {
		t.Errorf("targets: %v", targets)
	}
	collecttest.HasEdges(t, got, scpID+" -attached-to-> organizations/organizational-unit:"+ids["Prod"], scpID+" -attached-to-> organizations/account:"+member)
	if full := got.ByID()["p-FullAWSAccess"]; full == nil || full.Details["aws_managed"] != true {
		t.Errorf("FullAWSAccess: %+v", full)
	}
}

func TestOrganizationsDelegatedAdministrators(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "us-east-1", nil)
	api := organizations.NewFromConfig(cfg)
	_, member, _ := createOrganization(t, api)
	for _, principal := range []string{"guardduty.amazonaws.com", "access-analyzer.amazonaws.com"} {
		if _, err := api.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{AccountId: aws.String(member), ServicePrincipal: aws.String(principal)}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "delegated-administrator", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("delegated administrators: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	d := got.Resources[0]
	if d.ID != member || d.Name != "member0" || d.Details["status"] != "ACTIVE" || d.CreatedAt == "" ||
		fmt.Sprint(d.Details["services"]) != "[guardduty.amazonaws.com access-analyzer.amazonaws.com]" {
		t.Errorf("delegated administrator: %+v", d)
	}
	collecttest.HasEdges(t, got, member+" -is-> organizations/account:"+member)
}

func TestOrganizationsStructureOfAMemberAccount(t *testing.T) {
	collecttest.Setup(t)
	denied := func(any) (any, error) {
		return nil, &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "not the management account"}
	}
	elsewhere := func(any) (any, error) {
		return &organizations.DescribeOrganizationOutput{Organization: &types.Organization{MasterAccountId: aws.String("999999999999")}}, nil
	}
	for typ, op := range map[string]string{"organizational-unit": "ListRoots", "policy": "ListRoots", "delegated-administrator": "ListDelegatedAdministrators"} {
		member := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: denied, "DescribeOrganization": elsewhere})})
		if got := collecttest.Run(t, member, collector.Service, typ, model.GlobalRegion); awsx.Classify(got.Err) != awsx.Unsupported || len(got.Resources) != 0 {
			t.Errorf("%s in a member account: want unsupported, got %v", typ, got.Err)
		}
		// In the management account a denial stays one.
		cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){op: collecttest.Denied(op)})})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, model.GlobalRegion))
	}
}
