package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cognitoidp"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// pools creates three pools, each with three app clients (the first
// confidential), three groups, an OIDC provider and a resource server.
func pools(t *testing.T) []string {
	t.Helper()
	collecttest.Setup(t)
	ctx := context.Background()
	api := cognitoidentityprovider.NewFromConfig(collecttest.Config(t, region, nil))
	var ids []string
	for i := range 3 {
		out, err := api.CreateUserPool(ctx, &cognitoidentityprovider.CreateUserPoolInput{PoolName: aws.String(fmt.Sprint("pool-", i))})
		if err != nil {
			t.Fatal(err)
		}
		pool := out.UserPool.Id
		ids = append(ids, aws.ToString(pool))
		for c := range 3 {
			in := &cognitoidentityprovider.CreateUserPoolClientInput{UserPoolId: pool, ClientName: aws.String(fmt.Sprint("app-", c)),
				ExplicitAuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth}}
			if c == 0 {
				in.GenerateSecret = true
				in.AllowedOAuthFlows = []types.OAuthFlowType{types.OAuthFlowTypeCode}
				in.AllowedOAuthScopes = []string{"openid"}
				in.CallbackURLs = []string{"https://app.example.com/cb"}
				in.AccessTokenValidity = aws.Int32(30)
				in.TokenValidityUnits = &types.TokenValidityUnitsType{AccessToken: types.TimeUnitsTypeMinutes}
			}
			if _, err := api.CreateUserPoolClient(ctx, in); err != nil {
				t.Fatal(err)
			}
			if _, err := api.CreateGroup(ctx, &cognitoidentityprovider.CreateGroupInput{UserPoolId: pool, GroupName: aws.String(fmt.Sprint("g", c)),
				Description: aws.String("team"), Precedence: aws.Int32(int32(c)), RoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/team")}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := api.CreateIdentityProvider(ctx, &cognitoidentityprovider.CreateIdentityProviderInput{UserPoolId: pool, ProviderName: aws.String("corp-sso"),
			ProviderType: types.IdentityProviderTypeTypeOidc, ProviderDetails: map[string]string{"client_id": "x", "authorize_scopes": "openid"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := api.CreateResourceServer(ctx, &cognitoidentityprovider.CreateResourceServerInput{UserPoolId: pool, Identifier: aws.String("https://api.example.com"),
			Name: aws.String("api"), Scopes: []types.ResourceServerScopeType{{ScopeName: aws.String("read"), ScopeDescription: aws.String("read")}}}); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

func cognitoidpRun(t *testing.T, typ string, want int) collecttest.Result {
	t.Helper()
	got := cognitoidpPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, typ, region)
	if got.Err != nil || len(got.Resources) != want {
		t.Fatalf("%s: %v, %d resources, want %d", typ, got.Err, len(got.Resources), want)
	}
	collecttest.AssertNoWarnings(t, got)
	return got
}

func TestCognitoidpUserPoolClients(t *testing.T) {
	ids := pools(t)
	got := cognitoidpRun(t, "user-pool-client", 9)
	var confidential int
	for _, c := range got.Resources {
		if c.Details["has_secret"] != true {
			continue
		}
		confidential++
		if c.Name != "app-0" || c.Details["access_token_validity"] != "30 minutes" || c.Details["refresh_token_validity"] != "30 days" { // moto gives clients no dates
			t.Errorf("app-0: %s %s %v", c.Name, c.CreatedAt, c.Details)
		}
		if flows, _ := c.Details["oauth_flows"].([]string); len(flows) != 1 || flows[0] != "code" {
			t.Errorf("oauth flows: %v", c.Details["oauth_flows"])
		}
		if auth, _ := c.Details["explicit_auth_flows"].([]string); len(auth) != 1 || auth[0] != "ALLOW_USER_PASSWORD_AUTH" {
			t.Errorf("auth flows: %v", c.Details["explicit_auth_flows"])
		}
		for _, v := range c.Details {
			if s, ok := v.(string); ok && len(s) > 40 {
				t.Errorf("a long text, perhaps the secret, was stored: %q", s)
			}
		}
		if c.ID[:len(ids[0])] == ids[0] {
			collecttest.HasEdges(t, got, c.ID+" -in-user-pool-> cognito-idp/user-pool:"+ids[0])
		}
	}
	if confidential != 3 {
		t.Errorf("want three confidential clients, got %d", confidential)
	}
}

func TestCognitoidpGroupsProvidersAndResourceServers(t *testing.T) {
	ids := pools(t)
	got := cognitoidpRun(t, "group", 9)
	g := got.ByID()[ids[1]+"/g2"]
	if g == nil || g.Details["precedence"] != int64(2) || g.Details["description"] != "team" || g.CreatedAt == "" {
		t.Fatalf("g2: %+v", g)
	}
	collecttest.HasEdges(t, got, ids[1]+"/g2 -assumes-role-> iam/role:team", ids[1]+"/g2 -in-user-pool-> cognito-idp/user-pool:"+ids[1])

	got = cognitoidpRun(t, "identity-provider", 3)
	if p := got.ByID()[ids[2]+"/corp-sso"]; p == nil || p.Details["provider_type"] != "OIDC" || len(p.Details) != 2 {
		t.Errorf("provider: %+v", p)
	}
	got = cognitoidpRun(t, "resource-server", 3)
	s := got.ByID()[ids[0]+"/https://api.example.com"]
	if scopes, _ := s.Details["scopes"].([]string); s.Name != "api" || len(scopes) != 1 || scopes[0] != "read" {
		t.Errorf("resource server: %+v", s)
	}
}

func TestCognitoidpPoolResourcesDenied(t *testing.T) {
	pools(t)
	for typ, op := range map[string]string{"user-pool-client": "ListUserPoolClients", "group": "ListGroups", "identity-provider": "ListIdentityProviders",
		"resource-server": "ListResourceServers"} {
		for _, denied := range []string{"ListUserPools", op} {
			cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(denied)})
			collecttest.AssertDenied(t, cognitoidpPaged.Run(t, cfg, collector.Service, typ, region))
		}
	}
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeUserPoolClient")})
	got := cognitoidpPaged.Run(t, cfg, collector.Service, "user-pool-client", region)
	if got.Err != nil || len(got.Resources) != 9 || len(got.Task.Warnings()) != 9 || len(got.Resources[0].Details) != 0 {
		t.Errorf("want nine clients without details, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
