// Package datasync collects DataSync tasks, the locations they copy
// between, and the agents that reach on-premises storage.
package datasync

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datasync"
	"github.com/aws/aws-sdk-go-v2/service/datasync/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

// Service is the DataSync collector.
var Service = &collect.Service{
	Name:        "datasync",
	Description: "DataSync tasks, locations and agents",
	Types: []collect.Type{
		{Name: "task", Description: "DataSync transfer task (id = task-...)", Fields: taskFields.Declared(), Tags: collect.TagsPerResource, Collect: tasks, DetailCalls: 2},
		{Name: "location", Description: "DataSync location (id = loc-...): an S3, EFS, FSx, NFS, SMB, HDFS or object storage endpoint",
			Fields: locationFields.Declared(), Tags: collect.TagsPerResource, Collect: locations, DetailCalls: 1},
		{Name: "agent", Description: "DataSync agent (id = agent-...)", Fields: agentFields.Declared(), Tags: collect.TagsPerResource, Collect: agents, DetailCalls: 1},
	},
	Calls: "task: ListTasks + per task DescribeTask, ListTagsForResource. location, agent: List* + per resource ListTagsForResource",
	Relations: []collect.Relation{
		{From: "task", Kind: "reads-from", To: "datasync/location"},
		{From: "task", Kind: "writes-to", To: "datasync/location"},
		{From: "task", Kind: "logs-to", To: "logs/log-group"},
		{From: "location", Kind: "stored-in", To: "s3/bucket"},
	},
}

// id is the last part of a DataSync ARN (task-..., loc-..., agent-...).
func id(arn *string) string { return collect.ARNResourceName(aws.ToString(arn)) }

// tags pages through a resource's tags; a failure is a warning.
func tags(ctx context.Context, t *collect.Task, api *datasync.Client, arn *string) map[string]string {
	out := map[string]string{}
	p := datasync.NewListTagsForResourcePaginator(api, &datasync.ListTagsForResourceInput{ResourceArn: arn})
	t.Warn("ListTagsForResource", collect.EachPage(ctx, p, func(page *datasync.ListTagsForResourceOutput) error {
		for _, tg := range page.Tags {
			out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		return nil
	}))
	return out
}

// task is a listed task with its description (nil when it could not be read).
type task struct {
	types.TaskListEntry
	d *datasync.DescribeTaskOutput
}

func hasTask(tk task) bool { return tk.d != nil }

// options are the described task's options, the zero value when it has none.
func options(tk task) types.Options {
	if tk.d.Options == nil {
		return types.Options{}
	}
	return *tk.d.Options
}

var taskFields = collect.Fields[task]{
	collect.Enum("status", "AVAILABLE, CREATING, QUEUED, RUNNING or UNAVAILABLE", func(tk task) types.TaskStatus { return tk.Status }),
	collect.Enum("task_mode", "BASIC or ENHANCED", func(tk task) types.TaskMode { return tk.TaskMode }),
	collect.When(hasTask, collect.Computed("source_location", model.Text, "location copied from (loc-...)", func(tk task) any { return id(tk.d.SourceLocationArn) })),
	collect.When(hasTask, collect.Computed("destination_location", model.Text, "location copied to (loc-...)", func(tk task) any { return id(tk.d.DestinationLocationArn) })),
	collect.When(hasTask, collect.Text("schedule", "schedule expression; empty when run by hand", func(tk task) *string {
		if tk.d.Schedule == nil {
			return nil
		}
		return tk.d.Schedule.ScheduleExpression
	})),
	collect.When(hasTask, collect.Text("log_group_arn", "CloudWatch Logs group of the task; empty when not logged", func(tk task) *string { return tk.d.CloudWatchLogGroupArn })),
	collect.When(hasTask, collect.Enum("verify_mode", "how transferred data is verified (POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED, NONE)",
		func(tk task) types.VerifyMode { return options(tk).VerifyMode })),
	collect.When(hasTask, collect.Enum("preserve_deleted_files", "PRESERVE or REMOVE files deleted at the source",
		func(tk task) types.PreserveDeletedFiles { return options(tk).PreserveDeletedFiles })),
}

func tasks(ctx context.Context, t *collect.Task) error {
	api := datasync.NewFromConfig(t.Config)
	p := datasync.NewListTasksPaginator(api, &datasync.ListTasksInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *datasync.ListTasksOutput) []types.TaskListEntry { return page.Tasks },
		func(ctx context.Context, e types.TaskListEntry) {
			tk := task{TaskListEntry: e}
			d, err := api.DescribeTask(ctx, &datasync.DescribeTaskInput{TaskArn: e.TaskArn})
			t.Warn("DescribeTask", err)
			r := &model.Resource{Key: t.Key("task", id(e.TaskArn)), ARN: aws.ToString(e.TaskArn), Name: aws.ToString(e.Name), Tags: tags(ctx, t, api, e.TaskArn)}
			if err == nil {
				tk.d, r.CreatedAt = d, model.Time(d.CreationTime)
			}
			r.Details = taskFields.Details(tk)
			t.Emit(r)
			if tk.d != nil {
				t.Relate(r.Key, "reads-from", t.Key("location", id(d.SourceLocationArn)))
				t.Relate(r.Key, "writes-to", t.Key("location", id(d.DestinationLocationArn)))
				t.Relate(r.Key, "logs-to", t.Ref("logs", "log-group", collect.LogGroupName(aws.ToString(d.CloudWatchLogGroupArn))))
			}
		})
}

