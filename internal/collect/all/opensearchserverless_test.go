package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	aoss "github.com/aws/aws-sdk-go-v2/service/opensearchserverless"
	"github.com/aws/aws-sdk-go-v2/service/opensearchserverless/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/opensearchserverless"
	"github.com/awsmap/awsmap/internal/model"
)

var opensearchserverlessKmsKey = "arn:aws:kms:" + region + ":" + collecttest.MotoAccount + ":key/k-1"

// seed makes a KMS-key and an AWS-owned-key encryption policy, a public and a private
// network policy, and six collections.
func opensearchserverlessSeed(t *testing.T, api *aoss.Client) {
	t.Helper()
	ctx := context.Background()
	for _, p := range []struct{ name, typ, doc string }{
		{"logs-enc", "encryption", `{"Rules":[{"ResourceType":"collection","Resource":["collection/logs-0","collection/logs-1","collection/logs-2",` +
			`"collection/logs-3","collection/logs-4","collection/logs-5"]}],"AWSOwnedKey":false,"KmsARN":"` + opensearchserverlessKmsKey + `"}`},
		{"owned", "encryption", `{"Rules":[{"ResourceType":"collection","Resource":["collection/vec"]}],"AWSOwnedKey":true}`},
		{"logs-public", "network", `[{"Rules":[{"ResourceType":"collection","Resource":["collection/logs-*"]},{"ResourceType":"dashboard","Resource":["collection/logs-*"]}],"AllowFromPublic":true}]`},
		{"private", "network", `[{"Rules":[{"ResourceType":"collection","Resource":["collection/vec"]}],"AllowFromPublic":false,"SourceVPCEs":["vpce-1"]}]`},
	} {
		if _, err := api.CreateSecurityPolicy(ctx, &aoss.CreateSecurityPolicyInput{Name: aws.String(p.name), Type: types.SecurityPolicyType(p.typ),
			Policy: aws.String(p.doc), Description: aws.String(p.name + " policy")}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 6 {
		if _, err := api.CreateCollection(ctx, &aoss.CreateCollectionInput{Name: aws.String(fmt.Sprintf("logs-%d", i)), Type: types.CollectionTypeTimeseries,
			Description: aws.String("app logs"), StandbyReplicas: types.StandbyReplicasEnabled,
			Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String(fmt.Sprint("t", i))}}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpensearchserverlessCollectionsAndSecurityPolicies(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	opensearchserverlessSeed(t, aoss.NewFromConfig(cfg))

	got := collecttest.Run(t, cfg, collector.Service, "collection", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 collections, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	var c *model.Resource
	for _, r := range got.Resources {
		if r.Name == "logs-2" {
			c = r
		}
	}
	wantDetails(t, c, map[string]any{"collection_type": "TIMESERIES", "status": "ACTIVE", "description": "app logs", "standby_replicas": "ENABLED", "kms_key_arn": opensearchserverlessKmsKey})
	collecttest.HasEdges(t, got, c.ID+" -encrypted-with-> kms/key:k-1")
	if c.Tags["team"] != "t2" || c.ARN != "arn:aws:aoss:"+region+":"+collecttest.MotoAccount+":collection/"+c.ID || c.CreatedAt == "" {
		t.Errorf("logs-2: %s %v %s", c.ARN, c.Tags, c.CreatedAt)
	}

	got = collecttest.Run(t, cfg, collector.Service, "security-policy", region)
	if got.Err != nil || len(got.Resources) != 4 {
		t.Fatalf("want 4 security policies, got %v %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	wantDetails(t, byID["encryption/logs-enc"], map[string]any{"policy_type": "encryption", "aws_owned_key": false, "allow_from_public": false, "rule_count": 1})
	wantDetails(t, byID["encryption/owned"], map[string]any{"aws_owned_key": true})
	wantDetails(t, byID["network/logs-public"], map[string]any{"policy_type": "network", "allow_from_public": true, "rule_count": 2, "description": "logs-public policy"})
	wantDetails(t, byID["network/private"], map[string]any{"allow_from_public": false})
}

// TestAccessPoliciesAndVPCEndpoints: moto lists neither; the SDK's answers
// are canned.
func TestOpensearchserverlessAccessPoliciesAndVPCEndpoints(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"ListAccessPolicies": func(in any) (any, error) {
			if in.(*aoss.ListAccessPoliciesInput).NextToken == nil {
				return &aoss.ListAccessPoliciesOutput{AccessPolicySummaries: []types.AccessPolicySummary{{Name: aws.String("readers"), Type: types.AccessPolicyTypeData,
					PolicyVersion: aws.String("v1"), CreatedDate: aws.Int64(1700000000000), LastModifiedDate: aws.Int64(1710000000000)}}, NextToken: aws.String("2")}, nil
			}
			return &aoss.ListAccessPoliciesOutput{AccessPolicySummaries: []types.AccessPolicySummary{{Name: aws.String("writers"), Type: types.AccessPolicyTypeData}}}, nil
		},
		"ListVpcEndpoints": func(any) (any, error) {
			return &aoss.ListVpcEndpointsOutput{VpcEndpointSummaries: []types.VpcEndpointSummary{{Id: aws.String("vpce-1"), Name: aws.String("search-vpc")}}}, nil
		},
		"BatchGetVpcEndpoint": func(any) (any, error) {
			return &aoss.BatchGetVpcEndpointOutput{VpcEndpointDetails: []types.VpcEndpointDetail{{Id: aws.String("vpce-1"), Name: aws.String("search-vpc"),
				Status: types.VpcEndpointStatusActive, VpcId: aws.String("vpc-1"), SubnetIds: []string{"subnet-1"}, SecurityGroupIds: []string{"sg-1"},
				CreatedDate: aws.Int64(1700000000000)}}}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "access-policy", region)
	if got.Err != nil || len(got.Resources) != 2 {
		t.Fatalf("want the access policies of both pages, got %v %d", got.Err, len(got.Resources))
	}
	r := got.ByID()["data/readers"]
	wantDetails(t, r, map[string]any{"policy_type": "data", "policy_version": "v1", "updated_at": "2024-03-09T16:00:00Z"})
	if r.CreatedAt != "2023-11-14T22:13:20Z" {
		t.Errorf("created %s", r.CreatedAt)
	}

	got = collecttest.Run(t, cfg, collector.Service, "vpc-endpoint", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("vpc endpoints: %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.Resources[0], map[string]any{"status": "ACTIVE", "vpc_id": "vpc-1", "subnet_ids": "[subnet-1]"})
	collecttest.HasEdges(t, got, "vpce-1 -in-vpc-> ec2/vpc:vpc-1", "vpce-1 -in-subnet-> ec2/subnet:subnet-1", "vpce-1 -uses-security-group-> ec2/security-group:sg-1")
}

func TestOpensearchserverlessDenied(t *testing.T) {
	collecttest.Setup(t)
	for typ, op := range map[string]string{"collection": "ListCollections", "security-policy": "ListSecurityPolicies",
		"access-policy": "ListAccessPolicies", "vpc-endpoint": "ListVpcEndpoints"} {
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny(op)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
	opensearchserverlessSeed(t, aoss.NewFromConfig(collecttest.Config(t, region, nil)))
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("GetSecurityPolicy", "BatchGetCollection")})
	for _, typ := range []string{"security-policy", "collection"} {
		got := collecttest.Run(t, cfg, collector.Service, typ, region)
		if got.Err != nil || len(got.Resources) == 0 || len(got.Task.Warnings()) == 0 {
			t.Errorf("%s: want resources and warnings, got %v %d %v", typ, got.Err, len(got.Resources), got.Task.Warnings())
		}
		for _, r := range got.Resources {
			if _, ok := r.Details["allow_from_public"]; ok {
				t.Errorf("%s: allow_from_public without the policy: %v", r.ID, r.Details)
			}
		}
	}
}
