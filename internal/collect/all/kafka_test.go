package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	"github.com/aws/aws-sdk-go-v2/service/kafka/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/kafka"
)

func TestKafkaClusters(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	net := testvpc.New(t, cfg, "10.6.0.0/16", "msk", testvpc.Subnet{CIDR: "10.6.1.0/24"}, testvpc.Subnet{CIDR: "10.6.2.0/24"})
	api := kafka.NewFromConfig(cfg)
	key := "arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k-1"
	configARN := "arn:aws:kafka:eu-west-1:" + collecttest.MotoAccount + ":configuration/tuned/4f1c2a3b-0001"
	// Six provisioned clusters (events0 accepts plaintext from clients) and
	// a serverless one.
	for i := range 6 {
		transit := types.ClientBrokerTls
		if i == 0 {
			transit = types.ClientBrokerTlsPlaintext
		}
		_, err := api.CreateCluster(ctx, &kafka.CreateClusterInput{ClusterName: aws.String(fmt.Sprintf("events%d", i)), KafkaVersion: aws.String("3.6.0"),
			ConfigurationInfo:   &types.ConfigurationInfo{Arn: aws.String(configARN), Revision: aws.Int64(1)},
			NumberOfBrokerNodes: aws.Int32(2), BrokerNodeGroupInfo: &types.BrokerNodeGroupInfo{InstanceType: aws.String("kafka.m5.large"),
				ClientSubnets: net.Subnets, SecurityGroups: []string{net.SG}},
			EncryptionInfo: &types.EncryptionInfo{EncryptionAtRest: &types.EncryptionAtRest{DataVolumeKMSKeyId: aws.String(key)},
				EncryptionInTransit: &types.EncryptionInTransit{ClientBroker: transit, InCluster: aws.Bool(true)}},
			Tags: map[string]string{"n": fmt.Sprint(i)}})
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := api.CreateClusterV2(ctx, &kafka.CreateClusterV2Input{ClusterName: aws.String("lite"), Serverless: &types.ServerlessRequest{
		VpcConfigs: []types.VpcConfig{{SubnetIds: net.Subnets, SecurityGroupIds: []string{net.SG}}}}})
	if err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("clusters: %v, %d", got.Err, len(got.Resources))
	}
	byID := got.ByID()
	for id, want := range map[string]map[string]any{
		"events0": {"cluster_type": "PROVISIONED", "client_broker_encryption": "TLS_PLAINTEXT", "inter_broker_tls": true,
			"at_rest_kms_key": key, "broker_nodes": int64(2), "instance_type": "kafka.m5.large", "kafka_version": "3.6.0"},
		"events3": {"client_broker_encryption": "TLS"},
		"lite":    {"cluster_type": "SERVERLESS", "client_broker_encryption": "", "inter_broker_tls": true},
	} {
		for k, v := range want {
			if byID[id].Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", id, k, byID[id].Details[k], v)
			}
		}
	}
	if e := byID["events4"]; e.Tags["n"] != "4" || e.ARN == "" || e.CreatedAt == "" {
		t.Errorf("events4: %s %v %q", e.ARN, e.Tags, e.CreatedAt)
	}
	collecttest.HasEdges(t, got, "events0 -in-subnet-> ec2/subnet:"+net.Subnets[1], "events0 -uses-security-group-> ec2/security-group:"+net.SG,
		"events0 -encrypted-with-> kms/key:k-1", "lite -in-subnet-> ec2/subnet:"+net.Subnets[0], "events2 -uses-configuration-> kafka/configuration:tuned")
}

func TestKafkaClustersDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListClustersV2")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "cluster", region))
}
