package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	gluetypes "github.com/aws/aws-sdk-go-v2/service/glue/types"
)

// Glue: a data lake per region. Table j is in database j mod nDatabases
// and lives in a bucket of the account; crawlers write to live databases,
// triggers start live jobs and crawlers, some within workflows. Connection
// 0 of a region keeps its JDBC password in plain text
// (glue-connections-plaintext-password finds it), and so do about a
// quarter of the others; the rest use Secrets Manager or the catalog's
// password encryption. Crawler 0 of a region fails (glue-crawlers-failing).
func init() {
	kinds = append(kinds,
		&kind{name: "glue.database", weight: 0.25, min: 1, stable: true},
		&kind{name: "glue.table", weight: 1.2},
		&kind{name: "glue.connection", weight: 0.08, max: 20},
		&kind{name: "glue.job", weight: 0.35},
		&kind{name: "glue.crawler", weight: 0.15},
		&kind{name: "glue.trigger", weight: 0.15},
		&kind{name: "glue.workflow", weight: 0.06, stable: true},
	)
	for _, k := range kinds {
		kindByName[k.name] = k
	}
	register("Glue", map[string]handler{"GetDatabases": glueDatabases, "GetTables": glueTables, "GetConnections": glueConnections,
		"GetJobs": glueJobs, "GetCrawlers": glueCrawlers, "GetTriggers": glueTriggers, "ListWorkflows": glueListWorkflows,
		"BatchGetWorkflows": glueBatchGetWorkflows, "GetTags": glueTags})
}

var (
	lakeLayers   = []string{"raw", "curated", "analytics", "staging"}
	lakeEntities = []string{"orders", "customers", "clickstream", "invoices", "payments", "sessions", "products", "events"}
)

func (c *call) glueDBName(d int) string {
	return fmt.Sprintf("%s_%s_%04d", c.rng("glue.database", d).pick(projects), lakeLayers[d%len(lakeLayers)], d)
}

func (c *call) glueConnName(i int) string {
	return fmt.Sprintf("%s-%s-jdbc-%04d", Accounts[c.acct].Env, c.rng("glue.connection", i).pick(apps), i)
}

func (c *call) glueJobName(i int) string {
	return fmt.Sprintf("%s-%s-%s-%04d", c.rng("glue.job", i).pick(projects), []string{"load", "transform", "export", "compact"}[i%4], lakeEntities[i%len(lakeEntities)], i)
}

func (c *call) glueCrawlerName(i int) string {
	return fmt.Sprintf("%s-crawler-%04d", lakeEntities[i%len(lakeEntities)], i)
}

func (c *call) glueWorkflowName(i int) string {
	return fmt.Sprintf("%s-nightly-%04d", c.rng("glue.workflow", i).pick(projects), i)
}

func (c *call) glueTriggerName(i int) string {
	return fmt.Sprintf("%s-trigger-%04d", []string{"nightly", "on-arrival", "manual", "hourly"}[i%4], i)
}

func (c *call) glueDBLocation(d int) string {
	return "s3://" + c.liveBucket(d) + "/lake/" + c.glueDBName(d) + "/"
}

func glueDatabases(c *call) (any, error) {
	in := c.in.(*glue.GetDatabasesInput)
	items, next := c.list("glue.database", in.NextToken, in.MaxResults, 100)
	out := &glue.GetDatabasesOutput{NextToken: next}
	for _, d := range items {
		name := c.glueDBName(d)
		out.DatabaseList = append(out.DatabaseList, gluetypes.Database{Name: aws.String(name), CatalogId: c.owner(), CreateTime: c.created("glue.database", d),
			Description: aws.String(lakeLayers[d%len(lakeLayers)] + " data of " + name), LocationUri: aws.String(c.glueDBLocation(d))})
	}
	return out, nil
}

