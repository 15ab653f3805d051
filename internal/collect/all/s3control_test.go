package all_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/s3control/types"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/s3control"
)

var s3controlAccount = aws.String(collecttest.MotoAccount)

// client reaches moto as the collector does (see its client): S3 Control's
// endpoint rules would put the account id in front of moto's address.
func s3controlClient(cfg aws.Config) *s3control.Client {
	return s3control.NewFromConfig(cfg, func(o *s3control.Options) { o.EndpointResolverV2 = motoEndpoint(*o.BaseEndpoint) })
}

type motoEndpoint string

func (e motoEndpoint) ResolveEndpoint(context.Context, s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(string(e))
	return smithyendpoints.Endpoint{URI: *u}, err
}

func createAccessPoints(t *testing.T, api *s3control.Client) {
	t.Helper()
	for i := range 6 {
		in := &s3control.CreateAccessPointInput{AccountId: s3controlAccount, Name: aws.String(fmt.Sprintf("reports-%d", i)), Bucket: aws.String("data-lake")}
		if i == 0 {
			in.VpcConfiguration = &types.VpcConfiguration{VpcId: aws.String("vpc-1")}
			in.PublicAccessBlockConfiguration = &types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true), IgnorePublicAcls: aws.Bool(true),
				BlockPublicPolicy: aws.Bool(true), RestrictPublicBuckets: aws.Bool(true)}
		}
		if _, err := api.CreateAccessPoint(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

// tagsAnswer cans ListTagsForResource, which moto does not route for
// access points.
var s3controlTagsAnswer = collecttest.Canned(map[string]func(any) (any, error){
	"ListTagsForResource": func(any) (any, error) {
		return &s3control.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("analytics")}}}, nil
	},
})

func TestS3controlAccessPoints(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: s3controlTagsAnswer})
	createAccessPoints(t, s3controlClient(cfg))
	got := collecttest.Run(t, cfg, collector.Service, "access-point", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 access points, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"reports-0": {"bucket": "data-lake", "network_origin": "VPC", "vpc_id": "vpc-1", "block_public_acls": true, "restrict_public_buckets": true},
		"reports-3": {"bucket": "data-lake", "network_origin": "Internet", "vpc_id": ""},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	// moto answers the ARN with us-east-1 whatever the region: the ARN AWS gives is stored.
	if a := byID["reports-3"]; !strings.HasSuffix(a.ARN, ":"+collecttest.MotoAccount+":accesspoint/reports-3") || a.Tags["team"] != "analytics" || a.CreatedAt == "" {
		t.Errorf("reports-3: %s %v %s", a.ARN, a.Tags, a.CreatedAt)
	}
	collecttest.HasEdges(t, got, "reports-0 -opens-> s3/bucket:data-lake", "reports-0 -in-vpc-> ec2/vpc:vpc-1")
}

func TestS3controlStorageLens(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := s3controlClient(cfg)
	for i := range 3 {
		id := fmt.Sprint("org-lens-", i)
		if _, err := api.PutStorageLensConfiguration(context.Background(), &s3control.PutStorageLensConfigurationInput{AccountId: s3controlAccount, ConfigId: aws.String(id),
			StorageLensConfiguration: &types.StorageLensConfiguration{Id: aws.String(id), IsEnabled: i != 2,
				AccountLevel: &types.AccountLevel{BucketLevel: &types.BucketLevel{}}},
			Tags: []types.StorageLensTag{{Key: aws.String("team"), Value: aws.String("finops")}}}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "storage-lens-configuration", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want 3 configurations, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	l := got.ByID()["org-lens-2"]
	if l.Details["enabled"] != false || got.ByID()["org-lens-0"].Details["enabled"] != true || l.Tags["team"] != "finops" {
		t.Errorf("org-lens-2: %v %v", l.Details, l.Tags)
	}
}

func TestS3controlDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"access-point": "ListAccessPoints", "storage-lens-configuration": "ListStorageLensConfigurations"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	createAccessPoints(t, s3controlClient(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetAccessPoint", "ListTagsForResource")})
	got := collecttest.Run(t, cfg, collector.Service, "access-point", region)
	if got.Err != nil || len(got.Resources) != 6 || len(got.Task.Warnings()) != 12 {
		t.Fatalf("want 6 access points and two warnings each, got %v %d %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
	if a := got.ByID()["reports-0"]; a.Details["network_origin"] != "VPC" {
		t.Errorf("the listing's fields stay: %v", a.Details)
	} else if _, ok := a.Details["block_public_acls"]; ok {
		t.Errorf("block_public_acls without GetAccessPoint: %v", a.Details)
	}
}

func TestS3controlMultiRegionAccessPoints(t *testing.T) {
	collecttest.Setup(t)
	const home = "us-west-2"
	cfg := collecttest.ConfigWith(t, home, awsx.Options{})
	for i := range 3 {
		in := &s3control.CreateMultiRegionAccessPointInput{AccountId: s3controlAccount, ClientToken: aws.String(fmt.Sprint("tok-", i)),
			Details: &types.CreateMultiRegionAccessPointInput{Name: aws.String(fmt.Sprint("global-", i)),
				Regions: []types.Region{{Bucket: aws.String("assets-eu")}, {Bucket: aws.String("assets-us")}}}}
		if i == 0 {
			in.Details.PublicAccessBlock = &types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true), BlockPublicPolicy: aws.Bool(true)}
		}
		if _, err := s3controlClient(cfg).CreateMultiRegionAccessPoint(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "multi-region-access-point", home)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("want 3 multi-region access points, got %v %d", got.Err, len(got.Resources))
	}
	m := got.ByID()["global-0"]
	if m.Details["block_public_acls"] != true || m.Details["block_public_policy"] != true || m.Details["restrict_public_buckets"] != false ||
		!strings.HasPrefix(m.ARN, "arn:aws:s3::"+collecttest.MotoAccount+":accesspoint/") || !strings.HasSuffix(m.ARN, ".mrap") {
		t.Errorf("global-0: %s %v", m.ARN, m.Details)
	}
	if r := fmt.Sprint(m.Details["regions"]); r != "[{us-east-1 assets-eu } {us-east-1 assets-us }]" {
		t.Errorf("regions: %s", r)
	}
	collecttest.HasEdges(t, got, "global-1 -opens-> s3/bucket:assets-us")
	// Another region's task lists nothing, and calls nothing.
	other := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListMultiRegionAccessPoints")})
	if got := collecttest.Run(t, other, collector.Service, "multi-region-access-point", region); got.Err != nil || len(got.Resources) != 0 {
		t.Errorf("%s: want nothing, got %v %d", region, got.Err, len(got.Resources))
	}
}
