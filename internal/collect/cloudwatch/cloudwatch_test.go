package cloudwatch_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsmap/awsmap/internal/awsx"
	collector "github.com/awsmap/awsmap/internal/collect/cloudwatch"
	"github.com/awsmap/awsmap/internal/collect/collecttest"
)

func TestMain(m *testing.M) { collecttest.Main(m, 5) }

const region = "eu-west-1"

// moto 5.2.1 does not speak the Smithy RPCv2 CBOR protocol this SDK uses for
// CloudWatch, so DescribeAlarms is answered with canned pages.
func TestAlarms(t *testing.T) {
	collecttest.Require(t)
	topic := "arn:aws:sns:" + region + ":" + collecttest.MotoAccount + ":alerts"
	metric := func(i int) types.MetricAlarm {
		name := fmt.Sprintf("cpu-%d", i)
		return types.MetricAlarm{
			AlarmName: aws.String(name), AlarmArn: aws.String("arn:aws:cloudwatch:" + region + ":" + collecttest.MotoAccount + ":alarm:" + name),
			StateValue: types.StateValueAlarm, Namespace: aws.String("AWS/EC2"), MetricName: aws.String("CPUUtilization"),
			Dimensions: []types.Dimension{{Name: aws.String("InstanceId"), Value: aws.String("i-0123")}},
			Statistic:  types.StatisticAverage, Period: aws.Int32(300), Threshold: aws.Float64(80.5),
			ComparisonOperator: types.ComparisonOperatorGreaterThanThreshold, AlarmActions: []string{topic}, ActionsEnabled: aws.Bool(true),
		}
	}
	var calls []string
	responder := collecttest.Canned(map[string]func(any) (any, error){
		"DescribeAlarms": func(input any) (any, error) {
			in := input.(*cloudwatch.DescribeAlarmsInput)
			calls = append(calls, fmt.Sprintf("%s/%d/%d", aws.ToString(in.NextToken), aws.ToInt32(in.MaxRecords), len(in.AlarmTypes)))
			if in.NextToken == nil {
				return &cloudwatch.DescribeAlarmsOutput{NextToken: aws.String("page-2"),
					MetricAlarms: []types.MetricAlarm{metric(0), metric(1), metric(2), metric(3), metric(4)}}, nil
			}
			return &cloudwatch.DescribeAlarmsOutput{MetricAlarms: []types.MetricAlarm{metric(5)},
				CompositeAlarms: []types.CompositeAlarm{{AlarmName: aws.String("service-down"), StateValue: types.StateValueOk,
					AlarmRule: aws.String(`ALARM("cpu-0") AND ALARM("cpu-1")`), AlarmActions: []string{topic}}}}, nil
		},
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
		"period_seconds": int32(300), "threshold": 80.5, "comparison": "GreaterThanThreshold", "actions_enabled": true}
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

func TestPermissions(t *testing.T) {
	collecttest.Require(t)
	cfg := collecttest.ConfigWith(t, region, awsx.Options{Responder: collecttest.Deny("DescribeAlarms")})
	got := collecttest.Run(t, cfg, collector.Service, "alarm", region)
	collecttest.AssertDenied(t, got)
}
