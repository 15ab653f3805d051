package cognitoidp

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// The types below live in a user pool: their ids are pool id/name, and each
// relates in-user-pool to its pool.

// eachPool runs fn on every user pool concurrently; it returns the pools'
// listing error, else the first error fn returned (the listing of a pool's
// resources failed).
func eachPool(ctx context.Context, t *collect.Task, api *cognitoidentityprovider.Client, fn func(ctx context.Context, pool string) error) error {
	var mu sync.Mutex
	var first error
	pools, err := listedPools(ctx, t, api)
	collect.ForEach(ctx, pools, func(ctx context.Context, pool types.UserPoolDescriptionType) {
		if err := fn(ctx, aws.ToString(pool.Id)); err != nil {
			mu.Lock()
			defer mu.Unlock()
			if first == nil {
				first = err
			}
		}
	})
	if err != nil {
		return err
	}
	return first
}

// emitInPool emits r, a resource of pool, and relates it to the pool.
func emitInPool(t *collect.Task, pool string, r *model.Resource) {
	t.Emit(r)
	t.Relate(r.Key, "in-user-pool", t.Key("user-pool", pool))
}

// validity is a token lifetime with its unit, e.g. "60 minutes"; unit is
// what the client set, else fallback (AWS's default unit).
func validity(value *int32, unit, fallback types.TimeUnitsType) any {
	if value == nil {
		return ""
	}
	if unit == "" {
		unit = fallback
	}
	return fmt.Sprintf("%d %s", *value, unit)
}

func units(c *types.UserPoolClientType) types.TokenValidityUnitsType {
	if c.TokenValidityUnits == nil {
		return types.TokenValidityUnitsType{}
	}
	return *c.TokenValidityUnits
}

