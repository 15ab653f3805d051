package demo

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// Step Functions: state machines orchestrating the region's functions and
// a few activities for workers. Machine 0 of a region and about a third of
// the others log nothing (stepfunctions-no-logging finds them); the others
// log to a live log group of the region.
func init() {
	kinds = append(kinds,
		&kind{name: "sfn.state-machine", weight: 0.3},
		&kind{name: "sfn.activity", weight: 0.05, max: 10},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("SFN", map[string]handler{"ListStateMachines": sfnMachines, "DescribeStateMachine": sfnDescribe, "ListActivities": sfnActivities,
		"ListTagsForResource": sfnTags})
}

func (c *call) sfnName(i int) string {
	return fmt.Sprintf("%s-%s-workflow-%04d", c.rng("sfn.state-machine", i).pick(apps), []string{"order", "refund", "ingest", "onboarding"}[i%4], i)
}

func (c *call) sfnARN(i int) string { return c.arn("states", "stateMachine:"+c.sfnName(i)) }

func (c *call) sfnType(i int) sfntypes.StateMachineType {
	if i%5 == 4 {
		return sfntypes.StateMachineTypeExpress
	}
	return sfntypes.StateMachineTypeStandard
}

func (c *call) sfnActivityName(i int) string {
	return fmt.Sprintf("%s-manual-approval-%04d", c.rng("sfn.activity", i).pick(apps), i)
}

func sfnMachines(c *call) (any, error) {
	in := c.in.(*sfn.ListStateMachinesInput)
	items, next := c.list("sfn.state-machine", in.NextToken, &in.MaxResults, 1000)
	out := &sfn.ListStateMachinesOutput{NextToken: next}
	for _, i := range items {
		out.StateMachines = append(out.StateMachines, sfntypes.StateMachineListItem{Name: aws.String(c.sfnName(i)), StateMachineArn: aws.String(c.sfnARN(i)),
			Type: c.sfnType(i), CreationDate: c.created("sfn.state-machine", i)})
	}
	return out, nil
}

func sfnDescribe(c *call) (any, error) {
	arn := aws.ToString(c.in.(*sfn.DescribeStateMachineInput).StateMachineArn)
	i, ok := trailingIndex(arn)
	if !ok || !c.alive("sfn.state-machine", i) || c.sfnARN(i) != arn {
		return nil, notFound("StateMachineDoesNotExist", "State Machine Does Not Exist: '"+arn+"'")
	}
	r, m := c.rng("sfn.state-machine", i+1<<30), c.mut("sfn.state-machine", i)
	out := &sfn.DescribeStateMachineOutput{StateMachineArn: aws.String(arn), Name: aws.String(c.sfnName(i)), Status: sfntypes.StateMachineStatusActive,
		Type: c.sfnType(i), RoleArn: aws.String(c.roleOf(0, i)), CreationDate: c.created("sfn.state-machine", i),
		Definition:           aws.String(`{"StartAt":"Process","States":{"Process":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}`),
		LoggingConfiguration: &sfntypes.LoggingConfiguration{Level: sfntypes.LogLevelOff},
		TracingConfiguration: &sfntypes.TracingConfiguration{Enabled: r.chance(0.3)}}
	if fn := c.live("lambda.function", i); fn >= 0 {
		out.Definition = aws.String(strings.Replace(*out.Definition, `"arn:aws:states:::lambda:invoke"`, `"`+c.arn("lambda", "function:"+c.fnName(fn))+`"`, 1))
	}
	if group := c.liveLogGroup(i); group != "" && i != 0 && !m.chance(0.3) {
		out.LoggingConfiguration = &sfntypes.LoggingConfiguration{Level: []sfntypes.LogLevel{sfntypes.LogLevelAll, sfntypes.LogLevelError, sfntypes.LogLevelFatal}[m.intn(3)],
			IncludeExecutionData: r.chance(0.5), Destinations: []sfntypes.LogDestination{{CloudWatchLogsLogGroup: &sfntypes.CloudWatchLogsLogGroup{LogGroupArn: aws.String(group + ":*")}}}}
	}
	if r.chance(0.2) {
		out.EncryptionConfiguration = &sfntypes.EncryptionConfiguration{Type: sfntypes.EncryptionTypeCustomerManagedKmsKey, KmsKeyId: aws.String(c.kmsARN())}
	}
	return out, nil
}

func sfnActivities(c *call) (any, error) {
	in := c.in.(*sfn.ListActivitiesInput)
	items, next := c.list("sfn.activity", in.NextToken, &in.MaxResults, 1000)
	out := &sfn.ListActivitiesOutput{NextToken: next}
	for _, i := range items {
		name := c.sfnActivityName(i)
		out.Activities = append(out.Activities, sfntypes.ActivityListItem{Name: aws.String(name), ActivityArn: aws.String(c.arn("states", "activity:"+name)),
			CreationDate: c.created("sfn.activity", i)})
	}
	return out, nil
}

func sfnTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*sfn.ListTagsForResourceInput).ResourceArn)
	kind := "sfn.state-machine"
	if strings.Contains(arn, ":activity:") {
		kind = "sfn.activity"
	}
	i, err := c.index(kind, arn, "ResourceNotFound")
	if err != nil {
		return nil, err
	}
	return &sfn.ListTagsForResourceOutput{Tags: tagList(c.tagMap(kind, i, ""), func(k, v *string) sfntypes.Tag { return sfntypes.Tag{Key: k, Value: v} })}, nil
}
