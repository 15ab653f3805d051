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

var cognitoidpPaged = collecttest.Paged{Cap: 2}

func TestCognitoidpUserPools(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	api := cognitoidentityprovider.NewFromConfig(cfg)
	fn := "arn:aws:lambda:" + region + ":" + collecttest.MotoAccount + ":function:pre-signup"
	out, err := api.CreateUserPool(ctx, &cognitoidentityprovider.CreateUserPoolInput{PoolName: aws.String("customers"),
		MfaConfiguration: types.UserPoolMfaTypeOptional, DeletionProtection: types.DeletionProtectionTypeActive,
		UserPoolAddOns: &types.UserPoolAddOnsType{AdvancedSecurityMode: types.AdvancedSecurityModeTypeEnforced},
		LambdaConfig:   &types.LambdaConfigType{PreSignUp: aws.String(fn)},
		UserPoolTags:   map[string]string{"Team": "identity"}})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(out.UserPool.Id)
	for i := range 3 {
		if _, err := api.CreateUserPool(ctx, &cognitoidentityprovider.CreateUserPoolInput{PoolName: aws.String(fmt.Sprint("pool-", i))}); err != nil {
			t.Fatal(err)
		}
	}
	got := cognitoidpPaged.Run(t, cfg, collector.Service, "user-pool", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	p := got.ByID()[id]
	if len(got.Resources) != 4 || p == nil {
		t.Fatalf("want 4 pools over pages, got %d", len(got.Resources))
	}
	want := map[string]any{"mfa_configuration": "OPTIONAL", "advanced_security_mode": "ENFORCED", "deletion_protection": "ACTIVE"}
	for k, v := range want {
		if p.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, p.Details[k], v)
		}
	}
	if p.Name != "customers" || p.Tags["Team"] != "identity" || p.CreatedAt == "" ||
		p.ARN != "arn:aws:cognito-idp:"+region+":"+collecttest.MotoAccount+":userpool/"+id {
		t.Errorf("identity wrong: %+v", p)
	}
	collecttest.HasEdges(t, got, id+" -invokes-> lambda/function:pre-signup")
	for _, other := range got.Resources {
		if other.ID != id && (other.Details["mfa_configuration"] != "OFF" || other.Details["deletion_protection"] != "INACTIVE") {
			t.Errorf("plain pool %s: %v", other.ID, other.Details)
		}
	}
}

func TestCognitoidpUserPoolsDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListUserPools")})
	collecttest.AssertDenied(t, cognitoidpPaged.Run(t, cfg, collector.Service, "user-pool", region))

	if _, err := cognitoidentityprovider.NewFromConfig(collecttest.Config(t, region, nil)).CreateUserPool(context.Background(),
		&cognitoidentityprovider.CreateUserPoolInput{PoolName: aws.String("p")}); err != nil {
		t.Fatal(err)
	}
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeUserPool")})
	got := cognitoidpPaged.Run(t, cfg, collector.Service, "user-pool", region)
	if got.Err != nil || len(got.Resources) != 1 || len(got.Task.Warnings()) != 1 || len(got.Resources[0].Details) != 0 || got.Resources[0].Name != "p" {
		t.Errorf("want the pool from the listing, fields unknown, and a warning: %v %+v", got.Err, got.Resources)
	}
}
