// Package cognitoidp collects Cognito user pools and their app clients,
// groups, identity providers and resource servers.
package cognitoidp

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the Cognito user pools collector.
var Service = &collect.Service{
	Name:        "cognito-idp",
	Description: "Cognito user pools (user directories and sign-in), app clients, groups, identity providers and resource servers",
	Types: []collect.Type{
		{Name: "user-pool", Description: "Cognito user pool (id = region_xxxx)", Fields: userPoolFields.Declared(),
			Tags: collect.TagsListed, Collect: userPools, DetailCalls: 1},
		{Name: "user-pool-client", Description: "app client of a user pool (id = pool id/client id); its secret is never read into the store",
			Fields: clientFields.Declared(), Tags: collect.NotTaggable, Collect: userPoolClients, DetailCalls: 1},
		{Name: "group", Description: "user pool group (id = pool id/group name)", Fields: groupFields.Declared(), Tags: collect.NotTaggable, Collect: groups},
		{Name: "identity-provider", Description: "federated identity provider of a user pool (id = pool id/provider name)", Fields: providerFields.Declared(),
			Tags: collect.NotTaggable, Collect: identityProviders},
		{Name: "resource-server", Description: "OAuth resource server of a user pool (id = pool id/identifier)", Fields: resourceServerFields.Declared(),
			Tags: collect.NotTaggable, Collect: resourceServers},
	},
	Calls: "ListUserPools once for all types; user-pool: per pool DescribeUserPool (tags included). The other types, per pool: " +
		"user-pool-client: ListUserPoolClients + per client DescribeUserPoolClient. group: ListGroups. identity-provider: ListIdentityProviders. " +
		"resource-server: ListResourceServers",
	Relations: []collect.Relation{
		{From: "user-pool", Kind: "invokes", To: "lambda/function"},
		{From: "user-pool-client", Kind: "in-user-pool", To: "cognito-idp/user-pool"},
		{From: "group", Kind: "in-user-pool", To: "cognito-idp/user-pool"},
		{From: "group", Kind: "assumes-role", To: "iam/role"},
		{From: "identity-provider", Kind: "in-user-pool", To: "cognito-idp/user-pool"},
		{From: "resource-server", Kind: "in-user-pool", To: "cognito-idp/user-pool"},
	},
}

var userPoolFields = collect.Fields[types.UserPoolType]{
	collect.Enum("mfa_configuration", "OFF, ON (required) or OPTIONAL", func(p types.UserPoolType) types.UserPoolMfaType { return p.MfaConfiguration }),
	collect.Enum("advanced_security_mode", "threat protection: OFF, AUDIT or ENFORCED", func(p types.UserPoolType) types.AdvancedSecurityModeType {
		if p.UserPoolAddOns == nil {
			return types.AdvancedSecurityModeTypeOff
		}
		return p.UserPoolAddOns.AdvancedSecurityMode
	}),
	collect.Enum("deletion_protection", "ACTIVE (the pool cannot be deleted) or INACTIVE (also when AWS leaves it out)", func(p types.UserPoolType) types.DeletionProtectionType {
		if p.DeletionProtection == "" {
			return types.DeletionProtectionTypeInactive
		}
		return p.DeletionProtection
	}),
	collect.Computed("estimated_users", model.Integer, "approximate number of users", func(p types.UserPoolType) any { return int64(p.EstimatedNumberOfUsers) }),
	collect.Enum("tier", "feature plan: LITE, ESSENTIALS or PLUS", func(p types.UserPoolType) types.UserPoolTierType { return p.UserPoolTier }),
	collect.Text("domain", "prefix of the Cognito-hosted domain, if any", func(p types.UserPoolType) *string { return p.Domain }),
	collect.Text("custom_domain", "custom domain of the hosted UI, if any", func(p types.UserPoolType) *string { return p.CustomDomain }),
	collect.Computed("self_signup", model.Boolean, "anyone may sign up (not only administrators create users)", func(p types.UserPoolType) any {
		return p.AdminCreateUserConfig == nil || !p.AdminCreateUserConfig.AllowAdminCreateUserOnly
	}),
	collect.Computed("password_minimum_length", model.Integer, "minimum password length", func(p types.UserPoolType) any {
		if p.Policies == nil || p.Policies.PasswordPolicy == nil || p.Policies.PasswordPolicy.MinimumLength == nil {
			return nil
		}
		return int64(*p.Policies.PasswordPolicy.MinimumLength)
	}),
	collect.Computed("lambda_triggers", model.JSON, "Lambda functions called at sign-up, sign-in and token events", func(p types.UserPoolType) any {
		return triggers(p.LambdaConfig)
	}),
	collect.Timestamp("last_modified", "last change of the pool", func(p types.UserPoolType) *time.Time { return p.LastModifiedDate }),
}

// triggers lists the Lambda ARNs a pool calls.
func triggers(c *types.LambdaConfigType) []string {
	out := []string{}
	if c == nil {
		return out
	}
	for _, arn := range []*string{c.PreSignUp, c.PostConfirmation, c.PreAuthentication, c.PostAuthentication, c.PreTokenGeneration,
		c.CustomMessage, c.DefineAuthChallenge, c.CreateAuthChallenge, c.VerifyAuthChallengeResponse, c.UserMigration} {
		if a := aws.ToString(arn); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// listedPools are the region's user pools, listed once for all five types.
func listedPools(ctx context.Context, t *collect.Task, api *cognitoidentityprovider.Client) ([]types.UserPoolDescriptionType, error) {
	p := cognitoidentityprovider.NewListUserPoolsPaginator(api, &cognitoidentityprovider.ListUserPoolsInput{MaxResults: t.PageSize(60)})
	return collect.ReuseItems(ctx, t, "ListUserPools", p, func(page *cognitoidentityprovider.ListUserPoolsOutput) []types.UserPoolDescriptionType {
		return page.UserPools
	})
}

func userPools(ctx context.Context, t *collect.Task) error {
	api := cognitoidentityprovider.NewFromConfig(t.Config)
	pools, err := listedPools(ctx, t, api)
	collect.ForEach(ctx, pools, func(ctx context.Context, listed types.UserPoolDescriptionType) {
		pool := types.UserPoolType{Id: listed.Id, Name: listed.Name, CreationDate: listed.CreationDate, LastModifiedDate: listed.LastModifiedDate}
		out, err := api.DescribeUserPool(ctx, &cognitoidentityprovider.DescribeUserPoolInput{UserPoolId: listed.Id})
		t.Warn("DescribeUserPool", err)
		if err == nil && out.UserPool != nil {
			pool = *out.UserPool
		}
		emitUserPool(t, pool, err == nil)
	})
	// A failed listing still fails the collection, after the pools of the
	// pages it did read.
	return err
}

func emitUserPool(t *collect.Task, p types.UserPoolType, described bool) {
	id := aws.ToString(p.Id)
	arn := aws.ToString(p.Arn)
	if arn == "" {
		arn = collect.ARN(t, "cognito-idp", "", "userpool/"+id)
	}
	details := map[string]any{}
	if described { // the listing alone says too little: leave the fields unknown
		details = userPoolFields.Details(p)
	}
	key := t.Key("user-pool", id)
	t.Emit(&model.Resource{Key: key, ARN: arn, Name: aws.ToString(p.Name), CreatedAt: model.Time(p.CreationDate), Tags: p.UserPoolTags, Details: details})
	for _, fn := range triggers(p.LambdaConfig) {
		if k, ok := collect.TargetKey(fn); ok {
			t.Relate(key, "invokes", k)
		}
	}
}
