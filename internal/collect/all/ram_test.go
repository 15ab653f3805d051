package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ram"
	"github.com/aws/aws-sdk-go-v2/service/ram/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/ram"
)

// createShares makes six shares of a subnet; share0 is shared with two
// accounts, the others with none; share5 is deleted.
func createShares(t *testing.T) []string {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	net := testvpc.New(t, cfg, "10.2.0.0/16", "", testvpc.Subnet{CIDR: "10.2.1.0/24"})
	subnet := "arn:aws:ec2:" + region + ":" + collecttest.MotoAccount + ":subnet/" + net.Subnets[0]
	api := ram.NewFromConfig(cfg)
	var arns []string
	for i := range 6 {
		in := &ram.CreateResourceShareInput{Name: aws.String(fmt.Sprintf("share%d", i)), AllowExternalPrincipals: aws.Bool(i != 1), ResourceArns: []string{subnet}}
		if i == 0 {
			in.Principals = []string{"111111111111", "222222222222"}
		}
		out, err := api.CreateResourceShare(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		arns = append(arns, aws.ToString(out.ResourceShare.ResourceShareArn))
	}
	if _, err := api.DeleteResourceShare(ctx, &ram.DeleteResourceShareInput{ResourceShareArn: aws.String(arns[5])}); err != nil {
		t.Fatal(err)
	}
	return arns
}

func TestRamResourceShares(t *testing.T) {
	arns := createShares(t)
	got := collecttest.Run(t, collecttest.Config(t, region, nil), collector.Service, "resource-share", region)
	if got.Err != nil || len(got.Resources) != 5 {
		t.Fatalf("shares: %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byARN := map[string]map[string]any{}
	for _, r := range got.Resources {
		byARN[r.ARN] = r.Details
		if r.CreatedAt == "" || r.Name == "" {
			t.Errorf("share: %+v", r)
		}
	}
	s0 := byARN[arns[0]]
	if p, _ := s0["principals"].([]string); len(p) != 2 || p[0] != "111111111111" || s0["allow_external_principals"] != true || s0["external_principals"] != false || s0["status"] != "ACTIVE" {
		t.Errorf("share0: %v", s0)
	}
	if r, _ := s0["resources"].([]string); len(r) != 1 {
		t.Errorf("share0 resources: %v", s0["resources"])
	}
	if s1 := byARN[arns[1]]; s1["allow_external_principals"] != false || len(s1["principals"].([]string)) != 0 {
		t.Errorf("share1: %v", s1)
	}
}

func TestRamDenied(t *testing.T) {
	createShares(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetResourceShares")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "resource-share", region))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetResourceShareAssociations")})
	got := collecttest.Run(t, cfg, collector.Service, "resource-share", region)
	if got.Err != nil || len(got.Resources) != 5 || len(got.Task.Warnings()) != 10 {
		t.Fatalf("want five shares and ten warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if _, ok := got.Resources[0].Details["external_principals"]; ok {
		t.Errorf("external principals should be unknown: %v", got.Resources[0].Details)
	}
}

// customerManaged cans ListPermissions: moto 5.2.1 knows the filter
// values AWS and LOCAL only, not CUSTOMER_MANAGED as the SDK sends it.
var customerManaged = collecttest.Canned(map[string]func(any) (any, error){
	"ListPermissions": func(in any) (any, error) {
		i := in.(*ram.ListPermissionsInput)
		if i.PermissionType != types.PermissionTypeFilterCustomerManaged {
			return nil, fmt.Errorf("want customer managed permissions only")
		}
		arn := func(name string) *string {
			return aws.String("arn:aws:ram:" + region + ":" + collecttest.MotoAccount + ":permission/" + name)
		}
		if aws.ToString(i.NextToken) == "" {
			return &ram.ListPermissionsOutput{NextToken: aws.String("2"), Permissions: []types.ResourceSharePermissionSummary{{Arn: arn("subnet-read"),
				Name: aws.String("subnet-read"), ResourceType: aws.String("ec2:Subnet"), Status: aws.String("ATTACHABLE"), Version: aws.String("2"),
				FeatureSet: types.PermissionFeatureSetStandard, Tags: []types.Tag{{Key: aws.String("Team"), Value: aws.String("net")}}}}}, nil
		}
		return &ram.ListPermissionsOutput{Permissions: []types.ResourceSharePermissionSummary{{Arn: arn("old"), Name: aws.String("old"), Status: aws.String("DELETING")}}}, nil
	},
})

func TestRamPermissions(t *testing.T) {
	collecttest.Setup(t)
	got := collecttest.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: customerManaged}), collector.Service, "permission", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("permissions: %v %v", got.Err, got.Resources)
	}
	p := got.ByID()["subnet-read"]
	if p.Tags["Team"] != "net" || p.Details["resource_type"] != "ec2:Subnet" || p.Details["version"] != "2" || p.Details["status"] != "ATTACHABLE" {
		t.Errorf("subnet-read: %+v", p)
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListPermissions")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "permission", region))
}
