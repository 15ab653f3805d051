// Package cloudfront collects CloudFront distributions and the
// configurations they use (functions, policies, origin access, keys,
// real-time logs).
package cloudfront

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the CloudFront collector.
var Service = &collect.Service{
	Name:        "cloudfront",
	Description: "CloudFront CDN distributions, functions, policies, origin access, signing keys and real-time log configs",
	Scope:       collect.Global,
	Types: []collect.Type{
		{Name: "distribution", Description: "CloudFront distribution (id = distribution id, e.g. E2QWRUHAPOMQZL)", Fields: distributionFields.Declared(), Tags: collect.TagsPerResource, Collect: distributions, DetailCalls: 1},
		{Name: "function", Description: "CloudFront Function (id = name), as in its development stage", Fields: functionFields.Declared(), Tags: collect.NotTaggable, Collect: functions},
		{Name: "cache-policy", Description: "custom cache policy (id = policy id); AWS managed policies skipped", Fields: cachePolicyFields.Declared(),
			Tags: collect.NotTaggable, Collect: cachePolicies},
		{Name: "origin-request-policy", Description: "custom origin request policy (id = policy id); AWS managed policies skipped", Fields: originRequestPolicyFields.Declared(),
			Tags: collect.NotTaggable, Collect: originRequestPolicies},
		{Name: "response-headers-policy", Description: "custom response headers policy (id = policy id); AWS managed policies skipped",
			Fields: responseHeadersPolicyFields.Declared(), Tags: collect.NotTaggable, Collect: responseHeadersPolicies},
		{Name: "origin-access-control", Description: "origin access control (id = OAC id): how CloudFront signs requests to S3 and other origins",
			Fields: originAccessControlFields.Declared(), Tags: collect.NotTaggable, Collect: originAccessControls},
		{Name: "origin-access-identity", Description: "legacy origin access identity (id = OAI id) that S3 bucket policies grant",
			Fields: originAccessIdentityFields.Declared(), Tags: collect.NotTaggable, Collect: originAccessIdentities},
		{Name: "key-group", Description: "key group (id = group id) of public keys trusted for signed URLs and cookies", Fields: keyGroupFields.Declared(),
			Tags: collect.NotTaggable, Collect: keyGroups},
		{Name: "public-key", Description: "public key (id = key id) for signed URLs and cookies; the key itself is not stored", Fields: publicKeyFields.Declared(),
			Tags: collect.NotTaggable, Collect: publicKeys},
		{Name: "realtime-log-config", Description: "real-time log configuration (id = name) and the Kinesis streams it feeds", Fields: realtimeLogFields.Declared(),
			Tags: collect.NotTaggable, Collect: realtimeLogConfigs},
	},
	Calls: "distribution: ListDistributions + per distribution ListTagsForResource. function: ListFunctions (stage DEVELOPMENT). " +
		"cache-policy: ListCachePolicies (custom). origin-request-policy: ListOriginRequestPolicies (custom). response-headers-policy: ListResponseHeadersPolicies (custom). " +
		"origin-access-control: ListOriginAccessControls. origin-access-identity: ListCloudFrontOriginAccessIdentities. key-group: ListKeyGroups. " +
		"public-key: ListPublicKeys. realtime-log-config: ListRealtimeLogConfigs",
	Relations: []collect.Relation{
		{From: "distribution", Kind: "uses-certificate", To: "acm/certificate"},
		{From: "key-group", Kind: "uses", To: "cloudfront/public-key"},
		{From: "realtime-log-config", Kind: "streams-to", To: "kinesis/stream"},
		{From: "realtime-log-config", Kind: "assumes-role", To: "iam/role"},
	},
}

// certificateRegion is where CloudFront's ACM certificates must live.
const certificateRegion = "us-east-1"

type summary = types.DistributionSummary

func hasCertificate(d summary) bool     { return d.ViewerCertificate != nil }
func hasDefaultBehavior(d summary) bool { return d.DefaultCacheBehavior != nil }

