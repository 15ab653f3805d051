package all_test

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	tagging "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi"
	tagtypes "github.com/aws/aws-sdk-go-v2/service/resourcegroupstaggingapi/types"

	"github.com/awsmap/awsmap/internal/awsx"
	"github.com/awsmap/awsmap/internal/collect"
	collector "github.com/awsmap/awsmap/internal/collect/cloudwatch"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

// moto 5.2.1 does not speak the Smithy RPCv2 CBOR protocol this SDK uses for
// CloudWatch, so DescribeAlarms (and ListTagsForResource) are answered with
// canned pages: seven alarms over two pages.
func alarmPages(calls *[]string) func(input any) (any, error) {
	metric := func(i int) types.MetricAlarm {
		name := fmt.Sprintf("cpu-%d", i)
		return types.MetricAlarm{
			AlarmName: aws.String(name), AlarmArn: aws.String(alarmARN(name)),
			StateValue: types.StateValueAlarm, Namespace: aws.String("AWS/EC2"), MetricName: aws.String("CPUUtilization"),
			Dimensions: []types.Dimension{{Name: aws.String("InstanceId"), Value: aws.String("i-0123")}},
			Statistic:  types.StatisticAverage, Period: aws.Int32(300), Threshold: aws.Float64(80.5),
			ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold, AlarmActions: []string{topic}, ActionsEnabled: aws.Bool(true),
		}
	}
	return func(input any) (any, error) {
		in := input.(*cloudwatch.DescribeAlarmsInput)
		*calls = append(*calls, fmt.Sprintf("%s/%d/%d", aws.ToString(in.NextToken), aws.ToInt32(in.MaxRecords), len(in.AlarmTypes)))
		if in.NextToken == nil {
			return &cloudwatch.DescribeAlarmsOutput{NextToken: aws.String("page-2"),
				MetricAlarms: []types.MetricAlarm{metric(0), metric(1), metric(2), metric(3), metric(4)}}, nil
		}
		return &cloudwatch.DescribeAlarmsOutput{MetricAlarms: []types.MetricAlarm{metric(5)},
			CompositeAlarms: []types.CompositeAlarm{{AlarmName: aws.String("service-down"), AlarmArn: aws.String(alarmARN("service-down")), StateValue: types.StateValueOk,
				AlarmRule: aws.String(`ALARM("cpu-0") AND ALARM("cpu-1")`), AlarmActions: []string{topic}}}}, nil
	}
}

const topic = "arn:aws:sns:" + region + ":" + collecttest.MotoAccount + ":alerts"

func alarmARN(name string) string {
	return "arn:aws:cloudwatch:" + region + ":" + collecttest.MotoAccount + ":alarm:" + name
}

func TestCloudwatchAlarms(t *testing.T) {
	collecttest.Require(t)
	var calls []string
	responder := collecttest.Canned(map[string]func(any) (any, error){
		"DescribeAlarms":      alarmPages(&calls),
		"ListTagsForResource": func(any) (any, error) { return &cloudwatch.ListTagsForResourceOutput{}, nil },
	})
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: responder})

	got := collecttest.Run(t, cfg, collector.Service, "alarm", region)
	if got.Err != nil {
		t.Fatal(got.Err)
	}
	if fmt.Sprint(calls) != "[/5/2 page-2/5/2]" {
		t.Errorf("DescribeAlarms calls (token/max/types) = %v", calls)
	}
	byID := got.ByID()
	if len(byID) != 7 {
		t.Fatalf("want 6 metric + 1 composite alarms over two pages, got %d", len(byID))
	}
	a := byID["cpu-0"]
	checks := map[string]any{"alarm_type": "metric", "state": "ALARM", "metric_name": "CPUUtilization", "namespace": "AWS/EC2", "statistic": "Average",
		"period_seconds": int64(300), "threshold": 80.5, "comparison": "GreaterThanThreshold", "actions_enabled": true}
	for k, want := range checks {
		if a.Details[k] != want {
			t.Errorf("details[%s] = %v (%T), want %v", k, a.Details[k], a.Details[k], want)
		}
	}
	if fmt.Sprint(a.Details["dimensions"]) != "map[InstanceId:i-0123]" || fmt.Sprint(a.Details["alarm_actions"]) != "["+topic+"]" {
		t.Errorf("details = %v", a.Details)
	}
	if a.ARN != "arn:aws:cloudwatch:"+region+":"+collecttest.MotoAccount+":alarm:cpu-0" {
		t.Errorf("arn = %q", a.ARN)
	}
	c := byID["service-down"]
	if c == nil || c.Details["alarm_type"] != "composite" || c.Details["state"] != "OK" || c.Details["alarm_rule"] != `ALARM("cpu-0") AND ALARM("cpu-1")` {
		t.Errorf("composite alarm = %+v", c)
	}
	if _, ok := c.Details["threshold"]; ok {
		t.Errorf("composite alarm has a threshold: %v", c.Details)
	}
}

// Alarm tags come from GetResources; where it answers none (moto has no
// alarms: they are canned) one ListTagsForResource checks it, and on
// disagreement every alarm's tags are read per alarm, with a warning.
func TestCloudwatchAlarmTags(t *testing.T) {
	collecttest.Require(t)
	owner := func(arn string) string { return "owner-of-" + collect.ARNResourceName(arn) }
	for _, bulk := range []bool{true, false} {
		t.Run(fmt.Sprint("bulk answers ", bulk), func(t *testing.T) {
			var calls []string
			var perAlarm atomic.Int64
			canned := map[string]func(any) (any, error){
				"DescribeAlarms": alarmPages(&calls),
				"ListTagsForResource": func(input any) (any, error) {
					perAlarm.Add(1)
					arn := aws.ToString(input.(*cloudwatch.ListTagsForResourceInput).ResourceARN)
					return &cloudwatch.ListTagsForResourceOutput{Tags: []types.Tag{{Key: aws.String("Owner"), Value: aws.String(owner(arn))}}}, nil
				},
			}
			if bulk {
				canned["GetResources"] = func(any) (any, error) {
					out := &tagging.GetResourcesOutput{}
					for _, n := range []string{"cpu-0", "cpu-1", "cpu-2", "cpu-3", "cpu-4", "cpu-5", "service-down"} {
						out.ResourceTagMappingList = append(out.ResourceTagMappingList, tagtypes.ResourceTagMapping{
							ResourceARN: aws.String(alarmARN(n)), Tags: []tagtypes.Tag{{Key: aws.String("Owner"), Value: aws.String(owner(alarmARN(n)))}}})
					}
					return out, nil
				}
			}
			cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Canned(canned)})
			got := collecttest.Run(t, cfg, collector.Service, "alarm", region)
			if got.Err != nil || len(got.Resources) != 7 {
				t.Fatalf("err %v, %d alarms", got.Err, len(got.Resources))
			}
			for _, a := range got.Resources {
				if a.Tags["Owner"] != owner(a.ARN) {
					t.Errorf("%s: tags %v", a.ID, a.Tags)
				}
			}
			if want := map[bool]int64{true: 0, false: 7}[bulk]; perAlarm.Load() != want {
				t.Errorf("%d ListTagsForResource calls, want %d", perAlarm.Load(), want)
			}
			if warned := len(got.Task.Warnings()) > 0; warned == bulk {
				t.Errorf("warnings %v", got.Task.Warnings())
			}
		})
	}
}

func TestCloudwatchPermissions(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeAlarms")})
	got := collecttest.Run(t, cfg, collector.Service, "alarm", region)
	collecttest.AssertDenied(t, got)
}
