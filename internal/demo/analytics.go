package demo

import (
	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	"github.com/aws/aws-sdk-go-v2/service/emr"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/kafka"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/mq"
	"github.com/aws/aws-sdk-go-v2/service/redshift"
	"github.com/aws/aws-sdk-go-v2/service/scheduler"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
)

// The analytics and integration services have no generated data yet: their
// list calls answer empty pages (see withoutDemoData in demo_test.go).
func init() {
	register("Glue", map[string]handler{
		"GetDatabases":   noData(&glue.GetDatabasesOutput{}),
		"GetConnections": noData(&glue.GetConnectionsOutput{}),
		"GetJobs":        noData(&glue.GetJobsOutput{}),
		"GetCrawlers":    noData(&glue.GetCrawlersOutput{}),
		"GetTriggers":    noData(&glue.GetTriggersOutput{}),
		"ListWorkflows":  noData(&glue.ListWorkflowsOutput{}),
	})
	register("Kinesis", map[string]handler{"ListStreams": noData(&kinesis.ListStreamsOutput{})})
	register("Firehose", map[string]handler{"ListDeliveryStreams": noData(&firehose.ListDeliveryStreamsOutput{})})
	register("SFN", map[string]handler{"ListStateMachines": noData(&sfn.ListStateMachinesOutput{}), "ListActivities": noData(&sfn.ListActivitiesOutput{})})
	register("Athena", map[string]handler{"ListWorkGroups": noData(&athena.ListWorkGroupsOutput{}), "ListDataCatalogs": noData(&athena.ListDataCatalogsOutput{})})
	register("Redshift", map[string]handler{"DescribeClusters": noData(&redshift.DescribeClustersOutput{}),
		"DescribeClusterSubnetGroups": noData(&redshift.DescribeClusterSubnetGroupsOutput{}), "DescribeClusterParameterGroups": noData(&redshift.DescribeClusterParameterGroupsOutput{}),
		"DescribeClusterSnapshots": noData(&redshift.DescribeClusterSnapshotsOutput{})})
	register("mq", map[string]handler{"ListBrokers": noData(&mq.ListBrokersOutput{})})
	register("Kafka", map[string]handler{"ListClustersV2": noData(&kafka.ListClustersV2Output{})})
	register("EMR", map[string]handler{"ListClusters": noData(&emr.ListClustersOutput{})})
	register("CodeBuild", map[string]handler{"ListProjects": noData(&codebuild.ListProjectsOutput{})})
	register("Scheduler", map[string]handler{"ListSchedules": noData(&scheduler.ListSchedulesOutput{}), "ListScheduleGroups": noData(&scheduler.ListScheduleGroupsOutput{})})
}
