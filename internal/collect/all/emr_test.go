package all_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	"github.com/aws/aws-sdk-go-v2/service/emr/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	"github.com/awsmap/awsmap/internal/collect/collecttest/testvpc"
	collector "github.com/awsmap/awsmap/internal/collect/emr"
)

func TestEmrClusters(t *testing.T) {
	collecttest.Setup(t)
	ctx := context.Background()
	cfg := collecttest.Config(t, region, nil)
	net := testvpc.New(t, cfg, "10.5.0.0/16", "", testvpc.Subnet{CIDR: "10.5.1.0/24"})
	api := emr.NewFromConfig(cfg)
	ids := map[string]string{}
	for i := range 4 {
		out, err := api.RunJobFlow(ctx, &emr.RunJobFlowInput{Name: aws.String(fmt.Sprintf("etl%d", i)), ReleaseLabel: aws.String("emr-7.1.0"),
			ServiceRole: aws.String("EMR_DefaultRole"), JobFlowRole: aws.String("EMR_EC2_DefaultRole"), LogUri: aws.String("s3://emr-logs/"),
			SecurityConfiguration: aws.String("encrypted"), Applications: []types.Application{{Name: aws.String("Spark")}},
			Instances: &types.JobFlowInstancesConfig{KeepJobFlowAliveWhenNoSteps: aws.Bool(true), TerminationProtected: aws.Bool(i == 0),
				Ec2SubnetId: aws.String(net.Subnets[0]), MasterInstanceType: aws.String("m5.xlarge"), SlaveInstanceType: aws.String("m5.xlarge"), InstanceCount: aws.Int32(3)},
			Tags: []types.Tag{{Key: aws.String("n"), Value: aws.String(fmt.Sprint(i))}}})
		if err != nil {
			t.Fatal(err)
		}
		ids[fmt.Sprintf("etl%d", i)] = aws.ToString(out.JobFlowId)
	}
	// A terminated cluster is not collected.
	if _, err := api.TerminateJobFlows(ctx, &emr.TerminateJobFlowsInput{JobFlowIds: []string{ids["etl3"]}}); err != nil {
		t.Fatal(err)
	}

	got := collecttest.Run(t, cfg, collector.Service, "cluster", region)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("clusters: %v, %d (want the 3 not terminated)", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	c := got.ByID()[ids["etl0"]]
	want := map[string]any{"release_label": "emr-7.1.0", "security_configuration": "encrypted", "log_uri": "s3://emr-logs/",
		"termination_protected": true, "subnet_id": net.Subnets[0], "service_role": "EMR_DefaultRole"}
	for k, v := range want {
		if c.Details[k] != v {
			t.Errorf("details[%s] = %v, want %v", k, c.Details[k], v)
		}
	}
	if c.Name != "etl0" || c.Tags["n"] != "0" || c.ARN == "" {
		t.Errorf("etl0: %s %s %v", c.Name, c.ARN, c.Tags)
	}
	collecttest.HasEdges(t, got, ids["etl0"]+" -in-subnet-> ec2/subnet:"+net.Subnets[0], ids["etl0"]+" -assumes-role-> iam/role:EMR_DefaultRole",
		ids["etl1"]+" -uses-security-configuration-> emr/security-configuration:encrypted")

}

func TestEmrDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("ListClusters")})
	collecttest.AssertDenied(t, collecttest.Run(t, cfg, collector.Service, "cluster", region))
}