func glueTables(c *call) (any, error) {
	in := c.in.(*glue.GetTablesInput)
	db := aws.ToString(in.DatabaseName)
	d, ok := trailingIndex(db)
	if !ok || !c.alive("glue.database", d) || c.glueDBName(d) != db {
		return nil, notFound("EntityNotFoundException", "Database "+db+" not found.")
	}
	items, next := c.strided("glue.table", d, c.n("glue.database"), in.NextToken, in.MaxResults, 100)
	out := &glue.GetTablesOutput{NextToken: next}
	location := c.glueDBLocation(d)
	for _, j := range items {
		r, m := c.rng("glue.table", j), c.mut("glue.table", j)
		name := fmt.Sprintf("%s_%04d", lakeEntities[r.intn(len(lakeEntities))], j)
		tb := gluetypes.Table{Name: aws.String(name), DatabaseName: aws.String(db), CatalogId: c.owner(), TableType: aws.String("EXTERNAL_TABLE"),
			Owner: aws.String("hadoop"), CreateTime: c.created("glue.table", j), UpdateTime: c.created("glue.table", j),
			Parameters:                    map[string]string{"classification": []string{"parquet", "json", "csv", "parquet", "avro"}[r.intn(5)]},
			StorageDescriptor:             &gluetypes.StorageDescriptor{Location: aws.String(location + name + "/")},
			IsRegisteredWithLakeFormation: r.chance(0.2)}
		for k := range r.intn(3) {
			tb.PartitionKeys = append(tb.PartitionKeys, gluetypes.Column{Name: aws.String([]string{"year", "month", "day"}[k]), Type: aws.String("string")})
		}
		if r.chance(0.1) {
			tb.TableType, tb.StorageDescriptor, tb.Parameters = aws.String("VIRTUAL_VIEW"), nil, nil
		}
		if !m.chance(0.3) {
			tb.LastAccessTime = aws.Time(c.v.e.now.Add(-glueAge(m)))
		}
		out.TableList = append(out.TableList, tb)
	}
	return out, nil
}

func glueConnections(c *call) (any, error) {
	in := c.in.(*glue.GetConnectionsInput)
	items, next := c.list("glue.connection", in.NextToken, in.MaxResults, 1000)
	out := &glue.GetConnectionsOutput{NextToken: next}
	for _, i := range items {
		r := c.rng("glue.connection", i+1<<30)
		name := c.glueConnName(i)
		engine, port := "postgresql", 5432
		if r.chance(0.4) {
			engine, port = "mysql", 3306
		}
		props := map[string]string{"JDBC_CONNECTION_URL": fmt.Sprintf("jdbc:%s://%s:%d/warehouse", engine, c.dbEndpoint(fmt.Sprintf("%s-db-%04d", engine, i)), port),
			"JDBC_ENFORCE_SSL": fmt.Sprint(r.chance(0.5))}
		switch x := r.intn(4); {
		case i == 0 || x == 0:
			props["USERNAME"], props["PASSWORD"] = "etl", "demo-not-a-password"
		case x == 1:
			props["USERNAME"], props["ENCRYPTED_PASSWORD"] = "etl", "AQICAHh"+r.hex(40)
		default:
			props["SECRET_ID"] = fmt.Sprintf("%s/glue/%s", Accounts[c.acct].Env, name)
		}
		vpc := c.appVPC(i)
		out.ConnectionList = append(out.ConnectionList, gluetypes.Connection{Name: aws.String(name), ConnectionType: gluetypes.ConnectionTypeJdbc,
			Status: gluetypes.ConnectionStatusReady, ConnectionProperties: props, CreationTime: c.created("glue.connection", i), LastUpdatedTime: c.created("glue.connection", i),
			PhysicalConnectionRequirements: &gluetypes.PhysicalConnectionRequirements{SubnetId: aws.String(c.vpcSubnets(vpc, i, 1)[0]),
				SecurityGroupIdList: []string{c.vpcSG(vpc, i)}, AvailabilityZone: aws.String(c.az(i))}})
	}
	return out, nil
}

