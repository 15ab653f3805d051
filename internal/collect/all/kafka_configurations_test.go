package all_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	"github.com/aws/aws-sdk-go-v2/service/kafka/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/kafka"
)

var kafkaCreated = time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC)

// mskAnswers can what moto lacks: seven configurations over two pages,
// a VPC connection to a cluster of another account, and the tags of each.
func mskAnswers() map[string]func(any) (any, error) {
	return map[string]func(any) (any, error){
		"ListConfigurations": func(in any) (any, error) {
			i := in.(*kafka.ListConfigurationsInput)
			start, _ := strconv.Atoi(aws.ToString(i.NextToken))
			out := &kafka.ListConfigurationsOutput{}
			for n := start; n < min(start+int(aws.ToInt32(i.MaxResults)), 7); n++ {
				name := "conf" + strconv.Itoa(n)
				out.Configurations = append(out.Configurations, types.Configuration{Name: aws.String(name), State: types.ConfigurationStateActive,
					Arn: aws.String("arn:aws:kafka:eu-west-1:" + collecttest.MotoAccount + ":configuration/" + name + "/0001"), CreationTime: aws.Time(kafkaCreated),
					KafkaVersions: []string{"3.6.0"}, LatestRevision: &types.ConfigurationRevision{Revision: aws.Int64(int64(n + 1)), CreationTime: aws.Time(kafkaCreated)}})
			}
			if next := start + int(aws.ToInt32(i.MaxResults)); next < 7 {
				out.NextToken = aws.String(strconv.Itoa(next))
			}
			return out, nil
		},
		"ListVpcConnections": func(any) (any, error) {
			return &kafka.ListVpcConnectionsOutput{VpcConnections: []types.VpcConnection{{
				VpcConnectionArn: aws.String("arn:aws:kafka:eu-west-1:" + collecttest.MotoAccount + ":vpc-connection/111122223333/events/9a8b7c6d-1"),
				TargetClusterArn: aws.String("arn:aws:kafka:eu-west-1:111122223333:cluster/events/5e6f-2"), VpcId: aws.String("vpc-1"),
				Authentication: aws.String("SASL_IAM"), State: types.VpcConnectionStateAvailable, CreationTime: aws.Time(kafkaCreated)}}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &kafka.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*kafka.ListTagsForResourceInput).ResourceArn)}}, nil
		},
	}
}

func TestKafkaConfigurationsAndVpcConnections(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(mskAnswers())})
	got := collecttest.Run(t, cfg, collector.Service, "configuration", region)
	if got.Err != nil || len(got.Resources) != 7 {
		t.Fatalf("configurations: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()["conf6"]
	if c.Tags["arn"] != c.ARN || c.CreatedAt != "2026-04-02T10:00:00Z" || c.Details["latest_revision"] != int64(7) || c.Details["state"] != "ACTIVE" {
		t.Errorf("conf6: %s %v %q %v", c.ARN, c.Tags, c.CreatedAt, c.Details)
	}
	if v, _ := c.Details["kafka_versions"].([]string); len(v) != 1 || v[0] != "3.6.0" {
		t.Errorf("kafka_versions %v", c.Details["kafka_versions"])
	}

	vc := collecttest.Run(t, cfg, collector.Service, "vpc-connection", region)
	if vc.Err != nil || len(vc.Resources) != 1 {
		t.Fatalf("vpc connections: %v, %d", vc.Err, len(vc.Resources))
	}
	v := vc.ByID()["9a8b7c6d-1"]
	if v == nil || v.Details["authentication"] != "SASL_IAM" || v.Details["state"] != "AVAILABLE" || v.Tags["arn"] != v.ARN {
		t.Fatalf("connection: %+v", v)
	}
	collecttest.HasEdges(t, vc, "9a8b7c6d-1 -in-vpc-> ec2/vpc:vpc-1", "9a8b7c6d-1 -connects-to-> kafka/cluster:events")
	for _, rel := range vc.Relationships {
		if rel.To.Service == "kafka" && rel.To.Account != "111122223333" {
			t.Errorf("cluster edge in account %s, want the cluster's", rel.To.Account)
		}
	}

	for typ, op := range map[string]string{"configuration": "ListConfigurations", "vpc-connection": "ListVpcConnections"} {
		denied := mskAnswers()
		denied[op] = collecttest.Denied(op)
		cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(denied)})
		collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, typ, region))
	}
}
