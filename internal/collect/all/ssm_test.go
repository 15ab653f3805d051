package all_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/ssm"
)

func ssmCreate(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	api := awsssm.NewFromConfig(collecttest.Config(t, "eu-west-1", nil))
	put := func(in *awsssm.PutParameterInput) {
		t.Helper()
		in.Value = aws.String("value")
		if _, err := api.PutParameter(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		put(&awsssm.PutParameterInput{Name: aws.String(fmt.Sprintf("/app/plain-%d", i)), Type: ssmtypes.ParameterTypeString})
	}
	put(&awsssm.PutParameterInput{Name: aws.String("/app/db-password"), Type: ssmtypes.ParameterTypeSecureString, KeyId: aws.String(keyID),
		Description: aws.String("database password"), Tags: []ssmtypes.Tag{{Key: aws.String("Owner"), Value: aws.String("team-a")}}})
	put(&awsssm.PutParameterInput{Name: aws.String("/app/db-password"), Type: ssmtypes.ParameterTypeSecureString, KeyId: aws.String(keyID), Overwrite: aws.Bool(true)})
}

func TestSsmParameters(t *testing.T) {
	collecttest.Setup(t)
	ssmCreate(t)
	got := collecttest.Run(t, collecttest.Config(t, "eu-west-1", nil), collector.Service, "parameter", "eu-west-1")
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	if len(byID) != 6 {
		t.Fatalf("want 6 parameters, got %d", len(byID))
	}
	p := byID["/app/db-password"]
	want := map[string]any{"type": "SecureString", "tier": "Standard", "data_type": "text", "version": int64(2), "key_id": keyID, "description": "database password"}
	for k, v := range want {
		if p.Details[k] != v {
			t.Errorf("details[%s] = %v (%T), want %v", k, p.Details[k], p.Details[k], v)
		}
	}
	if p.Details["last_modified"] == "" || p.Tags["Owner"] != "team-a" || p.ARN != "arn:aws:ssm:eu-west-1:"+collecttest.MotoAccount+":parameter/app/db-password" {
		t.Errorf("identity fields wrong: %+v", p)
	}
	if e := "/app/db-password -encrypted-with-> kms/key:" + keyID; !slices.Contains(got.Edges(), e) {
		t.Errorf("missing relationship %s in %v", e, got.Edges())
	}
}

func TestSsmParametersDenied(t *testing.T) {
	collecttest.Setup(t)
	ssmCreate(t)
	cfg := collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny("DescribeParameters")})
	got := collecttest.Run(t, cfg, collector.Service, "parameter", "eu-west-1")
	collecttest.AssertDenied(t, got)

	for _, c := range collecttest.TagDenials("ListTagsForResource") {
		cfg = collecttest.ConfigWith(t, "eu-west-1", awsx.Options{Responder: collecttest.Deny(c.Deny...)})
		got = collecttest.Run(t, cfg, collector.Service, "parameter", "eu-west-1")
		if got.Err != nil {
			t.Fatal(got.Err)
		}
		p := got.ByID()["/app/db-password"]
		if p == nil || p.Details["type"] != "SecureString" || (p.Tags["Owner"] == "team-a") != c.Tagged || (len(got.Task.Warnings()) > 0) != c.Warned {
			t.Errorf("denied %v: want tagged=%v, warned=%v, got %+v %v", c.Deny, c.Tagged, c.Warned, p, got.Task.Warnings())
		}
	}
}
