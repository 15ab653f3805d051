package apigatewayv2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// eachPage follows NextToken by hand (the SDK has no paginators for the
// API Gateway v2 listings) and runs fn on each page's items before
// fetching the next.
func eachPage[T any](ctx context.Context, fetch func(ctx context.Context, token *string) ([]T, *string, error), fn func([]T)) error {
	var token *string
	for {
		items, next, err := fetch(ctx, token)
		if err != nil {
			return err
		}
		fn(items)
		if aws.ToString(next) == "" {
			return nil
		}
		token = next
	}
}

// each adapts a function of one item to eachPage.
func each[T any](fn func(T)) func([]T) {
	return func(items []T) {
		for _, it := range items {
			fn(it)
		}
	}
}

func domainConfig(d types.DomainName) types.DomainNameConfiguration {
	if len(d.DomainNameConfigurations) == 0 {
		return types.DomainNameConfiguration{}
	}
	return d.DomainNameConfigurations[0]
}

var domainNameFields = collect.Fields[types.DomainName]{
	collect.Computed("endpoint_type", model.Text, "REGIONAL or EDGE", func(d types.DomainName) any { return string(domainConfig(d).EndpointType) }),
	collect.Computed("security_policy", model.Text, "minimum TLS version: TLS_1_0 or TLS_1_2", func(d types.DomainName) any { return string(domainConfig(d).SecurityPolicy) }),
	collect.Computed("status", model.Text, "AVAILABLE, UPDATING, PENDING_CERTIFICATE_REIMPORT, ...", func(d types.DomainName) any { return string(domainConfig(d).DomainNameStatus) }),
	collect.Computed("certificate_arn", model.Text, "ACM certificate served", func(d types.DomainName) any { return aws.ToString(domainConfig(d).CertificateArn) }),
	collect.Computed("mutual_tls", model.Boolean, "clients must present a certificate (mTLS)", func(d types.DomainName) any {
		return d.MutualTlsAuthentication != nil && aws.ToString(d.MutualTlsAuthentication.TruststoreUri) != ""
	}),
	collect.Computed("target_domain_name", model.Text, "API Gateway host name DNS points at", func(d types.DomainName) any { return aws.ToString(domainConfig(d).ApiGatewayDomainName) }),
}

func domainNames(ctx context.Context, t *collect.Task) error {
	api := apigatewayv2.NewFromConfig(t.Config)
	return eachPage(ctx, func(ctx context.Context, token *string) ([]types.DomainName, *string, error) {
		out, err := api.GetDomainNames(ctx, &apigatewayv2.GetDomainNamesInput{MaxResults: pageSize(t), NextToken: token})
		if err != nil {
			return nil, nil, err
		}
		return out.Items, out.NextToken, nil
	}, each(func(d types.DomainName) {
		name := aws.ToString(d.DomainName)
		r := &model.Resource{Key: t.Key("domain-name", name), Name: name, ARN: arn(t, "/domainnames/"+name), Tags: d.Tags, Details: domainNameFields.Details(d)}
		for _, c := range d.DomainNameConfigurations {
			t.Relate(r.Key, "uses-certificate", t.Ref("acm", "certificate", collect.ARNResourceName(aws.ToString(c.CertificateArn))))
		}
		t.Emit(r)
	}))
}

var vpcLinkFields = collect.Fields[types.VpcLink]{
	collect.Enum("status", "AVAILABLE, PENDING, DELETING, FAILED or INACTIVE", func(v types.VpcLink) types.VpcLinkStatus { return v.VpcLinkStatus }),
	collect.Enum("version", "V2 (HTTP APIs)", func(v types.VpcLink) types.VpcLinkVersion { return v.VpcLinkVersion }),
}

func vpcLinks(ctx context.Context, t *collect.Task) error {
	api := apigatewayv2.NewFromConfig(t.Config)
	return eachPage(ctx, func(ctx context.Context, token *string) ([]types.VpcLink, *string, error) {
		out, err := api.GetVpcLinks(ctx, &apigatewayv2.GetVpcLinksInput{MaxResults: pageSize(t), NextToken: token})
		if err != nil {
			return nil, nil, err
		}
		return out.Items, out.NextToken, nil
	}, each(func(v types.VpcLink) {
		id := aws.ToString(v.VpcLinkId)
		r := &model.Resource{Key: t.Key("vpc-link", id), Name: aws.ToString(v.Name), ARN: arn(t, "/vpclinks/"+id), CreatedAt: model.Time(v.CreatedDate),
			Tags: v.Tags, Details: vpcLinkFields.Details(v)}
		for _, sn := range v.SubnetIds {
			t.Relate(r.Key, "in-subnet", t.Ref("ec2", "subnet", sn))
		}
		for _, sg := range v.SecurityGroupIds {
			t.Relate(r.Key, "uses-security-group", t.Ref("ec2", "security-group", sg))
		}
		t.Emit(r)
	}))
}
