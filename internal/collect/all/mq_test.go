package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	"github.com/aws/aws-sdk-go-v2/service/mq/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/mq"
)

// createBrokers makes six private ActiveMQ brokers in a subnet (q0 with
// a customer KMS key and audit logs) and a public RabbitMQ one.
func createBrokers(t *testing.T, cfg aws.Config) (testvpc.Network, map[string]string) {
	t.Helper()
	net := testvpc.New(t, cfg, "10.7.0.0/16", "mq", testvpc.Subnet{CIDR: "10.7.1.0/24"})
	api := mq.NewFromConfig(cfg)
	ids := map[string]string{}
	user := []types.User{{Username: aws.String("admin"), Password: aws.String("Secret123456!")}}
	for i := range 7 {
		name := fmt.Sprintf("q%d", i)
		in := &mq.CreateBrokerInput{BrokerName: aws.String(name), EngineType: types.EngineTypeActivemq, EngineVersion: aws.String("5.17.6"),
			HostInstanceType: aws.String("mq.m5.large"), DeploymentMode: types.DeploymentModeSingleInstance, PubliclyAccessible: aws.Bool(false),
			SubnetIds: net.Subnets, SecurityGroups: []string{net.SG}, Users: user, AutoMinorVersionUpgrade: aws.Bool(true),
			Tags: map[string]string{"n": fmt.Sprint(i)}}
		switch i {
		case 0:
			in.EncryptionOptions = &types.EncryptionOptions{UseAwsOwnedKey: aws.Bool(false), KmsKeyId: aws.String("arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k-1")}
			in.Logs = &types.Logs{Audit: aws.Bool(true), General: aws.Bool(true)}
		case 6:
			in.EngineType, in.EngineVersion, in.PubliclyAccessible, in.SubnetIds, in.SecurityGroups = types.EngineTypeRabbitmq, aws.String("3.13"), aws.Bool(true), nil, nil
		}
		out, err := api.CreateBroker(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = aws.ToString(out.BrokerId)
	}
	return net, ids
}

func TestMqBrokers(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.Config(t, region, nil)
	net, ids := createBrokers(t, cfg)

	got := collecttest.Run(t, cfg, collector.Service, "broker", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("brokers: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	byID := got.ByID()
	for name, want := range map[string]map[string]any{
		"q0": {"engine_type": "ACTIVEMQ", "deployment_mode": "SINGLE_INSTANCE", "publicly_accessible": false, "aws_owned_key": false,
			"kms_key_id": "arn:aws:kms:eu-west-1:" + collecttest.MotoAccount + ":key/k-1", "audit_logs": true, "host_instance_type": "mq.m5.large"},
		"q6": {"engine_type": "RABBITMQ", "publicly_accessible": true},
	} {
		r := byID[ids[name]]
		for k, v := range want {
			if r.Details[k] != v {
				t.Errorf("%s details[%s] = %v, want %v", name, k, r.Details[k], v)
			}
		}
	}
	q := byID[ids["q3"]]
	if q.Name != "q3" || q.Tags["n"] != "3" || q.ARN == "" {
		t.Errorf("q3: %s %s %v", q.Name, q.ARN, q.Tags)
	}
	collecttest.HasEdges(t, got, ids["q0"]+" -in-subnet-> ec2/subnet:"+net.Subnets[0], ids["q0"]+" -uses-security-group-> ec2/security-group:"+net.SG,
		ids["q0"]+" -encrypted-with-> kms/key:k-1")
}

func TestMqBrokersDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListBrokers")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "broker", region))

	createBrokers(t, collecttest.Config(t, region, nil))
	cfg = collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeBroker")})
	got := collecttest.Run(t, cfg, collector.Service, "broker", region)
	if got.Err != nil || len(got.Resources) != 7 || len(got.Task.Warnings()) != 7 || len(got.Resources[0].Details) != 0 {
		t.Fatalf("want 7 brokers without details and 7 warnings, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
