package all_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssm "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/secretsmanager"
)

const (
	secretsmanagerKeyARN = "arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/" + keyID
	rotator              = "arn:aws:lambda:eu-west-1:" + collecttest.MotoAccount + ":function:rotate-db"
	secretDoc            = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
)

func TestSecretsmanagerSecrets(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, "eu-west-1", nil)
	api := awssm.NewFromConfig(cfg)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		must(api.CreateSecret(ctx, &awssm.CreateSecretInput{Name: aws.String(fmt.Sprintf("plain-%d", i)), SecretString: aws.String("s")}))
	}
	must(api.CreateSecret(ctx, &awssm.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("s"), Description: aws.String("database"),
		KmsKeyId: aws.String(secretsmanagerKeyARN), Tags: []smtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("team-a")}}}))
	must(api.PutResourcePolicy(ctx, &awssm.PutResourcePolicyInput{SecretId: aws.String("db"), ResourcePolicy: aws.String(secretDoc)}))
	listed, err := api.ListSecrets(ctx, &awssm.ListSecretsInput{})
	must(listed, err)

	// Moto rotates only with a Lambda function it can run: list the secrets
	// as AWS would once "db" rotates, in pages, and let the rest reach moto.
	all := listed.SecretList
	for i, s := range all {
		if aws.ToString(s.Name) == "db" {
			all[i].RotationEnabled, all[i].RotationLambdaARN = aws.Bool(true), aws.String(rotator)
			all[i].RotationRules = &smtypes.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)}
		}
	}
	cfg = collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListSecrets": func(input any) (any, error) {
			in := input.(*awssm.ListSecretsInput)
			start := 0
			fmt.Sscan(aws.ToString(in.NextToken), &start)
			end := min(start+int(aws.ToInt32(in.MaxResults)), len(all))
			out := &awssm.ListSecretsOutput{SecretList: all[start:end]}
			if end < len(all) {
				out.NextToken = aws.String(fmt.Sprint(end))
			}
			return out, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "secret", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 secrets, got %d", len(byID))
	}
	db := byID["db"]
	want := map[string]any{"description": "database", "kms_key_id": secretsmanagerKeyARN, "rotation_enabled": true, "rotation_lambda_arn": rotator,
		"rotation_days": 30, "resource_policy_present": true}
	for k, v := range want {
		if db.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, db.Details[k], v)
		}
	}
	if p := byID["plain-0"].Details; p["resource_policy_present"] != false || p["rotation_enabled"] != false {
		t.Errorf("plain secret details %v", p)
	}
	if db.Tags["Owner"] != "team-a" || db.CreatedAt == "" || db.Name != "db" || !strings.HasPrefix(db.ARN, "arn:aws:secretsmanager:eu-west-1:"+collecttest.MotoAccount+":secret:db-") {
		t.Errorf("identity fields wrong: %+v", db)
	}
	edges := got.Edges()
	for _, e := range []string{"db -encrypted-with-> kms/key:" + keyID, "db -rotated-by-> lambda/function:rotate-db"} {
		if !slices.Contains(edges, e) {
			t.Errorf("missing relationship %s in %v", e, edges)
		}
	}
}

func TestSecretsmanagerSecretsDenied(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	api := awssm.NewFromConfig(collecttest.Config(t, "eu-west-1", nil))
	if _, err := api.CreateSecret(ctx, &awssm.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("ListSecrets")})
	got := collecttest.Run(t, cfg, collector.Service, "secret", "eu-west-1")
	collecttest.AssertDenied(t, got)

	cfg = collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("GetResourcePolicy")})
	got = collecttest.Run(t, cfg, collector.Service, "secret", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	db := got.ByID()["db"]
	if db == nil {
		t.Fatal("secret not emitted when its policy is denied")
	}
	if _, ok := db.Details["resource_policy_present"]; ok || len(got.Task.Warnings()) == 0 {
		t.Errorf("want resource_policy_present absent and a warning: %v %v", db.Details, got.Task.Warnings())
	}
}
