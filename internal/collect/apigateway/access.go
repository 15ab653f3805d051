package apigateway

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// emitPages pages through a listing and emits the resource emit makes of
// each item (recording its relationships); every listing here returns the
// tags.
func emitPages[Out, T any](ctx context.Context, t *collect.Task, p collect.Pager[apigateway.Options, Out], items func(*Out) []T, emit func(T) *model.Resource) error {
	return collect.EachPage(ctx, p, func(page *Out) error {
		for _, it := range items(page) {
			t.Emit(emit(it))
		}
		return nil
	})
}

func endpointTypes(c *types.EndpointConfiguration) []string {
	if c == nil {
		return []string{}
	}
	return collect.Values(c.Types)
}

var domainNameFields = collect.Fields[types.DomainName]{
	collect.Computed("endpoint_types", model.JSON, "EDGE, REGIONAL or PRIVATE", func(d types.DomainName) any { return endpointTypes(d.EndpointConfiguration) }),
	collect.Enum("security_policy", "minimum TLS version: TLS_1_0 or TLS_1_2 (or a newer policy name)", func(d types.DomainName) types.SecurityPolicy { return d.SecurityPolicy }),
	collect.Enum("status", "AVAILABLE, UPDATING, PENDING, PENDING_CERTIFICATE_REIMPORT, ...", func(d types.DomainName) types.DomainNameStatus { return d.DomainNameStatus }),
	collect.Computed("certificate_arn", model.Text, "ACM certificate served (regional, else edge)", func(d types.DomainName) any {
		if d.RegionalCertificateArn != nil {
			return *d.RegionalCertificateArn
		}
		return aws.ToString(d.CertificateArn)
	}),
	collect.Computed("mutual_tls", model.Boolean, "clients must present a certificate (mTLS)", func(d types.DomainName) any {
		return d.MutualTlsAuthentication != nil && aws.ToString(d.MutualTlsAuthentication.TruststoreUri) != ""
	}),
	collect.Computed("target_domain_name", model.Text, "CloudFront or regional host name DNS points at", func(d types.DomainName) any {
		if d.RegionalDomainName != nil {
			return *d.RegionalDomainName
		}
		return aws.ToString(d.DistributionDomainName)
	}),
}

func domainNames(ctx context.Context, t *collect.Task) error {
	p := apigateway.NewGetDomainNamesPaginator(apigateway.NewFromConfig(t.Config), &apigateway.GetDomainNamesInput{Limit: t.PageSize(500)})
	return emitPages(ctx, t, p, func(o *apigateway.GetDomainNamesOutput) []types.DomainName { return o.Items }, func(d types.DomainName) *model.Resource {
		name := aws.ToString(d.DomainName)
		r := &model.Resource{Key: t.Key("domain-name", name), Name: name, ARN: arn(t, "/domainnames/"+name), Tags: d.Tags, Details: domainNameFields.Details(d)}
		for _, c := range []*string{d.RegionalCertificateArn, d.CertificateArn} {
			t.Relate(r.Key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(aws.ToString(c))))
		}
		return r
	})
}

// loadBalancerName is the name in a load balancer ARN
// (arn:...:loadbalancer/net/NAME/ID); "" for anything else.
func loadBalancerName(arn string) string {
	_, rest, _ := strings.Cut(arn, ":loadbalancer/")
	if parts := strings.Split(rest, "/"); len(parts) == 3 {
		return parts[1]
	}
	return ""
}

var vpcLinkFields = collect.Fields[types.VpcLink]{
	collect.Enum("status", "AVAILABLE, PENDING, DELETING or FAILED", func(v types.VpcLink) types.VpcLinkStatus { return v.Status }),
	collect.Text("description", "VPC link description", func(v types.VpcLink) *string { return v.Description }),
	collect.Computed("target_arns", model.JSON, "Network Load Balancers the link reaches", func(v types.VpcLink) any { return append([]string{}, v.TargetArns...) }),
}

