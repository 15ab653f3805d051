package all_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/rds"
	"github.com/aws/aws-sdk-go-v2/service/rds/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/rds"
)

func TestRdsDBProxies(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	n := setupNetwork(t, cfg)
	api := rds.NewFromConfig(cfg)
	secret := "arn:aws:secretsmanager:" + region + ":" + collecttest.MotoAccount + ":secret:app-db-AbCdEf"
	for i := range 6 {
		if _, err := api.CreateDBProxy(ctx, &rds.CreateDBProxyInput{DBProxyName: aws.String(fmt.Sprintf("pool-%d", i)), EngineFamily: types.EngineFamilyPostgresql,
			RoleArn: aws.String("arn:aws:iam::" + collecttest.MotoAccount + ":role/proxy-reader"), VpcSubnetIds: n.subnets, VpcSecurityGroupIds: []string{n.sg},
			RequireTLS: aws.Bool(i == 0), IdleClientTimeout: aws.Int32(900),
			Auth: []types.UserAuthConfig{{AuthScheme: types.AuthSchemeSecrets, SecretArn: aws.String(secret), IAMAuth: types.IAMAuthModeRequired}},
			Tags: rdsTag("app", "shop")}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "db-proxy", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 proxies over several pages, got %v %d", got.Err, len(got.Resources))
	}
	p := got.ByID()["pool-0"]
	wantDetails(t, p, map[string]any{"engine_family": "POSTGRESQL", "require_tls": true, "idle_client_timeout_seconds": 900, "vpc_id": n.vpc,
		"auth": "[{SECRETS REQUIRED " + secret + " }]"})
	if p.ARN == "" || p.CreatedAt == "" {
		t.Errorf("pool-0: arn %q created %q", p.ARN, p.CreatedAt)
	}
	collecttest.HasEdges(t, got, "pool-0 -uses-secret-> secretsmanager/secret:app-db", "pool-0 -uses-role-> iam/role:proxy-reader",
		"pool-0 -in-subnet-> ec2/subnet:"+n.subnets[1], "pool-0 -uses-security-group-> ec2/security-group:"+n.sg, "pool-0 -in-vpc-> ec2/vpc:"+n.vpc)
}

func TestRdsEventSubscriptions(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	api := rds.NewFromConfig(cfg)
	topic := "arn:aws:sns:" + region + ":" + collecttest.MotoAccount + ":db-events"
	for i := range 6 {
		if _, err := api.CreateEventSubscription(context.Background(), &rds.CreateEventSubscriptionInput{SubscriptionName: aws.String(fmt.Sprintf("ops-%d", i)),
			SnsTopicArn: aws.String(topic), SourceType: aws.String("db-instance"), EventCategories: []string{"failure", "maintenance"},
			SourceIds: []string{"main"}, Enabled: aws.Bool(i != 1), Tags: rdsTag("team", "ops")}); err != nil {
			t.Fatal(err)
		}
	}
	got := collecttest.Run(t, cfg, collector.Service, "event-subscription", region)
	if got.Err != nil || len(got.Resources) != 6 {
		t.Fatalf("want 6 subscriptions, got %v %d", got.Err, len(got.Resources))
	}
	wantDetails(t, got.ByID()["ops-1"], map[string]any{"sns_topic_arn": topic, "source_type": "db-instance", "source_ids": "[main]",
		"event_categories": "[failure maintenance]", "enabled": false})
	if s := got.ByID()["ops-2"]; s.ARN != "arn:aws:rds:"+region+":"+collecttest.MotoAccount+":es:ops-2" || s.Tags["team"] != "ops" {
		t.Errorf("ops-2: %s %v", s.ARN, s.Tags)
	}
	collecttest.HasEdges(t, got, "ops-3 -notifies-> sns/topic:db-events")
}

// TestReservedInstances: moto has no reservations; the SDK's answer is canned.
func TestRdsReservedInstances(t *testing.T) {
	collecttest.Setup(t)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	arn := "arn:aws:rds:" + region + ":" + collecttest.MotoAccount + ":ri:pg-prod"
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(map[string]func(any) (any, error){
		"DescribeReservedDBInstances": func(any) (any, error) {
			return &rds.DescribeReservedDBInstancesOutput{ReservedDBInstances: []types.ReservedDBInstance{{
				ReservedDBInstanceId: aws.String("pg-prod"), ReservedDBInstanceArn: aws.String(arn), DBInstanceClass: aws.String("db.r6g.large"),
				DBInstanceCount: aws.Int32(2), Duration: aws.Int32(31536000), StartTime: &start, State: aws.String("active"),
				OfferingType: aws.String("No Upfront"), ProductDescription: aws.String("postgresql"), MultiAZ: aws.Bool(true), FixedPrice: aws.Float64(0),
			}}}, nil
		},
		"GetResources": func(any) (any, error) { return nil, fmt.Errorf("not granted") },
		"ListTagsForResource": func(any) (any, error) {
			return &rds.ListTagsForResourceOutput{TagList: rdsTag("cost-center", "42")}, nil
		},
	})})
	got := collecttest.Run(t, cfg, collector.Service, "reserved-db-instance", region)
	if got.Err != nil || len(got.Resources) != 1 {
		t.Fatalf("want the reservation, got %v %d", got.Err, len(got.Resources))
	}
	r := got.Resources[0]
	wantDetails(t, r, map[string]any{"instance_class": "db.r6g.large", "instance_count": 2, "state": "active", "multi_az": true,
		"start_time": "2026-01-01T00:00:00Z", "end_time": "2027-01-01T00:00:00Z", "offering_type": "No Upfront"})
	if r.ARN != arn || r.Tags["cost-center"] != "42" || r.CreatedAt != "2026-01-01T00:00:00Z" {
		t.Errorf("reservation: %s %v %s", r.ARN, r.Tags, r.CreatedAt)
	}
}
