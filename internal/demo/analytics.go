package demo

import (
	"github.com/aws/aws-sdk-go-v2/service/glue"
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
}
