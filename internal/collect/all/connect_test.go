package all_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
	collector "github.com/awsmap/awsmap/internal/collect/connect"
)

var connectPaged = collecttest.Paged{Cap: 2}

const connectRegion = "us-east-1"

// moto writes instances' times in a form the SDK cannot read: canned,
// three instances over two pages, each tagged with its ARN.
func connectCanned(replace map[string]func(any) (any, error)) awsx.Options {
	instance := func(i int) types.InstanceSummary {
		id := fmt.Sprint("inst-", i)
		return types.InstanceSummary{Id: aws.String(id), Arn: aws.String("arn:aws:connect:us-east-1:" + account + ":instance/" + id),
			InstanceAlias: aws.String(fmt.Sprint("support", i)), InstanceStatus: types.InstanceStatusActive, IdentityManagementType: types.DirectoryTypeConnectManaged,
			InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(i == 0), CreatedTime: aws.Time(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)),
			ServiceRole: aws.String("arn:aws:iam::" + account + ":role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect")}
	}
	answers := map[string]func(any) (any, error){
		"ListInstances": func(in any) (any, error) {
			if aws.ToString(in.(*connect.ListInstancesInput).NextToken) == "" {
				return &connect.ListInstancesOutput{NextToken: aws.String("2"), InstanceSummaryList: []types.InstanceSummary{instance(0), instance(1)}}, nil
			}
			return &connect.ListInstancesOutput{InstanceSummaryList: []types.InstanceSummary{instance(2)}}, nil
		},
		"ListTagsForResource": func(in any) (any, error) {
			return &connect.ListTagsForResourceOutput{Tags: map[string]string{"arn": aws.ToString(in.(*connect.ListTagsForResourceInput).ResourceArn)}}, nil
		},
	}
	maps.Copy(answers, replace)
	return awsx.Options{Responder: collecttest.Canned(answers)}
}

func TestConnectInstances(t *testing.T) {
	collecttest.Setup(t)
	got := connectPaged.Run(t, collecttest.ConfigWith(t, connectRegion, connectCanned(nil)), collector.Service, "instance", connectRegion)
	if got.Err != nil || len(got.Resources) != 3 {
		t.Fatalf("instances: %v, %d", got.Err, len(got.Resources))
	}
	collecttest.AssertNoWarnings(t, got)
	r := got.ByID()["inst-0"]
	if r.Name != "support0" || r.Tags["arn"] != r.ARN || r.ARN != "arn:aws:connect:us-east-1:"+account+":instance/inst-0" || r.CreatedAt != "2026-02-01T00:00:00Z" ||
		r.Details["identity_management"] != "CONNECT_MANAGED" || r.Details["inbound_calls"] != true || r.Details["outbound_calls"] != true || r.Details["status"] != "ACTIVE" {
		t.Errorf("inst-0 %+v", r)
	}
	if got.ByID()["inst-1"].Details["outbound_calls"] != false {
		t.Errorf("inst-1 %+v", got.ByID()["inst-1"])
	}
	collecttest.HasEdges(t, got, "inst-2 -assumes-role-> iam/role:AWSServiceRoleForAmazonConnect")
}

func TestConnectDenied(t *testing.T) {
	collecttest.Setup(t)
	cfg := collecttest.ConfigWith(t, connectRegion, connectCanned(map[string]func(any) (any, error){"ListInstances": collecttest.Denied("ListInstances")}))
	collecttest.AssertDenied(t, connectPaged.Run(t, cfg, collector.Service, "instance", connectRegion))
	cfg = collecttest.ConfigWith(t, connectRegion, connectCanned(map[string]func(any) (any, error){"ListTagsForResource": collecttest.Denied("ListTagsForResource")}))
	got := connectPaged.Run(t, cfg, collector.Service, "instance", connectRegion)
	if got.Err != nil || len(got.Resources) != 3 || len(got.Task.Warnings()) != 3 {
		t.Fatalf("want instances and a tag warning each, got %v, %d, %d", got.Err, len(got.Resources), len(got.Task.Warnings()))
	}
}
