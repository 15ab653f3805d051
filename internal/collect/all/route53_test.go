package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/route53"
	"github.com/awsmap/awsmap/internal/model"
)

// createZones makes n public zones (the first tagged) and one private zone
// associated with a new VPC in eu-west-1; it returns the private zone id and the VPC id.
func createZones(t *testing.T, n int) (privateZone, vpc string) {
	t.Helper()
	ctx := context.Background()
	api := route53.NewFromConfig(collecttest.Config(t, "us-east-1", nil))
	for i := range n {
		out, err := api.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String(fmt.Sprintf("z%d.example.com", i)),
			CallerReference: aws.String(fmt.Sprint(i)), HostedZoneConfig: &types.HostedZoneConfig{Comment: aws.String("public")}})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := api.ChangeTagsForResource(ctx, &route53.ChangeTagsForResourceInput{ResourceType: types.TagResourceTypeHostedzone,
				ResourceId: aws.String(strings.TrimPrefix(aws.ToString(out.HostedZone.Id), "/hostedzone/")),
				AddTags:    []types.Tag{{Key: aws.String("team"), Value: aws.String("dns")}}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	v, err := ec2.NewFromConfig(collecttest.Config(t, "eu-west-1", nil)).CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.1.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	vpc = aws.ToString(v.Vpc.VpcId)
	out, err := api.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("internal.example"), CallerReference: aws.String("p"),
		HostedZoneConfig: &types.HostedZoneConfig{PrivateZone: true}, VPC: &types.VPC{VPCId: aws.String(vpc), VPCRegion: types.VPCRegionEuWest1}})
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(aws.ToString(out.HostedZone.Id), "/hostedzone/"), vpc
}

func TestRoute53HostedZones(t *testing.T) {
	collecttest.Setup(t)
	private, vpc := createZones(t, 11) // 12 zones: several list pages and two tag batches
	got := collecttest.Run(t, collecttest.Config(t, "us-east-1", nil), collector.Service, "hosted-zone", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 12 {
		t.Fatalf("want 12 zones, got %d", len(byID))
	}
	var tagged *model.Resource
	for _, r := range byID {
		if r.Name == "z0.example.com." {
			tagged = r
		}
	}
	if tagged == nil || tagged.Tags["team"] != "dns" || tagged.Details["comment"] != "public" || tagged.Details["private_zone"] != false ||
		tagged.Region != model.GlobalRegion || tagged.ARN != "arn:aws:route53:::hostedzone/"+tagged.ID {
		t.Errorf("public zone wrong: %+v", tagged)
	}
	p := byID[private]
	if p == nil || p.Details["private_zone"] != true || fmt.Sprintf("%+v", p.Details["vpcs"]) != "[{VPCID:"+vpc+" Region:eu-west-1}]" {
		t.Fatalf("private zone wrong: %+v", p)
	}
	want := private + " -associated-with-> ec2/vpc:" + vpc
	if !slices.Contains(got.Edges(), want) {
		t.Errorf("missing %s in %v", want, got.Edges())
	}
	for _, rel := range got.Relationships {
		if rel.To.Region != "eu-west-1" {
			t.Errorf("VPC edge should point into the VPC's region: %+v", rel)
		}
	}
}

func TestRoute53HostedZonesDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListHostedZones")})
	got := collecttest.Run(t, cfg, collector.Service, "hosted-zone", model.GlobalRegion)
	collecttest.AssertDenied(t, got)

	private, _ := createZones(t, 1)
	cfg = collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("GetHostedZone")})
	got = collecttest.Run(t, cfg, collector.Service, "hosted-zone", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 2 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
	if _, ok := got.ByID()[private].Details["vpcs"]; ok {
		t.Errorf("vpcs set although GetHostedZone was denied")
	}
}
