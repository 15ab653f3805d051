package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudfront"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/model"
)

const certARN = "arn:aws:acm:us-east-1:123456789012:certificate/c-1"

func distributionConfig(i int) *types.DistributionConfig {
	return &types.DistributionConfig{
		CallerReference: aws.String(fmt.Sprint(i)), Comment: aws.String("site"), Enabled: aws.Bool(true),
		Aliases: &types.Aliases{Quantity: aws.Int32(1), Items: []string{fmt.Sprintf("www%d.example.com", i)}},
		Origins: &types.Origins{Quantity: aws.Int32(2), Items: []types.Origin{
			{Id: aws.String("s3"), DomainName: aws.String("assets.s3.amazonaws.com"),
				S3OriginConfig: &types.S3OriginConfig{OriginAccessIdentity: aws.String("origin-access-identity/cloudfront/E1")}},
			{Id: aws.String("api"), DomainName: aws.String("api.example.com"),
				CustomOriginConfig: &types.CustomOriginConfig{HTTPPort: aws.Int32(80), HTTPSPort: aws.Int32(443), OriginProtocolPolicy: types.OriginProtocolPolicyHttpsOnly}},
		}},
		DefaultCacheBehavior: &types.DefaultCacheBehavior{TargetOriginId: aws.String("s3"), ViewerProtocolPolicy: types.ViewerProtocolPolicyRedirectToHttps,
			CachePolicyId: aws.String("658327ea-f89d-4fab-a63d-7e88639e58f6")},
		ViewerCertificate: &types.ViewerCertificate{ACMCertificateArn: aws.String(certARN), SSLSupportMethod: types.SSLSupportMethodSniOnly,
			MinimumProtocolVersion: types.MinimumProtocolVersionTLSv122021},
		PriceClass: types.PriceClassPriceClass100,
	}
}

// summary is what ListDistributions returns for d created with c (moto's
// echo of the configuration loses S3 origin settings).
func summary(d *types.Distribution, c *types.DistributionConfig) types.DistributionSummary {
	return types.DistributionSummary{ARN: d.ARN, Id: d.Id, DomainName: d.DomainName, Status: d.Status, LastModifiedTime: d.LastModifiedTime,
		Aliases: c.Aliases, Comment: c.Comment, Enabled: c.Enabled, Origins: c.Origins, DefaultCacheBehavior: c.DefaultCacheBehavior,
		PriceClass: c.PriceClass, ViewerCertificate: c.ViewerCertificate, HttpVersion: types.HttpVersionHttp2, WebACLId: aws.String("")}
}

// listPage pages all by the input's Marker (an index) and MaxItems.
func listPage(in *cloudfront.ListDistributionsInput, all []types.DistributionSummary) *cloudfront.ListDistributionsOutput {
	start := 0
	fmt.Sscan(aws.ToString(in.Marker), &start)
	end := min(start+int(aws.ToInt32(in.MaxItems)), len(all))
	list := &types.DistributionList{Items: all[start:end], IsTruncated: aws.Bool(end < len(all)), Quantity: aws.Int32(int32(end - start))}
	if end < len(all) {
		list.NextMarker = aws.String(fmt.Sprint(end))
	}
	return &cloudfront.ListDistributionsOutput{DistributionList: list}
}

func TestCloudfrontDistributions(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "us-east-1", nil)
	api := cloudfront.NewFromConfig(cfg)
	var first string
	var summaries []types.DistributionSummary
	for i := range 6 {
		out, err := api.CreateDistributionWithTags(ctx, &cloudfront.CreateDistributionWithTagsInput{DistributionConfigWithTags: &types.DistributionConfigWithTags{
			DistributionConfig: distributionConfig(i),
			Tags:               &types.Tags{Items: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = aws.ToString(out.Distribution.Id)
		}
		summaries = append(summaries, summary(out.Distribution, distributionConfig(i)))
	}
	// moto's ListDistributions leaves out every configuration field: answer it
	// from the created distributions, honouring MaxItems and Marker.
	cfg = collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListDistributions": func(in any) (any, error) { return listPage(in.(*cloudfront.ListDistributionsInput), summaries), nil },
	})})
	got := collecttest.Run(t, cfg, collector.Service, "distribution", model.GlobalRegion)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 distributions, got %d", len(byID))
	}
	d := byID[first]
	checks := map[string]any{"enabled": true, "comment": "site", "price_class": "PriceClass_100",
		"viewer_protocol_policy": "redirect-to-https", "certificate_source": "acm", "certificate_arn": certARN,
		"minimum_protocol_version": "TLSv1.2_2021"}
	for k, want := range checks {
		if d.Details[k] != want {
			t.Errorf("details[%s] = %v, want %v", k, d.Details[k], want)
		}
	}
	if o := fmt.Sprintf("%+v", d.Details["origins"]); o != "[{ID:s3 Domain:assets.s3.amazonaws.com Type:s3 OriginAccess:oai} {ID:api Domain:api.example.com Type:custom OriginAccess:none}]" {
		t.Errorf("origins = %s", o)
	}
	if fmt.Sprint(d.Details["aliases"]) != "[www0.example.com]" || d.Tags["n"] != "0" || d.ARN == "" || d.Region != model.GlobalRegion {
		t.Errorf("identity wrong: %+v", d)
	}
	if len(got.Relationships) != 6 || got.Relationships[0].To.Region != "us-east-1" || got.Relationships[0].To.ID != "c-1" {
		t.Errorf("certificate edges wrong: %v", got.Relationships)
	}
}

func TestCloudfrontDistributionsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListDistributions")})
	got := collecttest.Run(t, cfg, collector.Service, "distribution", model.GlobalRegion)
	collecttest.AssertDenied(t, got)

	if _, err := cloudfront.NewFromConfig(collecttest.Config(t, "us-east-1", nil)).CreateDistribution(context.Background(),
		&cloudfront.CreateDistributionInput{DistributionConfig: distributionConfig(0)}); err != nil {
		t.Fatal(err)
	}
	cfg = collecttest.ConfigWith(t, "us-east-1", awsx.Options{Responder: collecttest.Deny("ListTagsForResource")})
	got = collecttest.Run(t, cfg, collector.Service, "distribution", model.GlobalRegion)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("err %v, %d resources, warnings %v", got.Err, len(got.Resources), got.Task.Warnings())
	}
}

// TestDistributionsOutsideTheirPartitions: in GovCloud the collection is
// unsupported, without a call to the commercial endpoint.
func TestCloudfrontDistributionsOutsideTheirPartitions(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, "us-gov-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListDistributions": func(any) (any, error) {
			t.Error("ListDistributions called in GovCloud")
			return &cloudfront.ListDistributionsOutput{}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "distribution", model.GlobalRegion)
	if awsx.Classify(got.Err) != awsx.Unsupported || len(got.Resources) != 0 {
		t.Errorf("GovCloud: err %v (%s), %d resources", got.Err, awsx.Classify(got.Err), len(got.Resources))
	}
}
