package glue

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/awsmap/awsmap/internal/collect"
	"github.com/awsmap/awsmap/internal/model"
)

var jobFields = collect.Fields[types.Job]{
	collect.Text("role", "IAM role the job runs as (name or ARN)", func(j types.Job) *string { return j.Role }),
	collect.Computed("command", model.Text, "glueetl (Spark), gluestreaming, pythonshell or glueray", func(j types.Job) any {
		if j.Command == nil {
			return ""
		}
		return aws.ToString(j.Command.Name)
	}),
	collect.Text("glue_version", "Glue version (runtime)", func(j types.Job) *string { return j.GlueVersion }),
	collect.Enum("worker_type", "worker type (G.1X, G.2X, ...); empty when sized by max_capacity", func(j types.Job) types.WorkerType { return j.WorkerType }),
	collect.Int("number_of_workers", "workers allocated per run", func(j types.Job) *int32 { return j.NumberOfWorkers }),
	collect.Computed("max_capacity", model.Real, "DPUs per run, for jobs sized in DPUs", func(j types.Job) any {
		if j.MaxCapacity == nil {
			return nil
		}
		return *j.MaxCapacity
	}),
	collect.Int("timeout_minutes", "run timeout, in minutes", func(j types.Job) *int32 { return j.Timeout }),
	collect.Computed("max_retries", model.Integer, "retries after a failed run", func(j types.Job) any { return int64(j.MaxRetries) }),
	collect.Text("security_configuration", "Glue security configuration (encryption of S3 output, logs, bookmarks); empty when none", func(j types.Job) *string { return j.SecurityConfiguration }),
	collect.Enum("execution_class", "STANDARD or FLEX", func(j types.Job) types.ExecutionClass { return j.ExecutionClass }),
	collect.Enum("job_mode", "SCRIPT, VISUAL or NOTEBOOK", func(j types.Job) types.JobMode { return j.JobMode }),
	collect.Timestamp("last_modified", "last change of the job definition", func(j types.Job) *time.Time { return j.LastModifiedOn }),
}

