package demo

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// CloudWatch: alarms on the instances (tags read in bulk) and the teams'
// dashboards, some not touched for years.
func init() {
	kinds = append(kinds,
		&kind{name: "cloudwatch.alarm", weight: 3},
		&kind{name: "cloudwatch.dashboard", weight: 0.15},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("CloudWatch", map[string]handler{"DescribeAlarms": cwAlarms, "ListDashboards": cwDashboards, "ListTagsForResource": alarmTags})
}

// --- CloudWatch alarms (100 a page); some stuck in INSUFFICIENT_DATA.

func (c *call) alarmName(i int) string {
	return fmt.Sprintf("%s-high-cpu-%04d", c.rng("cloudwatch.alarm", i).pick(apps), i)
}

func cwAlarms(c *call) (any, error) {
	in := c.in.(*cw.DescribeAlarmsInput)
	items, next := c.list("cloudwatch.alarm", in.NextToken, in.MaxRecords, 100)
	out := &cw.DescribeAlarmsOutput{NextToken: next}
	ni := c.n("ec2.instance")
	for _, i := range items {
		r, m := c.rng("cloudwatch.alarm", i), c.mut("cloudwatch.alarm", i)
		name := c.alarmName(i)
		state := []cwtypes.StateValue{cwtypes.StateValueOk, cwtypes.StateValueOk, cwtypes.StateValueOk, cwtypes.StateValueAlarm, cwtypes.StateValueInsufficientData}[m.intn(5)]
		a := cwtypes.MetricAlarm{AlarmName: aws.String(name), AlarmArn: aws.String(c.arn("cloudwatch", "alarm:"+name)), StateValue: state,
			MetricName: aws.String("CPUUtilization"), Namespace: aws.String("AWS/EC2"), Statistic: cwtypes.StatisticAverage, Period: aws.Int32(300),
			EvaluationPeriods: aws.Int32(3), Threshold: aws.Float64(80), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold,
			ActionsEnabled: aws.Bool(!r.chance(0.1)), AlarmConfigurationUpdatedTimestamp: c.created("cloudwatch.alarm", i),
			StateUpdatedTimestamp: aws.Time(c.v.e.now.Add(-time.Duration(m.intn(2000)) * time.Hour))}
		if ni > 0 {
			a.Dimensions = []cwtypes.Dimension{{Name: aws.String("InstanceId"), Value: aws.String(c.instanceID(i % ni))}}
		}
		if c.n("sns.topic") > 0 && r.chance(0.8) {
			a.AlarmActions = []string{c.topicARN(i % c.n("sns.topic"))}
		}
		out.MetricAlarms = append(out.MetricAlarms, a)
	}
	return out, nil
}

func alarmTags(c *call) (any, error) {
	tags, err := c.tagsOfARN("cloudwatch.alarm", aws.ToString(c.in.(*cw.ListTagsForResourceInput).ResourceARN), "ResourceNotFound")
	return &cw.ListTagsForResourceOutput{Tags: tagList(tags, func(k, v *string) cwtypes.Tag { return cwtypes.Tag{Key: k, Value: v} })}, err
}

// cwDashboards: dashboards have account-wide ARNs (no region): their names
// say the region.
func cwDashboards(c *call) (any, error) {
	in := c.in.(*cw.ListDashboardsInput)
	items, next := c.list("cloudwatch.dashboard", in.NextToken, nil, 1000)
	out := &cw.ListDashboardsOutput{NextToken: next}
	for _, i := range items {
		r, m := c.rng("cloudwatch.dashboard", i), c.mut("cloudwatch.dashboard", i)
		name := fmt.Sprintf("%s-%s-%s-%04d", r.pick(apps), []string{"overview", "latency", "errors", "capacity"}[i%4], c.region, i)
		modified := c.created("cloudwatch.dashboard", i).Add(time.Duration(m.intn(400*24)) * time.Hour)
		if modified.After(c.v.e.now) {
			modified = c.v.e.now.Add(-time.Duration(1+m.intn(72)) * time.Hour)
		}
		out.DashboardEntries = append(out.DashboardEntries, cwtypes.DashboardEntry{DashboardName: aws.String(name),
			DashboardArn: aws.String(fmt.Sprintf("arn:aws:cloudwatch::%s:dashboard/%s", Accounts[c.acct].ID, name)),
			LastModified: aws.Time(modified), Size: aws.Int64(int64(800 + r.intn(40_000)))})
	}
	return out, nil
}