var distributionFields = collect.Fields[summary]{
	collect.Text("domain_name", "CloudFront domain, e.g. d111111abcdef8.cloudfront.net", func(d summary) *string { return d.DomainName }),
	collect.Computed("aliases", model.JSON, "alternate domain names (CNAMEs)", func(d summary) any {
		if d.Aliases == nil || len(d.Aliases.Items) == 0 {
			return []string{}
		}
		return d.Aliases.Items
	}),
	collect.Text("comment", "distribution comment", func(d summary) *string { return d.Comment }),
	collect.Bool("enabled", "the distribution serves requests", func(d summary) *bool { return d.Enabled }),
	collect.Text("status", "Deployed or InProgress", func(d summary) *string { return d.Status }),
	collect.Timestamp("last_modified", "last configuration change", func(d summary) *time.Time { return d.LastModifiedTime }),
	collect.Enum("price_class", "PriceClass_All, PriceClass_200 or PriceClass_100", func(d summary) types.PriceClass { return d.PriceClass }),
	collect.When(hasDefaultBehavior, collect.Enum("viewer_protocol_policy", "default behaviour: allow-all, redirect-to-https or https-only",
		func(d summary) types.ViewerProtocolPolicy { return d.DefaultCacheBehavior.ViewerProtocolPolicy })),
	collect.Text("web_acl_id", "AWS WAF web ACL (ARN for WAFv2), empty when none", func(d summary) *string { return d.WebACLId }),
	collect.Computed("origins", model.JSON, "origins: id, domain, type (s3, custom, vpc), origin_access (oac, oai, none)", func(d summary) any { return origins(d.Origins) }),
	collect.When(hasCertificate, collect.Enum("minimum_protocol_version", "minimum TLS version for viewers, e.g. TLSv1.2_2021",
		func(d summary) types.MinimumProtocolVersion { return d.ViewerCertificate.MinimumProtocolVersion })),
	collect.When(hasCertificate, collect.Computed("certificate_source", model.Text, "cloudfront (default *.cloudfront.net certificate), acm or iam", func(d summary) any {
		return certificateSource(d.ViewerCertificate)
	})),
	collect.When(hasCertificate, collect.Computed("certificate_arn", model.Text, "ACM certificate ARN, when certificate_source is acm", func(d summary) any {
		if arn := aws.ToString(d.ViewerCertificate.ACMCertificateArn); arn != "" {
			return arn
		}
		return nil
	})),
	collect.Enum("http_version", "highest HTTP version viewers can use: http1.1, http2, http3, http2and3", func(d summary) types.HttpVersion { return d.HttpVersion }),
	collect.Bool("ipv6_enabled", "IPv6 is enabled", func(d summary) *bool { return d.IsIPV6Enabled }),
	collect.Bool("staging", "a staging distribution of continuous deployment", func(d summary) *bool { return d.Staging }),
}

// origin is what is stored of a distribution's origin.
type origin struct {
	ID           string `json:"id"`
	Domain       string `json:"domain"`
	Type         string `json:"type"`
	OriginAccess string `json:"origin_access"`
}

// offered is nil where CloudFront exists: GovCloud and the isolated
// partitions have none, and the SDK would send their credentials to the
// commercial endpoint and fail every scan.
func offered(t *collect.Task) error {
	if p := t.Partition(); p != "aws" && p != "aws-cn" {
		return &awsx.NotApplicableError{Reason: "CloudFront is not offered in the " + p + " partition"}
	}
	return nil
}

func distributions(ctx context.Context, t *collect.Task) error {
	if err := offered(t); err != nil {
		return err
	}
	api := cloudfront.NewFromConfig(t.Config)
	p := cloudfront.NewListDistributionsPaginator(api, &cloudfront.ListDistributionsInput{MaxItems: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *cloudfront.ListDistributionsOutput) error {
		var rs []*model.Resource
		if page.DistributionList != nil {
			for _, d := range page.DistributionList.Items {
				rs = append(rs, distribution(t, d))
			}
		}
		collect.ForEach(ctx, rs, func(ctx context.Context, r *model.Resource) {
			out, err := api.ListTagsForResource(ctx, &cloudfront.ListTagsForResourceInput{Resource: aws.String(r.ARN)})
			if err != nil {
				t.Warn("ListTagsForResource", err)
			} else if out.Tags != nil {
				r.Tags = collect.TagMap(out.Tags.Items, func(tg types.Tag) (*string, *string) { return tg.Key, tg.Value })
			}
			t.Emit(r)
		})
		return nil
	})
}

func distribution(t *collect.Task, s types.DistributionSummary) *model.Resource {
	key := t.Key("distribution", aws.ToString(s.Id))
	if vc := s.ViewerCertificate; vc != nil {
		if arn := aws.ToString(vc.ACMCertificateArn); arn != "" {
			t.Relate(key, "uses-certificate", model.Key{Account: t.Account, Region: certificateRegion,
				Service: "acm", Type: "certificate", ID: collect.ARNResourceName(arn)})
		}
	}
	return &model.Resource{Key: key, ARN: aws.ToString(s.ARN), Name: aws.ToString(s.DomainName), Details: distributionFields.Details(s)}
}

// certificateSource derives the source from the fields that are set: the
// CertificateSource field itself is deprecated and often empty.
func certificateSource(vc *types.ViewerCertificate) string {
	switch {
	case aws.ToString(vc.ACMCertificateArn) != "":
		return "acm"
	case aws.ToString(vc.IAMCertificateId) != "":
		return "iam"
	case aws.ToBool(vc.CloudFrontDefaultCertificate):
		return "cloudfront"
	}
	return ""
}

func origins(os *types.Origins) []origin {
	out := []origin{}
	if os == nil {
		return out
	}
	for _, o := range os.Items {
		kind, access := "custom", "none"
		switch {
		case o.S3OriginConfig != nil:
			kind = "s3"
			if aws.ToString(o.S3OriginConfig.OriginAccessIdentity) != "" {
				access = "oai"
			}
		case o.VpcOriginConfig != nil:
			kind = "vpc"
		}
		if aws.ToString(o.OriginAccessControlId) != "" {
			access = "oac"
		}
		out = append(out, origin{ID: aws.ToString(o.Id), Domain: aws.ToString(o.DomainName), Type: kind, OriginAccess: access})
	}
	return out
}