func jobs(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewGetJobsPaginator(api, &glue.GetJobsInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *glue.GetJobsOutput) error {
		rs := make([]*model.Resource, 0, len(page.Jobs))
		for _, j := range page.Jobs {
			name := aws.ToString(j.Name)
			key := t.Key("job", name)
			rs = append(rs, &model.Resource{Key: key, Name: name, ARN: arn(t, "job", name),
				CreatedAt: model.Time(j.CreatedOn), Details: jobFields.Details(j)})
			t.Relate(key, "assumes-role", t.Role(aws.ToString(j.Role)))
			t.Relate(key, "uses-security-configuration", t.Key("security-configuration", aws.ToString(j.SecurityConfiguration)))
			if j.Connections != nil {
				for _, c := range j.Connections.Connections {
					t.Relate(key, "uses-connection", t.Key("connection", c))
				}
			}
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var crawlerFields = collect.Fields[types.Crawler]{
	collect.Text("role", "IAM role the crawler runs as (name or ARN)", func(c types.Crawler) *string { return c.Role }),
	collect.Text("database", "database the crawler writes tables to", func(c types.Crawler) *string { return c.DatabaseName }),
	collect.Enum("state", "READY, RUNNING or STOPPING", func(c types.Crawler) types.CrawlerState { return c.State }),
	collect.Computed("schedule", model.Text, "cron schedule; empty when run on demand", func(c types.Crawler) any {
		if c.Schedule == nil {
			return ""
		}
		return aws.ToString(c.Schedule.ScheduleExpression)
	}),
	collect.Enum("last_crawl_status", "SUCCEEDED, CANCELLED or FAILED; empty before the first crawl", func(c types.Crawler) types.LastCrawlStatus {
		if c.LastCrawl == nil {
			return ""
		}
		return c.LastCrawl.Status
	}),
	collect.Computed("s3_targets", model.JSON, "S3 paths crawled", func(c types.Crawler) any {
		paths := []string{}
		if c.Targets != nil {
			for _, s := range c.Targets.S3Targets {
				paths = append(paths, aws.ToString(s.Path))
			}
		}
		return paths
	}),
	collect.Text("security_configuration", "Glue security configuration; empty when none", func(c types.Crawler) *string { return c.CrawlerSecurityConfiguration }),
	collect.Timestamp("updated", "last update of the crawler", func(c types.Crawler) *time.Time { return c.LastUpdated }),
}

func crawlers(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewGetCrawlersPaginator(api, &glue.GetCrawlersInput{MaxResults: t.PageSize(1000)})
	return collect.EachPage(ctx, p, func(page *glue.GetCrawlersOutput) error {
		rs := make([]*model.Resource, 0, len(page.Crawlers))
		for _, c := range page.Crawlers {
			name := aws.ToString(c.Name)
			key := t.Key("crawler", name)
			rs = append(rs, &model.Resource{Key: key, Name: name, ARN: arn(t, "crawler", name),
				CreatedAt: model.Time(c.CreationTime), Details: crawlerFields.Details(c)})
			t.Relate(key, "assumes-role", t.Role(aws.ToString(c.Role)))
			t.Relate(key, "writes-to", t.Key("database", aws.ToString(c.DatabaseName)))
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var triggerFields = collect.Fields[types.Trigger]{
	collect.Enum("trigger_type", "SCHEDULED, CONDITIONAL, ON_DEMAND or EVENT", func(tr types.Trigger) types.TriggerType { return tr.Type }),
	collect.Enum("state", "CREATED, ACTIVATED, DEACTIVATED, ...", func(tr types.Trigger) types.TriggerState { return tr.State }),
	collect.Text("schedule", "cron schedule of a SCHEDULED trigger", func(tr types.Trigger) *string { return tr.Schedule }),
	collect.Text("workflow", "workflow the trigger belongs to, if any", func(tr types.Trigger) *string { return tr.WorkflowName }),
	collect.Computed("actions", model.JSON, "what the trigger starts: [{\"job\": name} or {\"crawler\": name}]", func(tr types.Trigger) any {
		out := []map[string]string{}
		for _, a := range tr.Actions {
			switch {
			case a.JobName != nil:
				out = append(out, map[string]string{"job": *a.JobName})
			case a.CrawlerName != nil:
				out = append(out, map[string]string{"crawler": *a.CrawlerName})
			}
		}
		return out
	}),
}

func triggers(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewGetTriggersPaginator(api, &glue.GetTriggersInput{MaxResults: t.PageSize(200)})
	return collect.EachPage(ctx, p, func(page *glue.GetTriggersOutput) error {
		rs := make([]*model.Resource, 0, len(page.Triggers))
		for _, tr := range page.Triggers {
			name := aws.ToString(tr.Name)
			key := t.Key("trigger", name)
			rs = append(rs, &model.Resource{Key: key, Name: name, ARN: arn(t, "trigger", name), Details: triggerFields.Details(tr)})
			for _, a := range tr.Actions {
				t.Relate(key, "starts", t.Key("job", aws.ToString(a.JobName)))
				t.Relate(key, "starts", t.Key("crawler", aws.ToString(a.CrawlerName)))
			}
			t.Relate(key, "member-of", t.Key("workflow", aws.ToString(tr.WorkflowName)))
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}

var workflowFields = collect.Fields[types.Workflow]{
	collect.Text("description", "workflow description", func(w types.Workflow) *string { return w.Description }),
	collect.Int("max_concurrent_runs", "concurrent runs allowed; 0 when unlimited", func(w types.Workflow) *int32 { return w.MaxConcurrentRuns }),
	collect.Enum("last_run_status", "RUNNING, COMPLETED, STOPPING, STOPPED or ERROR; empty before the first run", func(w types.Workflow) types.WorkflowRunStatus {
		if w.LastRun == nil {
			return ""
		}
		return w.LastRun.Status
	}),
	collect.Timestamp("last_modified", "last change of the workflow", func(w types.Workflow) *time.Time { return w.LastModifiedOn }),
}

// workflows lists workflow names, then describes them 25 at a time
// (BatchGetWorkflows' limit); names Glue reports missing are skipped:
// deleted since the listing.
func workflows(ctx context.Context, t *collect.Task) error {
	api := client(t)
	p := glue.NewListWorkflowsPaginator(api, &glue.ListWorkflowsInput{MaxResults: t.PageSize(25)})
	return collect.EachPage(ctx, p, func(page *glue.ListWorkflowsOutput) error {
		if len(page.Workflows) == 0 {
			return nil
		}
		out, err := api.BatchGetWorkflows(ctx, &glue.BatchGetWorkflowsInput{Names: page.Workflows})
		if err != nil {
			return err
		}
		rs := make([]*model.Resource, 0, len(out.Workflows))
		for _, w := range out.Workflows {
			name := aws.ToString(w.Name)
			rs = append(rs, &model.Resource{Key: t.Key("workflow", name), Name: name, ARN: arn(t, "workflow", name),
				CreatedAt: model.Time(w.CreatedOn), Details: workflowFields.Details(w)})
		}
		emitTagged(ctx, t, api, rs)
		return nil
	})
}