var clientFields = collect.Fields[*types.UserPoolClientType]{
	collect.Computed("has_secret", model.Boolean, "the client has a secret (a confidential client); the secret is not stored", func(c *types.UserPoolClientType) any {
		return aws.ToString(c.ClientSecret) != ""
	}),
	collect.Computed("oauth_flows", model.JSON, "OAuth flows allowed: code, implicit, client_credentials", func(c *types.UserPoolClientType) any { return collect.Values(c.AllowedOAuthFlows) }),
	collect.Computed("oauth_scopes", model.JSON, "OAuth scopes allowed", func(c *types.UserPoolClientType) any { return nonNil(c.AllowedOAuthScopes) }),
	collect.Computed("explicit_auth_flows", model.JSON, "sign-in flows allowed (ALLOW_USER_PASSWORD_AUTH sends passwords, ALLOW_USER_SRP_AUTH...)",
		func(c *types.UserPoolClientType) any { return collect.Values(c.ExplicitAuthFlows) }),
	collect.Computed("identity_providers", model.JSON, "identity providers users may sign in with (COGNITO, SAML or OIDC provider names...)",
		func(c *types.UserPoolClientType) any { return nonNil(c.SupportedIdentityProviders) }),
	collect.Computed("callback_urls", model.JSON, "URLs users are redirected to after sign-in", func(c *types.UserPoolClientType) any { return nonNil(c.CallbackURLs) }),
	collect.Computed("access_token_validity", model.Text, "lifetime of access tokens, e.g. 60 minutes", func(c *types.UserPoolClientType) any {
		return validity(c.AccessTokenValidity, units(c).AccessToken, types.TimeUnitsTypeHours)
	}),
	collect.Computed("refresh_token_validity", model.Text, "lifetime of refresh tokens, e.g. 30 days", func(c *types.UserPoolClientType) any {
		return validity(&c.RefreshTokenValidity, units(c).RefreshToken, types.TimeUnitsTypeDays)
	}),
	collect.Enum("prevent_user_existence_errors", "ENABLED: sign-in errors do not reveal whether a user exists", func(c *types.UserPoolClientType) types.PreventUserExistenceErrorTypes {
		return c.PreventUserExistenceErrors
	}),
	collect.Bool("token_revocation", "refresh tokens can be revoked", func(c *types.UserPoolClientType) *bool { return c.EnableTokenRevocation }),
	collect.Timestamp("last_modified", "last change of the client", func(c *types.UserPoolClientType) *time.Time { return c.LastModifiedDate }),
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func userPoolClients(ctx context.Context, t *collect.Task) error {
	api := cognitoidentityprovider.NewFromConfig(t.Config)
	return eachPool(ctx, t, api, func(ctx context.Context, pool string) error {
		p := cognitoidentityprovider.NewListUserPoolClientsPaginator(api, &cognitoidentityprovider.ListUserPoolClientsInput{UserPoolId: aws.String(pool), MaxResults: t.PageSize(60)})
		return collect.EachItem(ctx, p, func(page *cognitoidentityprovider.ListUserPoolClientsOutput) []types.UserPoolClientDescription {
			return page.UserPoolClients
		},
			func(ctx context.Context, c types.UserPoolClientDescription) {
				r := &model.Resource{Key: t.Key("user-pool-client", pool+"/"+aws.ToString(c.ClientId)), Name: aws.ToString(c.ClientName)}
				out, err := api.DescribeUserPoolClient(ctx, &cognitoidentityprovider.DescribeUserPoolClientInput{UserPoolId: aws.String(pool), ClientId: c.ClientId})
				if err != nil {
					t.Warn("DescribeUserPoolClient", err)
				} else if d := out.UserPoolClient; d != nil {
					r.CreatedAt, r.Details = model.Time(d.CreationDate), clientFields.Details(d)
				}
				emitInPool(t, pool, r)
			})
	})
}

var groupFields = collect.Fields[types.GroupType]{
	collect.Text("description", "group description", func(g types.GroupType) *string { return g.Description }),
	collect.Text("role_arn", "IAM role the group's members get from identity pools", func(g types.GroupType) *string { return g.RoleArn }),
	collect.Int("precedence", "which group's role wins when a user is in several (lower first)", func(g types.GroupType) *int32 { return g.Precedence }),
	collect.Timestamp("last_modified", "last change of the group", func(g types.GroupType) *time.Time { return g.LastModifiedDate }),
}

func groups(ctx context.Context, t *collect.Task) error {
	api := cognitoidentityprovider.NewFromConfig(t.Config)
	return eachPool(ctx, t, api, func(ctx context.Context, pool string) error {
		p := cognitoidentityprovider.NewListGroupsPaginator(api, &cognitoidentityprovider.ListGroupsInput{UserPoolId: aws.String(pool), Limit: t.PageSize(60)})
		return collect.EachPage(ctx, p, func(page *cognitoidentityprovider.ListGroupsOutput) error {
			for _, g := range page.Groups {
				name := aws.ToString(g.GroupName)
				key := t.Key("group", pool+"/"+name)
				emitInPool(t, pool, &model.Resource{Key: key, Name: name, CreatedAt: model.Time(g.CreationDate), Details: groupFields.Details(g)})
				if role := aws.ToString(g.RoleArn); role != "" {
					t.Relate(key, "assumes-role", t.Role(role))
				}
			}
			return nil
		})
	})
}

var providerFields = collect.Fields[types.ProviderDescription]{
	collect.Enum("provider_type", "SAML, OIDC, Facebook, Google, LoginWithAmazon or SignInWithApple", func(p types.ProviderDescription) types.IdentityProviderTypeType {
		return p.ProviderType
	}),
	collect.Timestamp("last_modified", "last change of the provider", func(p types.ProviderDescription) *time.Time { return p.LastModifiedDate }),
}

func identityProviders(ctx context.Context, t *collect.Task) error {
	api := cognitoidentityprovider.NewFromConfig(t.Config)
	return eachPool(ctx, t, api, func(ctx context.Context, pool string) error {
		p := cognitoidentityprovider.NewListIdentityProvidersPaginator(api, &cognitoidentityprovider.ListIdentityProvidersInput{UserPoolId: aws.String(pool), MaxResults: t.PageSize(60)})
		return collect.EachPage(ctx, p, func(page *cognitoidentityprovider.ListIdentityProvidersOutput) error {
			for _, ip := range page.Providers {
				name := aws.ToString(ip.ProviderName)
				emitInPool(t, pool, &model.Resource{Key: t.Key("identity-provider", pool+"/"+name), Name: name, CreatedAt: model.Time(ip.CreationDate),
					Details: providerFields.Details(ip)})
			}
			return nil
		})
	})
}

var resourceServerFields = collect.Fields[types.ResourceServerType]{
	collect.Text("identifier", "identifier (usually a URL) that prefixes its scopes", func(s types.ResourceServerType) *string { return s.Identifier }),
	collect.Computed("scopes", model.JSON, "names of the OAuth scopes it defines", func(s types.ResourceServerType) any {
		out := []string{}
		for _, sc := range s.Scopes {
			out = append(out, aws.ToString(sc.ScopeName))
		}
		return out
	}),
}

func resourceServers(ctx context.Context, t *collect.Task) error {
	api := cognitoidentityprovider.NewFromConfig(t.Config)
	return eachPool(ctx, t, api, func(ctx context.Context, pool string) error {
		p := cognitoidentityprovider.NewListResourceServersPaginator(api, &cognitoidentityprovider.ListResourceServersInput{UserPoolId: aws.String(pool), MaxResults: t.PageSize(50)})
		return collect.EachPage(ctx, p, func(page *cognitoidentityprovider.ListResourceServersOutput) error {
			for _, s := range page.ResourceServers {
				emitInPool(t, pool, &model.Resource{Key: t.Key("resource-server", pool+"/"+aws.ToString(s.Identifier)), Name: aws.ToString(s.Name),
					Details: resourceServerFields.Details(s)})
			}
			return nil
		})
	})
}