func glueJobs(c *call) (any, error) {
	in := c.in.(*glue.GetJobsInput)
	items, next := c.list("glue.job", in.NextToken, in.MaxResults, 1000)
	out := &glue.GetJobsOutput{NextToken: next}
	for _, i := range items {
		r, m := c.rng("glue.job", i), c.mut("glue.job", i)
		j := gluetypes.Job{Name: aws.String(c.glueJobName(i)), Role: aws.String(c.roleOf(6, i)), CreatedOn: c.created("glue.job", i),
			LastModifiedOn: aws.Time(c.v.e.now.Add(-glueAge(m))), Command: &gluetypes.JobCommand{Name: aws.String("glueetl"), PythonVersion: aws.String("3"),
				ScriptLocation: aws.String("s3://" + c.liveBucket(i) + "/scripts/" + c.glueJobName(i) + ".py")},
			GlueVersion: aws.String([]string{"4.0", "4.0", "3.0", "2.0"}[r.intn(4)]), WorkerType: gluetypes.WorkerTypeG1x, NumberOfWorkers: aws.Int32(int32(2 + r.intn(20))),
			Timeout: aws.Int32(int32([]int{60, 120, 480, 2880}[r.intn(4)])), MaxRetries: int32(r.intn(3)), ExecutionClass: gluetypes.ExecutionClassStandard, JobMode: gluetypes.JobModeScript}
		switch x := r.intn(5); {
		case x == 0:
			j.Command.Name, j.WorkerType, j.NumberOfWorkers, j.MaxCapacity = aws.String("pythonshell"), "", nil, aws.Float64(0.0625)
		case x == 1:
			j.WorkerType, j.ExecutionClass = gluetypes.WorkerTypeG2x, gluetypes.ExecutionClassFlex
		}
		if r.chance(0.5) {
			j.SecurityConfiguration = aws.String(Accounts[c.acct].Env + "-glue-encryption")
		}
		if conn := c.live("glue.connection", i); conn >= 0 && r.chance(0.4) {
			j.Connections = &gluetypes.ConnectionsList{Connections: []string{c.glueConnName(conn)}}
		}
		out.Jobs = append(out.Jobs, j)
	}
	return out, nil
}

func glueCrawlers(c *call) (any, error) {
	in := c.in.(*glue.GetCrawlersInput)
	items, next := c.list("glue.crawler", in.NextToken, in.MaxResults, 1000)
	out := &glue.GetCrawlersOutput{NextToken: next}
	for _, i := range items {
		r, m := c.rng("glue.crawler", i), c.mut("glue.crawler", i)
		cr := gluetypes.Crawler{Name: aws.String(c.glueCrawlerName(i)), Role: aws.String(c.roleOf(6, i+1)), State: gluetypes.CrawlerStateReady,
			CreationTime: c.created("glue.crawler", i), LastUpdated: c.created("glue.crawler", i), Version: int64(1 + r.intn(9)),
			LastCrawl: &gluetypes.LastCrawlInfo{Status: gluetypes.LastCrawlStatusSucceeded, StartTime: aws.Time(c.v.e.now.Add(-glueAge(m)))}}
		if d := c.live("glue.database", i); d >= 0 {
			cr.DatabaseName = aws.String(c.glueDBName(d))
			cr.Targets = &gluetypes.CrawlerTargets{S3Targets: []gluetypes.S3Target{{Path: aws.String(c.glueDBLocation(d))}}}
		}
		if r.chance(0.6) {
			cr.Schedule = &gluetypes.Schedule{ScheduleExpression: aws.String("cron(0 2 * * ? *)"), State: gluetypes.ScheduleStateScheduled}
		}
		if i == 0 || m.chance(0.12) {
			cr.LastCrawl.Status, cr.LastCrawl.ErrorMessage = gluetypes.LastCrawlStatusFailed, aws.String("Service is unable to assume provided role.")
		}
		if r.chance(0.3) {
			cr.CrawlerSecurityConfiguration = aws.String(Accounts[c.acct].Env + "-glue-encryption")
		}
		out.Crawlers = append(out.Crawlers, cr)
	}
	return out, nil
}