func vpcLinks(ctx context.Context, t *collect.Task) error {
	p := apigateway.NewGetVpcLinksPaginator(apigateway.NewFromConfig(t.Config), &apigateway.GetVpcLinksInput{Limit: t.PageSize(500)})
	return emitPages(ctx, t, p, func(o *apigateway.GetVpcLinksOutput) []types.VpcLink { return o.Items }, func(v types.VpcLink) *model.Resource {
		id := aws.ToString(v.Id)
		r := &model.Resource{Key: t.Key("vpc-link", id), Name: aws.ToString(v.Name), ARN: arn(t, "/vpclinks/"+id), Tags: v.Tags, Details: vpcLinkFields.Details(v)}
		for _, lb := range v.TargetArns {
			t.Relate(r.Key, "targets", t.Ref("elbv2", "load-balancer", loadBalancerName(lb)))
		}
		return r
	})
}

var apiKeyFields = collect.Fields[types.ApiKey]{
	collect.Computed("enabled", model.Boolean, "the key can be used", func(k types.ApiKey) any { return k.Enabled }),
	collect.Text("description", "key description", func(k types.ApiKey) *string { return k.Description }),
	collect.Computed("stage_keys", model.JSON, "restApiId/stage pairs the key is bound to (legacy binding)", func(k types.ApiKey) any { return append([]string{}, k.StageKeys...) }),
	collect.Timestamp("last_updated", "last change of the key (age of the secret)", func(k types.ApiKey) *time.Time { return k.LastUpdatedDate }),
}

// apiKeys lists API keys without their values (includeValues is false:
// the secret is never read).
func apiKeys(ctx context.Context, t *collect.Task) error {
	p := apigateway.NewGetApiKeysPaginator(apigateway.NewFromConfig(t.Config), &apigateway.GetApiKeysInput{Limit: t.PageSize(500), IncludeValues: aws.Bool(false)})
	return emitPages(ctx, t, p, func(o *apigateway.GetApiKeysOutput) []types.ApiKey { return o.Items }, func(k types.ApiKey) *model.Resource {
		id := aws.ToString(k.Id)
		return &model.Resource{Key: t.Key("api-key", id), Name: aws.ToString(k.Name), ARN: arn(t, "/apikeys/"+id), CreatedAt: model.Time(k.CreatedDate),
			Tags: k.Tags, Details: apiKeyFields.Details(k)}
	})
}

var usagePlanFields = collect.Fields[types.UsagePlan]{
	collect.Text("description", "usage plan description", func(u types.UsagePlan) *string { return u.Description }),
	collect.Computed("rate_limit", model.Real, "steady-state requests per second allowed; 0: not throttled", func(u types.UsagePlan) any {
		if u.Throttle == nil {
			return float64(0)
		}
		return u.Throttle.RateLimit
	}),
	collect.Computed("burst_limit", model.Integer, "burst of requests allowed; 0: not throttled", func(u types.UsagePlan) any {
		if u.Throttle == nil {
			return int64(0)
		}
		return int64(u.Throttle.BurstLimit)
	}),
	collect.Computed("quota", model.Text, "request quota, e.g. 10000/MONTH; empty: none", func(u types.UsagePlan) any {
		if u.Quota == nil {
			return ""
		}
		return strconv.Itoa(int(u.Quota.Limit)) + "/" + string(u.Quota.Period)
	}),
	collect.Computed("api_stages", model.JSON, "restApiId/stage pairs the plan covers", func(u types.UsagePlan) any {
		out := make([]string, len(u.ApiStages))
		for i, s := range u.ApiStages {
			out[i] = aws.ToString(s.ApiId) + "/" + aws.ToString(s.Stage)
		}
		return out
	}),
}

func usagePlans(ctx context.Context, t *collect.Task) error {
	p := apigateway.NewGetUsagePlansPaginator(apigateway.NewFromConfig(t.Config), &apigateway.GetUsagePlansInput{Limit: t.PageSize(500)})
	return emitPages(ctx, t, p, func(o *apigateway.GetUsagePlansOutput) []types.UsagePlan { return o.Items }, func(u types.UsagePlan) *model.Resource {
		id := aws.ToString(u.Id)
		r := &model.Resource{Key: t.Key("usage-plan", id), Name: aws.ToString(u.Name), ARN: arn(t, "/usageplans/"+id), Tags: u.Tags, Details: usagePlanFields.Details(u)}
		for _, s := range u.ApiStages {
			t.Relate(r.Key, "covers", t.Key("stage", aws.ToString(s.ApiId)+"/"+aws.ToString(s.Stage)))
		}
		return r
	})
}
