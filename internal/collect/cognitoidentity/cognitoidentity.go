// Package cognitoidentity collects Cognito identity pools: who may get AWS
// credentials, including guests (unauthenticated identities), and the
// roles they get.
package cognitoidentity

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Cognito identity pools collector.
var Service = &collect.Service{
	Name:        "cognito-identity",
	Description: "Cognito identity pools (AWS credentials for app users and guests)",
	Types: []collect.Type{
		{Name: "identity-pool", Description: "Cognito identity pool (id = region:uuid)", Fields: identityPoolFields.Declared(),
			Tags: collect.TagsListed, Collect: identityPools, DetailCalls: 2},
	},
	Calls: "identity-pool: ListIdentityPools + per pool DescribeIdentityPool (tags included) and GetIdentityPoolRoles",
	Relations: []collect.Relation{
		{From: "identity-pool", Kind: "assumes-role", To: "iam/role"},
		{From: "identity-pool", Kind: "uses-user-pool", To: "cognito-idp/user-pool"},
	},
}

// pool is a pool's description with its roles (nil when unknown).
type pool struct {
	*cognitoidentity.DescribeIdentityPoolOutput
	roles map[string]string
}

func hasRoles(p pool) bool { return p.roles != nil }

var identityPoolFields = collect.Fields[pool]{
	collect.Computed("allow_unauthenticated_identities", model.Boolean, "guests without any sign-in get credentials (of the unauthenticated role)",
		func(p pool) any { return p.AllowUnauthenticatedIdentities }),
	collect.Bool("allow_classic_flow", "the basic (classic) authentication flow is allowed", func(p pool) *bool { return p.AllowClassicFlow }),
	collect.Computed("user_pools", model.JSON, "Cognito user pool providers (cognito-idp.REGION.amazonaws.com/POOL_ID)", func(p pool) any {
		out := []string{}
		for _, c := range p.CognitoIdentityProviders {
			out = append(out, aws.ToString(c.ProviderName))
		}
		return out
	}),
	collect.Computed("login_providers", model.JSON, "public login providers (graph.facebook.com, accounts.google.com...)", func(p pool) any {
		out := []string{}
		for name := range p.SupportedLoginProviders {
			out = append(out, name)
		}
		return out
	}),
	collect.Computed("saml_provider_arns", model.JSON, "IAM SAML providers trusted", func(p pool) any { return nonNil(p.SamlProviderARNs) }),
	collect.Computed("openid_connect_provider_arns", model.JSON, "IAM OIDC providers trusted", func(p pool) any { return nonNil(p.OpenIdConnectProviderARNs) }),
	collect.Text("developer_provider_name", "developer-authenticated identities' provider, if any", func(p pool) *string { return p.DeveloperProviderName }),
	collect.When(hasRoles, collect.Computed("roles", model.JSON, "role ARN by kind: authenticated, unauthenticated", func(p pool) any { return p.roles })),
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func identityPools(ctx context.Context, t *collect.Task) error {
	api := cognitoidentity.NewFromConfig(t.Config)
	p := cognitoidentity.NewListIdentityPoolsPaginator(api, &cognitoidentity.ListIdentityPoolsInput{MaxResults: t.PageSize(60)})
	return collect.EachPage(ctx, p, func(page *cognitoidentity.ListIdentityPoolsOutput) error {
		collect.ForEach(ctx, page.IdentityPools, func(ctx context.Context, listed types.IdentityPoolShortDescription) {
			emitPool(ctx, t, api, listed)
		})
		return nil
	})
}

func emitPool(ctx context.Context, t *collect.Task, api *cognitoidentity.Client, listed types.IdentityPoolShortDescription) {
	id := aws.ToString(listed.IdentityPoolId)
	r := &model.Resource{Key: t.Key("identity-pool", id), ARN: collect.ARN(t, "cognito-identity", "", "identitypool/"+id),
		Name: aws.ToString(listed.IdentityPoolName)}
	desc, err := api.DescribeIdentityPool(ctx, &cognitoidentity.DescribeIdentityPoolInput{IdentityPoolId: listed.IdentityPoolId})
	t.Warn("DescribeIdentityPool", err)
	p := pool{DescribeIdentityPoolOutput: desc}
	roles, err := api.GetIdentityPoolRoles(ctx, &cognitoidentity.GetIdentityPoolRolesInput{IdentityPoolId: listed.IdentityPoolId})
	t.Warn("GetIdentityPoolRoles", err)
	if err == nil {
		p.roles = roles.Roles
		if p.roles == nil {
			p.roles = map[string]string{}
		}
	}
	if desc != nil { // the listing alone says too little: leave the fields unknown
		r.Tags, r.Details = desc.IdentityPoolTags, identityPoolFields.Details(p)
	}
	t.Emit(r)
	for _, role := range p.roles {
		t.Relate(r.Key, "assumes-role", t.Role(role))
	}
	if desc == nil {
		return
	}
	for _, c := range desc.CognitoIdentityProviders {
		// cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc
		host, poolID, ok := strings.Cut(aws.ToString(c.ProviderName), "/")
		region := strings.TrimSuffix(strings.TrimPrefix(host, "cognito-idp."), ".amazonaws.com")
		if ok && region != host {
			t.Relate(r.Key, "uses-user-pool", model.Key{Account: t.Account, Region: region, Service: "cognito-idp", Type: "user-pool", ID: poolID})
		}
	}
}