func glueTriggers(c *call) (any, error) {
	in := c.in.(*glue.GetTriggersInput)
	items, next := c.list("glue.trigger", in.NextToken, in.MaxResults, 200)
	out := &glue.GetTriggersOutput{NextToken: next}
	for _, i := range items {
		m := c.mut("glue.trigger", i)
		tr := gluetypes.Trigger{Name: aws.String(c.glueTriggerName(i)), Id: aws.String(c.glueTriggerName(i)), State: gluetypes.TriggerStateActivated}
		switch i % 4 {
		case 0, 3:
			tr.Type, tr.Schedule = gluetypes.TriggerTypeScheduled, aws.String([]string{"cron(0 1 * * ? *)", "cron(0 * * * ? *)"}[i%4/3])
		case 1:
			tr.Type = gluetypes.TriggerTypeConditional
		default:
			tr.Type = gluetypes.TriggerTypeOnDemand
		}
		if m.chance(0.15) {
			tr.State = gluetypes.TriggerStateDeactivated
		}
		if j := c.live("glue.job", i); j >= 0 {
			tr.Actions = append(tr.Actions, gluetypes.Action{JobName: aws.String(c.glueJobName(j))})
		}
		if cr := c.live("glue.crawler", i); cr >= 0 && i%3 == 0 {
			tr.Actions = append(tr.Actions, gluetypes.Action{CrawlerName: aws.String(c.glueCrawlerName(cr))})
		}
		if w := c.live("glue.workflow", i); w >= 0 && i%2 == 0 {
			tr.WorkflowName = aws.String(c.glueWorkflowName(w))
		}
		out.Triggers = append(out.Triggers, tr)
	}
	return out, nil
}

func glueListWorkflows(c *call) (any, error) {
	in := c.in.(*glue.ListWorkflowsInput)
	items, next := c.list("glue.workflow", in.NextToken, in.MaxResults, 25)
	out := &glue.ListWorkflowsOutput{NextToken: next}
	for _, i := range items {
		out.Workflows = append(out.Workflows, c.glueWorkflowName(i))
	}
	return out, nil
}

func glueBatchGetWorkflows(c *call) (any, error) {
	out := &glue.BatchGetWorkflowsOutput{}
	for _, name := range c.in.(*glue.BatchGetWorkflowsInput).Names {
		i, ok := trailingIndex(name)
		if !ok || !c.alive("glue.workflow", i) || c.glueWorkflowName(i) != name {
			out.MissingWorkflows = append(out.MissingWorkflows, name)
			continue
		}
		m := c.mut("glue.workflow", i)
		w := gluetypes.Workflow{Name: aws.String(name), Description: aws.String("nightly load of " + name), CreatedOn: c.created("glue.workflow", i),
			LastModifiedOn: c.created("glue.workflow", i), MaxConcurrentRuns: aws.Int32(1),
			LastRun: &gluetypes.WorkflowRun{Name: aws.String(name), Status: gluetypes.WorkflowRunStatusCompleted, StartedOn: aws.Time(c.v.e.now.Add(-glueAge(m)))}}
		if m.chance(0.1) {
			w.LastRun.Status = gluetypes.WorkflowRunStatusError
		}
		out.Workflows = append(out.Workflows, w)
	}
	return out, nil
}

// glueKinds maps the resource part of a Glue ARN to its kind.
var glueKinds = map[string]string{"database": "glue.database", "connection": "glue.connection", "job": "glue.job",
	"crawler": "glue.crawler", "trigger": "glue.trigger", "workflow": "glue.workflow"}

func glueTags(c *call) (any, error) {
	arn := aws.ToString(c.in.(*glue.GetTagsInput).ResourceArn)
	parts := strings.SplitN(arn, ":", 6)
	typ, _, _ := strings.Cut(parts[len(parts)-1], "/")
	kind, ok := glueKinds[typ]
	if !ok {
		return nil, notFound("EntityNotFoundException", "resource "+arn+" not found")
	}
	i, err := c.index(kind, arn, "EntityNotFoundException")
	if err != nil {
		return nil, err
	}
	return &glue.GetTagsOutput{Tags: c.tagMap(kind, i, "")}, nil
}

// glueAge is how long ago a job or crawler last ran or changed: hours to
// a few months.
func glueAge(m *rng) time.Duration { return time.Duration(1+m.intn(90*24)) * time.Hour }
