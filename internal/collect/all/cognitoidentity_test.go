package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cognitoidentity"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

var cognitoidentityPaged = collecttest.Paged{Cap: 2}

var (
	authRole  = "arn:aws:iam::" + collecttest.MotoAccount + ":role/app-auth"
	guestRole = "arn:aws:iam::" + collecttest.MotoAccount + ":role/app-guest"
)

// poolRoles cans GetIdentityPoolRoles, which moto 5.2.1 does not serve.
var poolRoles = collecttest.Canned(map[string]func(any) (any, error){
	"GetIdentityPoolRoles": func(in any) (any, error) {
		return &cognitoidentity.GetIdentityPoolRolesOutput{IdentityPoolId: in.(*cognitoidentity.GetIdentityPoolRolesInput).IdentityPoolId,
			Roles: map[string]string{"authenticated": authRole, "unauthenticated": guestRole}}, nil
	},
})

func TestCognitoidentityIdentityPools(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	api := cognitoidentity.NewFromConfig(collecttest.Config(t, region, nil))
	out, err := api.CreateIdentityPool(ctx, &cognitoidentity.CreateIdentityPoolInput{IdentityPoolName: aws.String("app"),
		AllowUnauthenticatedIdentities: true,
		CognitoIdentityProviders: []types.CognitoIdentityProvider{{ProviderName: aws.String("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc"),
			ClientId: aws.String("client")}},
		IdentityPoolTags: map[string]string{"Team": "mobile"}})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.IdentityPoolId)
	for i := range 2 {
		if _, err := api.CreateIdentityPool(ctx, &cognitoidentity.CreateIdentityPoolInput{IdentityPoolName: aws.String(fmt.Sprint("other", i))}); err != nil {
			t.Fatal(err)
		}
	}
	got := cognitoidentityPaged.Run(t, collecttest.ConfigWith(t, region, awsx.Options{Responder: poolRoles}), collector.Service, "identity-pool", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()[id]
	if len(got.Resources) != 3 || p == nil {
		t.Fatalf("want 3 pools over pages, got %d", len(got.Resources))
	}
	if p.Details["allow_unauthenticated_identities"] != true || p.Name != "app" || p.Tags["Team"] != "mobile" ||
		p.ARN != "arn:aws:cognito-identity:"+region+":"+collecttest.MotoAccount+":identitypool/"+id {
		t.Errorf("pool: %+v", p)
	}
	if roles, _ := p.Details["roles"].(map[string]string); roles["unauthenticated"] != guestRole {
		t.Errorf("roles = %v", p.Details["roles"])
	}
	collecttest.HasEdges(t, got, id+" -assumes-role-> iam/role:app-guest", id+" -assumes-role-> iam/role:app-auth",
		id+" -uses-user-pool-> cognito-idp/user-pool:eu-west-1_abc")
}

func TestCognitoidentityIdentityPoolsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListIdentityPools")})
	collecttest.AssertDenied(t, cognitoidentityPaged.Run(t, cfg, collector.Service, "identity-pool", region))

	// moto does not serve GetIdentityPoolRoles: the pool is kept, its roles
	// unknown, the collection partial.
	if _, err := cognitoidentity.NewFromConfig(collecttest.Config(t, region, nil)).CreateIdentityPool(context.Background(),
		&cognitoidentity.CreateIdentityPoolInput{IdentityPoolName: aws.String("app")}); err != nil {
		t.Fatal(err)
	}
	got := cognitoidentityPaged.Run(t, collecttest.Config(t, region, nil), collector.Service, "identity-pool", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 {
		t.Fatalf("want the pool and a warning: %v %v %v", got.Err, got.Resources, got.Task.Warnings())
	}
	if _, known := got.Resources[0].Details["roles"]; known || got.Resources[0].Details["allow_unauthenticated_identities"] != false {
		t.Errorf("details %v", got.Resources[0].Details)
	}
}