// scheme is the storage kind a location URI starts with: s3, efs, nfs,
// smb, hdfs, fsxw, fsxl, fsxz, fsxn, object-storage, azure-blob...
func scheme(uri string) string {
	s, _, _ := strings.Cut(uri, "://")
	return s
}

var locationFields = collect.Fields[types.LocationListEntry]{
	collect.Computed("location_type", model.Text, "storage kind: s3, efs, nfs, smb, hdfs, fsxw, fsxl, fsxz, fsxn, object-storage, azure-blob, ...", func(l types.LocationListEntry) any {
		return scheme(aws.ToString(l.LocationUri))
	}),
	collect.Text("uri", "where the location points (s3://bucket/prefix/, nfs://host/path/, ...)", func(l types.LocationListEntry) *string { return l.LocationUri }),
}

func locations(ctx context.Context, t *collect.Task) error {
	api := datasync.NewFromConfig(t.Config)
	p := datasync.NewListLocationsPaginator(api, &datasync.ListLocationsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *datasync.ListLocationsOutput) []types.LocationListEntry { return page.Locations },
		func(ctx context.Context, l types.LocationListEntry) {
			uri := aws.ToString(l.LocationUri)
			key := t.Key("location", id(l.LocationArn))
			t.Emit(&model.Resource{Key: key, ARN: aws.ToString(l.LocationArn), Name: uri, Tags: tags(ctx, t, api, l.LocationArn), Details: locationFields.Details(l)})
			if scheme(uri) == "s3" {
				bucket, _, _ := strings.Cut(strings.TrimPrefix(uri, "s3://"), "/")
				t.RelateByName(key, "stored-in", "s3", "bucket", bucket, t.Region)
			}
		})
}

var agentFields = collect.Fields[types.AgentListEntry]{
	collect.Enum("status", "ONLINE or OFFLINE", func(a types.AgentListEntry) types.AgentStatus { return a.Status }),
	collect.Computed("version", model.Text, "agent software version", func(a types.AgentListEntry) any {
		if a.Platform == nil {
			return ""
		}
		return aws.ToString(a.Platform.Version)
	}),
}

func agents(ctx context.Context, t *collect.Task) error {
	api := datasync.NewFromConfig(t.Config)
	p := datasync.NewListAgentsPaginator(api, &datasync.ListAgentsInput{MaxResults: t.PageSize(100)})
	return collect.EachItem(ctx, p, func(page *datasync.ListAgentsOutput) []types.AgentListEntry { return page.Agents },
		func(ctx context.Context, a types.AgentListEntry) {
			t.Emit(&model.Resource{Key: t.Key("agent", id(a.AgentArn)), ARN: aws.ToString(a.AgentArn), Name: aws.ToString(a.Name),
				Tags: tags(ctx, t, api, a.AgentArn), Details: agentFields.Details(a)})
		})
}
